// The user's scope in referral intake and enrolment: the insats × kommun pairs a koordinator is
// assigned to (a förbundschef has every pair), as list filters, as the choices of the forms, and
// as checks of the ids a form posts. Ids from forms can be tampered with, so each one is looked
// up within the förbund before it is written.
import type { CurrentUser } from "~/auth/guards.server";
import { canWorkWithEnrolment, canWorkWithParticipant, participantScopeFilter, type Assignment } from "~/auth/permissions";
import { todayInSweden } from "~/domain/period";
import type { FieldErrors } from "~/schemas/form";
import { fieldRefused, refuse, refused, type Refused } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";

export interface Option {
  value: string;
  label: string;
}

export const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, "sv");

const toOption = (row: { id: string; name: string }): Option => ({ value: row.id, label: row.name });

/** A Prisma filter on rows with insatsId and kommunId: the user's pairs, or everything. */
function scopeWhere(user: CurrentUser): { OR?: Assignment[] } {
  const scope = participantScopeFilter(user);
  // An empty OR matches nothing, which is right for a koordinator without assignments.
  return scope === null ? {} : { OR: scope.map(({ insatsId, kommunId }) => ({ insatsId, kommunId })) };
}

/** The filters shared by the referral and study-visit lists, within the förbund and the user's pairs. */
export function intakeListWhere(user: CurrentUser, query: { insats?: string; kommun?: string; from?: string; to?: string }) {
  return {
    organisationId: user.organisationId,
    ...scopeWhere(user),
    ...(query.insats ? { insatsId: query.insats } : {}),
    ...(query.kommun ? { kommunId: query.kommun } : {}),
    ...(query.from || query.to ? { date: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } } : {}),
  };
}

/** A refusal of a date after today: events are recorded, not planned. */
export function futureDateRefusal(field: string, label: string, date: string): Refused | null {
  return date > todayInSweden() ? fieldRefused(field, `${label} kan inte ligga i framtiden.`) : null;
}

export interface IntakeOptions {
  insatser: Option[];
  kommuner: Option[];
  /** The insats × kommun pairs the user may choose; null when any pair is allowed. */
  pairs: Assignment[] | null;
  referrers: Option[];
}

/** The lists of the referral and study-visit forms and of the list filters. */
export async function intakeOptions(user: CurrentUser): Promise<IntakeOptions> {
  const { organisationId } = user;
  const pairs = participantScopeFilter(user);
  const insatsIds = pairs ? { id: { in: pairs.map((pair) => pair.insatsId) } } : {};
  const kommunIds = pairs ? { id: { in: pairs.map((pair) => pair.kommunId) } } : {};
  const [insatser, kommuner, referrers] = await Promise.all([
    prisma.insats.findMany({ where: { organisationId, ...insatsIds }, select: { id: true, name: true } }),
    prisma.kommun.findMany({ where: { organisationId, ...kommunIds }, select: { id: true, name: true } }),
    prisma.referrer.findMany({ where: { organisationId }, select: { id: true, name: true } }),
  ]);
  return {
    insatser: insatser.map(toOption).sort(byLabel),
    kommuner: kommuner.map(toOption).sort(byLabel),
    pairs: pairs ? pairs.map(({ insatsId, kommunId }) => ({ insatsId, kommunId })) : null,
    referrers: referrers.map(toOption).sort(byLabel),
  };
}

const OUT_OF_SCOPE = "Du arbetar inte med den här insatsen i vald kommun. Välj en av dina kommuner.";

interface ReferenceIds {
  insatsId: string;
  kommunId: string;
  referrerId?: string;
  ageGroupId?: string;
  incomeStartId?: string | null;
}

const REFERENCE_MESSAGES: Record<keyof ReferenceIds, string> = {
  insatsId: "Välj en insats i listan.",
  kommunId: "Välj en kommun i listan.",
  referrerId: "Välj en remittent i listan.",
  ageGroupId: "Välj en åldersgrupp i listan.",
  incomeStartId: "Välj en försörjning i listan.",
};

/** Field messages for ids that are not the förbund's own (another förbund's, or made up). */
async function referenceErrors(tx: Tx, organisationId: string, ids: ReferenceIds): Promise<FieldErrors> {
  const where = (id: string) => ({ where: { id, organisationId }, select: { id: true } });
  const found: Record<keyof ReferenceIds, (id: string) => Promise<unknown>> = {
    insatsId: (id) => tx.insats.findFirst(where(id)),
    kommunId: (id) => tx.kommun.findFirst(where(id)),
    referrerId: (id) => tx.referrer.findFirst(where(id)),
    ageGroupId: (id) => tx.ageGroup.findFirst(where(id)),
    incomeStartId: (id) => tx.incomeSource.findFirst(where(id)),
  };
  const errors: FieldErrors = {};
  for (const key of Object.keys(REFERENCE_MESSAGES) as (keyof ReferenceIds)[]) {
    const id = ids[key];
    if (id && !(await found[key](id))) errors[key] = [REFERENCE_MESSAGES[key]];
  }
  return errors;
}

/**
 * Refuses (inside `refusable`) unknown ids and, for a koordinator, an insats × kommun outside
 * their assignments.
 */
export async function checkInsatsKommun(tx: Tx, user: CurrentUser, ids: ReferenceIds): Promise<void> {
  const errors = await referenceErrors(tx, user.organisationId, ids);
  if (Object.keys(errors).length) refuse(refused(errors));
  if (!canWorkWithEnrolment(user, ids)) refuse(fieldRefused("kommunId", OUT_OF_SCOPE));
}

/**
 * The participant with a code the user typed, if the user may work with them (the rule of
 * `participantAccess`: one of their enrolments or referrals is in the user's scope). Someone
 * else's participant is answered like an unknown code, null, so a form never reveals them.
 */
export async function participantByCode(tx: Tx, user: CurrentUser, code: string) {
  const participant = await tx.participant.findFirst({
    where: { organisationId: user.organisationId, code, erasedAt: null },
    select: {
      id: true,
      enrolments: { select: { insatsId: true, kommunId: true, closedDate: true } },
      referrals: { select: { insatsId: true, kommunId: true } },
      consents: { orderBy: [{ givenDate: "desc" }, { createdAt: "desc" }], take: 1, select: { givenDate: true, withdrawnDate: true } },
    },
  });
  if (!participant || !canWorkWithParticipant(user, [...participant.enrolments, ...participant.referrals])) return null;
  return participant;
}

/** A list view that shows participants is a read of their data: one entry, naming who was shown. */
export async function auditListRead(user: CurrentUser, entity: string, participantIds: string[]): Promise<void> {
  if (!participantIds.length) return;
  await audit({
    organisationId: user.organisationId, userId: user.id, action: "read", entity,
    detail: `${participantIds.length} deltagare: ${participantIds.join(", ")}`,
  });
}
