// Loads a participant or enrolment only when the signed-in user may work with it. Ids from
// URLs and forms can be tampered with: another förbund's id is "gone", an id outside a
// koordinator's assignments is "forbidden", and neither reveals anything about the record.
// Loaders turn these answers into 404 and 403 pages with auth/guards.server.ts (`requireAccess`).
// A record outside the user's scope is refused through `refusedAccess`, which logs the refusal.
import type { CurrentUser } from "~/auth/guards.server";
import { can, canWorkWithEnrolment, canWorkWithParticipant } from "~/auth/permissions";
import { forbiddenWrite, gone, type Forbidden, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";

const OUT_OF_SCOPE = "Deltagaren hör inte till dina insatser och kommuner.";

/** The record a user was refused, as the audit log names it. */
export interface RefusedRecord {
  entity: "participant" | "enrolment" | "referral";
  entityId: string;
  participantId: string | null;
}

/** "läsning: GET /deltagare/…" or "skrivning: POST /deltagare/…": what was refused, and where. */
function refusedRequest(request: CurrentUser["request"]): string | null {
  if (!request) return null;
  const reading = request.method === "GET" || request.method === "HEAD";
  return `${reading ? "läsning" : "skrivning"}: ${request.method} ${request.path}`;
}

/**
 * Refuses a record outside the user's scope, after logging who was refused what, reading or
 * writing, through which request. Inside a transaction pass it: the entry then rolls back with
 * the refused write, so routes check access before they write (auth/guards.server.ts).
 */
export async function refusedAccess(user: CurrentUser, record: RefusedRecord, message: string, tx: Tx = prisma): Promise<Forbidden> {
  await audit({ organisationId: user.organisationId, userId: user.id, action: "access-denied", ...record, detail: refusedRequest(user.request) }, tx);
  return forbiddenWrite(message);
}

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

async function findEnrolment(user: CurrentUser, enrolmentId: string) {
  return prisma.enrolment.findFirst({ where: { id: enrolmentId, organisationId: user.organisationId }, select: enrolmentScope });
}

/** An enrolment the signed-in user may work with: only `enrolmentAccess` makes one. */
export type AccessibleEnrolment = NonNullable<Awaited<ReturnType<typeof findEnrolment>>>;

export async function enrolmentAccess(user: CurrentUser, enrolmentId: string): Promise<WriteResult<{ enrolment: AccessibleEnrolment }>> {
  if (!can(user.role, "participants:work")) return forbiddenWrite();
  const enrolment = await findEnrolment(user, enrolmentId);
  if (!enrolment) return gone("Inskrivningen finns inte.");
  if (!canWorkWithEnrolment(user, enrolment)) {
    return refusedAccess(user, { entity: "enrolment", entityId: enrolment.id, participantId: enrolment.participantId }, OUT_OF_SCOPE);
  }
  return { ok: true, enrolment };
}

async function findParticipant(user: CurrentUser, participantId: string) {
  return prisma.participant.findFirst({
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
}

/** A participant the signed-in user may work with: only `participantAccess` makes one. */
export type AccessibleParticipant = NonNullable<Awaited<ReturnType<typeof findParticipant>>>;

/**
 * A participant is reachable when one of their enrolments is in the user's scope. A person with
 * no enrolment yet (consent recorded after a referral) is reachable through the referral's scope.
 */
export async function participantAccess(user: CurrentUser, participantId: string): Promise<WriteResult<{ participant: AccessibleParticipant }>> {
  if (!can(user.role, "participants:work")) return forbiddenWrite();
  const participant = await findParticipant(user, participantId);
  if (!participant) return gone("Deltagaren finns inte.");
  if (!canWorkWithParticipant(user, [...participant.enrolments, ...participant.referrals])) {
    return refusedAccess(user, { entity: "participant", entityId: participant.id, participantId: participant.id }, OUT_OF_SCOPE);
  }
  return { ok: true, participant };
}
