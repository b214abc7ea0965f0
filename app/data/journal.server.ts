// The participant page: what it shows (header, enrolments, timeline, charts, form options) and
// every write it makes. Ids from the URL and from forms are checked with access.server.ts; an
// event id is loaded, then its enrolment is checked. Every write runs in one transaction with
// its audit entries, and every edit is a compare-and-swap on the version the form was loaded with.
import type { CurrentUser } from "~/auth/guards.server";
import { forbidden } from "~/auth/guards.server";
import { canSeeFovAnswers, canWorkWithEnrolment } from "~/auth/permissions";
import {
  FOV_OUTCOME_LABELS,
  GENDER_LABELS,
  type FovOutcome,
  type Gender,
} from "~/domain/reference-defaults";
import { CONFLICT_MESSAGE, type FieldErrors } from "~/schemas/form";
import {
  MOTIVATION_REQUIRED,
  closureDateProblem,
  coordinatorScoreField,
  eventDateProblem,
  scoreField,
  type ActivityInput,
  type ClosureInput,
  type DeleteEventInput,
  type EventKind,
  type FovInput,
  type IncomeChangeInput,
  type JournalQuery,
  type MeetingInput,
  type PlacementInput,
  type SkapaAssessmentInput,
  type SkapaInstrument,
  type SkapaOfferInput,
  type SupportInput,
  type TimelineFilter,
  type WithdrawConsentInput,
} from "~/schemas/journal";
import { formatDecimal } from "~/utils/format";
import { todayInSweden } from "~/domain/period";
import { requireAccess } from "~/auth/guards.server";
import { enrolmentAccess, type AccessibleParticipant } from "./access.server";

const requireEnrolmentAccess = async (user: CurrentUser, id: string) => requireAccess(await enrolmentAccess(user, id)).enrolment;
import { audit, changedFields } from "./audit.server";
import { isUniqueViolation, prisma, type Tx } from "./db.server";

export type { AccessibleParticipant };

export const FOV_HIDDEN_TEXT = "FOV registrerad – svaret visas bara för deltagarens koordinator och förbundschefen";
const EVENT_GONE = "Händelsen finns inte längre – den kan ha tagits bort av någon annan. Ladda om sidan.";
const ENROLMENT_GONE = "Inskrivningen finns inte.";

// ── Results of writes ──────────────────────────────────────────────────────

export type WriteFailure = { ok: false; status: 400 | 404 | 409; fieldErrors: FieldErrors; formError?: string };
export type WriteResult = { ok: true } | WriteFailure;

/** Thrown inside a transaction so that a refused write rolls back whatever it had begun. */
class Refusal extends Error {
  constructor(readonly failure: WriteFailure) {
    super("refused");
  }
}

const fieldRefusal = (field: string, message: string) => new Refusal({ ok: false, status: 400, fieldErrors: { [field]: [message] } });
const conflict = (): WriteFailure => ({ ok: false, status: 409, fieldErrors: {}, formError: CONFLICT_MESSAGE });
const gone = (message = EVENT_GONE): WriteFailure => ({ ok: false, status: 404, fieldErrors: {}, formError: message });

async function refusable(write: () => Promise<void>): Promise<WriteResult> {
  try {
    await write();
    return { ok: true };
  } catch (error) {
    if (error instanceof Refusal) return error.failure;
    throw error;
  }
}

// ── Event stores: one per kind, the only code that knows each table ───────

type Fields = Record<string, string | number | boolean | null>;

interface StoredEvent<F extends Fields> {
  id: string;
  enrolmentId: string;
  /** What the form carries back: the version column, or the values where a table has none. */
  version: string;
  fields: F;
}

interface EventStore<F extends Fields> {
  /** The audit log's name of the kind. */
  entity: string;
  find(db: Tx, id: string, organisationId: string): Promise<StoredEvent<F> | null>;
  create(tx: Tx, enrolmentId: string, fields: F): Promise<string>;
  /** Compare-and-swap: false when the row changed since `version` was read, or is gone. */
  update(tx: Tx, id: string, version: string, fields: F): Promise<boolean>;
  remove(tx: Tx, id: string, version: string): Promise<boolean>;
}

/** A version from a form; anything that is not a whole number matches no row. */
const versionNumber = (version: string) => (/^\d+$/.test(version) ? Number(version) : -1);
const bumped = { version: { increment: 1 } } as const;
const inOrganisation = (id: string, organisationId: string) => ({ id, enrolment: { organisationId } });
function stored<R extends { id: string; enrolmentId: string }, F extends Fields>(
  row: R | null,
  version: (row: R) => string,
  fields: (row: R) => F,
): StoredEvent<F> | null {
  return row ? { id: row.id, enrolmentId: row.enrolmentId, version: version(row), fields: fields(row) } : null;
}

type ActivityFields = { date: string; activityTypeId: string; minutes: number | null; note: string | null };
const activityStore: EventStore<ActivityFields> = {
  entity: "activity",
  find: async (db, id, organisationId) =>
    stored(
      await db.activity.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, version: true, date: true, activityTypeId: true, minutes: true, note: true } }),
      (row) => String(row.version),
      (row) => ({ date: row.date, activityTypeId: row.activityTypeId, minutes: row.minutes, note: row.note }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.activity.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) =>
    (await tx.activity.updateMany({ where: { id, version: versionNumber(version) }, data: { ...fields, ...bumped } })).count === 1,
  remove: async (tx, id, version) => (await tx.activity.deleteMany({ where: { id, version: versionNumber(version) } })).count === 1,
};

type PlacementFields = { date: string; step: number; motivation: string | null };
const placementStore: EventStore<PlacementFields> = {
  entity: "trappan-placement",
  find: async (db, id, organisationId) =>
    stored(
      await db.trappanPlacement.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, version: true, date: true, step: true, motivation: true } }),
      (row) => String(row.version),
      (row) => ({ date: row.date, step: row.step, motivation: row.motivation }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.trappanPlacement.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) =>
    (await tx.trappanPlacement.updateMany({ where: { id, version: versionNumber(version) }, data: { ...fields, ...bumped } })).count === 1,
  remove: async (tx, id, version) => (await tx.trappanPlacement.deleteMany({ where: { id, version: versionNumber(version) } })).count === 1,
};

// SkapaOffer and IncomeChange have no version column: their values are the version.
type OfferFields = { date: string };
const offerStore: EventStore<OfferFields> = {
  entity: "skapa-offer",
  find: async (db, id, organisationId) =>
    stored(
      await db.skapaOffer.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, date: true } }),
      (row) => row.date,
      (row) => ({ date: row.date }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.skapaOffer.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) => (await tx.skapaOffer.updateMany({ where: { id, date: version }, data: fields })).count === 1,
  remove: async (tx, id, version) => (await tx.skapaOffer.deleteMany({ where: { id, date: version } })).count === 1,
};

type IncomeFields = { date: string; incomeSourceId: string };
const incomeVersion = (row: IncomeFields) => `${row.date}|${row.incomeSourceId}`;
const incomeWhere = (id: string, version: string) => {
  const [date = "", incomeSourceId = ""] = version.split("|");
  return { id, date, incomeSourceId };
};
const incomeStore: EventStore<IncomeFields> = {
  entity: "income-change",
  find: async (db, id, organisationId) =>
    stored(
      await db.incomeChange.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, date: true, incomeSourceId: true } }),
      incomeVersion,
      (row) => ({ date: row.date, incomeSourceId: row.incomeSourceId }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.incomeChange.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) => (await tx.incomeChange.updateMany({ where: incomeWhere(id, version), data: fields })).count === 1,
  remove: async (tx, id, version) => (await tx.incomeChange.deleteMany({ where: incomeWhere(id, version) })).count === 1,
};

type AssessmentFields = { date: string };
const assessmentStore: EventStore<AssessmentFields> = {
  entity: "skapa-assessment",
  find: async (db, id, organisationId) =>
    stored(
      await db.skapaAssessment.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, version: true, date: true } }),
      (row) => String(row.version),
      (row) => ({ date: row.date }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.skapaAssessment.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) =>
    (await tx.skapaAssessment.updateMany({ where: { id, version: versionNumber(version) }, data: { ...fields, ...bumped } })).count === 1,
  remove: async (tx, id, version) => (await tx.skapaAssessment.deleteMany({ where: { id, version: versionNumber(version) } })).count === 1,
};

type FovFields = { date: string; outcome: string; notAskedReason: string | null; supportOffered: boolean };
const fovStore: EventStore<FovFields> = {
  entity: "fov-screening",
  find: async (db, id, organisationId) =>
    stored(
      await db.fovScreening.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, version: true, date: true, outcome: true, notAskedReason: true, supportOffered: true } }),
      (row) => String(row.version),
      (row) => ({ date: row.date, outcome: row.outcome, notAskedReason: row.notAskedReason, supportOffered: row.supportOffered }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.fovScreening.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) =>
    (await tx.fovScreening.updateMany({ where: { id, version: versionNumber(version) }, data: { ...fields, ...bumped } })).count === 1,
  remove: async (tx, id, version) => (await tx.fovScreening.deleteMany({ where: { id, version: versionNumber(version) } })).count === 1,
};

type SupportFields = { date: string; supportTypeId: string; raisesActivityLevel: boolean; note: string | null };
const supportStore: EventStore<SupportFields> = {
  entity: "support-intervention",
  find: async (db, id, organisationId) =>
    stored(
      await db.supportIntervention.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, version: true, date: true, supportTypeId: true, raisesActivityLevel: true, note: true } }),
      (row) => String(row.version),
      (row) => ({ date: row.date, supportTypeId: row.supportTypeId, raisesActivityLevel: row.raisesActivityLevel, note: row.note }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.supportIntervention.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) =>
    (await tx.supportIntervention.updateMany({ where: { id, version: versionNumber(version) }, data: { ...fields, ...bumped } })).count === 1,
  remove: async (tx, id, version) => (await tx.supportIntervention.deleteMany({ where: { id, version: versionNumber(version) } })).count === 1,
};

const STORES = {
  activity: activityStore,
  placement: placementStore,
  "skapa-offer": offerStore,
  "skapa-assessment": assessmentStore,
  fov: fovStore,
  support: supportStore,
  income: incomeStore,
} satisfies Record<Exclude<EventKind, "closure">, EventStore<any>>;

// ── Which record a form writes ─────────────────────────────────────────────

type EnrolmentScope = Awaited<ReturnType<typeof requireEnrolmentAccess>>;

interface Target<F extends Fields> {
  enrolment: EnrolmentScope;
  /** The event being edited; absent when the form adds a new one. */
  existing: StoredEvent<F> | null;
}

interface TargetInput {
  eventId?: string;
  version?: string;
  enrolmentId?: string;
}

/**
 * Resolves the ids a form sent. An event id is loaded within the förbund, its enrolment is
 * checked like any other, and it must belong to the participant of the page; so must an
 * enrolment id. A koordinator outside the enrolment's scope gets 403 from requireEnrolmentAccess.
 */
async function resolveTarget<F extends Fields>(
  user: CurrentUser,
  participant: AccessibleParticipant,
  store: EventStore<F>,
  input: TargetInput,
): Promise<Target<F> | WriteFailure> {
  if (input.eventId) {
    const existing = await store.find(prisma, input.eventId, user.organisationId);
    if (!existing) return gone();
    const enrolment = await requireEnrolmentAccess(user, existing.enrolmentId);
    if (enrolment.participantId !== participant.id) return gone();
    if (input.version !== existing.version) return conflict();
    return { enrolment, existing };
  }
  if (!input.enrolmentId) return gone(ENROLMENT_GONE);
  const enrolment = await requireEnrolmentAccess(user, input.enrolmentId);
  if (enrolment.participantId !== participant.id) return gone(ENROLMENT_GONE);
  return { enrolment, existing: null };
}

function isFailure(value: object): value is WriteFailure {
  return "ok" in value && value.ok === false;
}

/** The names of the fields a new record was given: what a "create" audit entry records. */
function givenFields(fields: Fields): string {
  return Object.keys(fields)
    .filter((key) => fields[key] !== null)
    .join(", ");
}

interface SaveOptions<F extends Fields> {
  /** Checks that need the database, inside the transaction, before anything is written. */
  check?: (tx: Tx, target: Target<F>) => Promise<void>;
  /** Further writes in the same transaction, after the event itself. */
  after?: (tx: Tx, eventId: string, target: Target<F>) => Promise<void>;
}

/**
 * Adds or edits one event: the date must lie within the enrolment (read again inside the
 * transaction, so a closure saved meanwhile counts), then the kind's own checks, then the write
 * and its audit entry. A refusal rolls back everything.
 */
async function saveEvent<F extends Fields & { date: string }>(
  user: CurrentUser,
  participant: AccessibleParticipant,
  store: EventStore<F>,
  input: TargetInput,
  fields: F,
  options: SaveOptions<F> = {},
): Promise<WriteResult> {
  const target = await resolveTarget(user, participant, store, input);
  if (isFailure(target)) return target;
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const enrolment = await tx.enrolment.findUniqueOrThrow({ where: { id: target.enrolment.id }, select: { enrolledDate: true, closedDate: true } });
      const problem = eventDateProblem(fields.date, enrolment);
      if (problem) throw fieldRefusal("date", problem);
      await options.check?.(tx, target);
      const entry = { organisationId: user.organisationId, userId: user.id, entity: store.entity, participantId: participant.id };
      let eventId: string;
      if (target.existing) {
        eventId = target.existing.id;
        if (!(await store.update(tx, eventId, target.existing.version, fields))) throw new Refusal(conflict());
        const changed = changedFields(target.existing.fields, fields);
        await audit({ ...entry, action: "update", entityId: eventId, detail: `ändrat: ${changed.join(", ") || "inget"}` }, tx);
      } else {
        eventId = await store.create(tx, target.enrolment.id, fields);
        await audit({ ...entry, action: "create", entityId: eventId, detail: `fält: ${givenFields(fields)}` }, tx);
      }
      await options.after?.(tx, eventId, target);
    }),
  );
}

// ── Checks against the förbund's lists and the enrolment's history ─────────

async function requireListed(found: Promise<unknown>, field: string, message: string): Promise<void> {
  if (!(await found)) throw fieldRefusal(field, message);
}

/**
 * One placement per enrolment and date (the statistics take "the latest placement"), and a
 * different step than the placement before it needs a motivation.
 */
async function checkPlacement(tx: Tx, enrolmentId: string, placement: PlacementFields, exceptId: string | null, dateField = "date"): Promise<void> {
  const others = { enrolmentId, ...(exceptId ? { id: { not: exceptId } } : {}) };
  if (await tx.trappanPlacement.findFirst({ where: { ...others, date: placement.date }, select: { id: true } })) {
    throw fieldRefusal(dateField, "Det finns redan en Trappan-placering detta datum – ändra den i stället.");
  }
  const previous = await tx.trappanPlacement.findFirst({
    where: { ...others, date: { lt: placement.date } },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: { step: true },
  });
  if (previous && previous.step !== placement.step && !placement.motivation) throw fieldRefusal("motivation", MOTIVATION_REQUIRED);
}

/** The type's own "höjd aktivitetsnivå" unless the form said otherwise. */
async function supportTypeDefault(tx: Tx, organisationId: string, supportTypeId: string, field: string): Promise<boolean> {
  const type = await tx.supportType.findFirst({ where: { id: supportTypeId, organisationId }, select: { raisesActivityLevel: true } });
  if (!type) throw fieldRefusal(field, "Välj en stödinsats ur listan.");
  return type.raisesActivityLevel;
}

const activityTypeListed = (tx: Tx, organisationId: string, id: string) =>
  requireListed(tx.activityType.findFirst({ where: { id, organisationId }, select: { id: true } }), "activityTypeId", "Välj typ av möte eller aktivitet ur listan.");

// ── Writes, one per form ───────────────────────────────────────────────────

/** "Logga möte": the meeting, and optionally a placement and a stödinsats on its date, together. */
export async function logMeeting(user: CurrentUser, participant: AccessibleParticipant, input: MeetingInput): Promise<WriteResult> {
  const fields: ActivityFields = { date: input.date, activityTypeId: input.activityTypeId, minutes: input.minutes, note: input.note };
  const placement: PlacementFields | null = input.step === null ? null : { date: input.date, step: input.step, motivation: input.motivation };
  let raises = input.supportRaisesActivityLevel;
  const entry = { organisationId: user.organisationId, userId: user.id, participantId: participant.id, action: "create" as const };
  // A meeting is always new: editing one is the "activity" form.
  return saveEvent(user, participant, activityStore, { enrolmentId: input.enrolmentId }, fields, {
    check: async (tx, target) => {
      await activityTypeListed(tx, user.organisationId, input.activityTypeId);
      if (placement) await checkPlacement(tx, target.enrolment.id, placement, null, "step");
      if (input.supportTypeId) raises ??= await supportTypeDefault(tx, user.organisationId, input.supportTypeId, "supportTypeId");
    },
    after: async (tx, _eventId, target) => {
      if (placement) {
        const id = await placementStore.create(tx, target.enrolment.id, placement);
        await audit({ ...entry, entity: placementStore.entity, entityId: id, detail: `fält: ${givenFields(placement)}` }, tx);
      }
      if (input.supportTypeId) {
        const support: SupportFields = { date: input.date, supportTypeId: input.supportTypeId, raisesActivityLevel: raises ?? false, note: null };
        const id = await supportStore.create(tx, target.enrolment.id, support);
        await audit({ ...entry, entity: supportStore.entity, entityId: id, detail: `fält: ${givenFields(support)}` }, tx);
      }
    },
  });
}

export async function saveActivity(user: CurrentUser, participant: AccessibleParticipant, input: ActivityInput): Promise<WriteResult> {
  const fields: ActivityFields = { date: input.date, activityTypeId: input.activityTypeId, minutes: input.minutes, note: input.note };
  return saveEvent(user, participant, activityStore, input, fields, {
    check: (tx) => activityTypeListed(tx, user.organisationId, input.activityTypeId),
  });
}

export async function savePlacement(user: CurrentUser, participant: AccessibleParticipant, input: PlacementInput): Promise<WriteResult> {
  const fields: PlacementFields = { date: input.date, step: input.step, motivation: input.motivation };
  return saveEvent(user, participant, placementStore, input, fields, {
    check: (tx, target) => checkPlacement(tx, target.enrolment.id, fields, target.existing?.id ?? null),
  });
}

export async function saveSkapaOffer(user: CurrentUser, participant: AccessibleParticipant, input: SkapaOfferInput): Promise<WriteResult> {
  return saveEvent(user, participant, offerStore, input, { date: input.date });
}

export async function saveFovScreening(user: CurrentUser, participant: AccessibleParticipant, input: FovInput): Promise<WriteResult> {
  const fields: FovFields = { date: input.date, outcome: input.outcome, notAskedReason: input.notAskedReason, supportOffered: input.supportOffered };
  return saveEvent(user, participant, fovStore, input, fields, {
    // Changing a screening shows its answer: only those who may see answers may change them.
    check: async (_tx, target) => {
      if (target.existing && !canSeeFovAnswers(user, target.enrolment)) forbidden();
    },
  });
}

export async function saveSupport(user: CurrentUser, participant: AccessibleParticipant, input: SupportInput): Promise<WriteResult> {
  const fields: SupportFields = { date: input.date, supportTypeId: input.supportTypeId, raisesActivityLevel: input.raisesActivityLevel ?? false, note: input.note };
  return saveEvent(user, participant, supportStore, input, fields, {
    // The flag's default is the type's, known only once the type is read; saveEvent writes `fields` after the checks.
    check: async (tx) => {
      const typeDefault = await supportTypeDefault(tx, user.organisationId, input.supportTypeId, "supportTypeId");
      fields.raisesActivityLevel = input.raisesActivityLevel ?? typeDefault;
    },
  });
}

export async function saveIncomeChange(user: CurrentUser, participant: AccessibleParticipant, input: IncomeChangeInput): Promise<WriteResult> {
  return saveEvent(user, participant, incomeStore, input, { date: input.date, incomeSourceId: input.incomeSourceId }, {
    check: (tx) =>
      requireListed(
        tx.incomeSource.findFirst({ where: { id: input.incomeSourceId, organisationId: user.organisationId }, select: { id: true } }),
        "incomeSourceId",
        "Välj en försörjning ur listan.",
      ),
  });
}

// ── SKAPA ──────────────────────────────────────────────────────────────────

/**
 * The areas and scale a SKAPA form shows: the insats's areas in use, plus, for an assessment
 * being edited, the retired areas it already has answers for (so that nothing is lost).
 */
export async function skapaInstrumentFor(user: CurrentUser, participant: AccessibleParticipant, input: TargetInput): Promise<SkapaInstrument | WriteFailure> {
  const target = await resolveTarget(user, participant, assessmentStore, input);
  if (isFailure(target)) return target;
  return loadInstrument(target.enrolment.insatsId, target.existing?.id ?? null);
}

async function loadInstrument(insatsId: string, assessmentId: string | null): Promise<SkapaInstrument> {
  const insats = await prisma.insats.findUniqueOrThrow({
    where: { id: insatsId },
    select: {
      skapaScaleMin: true,
      skapaScaleMax: true,
      skapaAreas: {
        where: { OR: [{ retired: false }, ...(assessmentId ? [{ scores: { some: { assessmentId } } }] : [])] },
        orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
        select: { id: true, label: true },
      },
    },
  });
  return { areas: insats.skapaAreas, min: insats.skapaScaleMin, max: insats.skapaScaleMax };
}

/** All areas of the instrument at once, one assessment per enrolment and date. */
export async function saveSkapaAssessment(user: CurrentUser, participant: AccessibleParticipant, input: SkapaAssessmentInput): Promise<WriteResult> {
  const sameDate = fieldRefusal("date", "Det finns redan en SKAPA-skattning detta datum – ändra den i stället.");
  try {
    return await saveEvent(user, participant, assessmentStore, input, { date: input.date }, {
      check: async (tx, target) => {
        const others = { enrolmentId: target.enrolment.id, date: input.date, ...(target.existing ? { id: { not: target.existing.id } } : {}) };
        if (await tx.skapaAssessment.findFirst({ where: others, select: { id: true } })) throw sameDate;
      },
      after: async (tx, assessmentId) => {
        // The form holds every area it shows; replacing those areas' scores is the whole edit.
        await tx.skapaScore.deleteMany({ where: { assessmentId, areaId: { in: input.scores.map((score) => score.areaId) } } });
        const answered = input.scores.filter((score) => score.participantScore !== null || score.coordinatorScore !== null);
        await tx.skapaScore.createMany({ data: answered.map((score) => ({ ...score, assessmentId })) });
      },
    });
  } catch (error) {
    // Two people saving the same date at once: the unique index stops the second.
    if (isUniqueViolation(error)) return sameDate.failure;
    throw error;
  }
}

// ── Avslut ─────────────────────────────────────────────────────────────────

const CLOSURE_FIELDS = ["closedDate", "closureReasonId", "incomeEndId", "planAfterClosure", "surveySupport", "surveyInfluence", "surveyReadiness"] as const;

/** The latest date of anything recorded in the enrolment: a closure may not come before it. */
async function latestEventDate(tx: Tx, enrolmentId: string): Promise<string | null> {
  const where = { enrolmentId };
  const max = { _max: { date: true } } as const;
  const dates = await Promise.all([
    tx.activity.aggregate({ where, ...max }),
    tx.trappanPlacement.aggregate({ where, ...max }),
    tx.skapaOffer.aggregate({ where, ...max }),
    tx.skapaAssessment.aggregate({ where, ...max }),
    tx.fovScreening.aggregate({ where, ...max }),
    tx.supportIntervention.aggregate({ where, ...max }),
    tx.incomeChange.aggregate({ where, ...max }),
  ]);
  return dates.map((result) => result._max.date).reduce<string | null>((latest, date) => (date && (!latest || date > latest) ? date : latest), null);
}

/** Closes the enrolment, or corrects its closure; the form carries the enrolment's version. */
export async function saveClosure(user: CurrentUser, participant: AccessibleParticipant, input: ClosureInput): Promise<WriteResult> {
  const scope = await requireEnrolmentAccess(user, input.enrolmentId);
  if (scope.participantId !== participant.id) return gone(ENROLMENT_GONE);
  if (String(scope.version) !== input.version) return conflict();
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const before = await tx.enrolment.findUniqueOrThrow({
        where: { id: scope.id },
        select: {
          enrolledDate: true, closedDate: true, closureReasonId: true, incomeEndId: true, planAfterClosure: true,
          surveySupport: true, surveyInfluence: true, surveyReadiness: true,
        },
      });
      const org = user.organisationId;
      await requireListed(tx.closureReason.findFirst({ where: { id: input.closureReasonId, organisationId: org }, select: { id: true } }), "closureReasonId", "Välj en avslutsorsak ur listan.");
      await requireListed(tx.incomeSource.findFirst({ where: { id: input.incomeEndId, organisationId: org }, select: { id: true } }), "incomeEndId", "Välj en försörjning ur listan.");
      const problem = closureDateProblem(input.date, before.enrolledDate, await latestEventDate(tx, scope.id));
      if (problem) throw fieldRefusal("date", problem);
      const next = await tx.enrolment.findFirst({
        where: { participantId: participant.id, id: { not: scope.id }, enrolledDate: { gte: before.enrolledDate, lt: input.date } },
        select: { enrolledDate: true },
      });
      if (next) throw fieldRefusal("date", `Avslutsdatum kan inte ligga efter nästa inskrivning (${next.enrolledDate}).`);

      const after = {
        closedDate: input.date,
        closureReasonId: input.closureReasonId,
        incomeEndId: input.incomeEndId,
        planAfterClosure: input.planAfterClosure,
        surveySupport: input.surveySupport,
        surveyInfluence: input.surveyInfluence,
        surveyReadiness: input.surveyReadiness,
      };
      const written = await tx.enrolment.updateMany({ where: { id: scope.id, version: versionNumber(input.version) }, data: { ...after, ...bumped } });
      if (written.count !== 1) throw new Refusal(conflict());
      const firstClosure = before.closedDate === null;
      await audit(
        {
          organisationId: org,
          userId: user.id,
          action: "update",
          entity: "enrolment",
          entityId: scope.id,
          participantId: participant.id,
          detail: firstClosure ? `avslut: ${givenFields(after)}` : `ändrat: ${changedFields(before, after).join(", ") || "inget"}`,
        },
        tx,
      );
    }),
  );
}

/** Removing a closure opens the enrolment again, unless the participant has been enrolled since. */
async function reopenEnrolment(user: CurrentUser, participant: AccessibleParticipant, input: DeleteEventInput): Promise<WriteResult> {
  const scope = await requireEnrolmentAccess(user, input.eventId);
  if (scope.participantId !== participant.id || scope.closedDate === null) return gone();
  if (String(scope.version) !== input.version) return conflict();
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const later = await tx.enrolment.findFirst({
        where: { participantId: participant.id, id: { not: scope.id }, OR: [{ closedDate: null }, { enrolledDate: { gte: scope.enrolledDate } }] },
        select: { id: true },
      });
      if (later) throw new Refusal({ ok: false, status: 400, fieldErrors: {}, formError: "Deltagaren har skrivits in igen efter avslutet, så avslutet kan inte tas bort." });
      const cleared = Object.fromEntries(CLOSURE_FIELDS.map((field) => [field, null]));
      const written = await tx.enrolment.updateMany({ where: { id: scope.id, version: versionNumber(input.version) }, data: { ...cleared, ...bumped } });
      if (written.count !== 1) throw new Refusal(conflict());
      await audit(
        { organisationId: user.organisationId, userId: user.id, action: "update", entity: "enrolment", entityId: scope.id, participantId: participant.id, detail: `avslut borttaget: ${CLOSURE_FIELDS.join(", ")}` },
        tx,
      );
    }),
  );
}

// ── Ta bort ────────────────────────────────────────────────────────────────

export async function deleteEvent(user: CurrentUser, participant: AccessibleParticipant, input: DeleteEventInput): Promise<WriteResult> {
  if (input.kind === "closure") return reopenEnrolment(user, participant, input);
  const store: EventStore<Fields> = STORES[input.kind];
  const target = await resolveTarget(user, participant, store, input);
  if (isFailure(target)) return target;
  const existing = target.existing!;
  if (input.kind === "fov" && !canSeeFovAnswers(user, target.enrolment)) forbidden();
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      if (!(await store.remove(tx, existing.id, existing.version))) throw new Refusal(conflict());
      await audit(
        { organisationId: user.organisationId, userId: user.id, action: "delete", entity: store.entity, entityId: existing.id, participantId: participant.id, detail: `fält: ${Object.keys(existing.fields).join(", ")}` },
        tx,
      );
    }),
  );
}

// ── Återkallat samtycke ────────────────────────────────────────────────────

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
      if (erased.count !== 1) throw new Refusal(conflict());
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
    }),
  );
}

// ── The page ───────────────────────────────────────────────────────────────

/** Whole days from one calendar date to another; both are read as UTC midnight, so no zone shifts them. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type TimelineKind = EventKind | "enrolment" | "consent";

const KIND_FILTER: Record<TimelineKind, TimelineFilter> = {
  activity: "mote",
  placement: "trappan",
  "skapa-offer": "skapa",
  "skapa-assessment": "skapa",
  fov: "fov",
  support: "stod",
  income: "forsorjning",
  consent: "samtycke",
  enrolment: "inskrivning",
  closure: "inskrivning",
};

// Within one day: closure last, then events, then enrolment, then the consent that preceded it.
const KIND_RANK: Record<TimelineKind, number> = {
  closure: 3, activity: 2, placement: 2, "skapa-offer": 2, "skapa-assessment": 2, fov: 2, support: 2, income: 2, enrolment: 1, consent: 0,
};

/** The order in which "Logga möte" writes its records. */
const WRITE_ORDER: readonly TimelineKind[] = ["activity", "placement", "support"];

export interface TimelineItem {
  key: string;
  kind: TimelineKind;
  id: string;
  date: string;
  title: string;
  lines: string[];
  /** Per area, for a SKAPA assessment. */
  scores?: { label: string; participant: number | null; coordinator: number | null }[];
  /** Whether this user may edit and delete it. */
  editable: boolean;
}

type SortableItem = TimelineItem & { createdAt: Date };

const yesNo = (value: boolean | null) => (value === null ? "ej besvarat" : value ? "ja" : "nej");

function loadEnrolments(participantId: string, organisationId: string) {
  return prisma.enrolment.findMany({
    where: { participantId, organisationId },
    orderBy: [{ enrolledDate: "desc" }, { createdAt: "desc" }],
    select: {
      id: true, insatsId: true, kommunId: true, coordinatorId: true, enrolledDate: true, closedDate: true, version: true, createdAt: true, updatedAt: true,
      gender: true, referrerId: true, ageGroupId: true, closureReasonId: true, incomeEndId: true, planAfterClosure: true, surveySupport: true, surveyInfluence: true, surveyReadiness: true,
      insats: {
        select: {
          name: true, skapaScaleMin: true, skapaScaleMax: true,
          trappanSteps: { orderBy: { step: "asc" }, select: { step: true, label: true } },
          skapaAreas: { orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, label: true, retired: true } },
        },
      },
      kommun: { select: { name: true } },
      coordinator: { select: { name: true } },
      referrer: { select: { name: true } },
      ageGroup: { select: { label: true } },
      incomeStart: { select: { label: true } },
      incomeEnd: { select: { label: true } },
      closureReason: { select: { label: true } },
      placements: { select: { id: true, date: true, step: true, motivation: true, version: true, createdAt: true } },
      skapaOffers: { select: { id: true, date: true, createdAt: true } },
      assessments: { select: { id: true, date: true, version: true, createdAt: true, scores: { select: { areaId: true, participantScore: true, coordinatorScore: true } } } },
      activities: { select: { id: true, date: true, minutes: true, note: true, version: true, createdAt: true, activityTypeId: true, activityType: { select: { label: true } } } },
      support: { select: { id: true, date: true, raisesActivityLevel: true, note: true, version: true, createdAt: true, supportTypeId: true, supportType: { select: { label: true } } } },
      incomeChanges: { select: { id: true, date: true, createdAt: true, incomeSourceId: true, incomeSource: { select: { label: true } } } },
      fovScreenings: { select: { id: true, date: true, outcome: true, notAskedReason: true, supportOffered: true, version: true, createdAt: true } },
    },
  });
}
type LoadedEnrolment = Awaited<ReturnType<typeof loadEnrolments>>[number];

const byDate = <T extends { date: string; createdAt: Date }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.date === b.date ? a.createdAt.getTime() - b.createdAt.getTime() : a.date < b.date ? -1 : 1));

function stepText(enrolment: LoadedEnrolment, step: number): string {
  const label = enrolment.insats.trappanSteps.find((s) => s.step === step)?.label;
  return label ? `Steg ${step}: ${label}` : `Steg ${step}`;
}

/** Every event of one enrolment as the timeline shows it, FOV answers only to those who may see them. */
function enrolmentTimeline(user: CurrentUser, enrolment: LoadedEnrolment): SortableItem[] {
  const editable = canWorkWithEnrolment(user, enrolment);
  const seesFov = canSeeFovAnswers(user, enrolment);
  const item = (kind: TimelineKind, row: { id: string; date: string; createdAt: Date }, title: string, lines: string[], canEdit = editable): SortableItem => ({
    key: `${kind}:${row.id}`, kind, id: row.id, date: row.date, createdAt: row.createdAt, title, lines: lines.filter(Boolean), editable: canEdit,
  });
  const where = `${enrolment.insats.name}, ${enrolment.kommun.name}`;
  const items: SortableItem[] = [
    item("enrolment", { id: enrolment.id, date: enrolment.enrolledDate, createdAt: enrolment.createdAt }, `Inskriven i ${where}`, [
      `Remittent: ${enrolment.referrer.name}`,
      `Koordinator: ${enrolment.coordinator?.name ?? "ingen vald"}`,
      enrolment.incomeStart ? `Försörjning vid start: ${enrolment.incomeStart.label}` : "",
    ], false),
  ];
  if (enrolment.closedDate) {
    items.push(
      item("closure", { id: enrolment.id, date: enrolment.closedDate, createdAt: enrolment.updatedAt }, `Avslutad: ${enrolment.closureReason?.label ?? "orsak saknas"}`, [
        `Försörjning vid avslut: ${enrolment.incomeEnd?.label ?? "ej angiven"}`,
        `Planering efter avslut: ${yesNo(enrolment.planAfterClosure)}`,
        `Upplevt stöd: ${yesNo(enrolment.surveySupport)}, upplevt inflytande: ${yesNo(enrolment.surveyInfluence)}, ökad beredskap för arbete eller studier: ${yesNo(enrolment.surveyReadiness)}`,
      ]),
    );
  }
  for (const row of enrolment.activities) {
    items.push(item("activity", row, row.activityType.label, [row.minutes !== null ? `${row.minutes} minuter` : "", row.note ?? ""]));
  }
  let previousStep: number | null = null;
  for (const row of byDate(enrolment.placements)) {
    const change = previousStep === null ? "Första placeringen" : previousStep === row.step ? "Oförändrat steg" : `Från steg ${previousStep}`;
    items.push(item("placement", row, `Trappan: steg ${row.step}`, [stepText(enrolment, row.step), change, row.motivation ? `Motivering: ${row.motivation}` : ""]));
    previousStep = row.step;
  }
  for (const row of enrolment.skapaOffers) items.push(item("skapa-offer", row, "SKAPA erbjuden", []));
  const areaLabels = new Map(enrolment.insats.skapaAreas.map((area) => [area.id, area.label]));
  for (const row of enrolment.assessments) {
    const answered = row.scores.filter((score) => score.participantScore !== null);
    const mean = answered.length ? answered.reduce((sum, score) => sum + score.participantScore!, 0) / answered.length : null;
    const assessment = item("skapa-assessment", row, "SKAPA-skattning", [
      mean === null ? "Deltagaren har inte skattat något område" : `Deltagarens medelvärde ${formatDecimal(mean)} (${answered.length} områden, skala ${enrolment.insats.skapaScaleMin}–${enrolment.insats.skapaScaleMax})`,
    ]);
    assessment.scores = enrolment.insats.skapaAreas
      .map((area) => ({ area, score: row.scores.find((score) => score.areaId === area.id) }))
      .filter(({ area, score }) => score || !area.retired)
      .map(({ area, score }) => ({ label: areaLabels.get(area.id)!, participant: score?.participantScore ?? null, coordinator: score?.coordinatorScore ?? null }));
    items.push(assessment);
  }
  for (const row of enrolment.fovScreenings) {
    items.push(
      seesFov
        ? item("fov", row, `FOV: ${FOV_OUTCOME_LABELS[row.outcome as FovOutcome] ?? row.outcome}`, [
            row.notAskedReason ? `Varför inte tillfrågad: ${row.notAskedReason}` : "",
            row.supportOffered ? "Stöd eller hänvisning erbjöds" : "Inget stöd eller hänvisning erbjöds",
          ])
        : item("fov", row, FOV_HIDDEN_TEXT, [], false),
    );
  }
  for (const row of enrolment.support) {
    items.push(item("support", row, `Stödinsats: ${row.supportType.label}`, [row.raisesActivityLevel ? "Höjd aktivitetsnivå" : "", row.note ?? ""]));
  }
  for (const row of enrolment.incomeChanges) items.push(item("income", row, `Ny försörjning: ${row.incomeSource.label}`, []));
  return items;
}

function sortTimeline(items: SortableItem[]): TimelineItem[] {
  return items
    .sort((a, b) => {
      if (a.date !== b.date) return a.date < b.date ? 1 : -1;
      if (KIND_RANK[a.kind] !== KIND_RANK[b.kind]) return KIND_RANK[b.kind] - KIND_RANK[a.kind];
      if (a.createdAt.getTime() !== b.createdAt.getTime()) return b.createdAt.getTime() - a.createdAt.getTime();
      // Saved in the same moment (a meeting with its step change and stödinsats): in the order written.
      return WRITE_ORDER.indexOf(b.kind) - WRITE_ORDER.indexOf(a.kind);
    })
    .map(({ createdAt: _createdAt, ...item }) => item);
}

/** An event opened for editing: the values its form starts from, as form fields. */
export interface EditView {
  kind: EventKind;
  id: string;
  /** Sent back with the form; a save is refused when the record has changed since. */
  version: string;
  values: Record<string, string>;
  steps: ReadonlyArray<{ step: number; label: string }>;
  /** For a SKAPA assessment: its areas, including retired ones it has answers for. */
  instrument?: SkapaInstrument;
}

/** The edit form's start, or null when the event is not this participant's or not the user's to edit. */
function editView(user: CurrentUser, enrolments: LoadedEnrolment[], edit: NonNullable<JournalQuery["edit"]>): EditView | null {
  for (const enrolment of enrolments) {
    if (!canWorkWithEnrolment(user, enrolment)) continue;
    const base = { kind: edit.kind, id: edit.id, steps: enrolment.insats.trappanSteps };
    const text = (value: string | number | null) => (value === null ? "" : String(value));
    switch (edit.kind) {
      case "activity": {
        const row = enrolment.activities.find((r) => r.id === edit.id);
        if (row) return { ...base, version: String(row.version), values: { date: row.date, activityTypeId: row.activityTypeId, minutes: text(row.minutes), note: text(row.note) } };
        break;
      }
      case "placement": {
        const row = enrolment.placements.find((r) => r.id === edit.id);
        if (row) return { ...base, version: String(row.version), values: { date: row.date, step: String(row.step), motivation: text(row.motivation) } };
        break;
      }
      case "skapa-offer": {
        const row = enrolment.skapaOffers.find((r) => r.id === edit.id);
        if (row) return { ...base, version: row.date, values: { date: row.date } };
        break;
      }
      case "skapa-assessment": {
        const row = enrolment.assessments.find((r) => r.id === edit.id);
        if (!row) break;
        const values: Record<string, string> = { date: row.date };
        for (const score of row.scores) {
          values[scoreField(score.areaId)] = text(score.participantScore);
          values[coordinatorScoreField(score.areaId)] = text(score.coordinatorScore);
        }
        const used = new Set(row.scores.map((score) => score.areaId));
        const instrument: SkapaInstrument = {
          areas: enrolment.insats.skapaAreas.filter((area) => !area.retired || used.has(area.id)).map(({ id, label }) => ({ id, label })),
          min: enrolment.insats.skapaScaleMin,
          max: enrolment.insats.skapaScaleMax,
        };
        return { ...base, version: String(row.version), values, instrument };
      }
      case "fov": {
        const row = enrolment.fovScreenings.find((r) => r.id === edit.id);
        if (!row || !canSeeFovAnswers(user, enrolment)) break;
        return {
          ...base,
          version: String(row.version),
          values: { date: row.date, outcome: row.outcome, notAskedReason: text(row.notAskedReason), supportOffered: row.supportOffered ? "on" : "" },
        };
      }
      case "support": {
        const row = enrolment.support.find((r) => r.id === edit.id);
        if (row) return { ...base, version: String(row.version), values: { date: row.date, supportTypeId: row.supportTypeId, raisesActivityLevel: row.raisesActivityLevel ? "ja" : "nej", note: text(row.note) } };
        break;
      }
      case "income": {
        const row = enrolment.incomeChanges.find((r) => r.id === edit.id);
        if (row) return { ...base, version: incomeVersion(row), values: { date: row.date, incomeSourceId: row.incomeSourceId } };
        break;
      }
      case "closure": {
        if (enrolment.id !== edit.id || !enrolment.closedDate) break;
        const choice = (value: boolean | null) => (value === null ? "" : value ? "ja" : "nej");
        return {
          ...base,
          version: String(enrolment.version),
          values: {
            date: enrolment.closedDate,
            closureReasonId: text(enrolment.closureReasonId),
            incomeEndId: text(enrolment.incomeEndId),
            planAfterClosure: choice(enrolment.planAfterClosure),
            surveySupport: choice(enrolment.surveySupport),
            surveyInfluence: choice(enrolment.surveyInfluence),
            surveyReadiness: choice(enrolment.surveyReadiness),
          },
        };
      }
    }
  }
  return null;
}

/** Trappan over time for one enrolment: the line chart's points, oldest first. */
function trappanSeries(enrolment: LoadedEnrolment) {
  return {
    enrolledDate: enrolment.enrolledDate,
    steps: enrolment.insats.trappanSteps,
    points: byDate(enrolment.placements).map((row) => ({ date: row.date, step: row.step })),
  };
}
export type TrappanSeries = ReturnType<typeof trappanSeries>;

/**
 * SKAPA's first and latest assessment of one enrolment, per area of the instrument (areas retired
 * since are kept when either assessment answered them), the participant's and the coordinator's.
 */
function skapaComparison(enrolment: LoadedEnrolment) {
  const assessments = byDate(enrolment.assessments);
  if (assessments.length === 0) return null;
  const first = assessments[0];
  const latest = assessments.length > 1 ? assessments[assessments.length - 1] : null;
  const scoreOf = (assessment: typeof first | null, areaId: string) => assessment?.scores.find((score) => score.areaId === areaId);
  const areas = enrolment.insats.skapaAreas
    .filter((area) => !area.retired || scoreOf(first, area.id) || scoreOf(latest, area.id))
    .map((area) => ({
      label: area.label,
      first: { participant: scoreOf(first, area.id)?.participantScore ?? null, coordinator: scoreOf(first, area.id)?.coordinatorScore ?? null },
      latest: latest ? { participant: scoreOf(latest, area.id)?.participantScore ?? null, coordinator: scoreOf(latest, area.id)?.coordinatorScore ?? null } : null,
    }));
  return {
    min: enrolment.insats.skapaScaleMin,
    max: enrolment.insats.skapaScaleMax,
    firstDate: first.date,
    latestDate: latest?.date ?? null,
    hasCoordinator: areas.some((area) => area.first.coordinator !== null || area.latest?.coordinator != null),
    areas,
  };
}
export type SkapaComparison = NonNullable<ReturnType<typeof skapaComparison>>;

function enrolmentSummary(enrolment: LoadedEnrolment) {
  return {
    id: enrolment.id,
    insats: enrolment.insats.name,
    kommun: enrolment.kommun.name,
    coordinator: enrolment.coordinator?.name ?? null,
    referrer: enrolment.referrer.name,
    gender: GENDER_LABELS[enrolment.gender as Gender] ?? enrolment.gender,
    ageGroup: enrolment.ageGroup.label,
    incomeStart: enrolment.incomeStart?.label ?? null,
    enrolledDate: enrolment.enrolledDate,
    closedDate: enrolment.closedDate,
    closureReason: enrolment.closureReason?.label ?? null,
  };
}

const label = (rows: { id: string; label: string }[]) => rows.map((row) => ({ value: row.id, label: row.label }));

/** The förbund's lists the quick forms choose from. */
async function formOptions(organisationId: string) {
  const org = { where: { organisationId }, orderBy: [{ sortOrder: "asc" as const }, { label: "asc" as const }] };
  const [activityTypes, supportTypes, incomeSources, closureReasons] = await Promise.all([
    prisma.activityType.findMany({ ...org, select: { id: true, label: true } }),
    prisma.supportType.findMany({ ...org, select: { id: true, label: true, raisesActivityLevel: true } }),
    prisma.incomeSource.findMany({ ...org, select: { id: true, label: true } }),
    prisma.closureReason.findMany({ ...org, select: { id: true, label: true } }),
  ]);
  return {
    activityTypes: label(activityTypes),
    supportTypes: supportTypes.map((row) => ({ value: row.id, label: row.raisesActivityLevel ? `${row.label} (höjd aktivitetsnivå)` : row.label })),
    incomeSources: label(incomeSources),
    closureReasons: label(closureReasons),
  };
}

/**
 * Everything the participant page shows, shaped for it, and the audit entry of the read. The
 * timeline is filtered by kind; the header, charts and forms are about the latest enrolment.
 */
export async function loadJournal(user: CurrentUser, participant: AccessibleParticipant, query: JournalQuery) {
  const [enrolments, consents, options] = await Promise.all([
    loadEnrolments(participant.id, user.organisationId),
    prisma.consent.findMany({
      where: { participantId: participant.id },
      orderBy: { givenDate: "desc" },
      select: { id: true, givenDate: true, coversSharing: true, coversStatistics: true, createdAt: true },
    }),
    formOptions(user.organisationId),
  ]);
  await audit({ organisationId: user.organisationId, userId: user.id, action: "read", entity: "participant", entityId: participant.id, participantId: participant.id });

  const today = todayInSweden();
  const items = enrolments.flatMap((enrolment) => enrolmentTimeline(user, enrolment));
  for (const consent of consents) {
    const covers = [consent.coversSharing ? "informationsutbyte mellan parterna" : "", consent.coversStatistics ? "uppföljningsstatistik" : ""].filter(Boolean);
    items.push({
      key: `consent:${consent.id}`, kind: "consent", id: consent.id, date: consent.givenDate, createdAt: consent.createdAt,
      title: "Samtycke lämnat", lines: [`Omfattar ${covers.join(" och ")}`], editable: false,
    });
  }
  const counts = Object.fromEntries(Object.keys(KIND_FILTER).map((kind) => [KIND_FILTER[kind as TimelineKind], 0])) as Record<TimelineFilter, number>;
  for (const item of items) counts[KIND_FILTER[item.kind]] += 1;
  const timeline = sortTimeline(query.filter ? items.filter((item) => KIND_FILTER[item.kind] === query.filter) : items);

  const latest = enrolments[0] ?? null;
  const placements = latest ? byDate(latest.placements) : [];
  const currentPlacement = placements[placements.length - 1] ?? null;
  const current = latest
    ? {
        ...enrolmentSummary(latest),
        version: String(latest.version),
        /** Whether the quick forms are this user's to use (the enrolment is in their scope). */
        editable: canWorkWithEnrolment(user, latest),
        open: latest.closedDate === null,
        steps: latest.insats.trappanSteps,
        currentStep: currentPlacement ? { step: currentPlacement.step, text: stepText(latest, currentPlacement.step), date: currentPlacement.date } : null,
        daysEnrolled: daysBetween(latest.enrolledDate, latest.closedDate ?? today),
        instrument: {
          areas: latest.insats.skapaAreas.filter((area) => !area.retired).map(({ id, label }) => ({ id, label })),
          min: latest.insats.skapaScaleMin,
          max: latest.insats.skapaScaleMax,
        } satisfies SkapaInstrument,
      }
    : null;

  const editing = query.edit ? editView(user, enrolments, query.edit) : null;
  return {
    participant: { id: participant.id, code: participant.code, name: participant.name, version: String(participant.version) },
    today,
    current,
    enrolments: enrolments.map(enrolmentSummary),
    timeline,
    counts,
    filter: query.filter,
    editing,
    /** An edit link to something gone, or not this user's to edit. */
    editMissing: query.edit !== null && editing === null,
    /** A re-enrolment form starts from the latest enrolment's answers. */
    enrolmentDefaults: latest
      ? { insatsId: latest.insatsId, kommunId: latest.kommunId, referrerId: latest.referrerId, gender: latest.gender, ageGroupId: latest.ageGroupId }
      : null,
    trappan: latest ? trappanSeries(latest) : null,
    skapa: latest ? skapaComparison(latest) : null,
    options,
  };
}

export type JournalView = Awaited<ReturnType<typeof loadJournal>>;
