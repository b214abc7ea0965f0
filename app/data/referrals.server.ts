// Referrals: registered before anything about the person is known, decided by the remissteam,
// and linked to a participant once consent is recorded (data/consent.server.ts). Every query is
// scoped by organisation and, for a koordinator, by their insats × kommun pairs.
import type { CurrentUser } from "~/auth/guards.server";
import { canWorkWithEnrolment } from "~/auth/permissions";
import type { ReferralDecision } from "~/domain/reference-defaults";
import type { Prisma } from "~/generated/prisma/client";
import { PAGE_SIZE, type ReferralListQuery } from "~/schemas/intake-lists";
import type { DecisionInput, ReferralInput } from "~/schemas/participants";
import { formRefused, gone, ok, refusable, refuse, type WriteResult } from "~/utils/write-result";
import { refusedAccess } from "./access.server";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";
import { auditListRead, checkInsatsKommun, intakeListWhere, futureDateRefusal } from "./scope.server";

export async function createReferral(user: CurrentUser, input: ReferralInput): Promise<WriteResult<{ referralId: string }>> {
  const future = futureDateRefusal("date", "Remissdatum", input.date);
  if (future) return future;
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      await checkInsatsKommun(tx, user, input);
      const referral = await tx.referral.create({ data: { organisationId: user.organisationId, ...input }, select: { id: true } });
      await audit({ organisationId: user.organisationId, userId: user.id, action: "create", entity: "referral", entityId: referral.id }, tx);
      return ok({ referralId: referral.id });
    }),
  );
}

async function findReferral(user: CurrentUser, referralId: string, tx: Tx) {
  return tx.referral.findFirst({
    where: { id: referralId, organisationId: user.organisationId },
    select: { id: true, insatsId: true, kommunId: true, participantId: true, decision: true, version: true },
  });
}

/** A referral the signed-in user may work with: only `referralAccess` makes one. */
export type AccessibleReferral = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

/** Another förbund's id is "gone" (404), a referral outside a koordinator's pairs "forbidden" (403). */
export async function referralAccess(user: CurrentUser, referralId: string, tx: Tx = prisma): Promise<WriteResult<{ referral: AccessibleReferral }>> {
  const referral = await findReferral(user, referralId, tx);
  if (!referral) return gone("Remissen finns inte.");
  if (!canWorkWithEnrolment(user, referral)) {
    const record = { entity: "referral", entityId: referral.id, participantId: referral.participantId } as const;
    return refusedAccess(user, record, "Remissen hör inte till dina insatser och kommuner.", tx);
  }
  return ok({ referral });
}

/** The referral of a write within a transaction; a refused access rolls the write back. */
export async function accessibleReferral(user: CurrentUser, referralId: string, tx: Tx): Promise<AccessibleReferral> {
  const access = await referralAccess(user, referralId, tx);
  return access.ok ? access.referral : refuse(access);
}

export interface ReferralListRow {
  id: string;
  date: string;
  referrer: string;
  kommun: string;
  insats: string;
  decision: ReferralDecision | null;
  participantId: string | null;
  participantCode: string | null;
}

export async function listReferrals(user: CurrentUser, query: ReferralListQuery) {
  const base: Prisma.ReferralWhereInput = intakeListWhere(user, query);
  const where: Prisma.ReferralWhereInput = query.decision ? { ...base, decision: query.decision === "obeslutad" ? null : query.decision } : base;
  const [total, referrals, decisions] = await Promise.all([
    prisma.referral.count({ where }),
    prisma.referral.findMany({
      where,
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, date: true, decision: true, participantId: true,
        referrer: { select: { name: true } },
        kommun: { select: { name: true } },
        insats: { select: { name: true } },
        participant: { select: { code: true, erasedAt: true } },
      },
    }),
    // The decision facet counts every decision under the other filters.
    prisma.referral.groupBy({ by: ["decision"], where: base, _count: { _all: true } }),
  ]);
  const rows: ReferralListRow[] = referrals.map((referral) => {
    const person = referral.participant?.erasedAt ? null : referral.participant;
    return {
      id: referral.id,
      date: referral.date,
      referrer: referral.referrer.name,
      kommun: referral.kommun.name,
      insats: referral.insats.name,
      decision: referral.decision as ReferralDecision | null,
      participantId: person ? referral.participantId : null,
      participantCode: person?.code ?? null,
    };
  });
  await auditListRead(user, "referral-list", rows.flatMap((row) => (row.participantId ? [row.participantId] : [])));
  const decisionCounts: Record<string, number> = {};
  for (const group of decisions) decisionCounts[group.decision ?? "obeslutad"] = group._count._all;
  return { total, rows, decisionCounts };
}

async function findReferralPage(referralId: string) {
  return prisma.referral.findUniqueOrThrow({
    where: { id: referralId },
    select: {
      id: true, date: true, decision: true, version: true, insatsId: true, kommunId: true, referrerId: true,
      referrer: { select: { name: true } },
      kommun: { select: { name: true } },
      insats: { select: { name: true } },
      participant: {
        select: {
          id: true, code: true, name: true, erasedAt: true,
          consents: { orderBy: { givenDate: "desc" }, take: 1, select: { givenDate: true, coversSharing: true, coversStatistics: true, withdrawnDate: true } },
          enrolments: { orderBy: { enrolledDate: "desc" }, select: { id: true, enrolledDate: true, closedDate: true } },
        },
      },
    },
  });
}

function referralView(referral: Awaited<ReturnType<typeof findReferralPage>>) {
  const person = referral.participant && !referral.participant.erasedAt ? referral.participant : null;
  return {
    id: referral.id,
    date: referral.date,
    decision: referral.decision as ReferralDecision | null,
    version: referral.version,
    insatsId: referral.insatsId,
    kommunId: referral.kommunId,
    referrerId: referral.referrerId,
    referrer: referral.referrer.name,
    kommun: referral.kommun.name,
    insats: referral.insats.name,
    // A person whose consent was withdrawn is erased: the referral is then only a count.
    erased: !!referral.participant?.erasedAt,
    participant: person
      ? {
          id: person.id,
          code: person.code,
          name: person.name,
          consent: person.consents[0] ?? null,
          hasOpenEnrolment: person.enrolments.some((enrolment) => enrolment.closedDate === null),
          enrolmentCount: person.enrolments.length,
        }
      : null,
  };
}

export type ReferralView = ReturnType<typeof referralView>;

/** The referral page: the referral, and the person once consent is recorded. */
export async function referralPage(user: CurrentUser, referralId: string): Promise<WriteResult<{ referral: ReferralView }>> {
  const access = await referralAccess(user, referralId);
  if (!access.ok) return access;
  const referral = referralView(await findReferralPage(access.referral.id));
  if (referral.participant) {
    await audit({ organisationId: user.organisationId, userId: user.id, action: "read", entity: "referral", entityId: referral.id, participantId: referral.participant.id });
  }
  return ok({ referral });
}

/** The person a referral is linked to (after consent), looked up on the server, never taken from a form. */
export async function referralParticipant(user: CurrentUser, referralId: string): Promise<WriteResult<{ participantId: string }>> {
  const access = await referralAccess(user, referralId);
  if (!access.ok) return access;
  const { participantId } = access.referral;
  return participantId ? ok({ participantId }) : formRefused("Registrera samtycket innan deltagaren skrivs in.");
}

const DECISION_CONFLICT = "Någon annan har ändrat remissen sedan du öppnade sidan. Ladda om sidan, kontrollera och spara igen.";

export async function setReferralDecision(user: CurrentUser, referralId: string, input: DecisionInput): Promise<WriteResult> {
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const referral = await accessibleReferral(user, referralId, tx);
      const { count } = await tx.referral.updateMany({
        where: { id: referral.id, version: input.version },
        data: { decision: input.decision, version: { increment: 1 } },
      });
      if (count === 0) refuse(formRefused(DECISION_CONFLICT));
      await audit(
        {
          organisationId: user.organisationId, userId: user.id, action: "update", entity: "referral", entityId: referral.id,
          participantId: referral.participantId, detail: "ändrat: beslut",
        },
        tx,
      );
      return ok();
    }),
  );
}
