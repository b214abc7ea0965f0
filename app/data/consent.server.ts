// Consent: the first thing stored about a person referred for the first time, or the link of a
// referral to a participant enrolled before (with a new consent when theirs is withdrawn).
// Nothing else about a person can be saved before their consent.
import type { CurrentUser } from "~/auth/guards.server";
import type { ConsentInput, LinkParticipantInput } from "~/schemas/participants";
import { NEW_CONSENT_DATE } from "~/schemas/participants";
import { formatDate } from "~/utils/format";
import { fieldRefused, formRefused, ok, refusable, refuse, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { isUniqueViolation, prisma } from "./db.server";
import { accessibleReferral } from "./referrals.server";
import { futureDateRefusal, participantByCode } from "./scope.server";

const CODE_TAKEN = "Koden används redan.";
const ALREADY_LINKED = "Remissen är redan kopplad till en deltagare.";
const ALREADY_ENROLLED = "Deltagaren har redan en pågående inskrivning.";

const noParticipantWithCode = (code: string) => `Det finns ingen deltagare med koden ${code} som du har tillgång till.`;

/** The audit detail of what a consent covers. */
function consentScope(input: { coversSharing: boolean; coversStatistics: boolean }): string {
  const parts = [input.coversSharing ? "informationsutbyte" : null, input.coversStatistics ? "statistik" : null];
  return `omfattar: ${parts.filter(Boolean).join(", ")}`;
}

/**
 * The first thing stored about a person: their code (and optionally name) with the consent, linked
 * to the referral.
 */
export async function recordConsent(user: CurrentUser, referralId: string, input: ConsentInput): Promise<WriteResult<{ participantId: string }>> {
  const future = futureDateRefusal("givenDate", "Datum för samtycket", input.givenDate);
  if (future) return future;
  try {
    return await refusable(() =>
      prisma.$transaction(async (tx) => {
        const referral = await accessibleReferral(user, referralId, tx);
        if (referral.participantId) refuse(formRefused("Samtycke är redan registrerat för den här remissen."));
        const taken = await tx.participant.findFirst({ where: { organisationId: user.organisationId, code: input.code }, select: { id: true } });
        if (taken) refuse(fieldRefused("code", CODE_TAKEN));
        const participant = await tx.participant.create({
          data: {
            organisationId: user.organisationId,
            code: input.code,
            name: input.name,
            consents: { create: { givenDate: input.givenDate, coversSharing: input.coversSharing, coversStatistics: input.coversStatistics } },
          },
          select: { id: true },
        });
        await tx.referral.update({ where: { id: referral.id }, data: { participantId: participant.id, version: { increment: 1 } } });
        const entry = { organisationId: user.organisationId, userId: user.id, participantId: participant.id };
        await audit({ ...entry, action: "create", entity: "participant", entityId: participant.id, detail: input.name ? "kod, namn" : "kod" }, tx);
        await audit({ ...entry, action: "create", entity: "consent", entityId: participant.id, detail: consentScope(input) }, tx);
        await audit({ ...entry, action: "update", entity: "referral", entityId: referral.id, detail: "ändrat: deltagare" }, tx);
        return ok({ participantId: participant.id });
      }),
    );
  } catch (error) {
    // Two people saving the same code at once: both pass the check, the unique index stops one.
    if (isUniqueViolation(error)) return fieldRefused("code", CODE_TAKEN);
    throw error;
  }
}

/** Why a new consent date is refused, given the participant's latest consent (none, or withdrawn). */
function newConsentRefusal(givenDate: string | null, withdrawnDate: string | null | undefined) {
  if (!givenDate) return fieldRefused("givenDate", `Deltagaren har inget gällande samtycke. Fyll i ${NEW_CONSENT_DATE.toLowerCase()}.`);
  if (withdrawnDate && givenDate < withdrawnDate) {
    return fieldRefused("givenDate", `${NEW_CONSENT_DATE} kan inte vara före det återkallade samtycket (${formatDate(withdrawnDate)}).`);
  }
  return null;
}

/**
 * Links a referral to a participant enrolled before (closed, referred again), found by their code
 * within the förbund and the user's scope. Their consent stands unless the latest one is withdrawn
 * or missing; then a new consent date is required and recorded. One transaction: the link, the
 * consent and their audit entries are written together or not at all.
 */
export async function linkParticipant(
  user: CurrentUser,
  referralId: string,
  input: LinkParticipantInput,
): Promise<WriteResult<{ participantId: string; consentRecorded: boolean }>> {
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const referral = await accessibleReferral(user, referralId, tx);
      if (referral.participantId) refuse(formRefused(ALREADY_LINKED));
      const participant = await participantByCode(tx, user, input.code);
      if (!participant) refuse(fieldRefused("code", noParticipantWithCode(input.code)));
      if (participant.enrolments.some((enrolment) => enrolment.closedDate === null)) refuse(fieldRefused("code", ALREADY_ENROLLED));

      const latest = participant.consents[0];
      const consentRecorded = !latest || latest.withdrawnDate !== null;
      const consentRefusal = consentRecorded ? newConsentRefusal(input.givenDate, latest?.withdrawnDate) : null;
      if (consentRefusal) refuse(consentRefusal);

      // Only while the referral is still unlinked: two people linking it at once cannot both succeed.
      const linked = await tx.referral.updateMany({
        where: { id: referral.id, participantId: null },
        data: { participantId: participant.id, version: { increment: 1 } },
      });
      if (linked.count !== 1) refuse(formRefused(ALREADY_LINKED));
      const entry = { organisationId: user.organisationId, userId: user.id, participantId: participant.id };
      if (consentRecorded && input.givenDate) {
        await tx.consent.create({
          data: { participantId: participant.id, givenDate: input.givenDate, coversSharing: input.coversSharing, coversStatistics: input.coversStatistics },
        });
        await audit({ ...entry, action: "create", entity: "consent", entityId: participant.id, detail: consentScope(input) }, tx);
      }
      await audit({ ...entry, action: "update", entity: "referral", entityId: referral.id, detail: "ändrat: deltagare" }, tx);
      return ok({ participantId: participant.id, consentRecorded });
    }),
  );
}
