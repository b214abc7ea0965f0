// Referral intake and enrolment: referrals, study visits, consent, the first (and any later)
// enrolment, and the coordinator's list of participants. Every query is scoped by organisation
// and, for a koordinator, by the insats × kommun pairs they are assigned to. Ids from forms can
// be tampered with, so each one is looked up within the förbund before it is written.
import { data } from "react-router";
import type { CurrentUser } from "~/auth/guards.server";
import { forbidden, notFound } from "~/auth/guards.server";
import { canWorkWithEnrolment, canWorkWithParticipant, participantScopeFilter, type Assignment } from "~/auth/permissions";
import { Prisma } from "~/generated/prisma/client";
import type { Gender, ReferralDecision } from "~/domain/reference-defaults";
import type {
  ConsentInput,
  DecisionInput,
  EnrolmentInput,
  LinkParticipantInput,
  ParticipantListQuery,
  ParticipantSort,
  ReferralInput,
  ReferralListQuery,
  StudyVisitInput,
  StudyVisitListQuery,
} from "~/schemas/participants";
import { NEW_CONSENT_DATE, PAGE_SIZE } from "~/schemas/participants";
import { formValues, type FieldErrors } from "~/schemas/form";
import { formatDate } from "~/utils/format";
import { todayInSweden } from "~/domain/period";
import { requireParticipantAccess } from "~/auth/guards.server";
import { audit } from "./audit.server";
import { isUniqueViolation, prisma, type Tx } from "./db.server";

export type { EnrolmentInput } from "~/schemas/participants";

/**
 * Input the user can correct: thrown (inside a transaction it rolls everything back) and turned
 * into Swedish field messages by the route's action.
 */
export class InputRefusedError extends Error {
  readonly fieldErrors: FieldErrors;
  readonly formError: string | undefined;
  constructor(fieldErrors: FieldErrors, formError?: string) {
    super(formError ?? Object.values(fieldErrors).flat().join(" "));
    this.name = "InputRefusedError";
    this.fieldErrors = fieldErrors;
    this.formError = formError;
  }
}

/** What an action answers when the input is refused; the user's input comes back with it. */
export interface FormFailure {
  ok: false;
  /** The form that was sent, on pages with more than one. */
  intent: string | null;
  fieldErrors: FieldErrors;
  formError: string | null;
  values: Record<string, string>;
}

export function formFailure(formData: FormData, fieldErrors: FieldErrors, formError?: string | null) {
  const intent = formData.get("intent");
  return data<FormFailure>(
    { ok: false, intent: typeof intent === "string" ? intent : null, fieldErrors, formError: formError ?? null, values: formValues(formData) },
    { status: 400 },
  );
}

/** A refusal becomes the action's 400 answer; anything else goes on to the error boundary. */
export function refusalResponse(error: unknown, formData: FormData) {
  if (error instanceof InputRefusedError) return formFailure(formData, error.fieldErrors, error.formError);
  throw error;
}

function refuse(fieldErrors: FieldErrors, formError?: string): never {
  throw new InputRefusedError(fieldErrors, formError);
}

export interface Option {
  value: string;
  label: string;
}

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, "sv");

// ── Scope ──────────────────────────────────────────────────────────────────

/** A Prisma filter on rows with insatsId and kommunId: the user's pairs, or everything. */
function scopeWhere(user: CurrentUser): { OR?: Assignment[] } {
  const scope = participantScopeFilter(user);
  // An empty OR matches nothing, which is right for a koordinator without assignments.
  return scope === null ? {} : { OR: scope.map(({ insatsId, kommunId }) => ({ insatsId, kommunId })) };
}

const OUT_OF_SCOPE = "Du arbetar inte med den här insatsen i vald kommun. Välj en av dina kommuner.";

// ── Reference ids ──────────────────────────────────────────────────────────

interface ReferenceIds {
  insatsId?: string;
  kommunId?: string;
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
  const where = (id: string) => ({ id, organisationId });
  const found: Record<keyof ReferenceIds, (id: string) => Promise<unknown>> = {
    insatsId: (id) => tx.insats.findFirst({ where: where(id), select: { id: true } }),
    kommunId: (id) => tx.kommun.findFirst({ where: where(id), select: { id: true } }),
    referrerId: (id) => tx.referrer.findFirst({ where: where(id), select: { id: true } }),
    ageGroupId: (id) => tx.ageGroup.findFirst({ where: where(id), select: { id: true } }),
    incomeStartId: (id) => tx.incomeSource.findFirst({ where: where(id), select: { id: true } }),
  };
  const errors: FieldErrors = {};
  for (const key of Object.keys(REFERENCE_MESSAGES) as (keyof ReferenceIds)[]) {
    const id = ids[key];
    if (id && !(await found[key](id))) errors[key] = [REFERENCE_MESSAGES[key]];
  }
  return errors;
}

/** Refuses unknown ids and, for a koordinator, an insats × kommun outside their assignments. */
async function checkInsatsKommun(tx: Tx, user: CurrentUser, ids: ReferenceIds & { insatsId: string; kommunId: string }) {
  const errors = await referenceErrors(tx, user.organisationId, ids);
  if (Object.keys(errors).length) refuse(errors);
  if (!canWorkWithEnrolment(user, ids)) refuse({ kommunId: [OUT_OF_SCOPE] });
}

function refuseFutureDate(field: string, label: string, date: string) {
  if (date > todayInSweden()) refuse({ [field]: [`${label} kan inte ligga i framtiden.`] });
}

// ── Form options ───────────────────────────────────────────────────────────

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
  const toOption = (row: { id: string; name: string }) => ({ value: row.id, label: row.name });
  return {
    insatser: insatser.map(toOption).sort(byLabel),
    kommuner: kommuner.map(toOption).sort(byLabel),
    pairs: pairs ? pairs.map(({ insatsId, kommunId }) => ({ insatsId, kommunId })) : null,
    referrers: referrers.map(toOption).sort(byLabel),
  };
}

export interface EnrolmentFormOptions extends IntakeOptions {
  /** Active koordinatorer with the pairs they work in, so the form can offer the right ones. */
  coordinators: Array<Option & { pairs: Assignment[] }>;
  ageGroups: Option[];
  incomeSources: Option[];
  /** The Trappan labels of each insats (the numbers stay 1–6). */
  trappanSteps: Record<string, Array<{ step: number; label: string }>>;
}

export async function enrolmentFormOptions(user: CurrentUser): Promise<EnrolmentFormOptions> {
  const { organisationId } = user;
  const [intake, coordinators, ageGroups, incomeSources, steps] = await Promise.all([
    intakeOptions(user),
    prisma.user.findMany({
      where: { organisationId, role: "koordinator", active: true },
      select: { id: true, name: true, assignments: { select: { insatsId: true, kommunId: true } } },
    }),
    prisma.ageGroup.findMany({ where: { organisationId }, orderBy: [{ sortOrder: "asc" }, { minAge: "asc" }], select: { id: true, label: true } }),
    prisma.incomeSource.findMany({ where: { organisationId }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, label: true } }),
    prisma.trappanStep.findMany({ where: { insats: { organisationId } }, orderBy: { step: "asc" }, select: { insatsId: true, step: true, label: true } }),
  ]);
  const trappanSteps: EnrolmentFormOptions["trappanSteps"] = {};
  for (const { insatsId, step, label } of steps) (trappanSteps[insatsId] ??= []).push({ step, label });
  return {
    ...intake,
    coordinators: coordinators
      .map((coordinator) => ({ value: coordinator.id, label: coordinator.name, pairs: coordinator.assignments }))
      .sort(byLabel),
    ageGroups: ageGroups.map((row) => ({ value: row.id, label: row.label })),
    incomeSources: incomeSources.map((row) => ({ value: row.id, label: row.label })),
    trappanSteps,
  };
}

// ── Referrals ──────────────────────────────────────────────────────────────

export async function createReferral(user: CurrentUser, input: ReferralInput): Promise<{ referralId: string }> {
  refuseFutureDate("date", "Remissdatum", input.date);
  return prisma.$transaction(async (tx) => {
    await checkInsatsKommun(tx, user, input);
    const referral = await tx.referral.create({
      data: { organisationId: user.organisationId, ...input },
      select: { id: true },
    });
    await audit({ organisationId: user.organisationId, userId: user.id, action: "create", entity: "referral", entityId: referral.id }, tx);
    return { referralId: referral.id };
  });
}

/** A referral the user may work with: another förbund's id is "not found", outside the assignments "forbidden". */
async function requireReferralAccess(user: CurrentUser, referralId: string, tx: Tx = prisma) {
  const referral = await tx.referral.findFirst({
    where: { id: referralId, organisationId: user.organisationId },
    select: { id: true, insatsId: true, kommunId: true, participantId: true, decision: true, version: true },
  });
  if (!referral) notFound("Remissen finns inte.");
  if (!canWorkWithEnrolment(user, referral)) forbidden("Remissen hör inte till dina insatser och kommuner.");
  return referral;
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

function referralListWhere(user: CurrentUser, query: ReferralListQuery): Prisma.ReferralWhereInput {
  return {
    organisationId: user.organisationId,
    ...scopeWhere(user),
    ...(query.insats ? { insatsId: query.insats } : {}),
    ...(query.kommun ? { kommunId: query.kommun } : {}),
    ...(query.from || query.to ? { date: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } } : {}),
  };
}

export async function listReferrals(user: CurrentUser, query: ReferralListQuery) {
  const base = referralListWhere(user, query);
  const decision = query.decision === "obeslutad" ? null : query.decision;
  const where: Prisma.ReferralWhereInput = query.decision ? { ...base, decision } : base;
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
  const rows: ReferralListRow[] = referrals.map((referral) => ({
    id: referral.id,
    date: referral.date,
    referrer: referral.referrer.name,
    kommun: referral.kommun.name,
    insats: referral.insats.name,
    decision: referral.decision as ReferralDecision | null,
    participantId: referral.participant?.erasedAt ? null : referral.participantId,
    participantCode: referral.participant?.erasedAt ? null : (referral.participant?.code ?? null),
  }));
  await auditListRead(user, "referral-list", rows.flatMap((row) => (row.participantId ? [row.participantId] : [])));
  const decisionCounts: Record<string, number> = {};
  for (const group of decisions) decisionCounts[group.decision ?? "obeslutad"] = group._count._all;
  return { total, rows, decisionCounts };
}

/** The referral page: the referral, and the person once consent is recorded. */
export async function referralPage(user: CurrentUser, referralId: string) {
  const access = await requireReferralAccess(user, referralId);
  const referral = await prisma.referral.findUniqueOrThrow({
    where: { id: access.id },
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
  const person = referral.participant && !referral.participant.erasedAt ? referral.participant : null;
  if (person) {
    await audit({ organisationId: user.organisationId, userId: user.id, action: "read", entity: "referral", entityId: referral.id, participantId: person.id });
  }
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

/** The person a referral is linked to (after consent), looked up on the server, never taken from a form. */
export async function referralParticipantId(user: CurrentUser, referralId: string): Promise<string | null> {
  const referral = await requireReferralAccess(user, referralId);
  return referral.participantId;
}

const CONFLICT_MESSAGE = "Någon annan har ändrat remissen sedan du öppnade sidan. Ladda om sidan, kontrollera och spara igen.";

export async function setReferralDecision(user: CurrentUser, referralId: string, input: DecisionInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const referral = await requireReferralAccess(user, referralId, tx);
    const { count } = await tx.referral.updateMany({
      where: { id: referral.id, version: input.version },
      data: { decision: input.decision, version: { increment: 1 } },
    });
    if (count === 0) refuse({}, CONFLICT_MESSAGE);
    await audit(
      {
        organisationId: user.organisationId, userId: user.id, action: "update", entity: "referral", entityId: referral.id,
        participantId: referral.participantId, detail: "ändrat: beslut",
      },
      tx,
    );
  });
}

// ── Consent ────────────────────────────────────────────────────────────────

const CODE_TAKEN = "Koden används redan.";

/**
 * The first thing stored about a person: their code (and optionally name) with the consent, linked
 * to the referral. Nothing else about them can be saved before this.
 */
export async function recordConsent(user: CurrentUser, referralId: string, input: ConsentInput): Promise<{ participantId: string }> {
  refuseFutureDate("givenDate", "Datum för samtycket", input.givenDate);
  try {
    return await prisma.$transaction(async (tx) => {
      const referral = await requireReferralAccess(user, referralId, tx);
      if (referral.participantId) refuse({}, "Samtycke är redan registrerat för den här remissen.");
      const taken = await tx.participant.findFirst({ where: { organisationId: user.organisationId, code: input.code }, select: { id: true } });
      if (taken) refuse({ code: [CODE_TAKEN] });
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
      const scope = [input.coversSharing ? "informationsutbyte" : null, input.coversStatistics ? "statistik" : null].filter(Boolean).join(", ");
      await audit({ ...entry, action: "create", entity: "participant", entityId: participant.id, detail: input.name ? "kod, namn" : "kod" }, tx);
      await audit({ ...entry, action: "create", entity: "consent", entityId: participant.id, detail: `omfattar: ${scope}` }, tx);
      await audit({ ...entry, action: "update", entity: "referral", entityId: referral.id, detail: "ändrat: deltagare" }, tx);
      return { participantId: participant.id };
    });
  } catch (error) {
    // Two people saving the same code at once: both pass the check, the unique index stops one.
    if (isUniqueViolation(error)) refuse({ code: [CODE_TAKEN] });
    throw error;
  }
}

// ── An existing participant, referred again ────────────────────────────────

/**
 * The participant with a code the user typed, if the user may work with them (the same rule as
 * requireParticipantAccess: one of their enrolments or referrals is in the user's scope). Someone
 * else's participant is answered like an unknown code, null, so a form never reveals them.
 */
async function participantByCode(tx: Tx, user: CurrentUser, code: string) {
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

export const noParticipantWithCode = (code: string) => `Det finns ingen deltagare med koden ${code} som du har tillgång till.`;
const ALREADY_ENROLLED = "Deltagaren har redan en pågående inskrivning.";

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
): Promise<{ participantId: string; consentRecorded: boolean }> {
  return prisma.$transaction(async (tx) => {
    const referral = await requireReferralAccess(user, referralId, tx);
    if (referral.participantId) refuse({}, "Remissen är redan kopplad till en deltagare.");
    const participant = await participantByCode(tx, user, input.code);
    if (!participant) refuse({ code: [noParticipantWithCode(input.code)] });
    if (participant.enrolments.some((enrolment) => enrolment.closedDate === null)) refuse({ code: [ALREADY_ENROLLED] });

    const latest = participant.consents[0];
    const consentRecorded = !latest || latest.withdrawnDate !== null;
    if (consentRecorded) {
      if (!input.givenDate) {
        refuse({ givenDate: [`Deltagaren har inget gällande samtycke. Fyll i ${NEW_CONSENT_DATE.toLowerCase()}.`] });
      }
      const withdrawn = latest?.withdrawnDate;
      if (withdrawn && input.givenDate < withdrawn) {
        refuse({ givenDate: [`${NEW_CONSENT_DATE} kan inte vara före det återkallade samtycket (${formatDate(withdrawn)}).`] });
      }
    }

    // Only while the referral is still unlinked: two people linking it at once cannot both succeed.
    const linked = await tx.referral.updateMany({
      where: { id: referral.id, participantId: null },
      data: { participantId: participant.id, version: { increment: 1 } },
    });
    if (linked.count !== 1) refuse({}, "Remissen är redan kopplad till en deltagare.");
    const entry = { organisationId: user.organisationId, userId: user.id, participantId: participant.id };
    if (consentRecorded && input.givenDate) {
      await tx.consent.create({
        data: { participantId: participant.id, givenDate: input.givenDate, coversSharing: input.coversSharing, coversStatistics: input.coversStatistics },
      });
      const scope = [input.coversSharing ? "informationsutbyte" : null, input.coversStatistics ? "statistik" : null].filter(Boolean).join(", ");
      await audit({ ...entry, action: "create", entity: "consent", entityId: participant.id, detail: `omfattar: ${scope}` }, tx);
    }
    await audit({ ...entry, action: "update", entity: "referral", entityId: referral.id, detail: "ändrat: deltagare" }, tx);
    return { participantId: participant.id, consentRecorded };
  });
}

// ── Enrolment ──────────────────────────────────────────────────────────────

/** Refuses a koordinator that is not an active koordinator of the förbund working in the pair. */
async function checkCoordinator(tx: Tx, organisationId: string, input: EnrolmentInput) {
  if (!input.coordinatorId) return;
  const coordinator = await tx.user.findFirst({
    where: { id: input.coordinatorId, organisationId, role: "koordinator", active: true },
    select: { assignments: { where: { insatsId: input.insatsId, kommunId: input.kommunId }, select: { id: true } } },
  });
  if (!coordinator) refuse({ coordinatorId: ["Välj en koordinator i listan."] });
  if (!coordinator.assignments.length) refuse({ coordinatorId: ["Koordinatorn arbetar inte med vald insats i vald kommun."] });
}

/** The dates an enrolment must respect: consent first, no overlap with an earlier enrolment. */
async function checkEnrolmentDates(tx: Tx, participantId: string, enrolledDate: string) {
  const consent = await tx.consent.findFirst({
    where: { participantId, withdrawnDate: null },
    orderBy: { givenDate: "desc" },
    select: { givenDate: true },
  });
  if (!consent) refuse({}, "Samtycke saknas. Registrera samtycket innan deltagaren skrivs in.");
  if (enrolledDate < consent.givenDate) {
    refuse({ enrolledDate: [`Inskrivningsdatum kan inte vara före samtycket (${formatDate(consent.givenDate)}).`] });
  }
  const earlier = await tx.enrolment.findMany({ where: { participantId }, select: { closedDate: true } });
  if (earlier.some((enrolment) => enrolment.closedDate === null)) {
    refuse({}, "Deltagaren har redan en pågående inskrivning. Avsluta den innan en ny inskrivning görs.");
  }
  const lastClosed = earlier.reduce<string | null>((last, { closedDate }) => (closedDate && (!last || closedDate > last) ? closedDate : last), null);
  if (lastClosed && enrolledDate < lastClosed) {
    refuse({ enrolledDate: [`Inskrivningsdatum kan inte vara före förra inskrivningens avslut (${formatDate(lastClosed)}).`] });
  }
}

/**
 * Enrols a participant who has consent: the first enrolment after a referral, or a re-enrolment
 * after an earlier one was closed (a new row with its own history). Refuses with field messages
 * and writes nothing when an id is not the förbund's, the pair is outside a koordinator's
 * assignments, or the dates do not fit.
 */
export async function createEnrolment(user: CurrentUser, participantId: string, input: EnrolmentInput): Promise<{ enrolmentId: string }> {
  const participant = await requireParticipantAccess(user, participantId);
  refuseFutureDate("enrolledDate", "Inskrivningsdatum", input.enrolledDate);
  return prisma.$transaction(async (tx) => {
    const { insatsId, kommunId, referrerId, ageGroupId, incomeStartId } = input;
    await checkInsatsKommun(tx, user, { insatsId, kommunId, referrerId, ageGroupId, incomeStartId });
    await checkCoordinator(tx, user.organisationId, input);
    await checkEnrolmentDates(tx, participant.id, input.enrolledDate);

    const enrolment = await tx.enrolment.create({
      data: {
        organisationId: user.organisationId,
        participantId: participant.id,
        insatsId, kommunId, referrerId, ageGroupId, incomeStartId,
        coordinatorId: input.coordinatorId,
        gender: input.gender,
        enrolledDate: input.enrolledDate,
      },
      select: { id: true },
    });
    const entry = { organisationId: user.organisationId, userId: user.id, participantId: participant.id };
    await audit({ ...entry, action: "create", entity: "enrolment", entityId: enrolment.id }, tx);
    if (input.firstStep) {
      const placement = await tx.trappanPlacement.create({
        data: { enrolmentId: enrolment.id, date: input.enrolledDate, step: input.firstStep },
        select: { id: true },
      });
      await audit({ ...entry, action: "create", entity: "trappan-placement", entityId: placement.id }, tx);
    }
    await markReferralsEnrolled(tx, user, participant.id);
    return { enrolmentId: enrolment.id };
  });
}

/** The undecided referrals of the person were evidently decided "inskriven". */
async function markReferralsEnrolled(tx: Tx, user: CurrentUser, participantId: string) {
  const undecided = await tx.referral.findMany({ where: { participantId, decision: null }, select: { id: true } });
  for (const { id } of undecided) {
    await tx.referral.update({ where: { id }, data: { decision: "inskriven", version: { increment: 1 } } });
    await audit(
      { organisationId: user.organisationId, userId: user.id, action: "update", entity: "referral", entityId: id, participantId, detail: "ändrat: beslut" },
      tx,
    );
  }
}

// ── Study visits ───────────────────────────────────────────────────────────

/** The participant a study visit is linked to, by the code the coordinator typed. */
async function studyVisitParticipant(tx: Tx, user: CurrentUser, code: string): Promise<string> {
  const participant = await participantByCode(tx, user, code);
  if (!participant) refuse({ participantCode: ["Ingen av dina deltagare har den koden."] });
  return participant.id;
}

export async function createStudyVisit(user: CurrentUser, input: StudyVisitInput): Promise<{ studyVisitId: string }> {
  refuseFutureDate("date", "Datum för studiebesöket", input.date);
  return prisma.$transaction(async (tx) => {
    await checkInsatsKommun(tx, user, input);
    const participantId = input.participantCode ? await studyVisitParticipant(tx, user, input.participantCode) : null;
    const visit = await tx.studyVisit.create({
      data: { organisationId: user.organisationId, date: input.date, insatsId: input.insatsId, kommunId: input.kommunId, participantId },
      select: { id: true },
    });
    await audit({ organisationId: user.organisationId, userId: user.id, action: "create", entity: "study-visit", entityId: visit.id, participantId }, tx);
    return { studyVisitId: visit.id };
  });
}

export async function listStudyVisits(user: CurrentUser, query: StudyVisitListQuery) {
  const where: Prisma.StudyVisitWhereInput = {
    organisationId: user.organisationId,
    ...scopeWhere(user),
    ...(query.insats ? { insatsId: query.insats } : {}),
    ...(query.kommun ? { kommunId: query.kommun } : {}),
    ...(query.from || query.to ? { date: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } } : {}),
  };
  const [total, visits, perKommun] = await Promise.all([
    prisma.studyVisit.count({ where }),
    prisma.studyVisit.findMany({
      where,
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, date: true, participantId: true,
        kommun: { select: { name: true } },
        insats: { select: { name: true } },
        participant: { select: { code: true, erasedAt: true } },
      },
    }),
    prisma.studyVisit.groupBy({ by: ["kommunId"], where, _count: { _all: true } }),
  ]);
  const rows = visits.map((visit) => {
    const person = visit.participant && !visit.participant.erasedAt ? visit.participant : null;
    return {
      id: visit.id,
      date: visit.date,
      kommun: visit.kommun.name,
      insats: visit.insats.name,
      participantId: person ? visit.participantId : null,
      participantCode: person?.code ?? null,
    };
  });
  await auditListRead(user, "study-visit-list", rows.flatMap((row) => (row.participantId ? [row.participantId] : [])));
  return {
    total,
    rows,
    perKommun: Object.fromEntries(perKommun.map((group) => [group.kommunId, group._count._all])) as Record<string, number>,
  };
}

// ── My participants ────────────────────────────────────────────────────────

/** A list view that shows participants is a read of their data: one entry, naming who was shown. */
async function auditListRead(user: CurrentUser, entity: string, participantIds: string[]) {
  if (!participantIds.length) return;
  await audit({
    organisationId: user.organisationId, userId: user.id, action: "read", entity,
    detail: `${participantIds.length} deltagare: ${participantIds.join(", ")}`,
  });
}

/** Days without the event after which a row is flagged (domain.md: follow-up at least every three months). */
export const FLAG_DAYS = 90;

export const PARTICIPANT_FLAGS = ["referrer-follow-up", "trappan", "fov", "skapa", "data-check"] as const;
export type ParticipantFlag = (typeof PARTICIPANT_FLAGS)[number];

/** The calendar date `days` days before `date`; UTC so that no daylight-saving shift moves it. */
export function daysBefore(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

export interface FlagFacts {
  enrolledDate: string;
  closedDate: string | null;
  lastFollowUpDate: string | null;
  lastPlacementDate: string | null;
  lastActivityDate: string | null;
  fovAsked: boolean;
  skapaOffered: boolean;
}

/**
 * The reminders of an enrolment. The 90-day clocks start at enrolment, so a participant enrolled
 * last week is not flagged for a follow-up that is not due yet. Closed enrolments get only the
 * data check: a closure dated before their last activity.
 */
export function participantFlags(facts: FlagFacts, today: string): ParticipantFlag[] {
  if (facts.closedDate !== null) {
    return facts.lastActivityDate !== null && facts.lastActivityDate > facts.closedDate ? ["data-check"] : [];
  }
  const cutoff = daysBefore(today, FLAG_DAYS);
  const overdue = (last: string | null) => (last !== null && last > facts.enrolledDate ? last : facts.enrolledDate) < cutoff;
  const flags: ParticipantFlag[] = [];
  if (overdue(facts.lastFollowUpDate)) flags.push("referrer-follow-up");
  if (overdue(facts.lastPlacementDate)) flags.push("trappan");
  if (!facts.fovAsked) flags.push("fov");
  if (!facts.skapaOffered) flags.push("skapa");
  return flags;
}

export interface ParticipantListRow {
  participantId: string;
  code: string | null;
  name: string | null;
  insats: string;
  kommun: string;
  coordinator: string | null;
  gender: Gender;
  ageGroup: string;
  enrolledDate: string;
  closedDate: string | null;
  currentStep: number | null;
  lastActivityDate: string | null;
  flags: ParticipantFlag[];
}

export interface ParticipantList {
  total: number;
  page: number;
  pageCount: number;
  rows: ParticipantListRow[];
  /** Counts per filter value under all the other filters: insats, kommun, status, step, gender. */
  facets: Record<"insats" | "kommun" | "status" | "step" | "gender", Record<string, number>>;
}

const sql = Prisma.sql;

/**
 * One row per participant: their latest enrolment within the user's scope, with the facts the
 * columns, filters and flags need. Computed in SQL so that filtering, sorting and paging by the
 * current step or the last activity never loads every participant.
 */
function participantRowsCte(user: CurrentUser, scope: readonly Assignment[] | null): Prisma.Sql {
  const inScope = scope === null
    ? sql`1 = 1`
    : Prisma.join(scope.map((pair) => sql`(e."insatsId" = ${pair.insatsId} AND e."kommunId" = ${pair.kommunId})`), " OR ");
  return sql`
    WITH "scoped" AS (
      SELECT e."id", e."participantId", e."insatsId", e."kommunId", e."coordinatorId", e."gender", e."ageGroupId",
             e."enrolledDate", e."closedDate",
             ROW_NUMBER() OVER (PARTITION BY e."participantId" ORDER BY e."enrolledDate" DESC, e."createdAt" DESC) AS "rank"
      FROM "Enrolment" e
      JOIN "Participant" p ON p."id" = e."participantId"
      WHERE e."organisationId" = ${user.organisationId} AND p."erasedAt" IS NULL AND (${inScope})
    ),
    "rows" AS (
      SELECT s."id" AS "enrolmentId", s."participantId", p."code", p."name", s."insatsId", s."kommunId", s."coordinatorId",
             s."gender", s."ageGroupId", s."enrolledDate", s."closedDate",
             (SELECT t."step" FROM "TrappanPlacement" t WHERE t."enrolmentId" = s."id"
               ORDER BY t."date" DESC, t."createdAt" DESC LIMIT 1) AS "currentStep",
             (SELECT MAX(t."date") FROM "TrappanPlacement" t WHERE t."enrolmentId" = s."id") AS "lastPlacementDate",
             (SELECT MAX(a."date") FROM "Activity" a WHERE a."enrolmentId" = s."id") AS "lastActivityDate",
             (SELECT MAX(a."date") FROM "Activity" a JOIN "ActivityType" k ON k."id" = a."activityTypeId"
               WHERE a."enrolmentId" = s."id" AND k."key" = 'referrer-follow-up') AS "lastFollowUpDate",
             (SELECT COUNT(*) FROM "FovScreening" f WHERE f."enrolmentId" = s."id" AND f."outcome" <> 'ej_tillfragad') AS "fovAnswers",
             (SELECT COUNT(*) FROM "SkapaOffer" o WHERE o."enrolmentId" = s."id") AS "skapaOffers"
      FROM "scoped" s
      JOIN "Participant" p ON p."id" = s."participantId"
      WHERE s."rank" = 1
    )`;
}

type Facet = keyof ParticipantList["facets"];

/** The WHERE clause of the list, leaving out one facet's own filter when counting that facet. */
function participantFilter(query: ParticipantListQuery, except?: Facet): Prisma.Sql {
  const conditions: Prisma.Sql[] = [sql`1 = 1`];
  if (except !== "status" && query.status === "aktiv") conditions.push(sql`r."closedDate" IS NULL`);
  if (except !== "status" && query.status === "avslutad") conditions.push(sql`r."closedDate" IS NOT NULL`);
  if (except !== "insats" && query.insats) conditions.push(sql`r."insatsId" = ${query.insats}`);
  if (except !== "kommun" && query.kommun) conditions.push(sql`r."kommunId" = ${query.kommun}`);
  if (except !== "gender" && query.gender) conditions.push(sql`r."gender" = ${query.gender}`);
  if (except !== "step" && query.step === "ingen") conditions.push(sql`r."currentStep" IS NULL`);
  if (except !== "step" && query.step && query.step !== "ingen") conditions.push(sql`r."currentStep" = ${Number(query.step)}`);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(sql`(r."code" LIKE ${pattern} ESCAPE '\\' OR r."name" LIKE ${pattern} ESCAPE '\\')`);
  }
  return Prisma.join(conditions, " AND ");
}

const SORT_COLUMNS: Record<ParticipantSort, Prisma.Sql> = {
  code: sql`r."code"`,
  name: sql`LOWER(r."name")`,
  enrolled: sql`r."enrolledDate"`,
  step: sql`r."currentStep"`,
  activity: sql`r."lastActivityDate"`,
};

function participantOrder(query: ParticipantListQuery): Prisma.Sql {
  const column = SORT_COLUMNS[query.sort];
  const direction = query.dir === "desc" ? sql`DESC` : sql`ASC`;
  // Empty values last in both directions (SQLite and PostgreSQL disagree on where NULL sorts).
  return sql`ORDER BY (${column} IS NULL) ASC, ${column} ${direction}, r."code" ASC, r."enrolmentId" ASC`;
}

const FACET_VALUES: Record<Facet, Prisma.Sql> = {
  insats: sql`r."insatsId"`,
  kommun: sql`r."kommunId"`,
  status: sql`CASE WHEN r."closedDate" IS NULL THEN 'aktiv' ELSE 'avslutad' END`,
  step: sql`COALESCE(CAST(r."currentStep" AS TEXT), 'ingen')`,
  gender: sql`r."gender"`,
};

async function participantFacets(cte: Prisma.Sql, query: ParticipantListQuery): Promise<ParticipantList["facets"]> {
  const facets = Object.keys(FACET_VALUES) as Facet[];
  const groups = Prisma.join(
    facets.map(
      (facet) => sql`SELECT ${facet} AS "facet", ${FACET_VALUES[facet]} AS "value", COUNT(*) AS "count"
        FROM "rows" r WHERE ${participantFilter(query, facet)} GROUP BY ${FACET_VALUES[facet]}`,
    ),
    " UNION ALL ",
  );
  const rows = await prisma.$queryRaw<Array<{ facet: Facet; value: string; count: number | bigint }>>`${cte} ${groups}`;
  const result = Object.fromEntries(facets.map((facet) => [facet, {}])) as ParticipantList["facets"];
  for (const row of rows) result[row.facet][String(row.value)] = Number(row.count);
  return result;
}

/** A list row as SQLite returns it: counts may be bigints, and the flags are still facts. */
interface RawParticipantRow extends Omit<ParticipantListRow, "currentStep" | "flags"> {
  currentStep: number | bigint | null;
  lastPlacementDate: string | null;
  lastFollowUpDate: string | null;
  fovAnswers: number | bigint;
  skapaOffers: number | bigint;
}

export async function listParticipants(user: CurrentUser, query: ParticipantListQuery): Promise<ParticipantList> {
  const scope = participantScopeFilter(user);
  if (scope !== null && scope.length === 0) {
    return { total: 0, page: 1, pageCount: 1, rows: [], facets: { insats: {}, kommun: {}, status: {}, step: {}, gender: {} } };
  }
  const cte = participantRowsCte(user, scope);
  const where = participantFilter(query);
  const [counted] = await prisma.$queryRaw<Array<{ total: number | bigint }>>`${cte} SELECT COUNT(*) AS "total" FROM "rows" r WHERE ${where}`;
  const total = Number(counted?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const [raw, facets] = await Promise.all([
    prisma.$queryRaw<RawParticipantRow[]>`${cte}
      SELECT r."participantId", r."code", r."name", i."name" AS "insats", k."name" AS "kommun",
             u."name" AS "coordinator", r."gender", g."label" AS "ageGroup", r."enrolledDate", r."closedDate",
             r."currentStep", r."lastActivityDate", r."lastPlacementDate", r."lastFollowUpDate", r."fovAnswers", r."skapaOffers"
      FROM "rows" r
      JOIN "Insats" i ON i."id" = r."insatsId"
      JOIN "Kommun" k ON k."id" = r."kommunId"
      JOIN "AgeGroup" g ON g."id" = r."ageGroupId"
      LEFT JOIN "User" u ON u."id" = r."coordinatorId"
      WHERE ${where}
      ${participantOrder(query)}
      LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
    participantFacets(cte, query),
  ]);
  const today = todayInSweden();
  const rows = raw.map((row): ParticipantListRow => {
    const facts = { ...row, fovAsked: Number(row.fovAnswers) > 0, skapaOffered: Number(row.skapaOffers) > 0 };
    return {
      participantId: row.participantId,
      code: row.code,
      name: row.name,
      insats: row.insats,
      kommun: row.kommun,
      coordinator: row.coordinator,
      gender: row.gender,
      ageGroup: row.ageGroup,
      enrolledDate: row.enrolledDate,
      closedDate: row.closedDate,
      currentStep: row.currentStep === null ? null : Number(row.currentStep),
      lastActivityDate: row.lastActivityDate,
      flags: participantFlags(facts, today),
    };
  });
  await auditListRead(user, "participant-list", rows.map((row) => row.participantId));
  return { total, page, pageCount, rows, facets };
}
