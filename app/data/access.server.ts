// Loads a participant or enrolment only when the signed-in user may work with it. Ids from
// URLs and forms can be tampered with: another förbund's id is "not found", an id outside a
// koordinator's assignments is "forbidden", and neither reveals anything about the record.
import type { CurrentUser } from "~/auth/guards.server";
import { forbidden, notFound } from "~/auth/guards.server";
import { can, canWorkWithEnrolment, canWorkWithParticipant } from "~/auth/permissions";
import { prisma } from "./db.server";

const enrolmentScope = {
  id: true,
  participantId: true,
  insatsId: true,
  kommunId: true,
  coordinatorId: true,
  enrolledDate: true,
  closedDate: true,
  version: true,
} as const;

export async function requireEnrolmentAccess(user: CurrentUser, enrolmentId: string) {
  if (!can(user.role, "participants:work")) forbidden();
  const enrolment = await prisma.enrolment.findFirst({
    where: { id: enrolmentId, organisationId: user.organisationId },
    select: enrolmentScope,
  });
  if (!enrolment) notFound("Inskrivningen finns inte.");
  if (!canWorkWithEnrolment(user, enrolment)) forbidden("Deltagaren hör inte till dina insatser och kommuner.");
  return enrolment;
}

/**
 * A participant is reachable when one of their enrolments is in the user's scope. A person with
 * no enrolment yet (consent recorded after a referral) is reachable through the referral's scope.
 */
export async function requireParticipantAccess(user: CurrentUser, participantId: string) {
  if (!can(user.role, "participants:work")) forbidden();
  const participant = await prisma.participant.findFirst({
    where: { id: participantId, organisationId: user.organisationId, erasedAt: null },
    select: {
      id: true,
      code: true,
      name: true,
      version: true,
      enrolments: { select: enrolmentScope, orderBy: { enrolledDate: "desc" } },
      referrals: { select: { insatsId: true, kommunId: true } },
    },
  });
  if (!participant) notFound("Deltagaren finns inte.");
  const scopes = [...participant.enrolments, ...participant.referrals];
  if (!canWorkWithParticipant(user, scopes)) forbidden("Deltagaren hör inte till dina insatser och kommuner.");
  return participant;
}
