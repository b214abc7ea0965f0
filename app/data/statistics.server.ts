// The records the statistics are computed from, and the finished report bundle. Every number
// comes from computeReport and goalInputs (app/domain); this module only decides what to read,
// and reads it in three queries (enrolments with their events, referrals and study visits, and
// the labels), so that the full statistics of a förbund with 10,000 participants take a few
// hundred milliseconds (npm run bench).
import { DEFAULT_TRAPPAN_LABELS } from "~/domain/reference-defaults";
import { goalFollowUp, goalInputs, targetsForPeriod, type YearlyGoalTarget } from "~/domain/goals";
import { maxDate, minDate, previousPeriod, type Period } from "~/domain/period";
import { type ReportBundle, type ReportQuery, withoutCaseload } from "~/domain/report-bundle";
import { familyView, protectedViews, reportFamily, reportSlice, steeringRefusal } from "~/domain/statistics/disclosure/family";
import {
  computeReport,
  type ClosureCategory,
  type ConfiguredLabels,
  type EnrolmentRecord,
  type FovOutcome,
  type FovScreening,
  type Gender,
  type IncomeChangeEvent,
  type Placement,
  type ReferralDecision,
  type ReferralRecord,
  type ReportInput,
  type ReportJson,
  type SkapaAssessment,
  type StudyVisitRecord,
  type SupportIntervention,
  trendPeriods,
} from "~/domain/statistics";
import { Prisma } from "~/generated/prisma/client";
import { chooseOrganisation } from "./organisations.server";
import { orderedTargets, organisationTargets, targetSelect } from "./goal-targets.server";
import { outcomeGroupDefinitions } from "./outcome-groups.server";
import { prisma } from "./db.server";

/** The query names a förbund, insats or kommun that does not exist. The message is for the user. */
export class ReportQueryError extends Error {
  constructor(
    message: string,
    readonly field: "organisation" | "insats" | "kommun",
  ) {
    super(message);
    this.name = "ReportQueryError";
  }
}

/**
 * The förbund a command-line report is for: the one named, or the only one in the database.
 * Throws ReportQueryError when there is none or the name is ambiguous.
 */
export async function findReportOrganisation(name: string | null): Promise<{ id: string; name: string }> {
  const choice = await chooseOrganisation(name ?? undefined, 10);
  if (choice.ok) return choice.organisation;
  if (choice.reason === "not-found") throw new ReportQueryError(`Förbundet "${name}" finns inte i databasen.`, "organisation");
  if (choice.reason === "none") throw new ReportQueryError("Databasen har inget förbund ännu. Kör först npm run db:setup.", "organisation");
  const names = choice.names.map((organisation) => `"${organisation}"`).join(", ");
  throw new ReportQueryError(`Databasen har flera förbund (${names}). Ange vilket med --org NAMN.`, "organisation");
}

interface ResolvedFilters {
  insatsId: string | null;
  kommunId: string | null;
}

/** Names to ids, so that the queries filter on indexed ids; unknown names are a ReportQueryError. */
async function resolveFilters(organisationId: string, query: ReportQuery): Promise<ResolvedFilters> {
  const [insats, kommun] = await Promise.all([
    query.insats === null
      ? null
      : prisma.insats.findUnique({ where: { organisationId_name: { organisationId, name: query.insats } }, select: { id: true } }),
    query.kommun === null
      ? null
      : prisma.kommun.findUnique({ where: { organisationId_name: { organisationId, name: query.kommun } }, select: { id: true } }),
  ]);
  if (query.insats !== null && insats === null) {
    throw new ReportQueryError(`Insatsen "${query.insats}" finns inte i förbundet.`, "insats");
  }
  if (query.kommun !== null && kommun === null) {
    throw new ReportQueryError(`Kommunen "${query.kommun}" finns inte i förbundet.`, "kommun");
  }
  return { insatsId: insats?.id ?? null, kommunId: kommun?.id ?? null };
}

/** From the start of the previous period to the end of the report period: one load serves both reports. */
export function comparisonSpan(period: Period): Period {
  return { from: previousPeriod(period).from, to: period.to };
}

/** The comparison span, reaching back over every year "Utveckling över tid" may show. */
function trendSpan(period: Period): Period {
  const years = trendPeriods(period, "0000-01-01");
  return { from: minDate(years[0]?.from ?? period.from, previousPeriod(period).from), to: period.to };
}

/** The förbund's first enrolment among `enrolments`: the trend shows no year that ended before it. */
function firstEnrolment(enrolments: readonly EnrolmentRecord[]): string | null {
  let first: string | null = null;
  for (const { enrolledDate } of enrolments) if (first === null || enrolledDate < first) first = enrolledDate;
  return first;
}

// ---------------------------------------------------------------------------------------------
// Queries. Standard SQL over quoted Prisma table names, so they run on PostgreSQL as well
// (string_agg is in both: SQLite since 3.44, better-sqlite3 ships 3.49).
//
// Handing rows and cells to JavaScript costs more than the database spends finding them, so each
// enrolment comes back as ONE row of six texts: its own fields joined by "|", and each kind of
// event packed as "date:step,date:step" and so on. Labels are read separately and the rows carry
// ids: ids, dates, numbers and outcome keywords never contain the separators | , : space or =,
// while a label a förbund has typed may contain anything.

/** "AND x."insatsId" = ... AND x."kommunId" = ..." for the filters that are set. */
function filterSql(alias: string, filters: ResolvedFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.insatsId !== null) conditions.push(Prisma.sql`AND ${Prisma.raw(`${alias}."insatsId"`)} = ${filters.insatsId}`);
  if (filters.kommunId !== null) conditions.push(Prisma.sql`AND ${Prisma.raw(`${alias}."kommunId"`)} = ${filters.kommunId}`);
  return conditions.length === 0 ? Prisma.empty : Prisma.join(conditions, " ");
}

/** A nullable boolean column as "1", "0" or "" (null). */
const flag = (column: string) => `CASE WHEN e."${column}" IS NULL THEN '' WHEN e."${column}" THEN '1' ELSE '0' END`;

/** The enrolment's own fields, in the order toEnrolmentRecord reads them; "" stands for null. */
const ENROLMENT_FIELDS = Prisma.join(
  [
    `e."id"`,
    `e."participantId"`,
    `e."insatsId"`,
    `e."kommunId"`,
    `e."gender"`,
    `e."ageGroupId"`,
    `e."referrerId"`,
    `e."enrolledDate"`,
    `COALESCE(e."closedDate", '')`,
    `COALESCE(e."closureReasonId", '')`,
    flag("planAfterClosure"),
    flag("surveySupport"),
    flag("surveyInfluence"),
    flag("surveyReadiness"),
    `COALESCE(e."incomeStartId", '')`,
    `COALESCE(e."incomeEndId", '')`,
    `COALESCE(e."coordinatorId", '')`,
  ].map((field) => Prisma.raw(field)),
  ` || '|' || `,
);

interface EnrolmentRow {
  /** The ENROLMENT_FIELDS joined by "|". */
  enrolment: string;
  /** "date:step,...", ordered by date and then creation, so the position breaks same-date ties. */
  placements: string | null;
  /** "date,..." */
  skapaOffers: string | null;
  /** "date:areaId=score areaId=score,..."; unanswered areas are left out. */
  assessments: string | null;
  /** "date:outcome,..." */
  fov: string | null;
  /** "date:raised(0|1):supportTypeId,..." */
  support: string | null;
  /** "date:incomeSourceId,..." */
  incomeChanges: string | null;
}

/**
 * Enrolments that can count in a period within `span` (open at some time in it, or with a
 * stödinsats dated in it: support counts by its own date), with every event the statistics read:
 * placements, offers, assessments and FOV up to the span's end, support within the span.
 *
 * The enrolments are visited in id order, the order of the (enrolmentId, date) indexes of the
 * event tables, so the lookups walk those indexes forward instead of jumping around in them:
 * 40 % less time than letting SQLite visit them in enrolment-date order.
 */
function loadEnrolments(organisationId: string, span: Period, filters: ResolvedFilters) {
  const { from, to } = span;
  return prisma.$queryRaw<EnrolmentRow[]>`
    WITH "scope" AS MATERIALIZED (
      SELECT x."id" FROM "Enrolment" x
      WHERE x."organisationId" = ${organisationId} ${filterSql("x", filters)}
        AND ((x."enrolledDate" <= ${to} AND (x."closedDate" IS NULL OR x."closedDate" >= ${from}))
          OR (x."closedDate" < ${from} AND EXISTS (SELECT 1 FROM "SupportIntervention" s0
                WHERE s0."enrolmentId" = x."id" AND s0."date" >= ${from} AND s0."date" <= ${to})))
      ORDER BY x."id"
    )
    SELECT ${ENROLMENT_FIELDS} AS "enrolment",
      (SELECT string_agg(p."date" || ':' || CAST(p."step" AS TEXT), ',' ORDER BY p."date", p."createdAt", p."id")
         FROM "TrappanPlacement" p WHERE p."enrolmentId" = e."id" AND p."date" <= ${to}) AS "placements",
      (SELECT string_agg(o."date", ',')
         FROM "SkapaOffer" o WHERE o."enrolmentId" = e."id" AND o."date" <= ${to}) AS "skapaOffers",
      (SELECT string_agg(s."date" || ':' || COALESCE(
           (SELECT string_agg(sc."areaId" || '=' || CAST(sc."participantScore" AS TEXT), ' ')
              FROM "SkapaScore" sc WHERE sc."assessmentId" = s."id" AND sc."participantScore" IS NOT NULL), ''), ',')
         FROM "SkapaAssessment" s WHERE s."enrolmentId" = e."id" AND s."date" <= ${to}) AS "assessments",
      (SELECT string_agg(f."date" || ':' || f."outcome", ',')
         FROM "FovScreening" f WHERE f."enrolmentId" = e."id" AND f."date" <= ${to}) AS "fov",
      (SELECT string_agg(x."date" || ':' || CASE WHEN x."raisesActivityLevel" THEN '1' ELSE '0' END || ':' || x."supportTypeId", ',')
         FROM "SupportIntervention" x WHERE x."enrolmentId" = e."id" AND x."date" >= ${from} AND x."date" <= ${to}) AS "support",
      (SELECT string_agg(c."date" || ':' || c."incomeSourceId", ',')
         FROM "IncomeChange" c WHERE c."enrolmentId" = e."id" AND c."date" >= ${from} AND c."date" <= ${to}) AS "incomeChanges"
    FROM "scope" JOIN "Enrolment" e ON e."id" = "scope"."id"`;
}

interface IntakeRow {
  /** "queue": one referral with decision kö, of any date up to the span's end (the queue on a day). */
  kind: "referral" | "queue" | "visit";
  referrerId: string | null;
  kommunId: string;
  insatsId: string;
  decision: string | null;
  /** "date,..." of the referrals or visits with these values. */
  dates: string;
  /** queue rows: the first enrolment of the referred person in the insats on or after the referral date. */
  enrolledDate: string | null;
}

/**
 * Referrals and study visits dated in the span, one row per combination of their values; except
 * referrals with decision kö, one row each and from any date up to the span's end, with the date
 * their person was enrolled in the insats: a referral queued before the span may still be waiting.
 */
function loadIntake(organisationId: string, span: Period, filters: ResolvedFilters) {
  return prisma.$queryRaw<IntakeRow[]>`
    SELECT 'referral' AS "kind", x."referrerId", x."kommunId", x."insatsId", x."decision", string_agg(x."date", ',') AS "dates",
      NULL AS "enrolledDate"
    FROM "Referral" x
    WHERE x."organisationId" = ${organisationId} AND x."date" >= ${span.from} AND x."date" <= ${span.to} ${filterSql("x", filters)}
      AND (x."decision" IS NULL OR x."decision" <> 'ko')
    GROUP BY x."referrerId", x."kommunId", x."insatsId", x."decision"
    UNION ALL
    SELECT 'queue' AS "kind", x."referrerId", x."kommunId", x."insatsId", x."decision", x."date" AS "dates",
      (SELECT MIN(n."enrolledDate") FROM "Enrolment" n
        WHERE n."participantId" = x."participantId" AND n."insatsId" = x."insatsId" AND n."enrolledDate" >= x."date") AS "enrolledDate"
    FROM "Referral" x
    WHERE x."organisationId" = ${organisationId} AND x."decision" = 'ko' AND x."date" <= ${span.to} ${filterSql("x", filters)}
    UNION ALL
    SELECT 'visit' AS "kind", NULL AS "referrerId", x."kommunId", x."insatsId", NULL AS "decision", string_agg(x."date", ',') AS "dates",
      NULL AS "enrolledDate"
    FROM "StudyVisit" x
    WHERE x."organisationId" = ${organisationId} AND x."date" >= ${span.from} AND x."date" <= ${span.to} ${filterSql("x", filters)}
    GROUP BY x."kommunId", x."insatsId"`;
}

interface LabelRow {
  kind: keyof Labels;
  id: string;
  label: string;
  category: string | null;
}

type LabelMap = Map<string, { label: string; category: string | null }>;

interface Labels {
  insats: LabelMap;
  kommun: LabelMap;
  ageGroup: LabelMap;
  referrer: LabelMap;
  closureReason: LabelMap;
  supportType: LabelMap;
  skapaArea: LabelMap;
  incomeSource: LabelMap;
  /** The förbund's users, for the koordinator of an enrolment. */
  coordinator: LabelMap;
}

/** The förbund's labels of everything the rows refer to by id, in one query. */
async function loadLabels(organisationId: string): Promise<Labels> {
  const rows = await prisma.$queryRaw<LabelRow[]>`
    SELECT 'insats' AS "kind", "id", "name" AS "label", NULL AS "category" FROM "Insats" WHERE "organisationId" = ${organisationId}
    UNION ALL SELECT 'kommun', "id", "name", NULL FROM "Kommun" WHERE "organisationId" = ${organisationId}
    UNION ALL SELECT 'ageGroup', "id", "label", NULL FROM "AgeGroup" WHERE "organisationId" = ${organisationId}
    UNION ALL SELECT 'referrer', "id", "name", NULL FROM "Referrer" WHERE "organisationId" = ${organisationId}
    UNION ALL SELECT 'closureReason', "id", "label", "category" FROM "ClosureReason" WHERE "organisationId" = ${organisationId}
    UNION ALL SELECT 'supportType', "id", "label", NULL FROM "SupportType" WHERE "organisationId" = ${organisationId}
    UNION ALL SELECT 'skapaArea', a."id", a."label", NULL FROM "SkapaArea" a JOIN "Insats" i ON i."id" = a."insatsId"
      WHERE i."organisationId" = ${organisationId}
    UNION ALL SELECT 'incomeSource', "id", "label", NULL FROM "IncomeSource" WHERE "organisationId" = ${organisationId}
    UNION ALL SELECT 'coordinator', "id", "name", NULL FROM "User" WHERE "organisationId" = ${organisationId}`;
  const labels: Labels = {
    insats: new Map(),
    kommun: new Map(),
    ageGroup: new Map(),
    referrer: new Map(),
    closureReason: new Map(),
    supportType: new Map(),
    skapaArea: new Map(),
    incomeSource: new Map(),
    coordinator: new Map(),
  };
  for (const row of rows) labels[row.kind].set(row.id, { label: row.label, category: row.category });
  return labels;
}

/** The configured lists by label, in Swedish order: the report's zero rows. */
function configuredLabels(labels: Labels): ConfiguredLabels {
  const sorted = (map: LabelMap) => [...map.values()].map((entry) => entry.label).sort(new Intl.Collator("sv").compare);
  return {
    kommuner: sorted(labels.kommun),
    referrers: sorted(labels.referrer),
    closureReasons: sorted(labels.closureReason),
    supportTypes: sorted(labels.supportType),
    ageGroups: sorted(labels.ageGroup),
  };
}

/** The label of an id; rows only refer to the förbund's own rows, so it is always there. */
function labelOf(map: LabelMap, id: string): string {
  return map.get(id)?.label ?? id;
}

// ---------------------------------------------------------------------------------------------
// Rows to records

/**
 * Calls `each` with the bounds of every item of a packed list "a,b,c" (null: no events). The
 * items are read in place, without splitting the list into strings first: this runs for every
 * event.
 */
function forEachItem(packed: string | null, each: (text: string, start: number, end: number) => void): void {
  if (packed === null) return;
  for (let start = 0; start < packed.length; ) {
    const comma = packed.indexOf(",", start);
    const end = comma === -1 ? packed.length : comma;
    each(packed, start, end);
    start = end + 1;
  }
}

/** The whole number written in text[start, end). */
function integerAt(text: string, start: number, end: number): number {
  const negative = text.charCodeAt(start) === 45; // "-"
  let value = 0;
  for (let i = negative ? start + 1 : start; i < end; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return negative ? -value : value;
}

/** Items "date:step", ordered by date and creation: the position is the same-date tie-break. */
function toPlacements(packed: string | null): Placement[] {
  const placements: Placement[] = [];
  forEachItem(packed, (text, start, end) => {
    const colon = text.indexOf(":", start);
    placements.push({ date: text.slice(start, colon), step: integerAt(text, colon + 1, end), seq: placements.length });
  });
  return placements;
}

function toDates(packed: string | null): string[] {
  const dates: string[] = [];
  forEachItem(packed, (text, start, end) => dates.push(text.slice(start, end)));
  return dates;
}

/** Items "date:areaId=score areaId=score". */
function toAssessments(packed: string | null, labels: Labels): SkapaAssessment[] {
  const assessments: SkapaAssessment[] = [];
  forEachItem(packed, (text, start, end) => {
    const colon = text.indexOf(":", start);
    const scores: Record<string, number> = {};
    for (let pair = colon + 1; pair < end; ) {
      const space = text.indexOf(" ", pair);
      const pairEnd = space === -1 || space > end ? end : space;
      const equals = text.indexOf("=", pair);
      scores[labelOf(labels.skapaArea, text.slice(pair, equals))] = integerAt(text, equals + 1, pairEnd);
      pair = pairEnd + 1;
    }
    assessments.push({ date: text.slice(start, colon), scores });
  });
  return assessments;
}

/** Items "date:outcome". */
function toFov(packed: string | null): FovScreening[] {
  const screenings: FovScreening[] = [];
  forEachItem(packed, (text, start, end) => {
    const colon = text.indexOf(":", start);
    screenings.push({ date: text.slice(start, colon), outcome: text.slice(colon + 1, end) as FovOutcome });
  });
  return screenings;
}

/** Items "date:raised(0|1):supportTypeId". */
function toSupport(packed: string | null, labels: Labels): SupportIntervention[] {
  const support: SupportIntervention[] = [];
  forEachItem(packed, (text, start, end) => {
    const colon = text.indexOf(":", start);
    support.push({
      date: text.slice(start, colon),
      type: labelOf(labels.supportType, text.slice(colon + 3, end)),
      raisesActivityLevel: text[colon + 1] === "1",
    });
  });
  return support;
}

/** Items "date:incomeSourceId". */
function toIncomeChanges(packed: string | null, labels: Labels): IncomeChangeEvent[] {
  const changes: IncomeChangeEvent[] = [];
  forEachItem(packed, (text, start, end) => {
    const colon = text.indexOf(":", start);
    changes.push({ date: text.slice(start, colon), source: labelOf(labels.incomeSource, text.slice(colon + 1, end)) });
  });
  return changes;
}

/** "" (null) or the label of an income source id. */
function incomeLabel(id: string, labels: Labels): string | null {
  return id === "" ? null : labelOf(labels.incomeSource, id);
}

/** "1", "0" or "" (null). */
function toFlag(value: string): boolean | null {
  return value === "" ? null : value === "1";
}

function toEnrolmentRecord(row: EnrolmentRow, labels: Labels): EnrolmentRecord {
  const [id, participantId, insatsId, kommunId, gender, ageGroupId, referrerId, enrolledDate, closedDate,
    closureReasonId, plan, support, influence, readiness, incomeStartId, incomeEndId, coordinatorId] = row.enrolment.split("|");
  const closureReason = closureReasonId === "" ? undefined : labels.closureReason.get(closureReasonId);
  return {
    id,
    participantId,
    insats: labelOf(labels.insats, insatsId),
    kommun: labelOf(labels.kommun, kommunId),
    gender: gender as Gender,
    ageGroup: labelOf(labels.ageGroup, ageGroupId),
    referrer: labelOf(labels.referrer, referrerId),
    enrolledDate,
    closedDate: closedDate === "" ? null : closedDate,
    closureReason: closureReason?.label ?? null,
    closureCategory: (closureReason?.category ?? null) as ClosureCategory | null,
    planAfterClosure: toFlag(plan),
    surveySupport: toFlag(support),
    surveyInfluence: toFlag(influence),
    surveyReadiness: toFlag(readiness),
    placements: toPlacements(row.placements),
    skapaOffers: toDates(row.skapaOffers),
    assessments: toAssessments(row.assessments, labels),
    fov: toFov(row.fov),
    support: toSupport(row.support, labels),
    incomeStart: incomeLabel(incomeStartId, labels),
    incomeEnd: incomeLabel(incomeEndId, labels),
    incomeChanges: toIncomeChanges(row.incomeChanges, labels),
    coordinator: coordinatorId ? labelOf(labels.coordinator, coordinatorId) : null,
  };
}

function toIntakeRecords(rows: IntakeRow[], labels: Labels): Pick<ReportInput, "referrals" | "studyVisits"> {
  const referrals: ReferralRecord[] = [];
  const studyVisits: StudyVisitRecord[] = [];
  for (const row of rows) {
    const kommun = labelOf(labels.kommun, row.kommunId);
    const insats = labelOf(labels.insats, row.insatsId);
    if (row.kind === "visit") {
      for (const date of toDates(row.dates)) studyVisits.push({ date, kommun, insats });
    } else {
      const referrer = labelOf(labels.referrer, row.referrerId ?? "");
      const decision = (row.decision || null) as ReferralDecision | null;
      const enrolledDate = row.kind === "queue" ? row.enrolledDate : null;
      for (const date of toDates(row.dates)) referrals.push({ date, referrer, kommun, insats, decision, enrolledDate });
    }
  }
  return { referrals, studyVisits };
}

async function loadRecords(
  organisationId: string,
  filters: ResolvedFilters,
  span: Period,
): Promise<Omit<ReportInput, "period" | "filters">> {
  const [labels, enrolments, intake, outcomeGroups] = await Promise.all([
    loadLabels(organisationId),
    loadEnrolments(organisationId, span, filters),
    loadIntake(organisationId, span, filters),
    outcomeGroupDefinitions(organisationId),
  ]);
  return {
    enrolments: enrolments.map((row) => toEnrolmentRecord(row, labels)),
    ...toIntakeRecords(intake, labels),
    labels: configuredLabels(labels),
    outcomeGroups,
  };
}

/**
 * The records for computeReport on `query.period`. They also serve every other period inside
 * `span` (by default the previous period through the report period, so the same input gives
 * the comparison report too). Throws ReportQueryError for an unknown insats or kommun.
 */
export async function loadReportInput(
  organisationId: string,
  query: ReportQuery,
  span: Period = comparisonSpan(query.period),
): Promise<ReportInput> {
  const filters = await resolveFilters(organisationId, query);
  return loadInput(organisationId, query, filters, span);
}

async function loadInput(
  organisationId: string,
  query: ReportQuery,
  filters: ResolvedFilters,
  span: Period,
): Promise<ReportInput> {
  const { period } = query;
  const covering = { from: minDate(span.from, period.from), to: maxDate(span.to, period.to) };
  return {
    period: { from: period.from, to: period.to },
    filters: { insats: query.insats, kommun: query.kommun },
    ...(await loadRecords(organisationId, filters, covering)),
  };
}

/** The report for `query.period` alone: what `npm run report` prints. */
export async function buildReport(organisationId: string, query: ReportQuery): Promise<ReportJson> {
  return computeReport(await loadReportInput(organisationId, query, query.period));
}

// ---------------------------------------------------------------------------------------------
// The bundle

async function stepLabelsOf(organisationId: string, insatsId: string | null): Promise<Record<string, string>> {
  const stepLabels = defaultStepLabels();
  if (insatsId === null) return stepLabels;
  const steps = await prisma.trappanStep.findMany({ where: { insatsId, insats: { organisationId } }, select: { step: true, label: true } });
  for (const { step, label } of steps) stepLabels[String(step)] = label;
  return stepLabels;
}

/** Every insats's goal targets by insats name, each year's and those for every year. */
async function targetsByInsats(organisationId: string): Promise<Map<string, YearlyGoalTarget[]>> {
  const insatser = await prisma.insats.findMany({
    where: { organisationId },
    select: { name: true, targets: { select: targetSelect } },
  });
  return new Map(insatser.map((insats) => [insats.name, orderedTargets(insats.targets)]));
}

function defaultStepLabels(): Record<string, string> {
  return Object.fromEntries(DEFAULT_TRAPPAN_LABELS.map((label, index) => [String(index + 1), label]));
}

/**
 * Everything a presentation of the report needs: the report, the same report one year earlier,
 * goal follow-up for the chosen insats (or the förbund's own goals), the förbund's labels and
 * small-number threshold, and the same report for every other insats and kommun (small-number
 * protection covers all views that a reader can open together, so that no view undoes another).
 * Throws ReportQueryError for an unknown insats or kommun.
 *
 * `caseload`: the reader is the förbundschef, who sees active participants per koordinator.
 * Without it no report in the bundle carries a koordinator's name.
 */
export async function buildReportBundle(
  organisationId: string,
  query: ReportQuery,
  { suppressSmallNumbers, caseload = false }: { suppressSmallNumbers: boolean; caseload?: boolean },
): Promise<ReportBundle> {
  const filters = await resolveFilters(organisationId, query);
  const previous = previousPeriod(query.period);
  const everything: ResolvedFilters = { insatsId: null, kommunId: null };
  const [organisation, ageGroups, closureReasons, stepLabels, targets, wholeTargets, input] = await Promise.all([
    prisma.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { name: true, smallNumberThreshold: true },
    }),
    prisma.ageGroup.findMany({ where: { organisationId }, select: { label: true }, orderBy: [{ sortOrder: "asc" }, { minAge: "asc" }] }),
    prisma.closureReason.findMany({ where: { organisationId }, select: { label: true, category: true } }),
    stepLabelsOf(organisationId, filters.insatsId),
    targetsByInsats(organisationId),
    organisationTargets(organisationId),
    loadInput(organisationId, { ...query, insats: null, kommun: null }, everything, trendSpan(query.period)),
  ]);
  input.trendPeriods = trendPeriods(query.period, firstEnrolment(input.enrolments));
  // An insats's view follows up the insats's targets, the whole förbund and a kommun's view the
  // förbund's: for the report period's year, else those without a year.
  const goalsOf = (sliceInput: ReportInput) => {
    const stored = sliceInput.filters.insats === null ? wholeTargets : (targets.get(sliceInput.filters.insats) ?? []);
    const sliceTargets = targetsForPeriod(stored, sliceInput.period);
    if (sliceTargets.length === 0) return [];
    return goalFollowUp(sliceTargets, goalInputs(sliceInput), goalInputs({ ...sliceInput, period: previous }), sliceInput.period);
  };
  const family = reportFamily(input, previous, goalsOf);
  const wanted = { insats: query.insats, kommun: query.kommun };
  // An insats in a kommun, or a configured insats or kommun without records, is outside the family.
  const main = familyView(family, wanted) ?? reportSlice(input, wanted, previous, goalsOf);
  const names = caseload ? (report: ReportJson) => report : withoutCaseload;
  return {
    organisationName: organisation.name,
    query,
    report: names(main.now),
    previous: names(main.before),
    previousPeriod: previous,
    goals: [...main.goals],
    smallNumberThreshold: organisation.smallNumberThreshold,
    suppressSmallNumbers,
    stepLabels,
    ageGroupOrder: ageGroups.map((group) => group.label),
    closureReasonCategories: Object.fromEntries(
      closureReasons.map((reason) => [reason.label, reason.category as ClosureCategory]),
    ),
    outcomeGroups: input.outcomeGroups ?? [],
    linked: protectedViews(family)
      .filter((view) => view.filters.insats !== main.filters.insats || view.filters.kommun !== main.filters.kommun)
      .map((view) => ({ ...view, now: names(view.now), before: names(view.before) })),
    steeringRefusal: steeringRefusal(family, wanted),
    caseload,
    generatedAt: new Date().toISOString(),
  };
}
