// A participant who withdraws their consent: what identifies them is erased for good.
import type { CurrentUser } from "~/auth/guards.server";
import type { WithdrawConsentInput } from "~/schemas/journal";
import { conflict, ok, refusable, refuse, type WriteResult } from "~/utils/write-result";
import type { AccessibleParticipant } from "../access.server";
import { audit } from "../audit.server";
import { prisma } from "../db.server";
import { bumped, versionNumber } from "./event-stores.server";

/**
 * Erases what identifies the person — name, code, every free text, the links from referrals and
 * study visits — and keeps the anonymous facts (enrolments, dates, steps, scores) that counts
 * already reported rest on. The audit entry says that it happened, never what was erased.
 */
export async function withdrawConsent(user: CurrentUser, participant: AccessibleParticipant, input: WithdrawConsentInput): Promise<WriteResult> {
  if (String(participant.version) !== input.version) return conflict();
  // Every enrolment, also those outside a koordinator's own scope: consent is the person's.
  const ofParticipant = { enrolment: { participantId: participant.id } };
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const erased = await tx.participant.updateMany({
        where: { id: participant.id, version: versionNumber(input.version), erasedAt: null },
        data: { name: null, code: null, erasedAt: new Date(), ...bumped },
      });
      if (erased.count !== 1) refuse(conflict());
      await tx.activity.updateMany({ where: ofParticipant, data: { note: null } });
      await tx.supportIntervention.updateMany({ where: ofParticipant, data: { note: null } });
      await tx.trappanPlacement.updateMany({ where: ofParticipant, data: { motivation: null } });
      await tx.fovScreening.updateMany({ where: ofParticipant, data: { notAskedReason: null } });
      await tx.referral.updateMany({ where: { participantId: participant.id }, data: { participantId: null } });
      await tx.studyVisit.updateMany({ where: { participantId: participant.id }, data: { participantId: null } });
      await tx.consent.updateMany({ where: { participantId: participant.id, withdrawnDate: null }, data: { withdrawnDate: input.date } });
      await audit(
        { organisationId: user.organisationId, userId: user.id, action: "consent-withdrawal", entity: "participant", entityId: participant.id, participantId: participant.id },
        tx,
      );
      return ok();
    }),
  );
}
