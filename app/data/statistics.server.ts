// The records the statistics are computed from, read in a few flat SQL queries, and the finished
// report bundle. Every number comes from computeReport and goalInputs (app/domain); this module
// only decides which rows to read.
import { DEFAULT_TRAPPAN_LABELS } from "~/domain/reference-defaults";
import { GOAL_METRIC_KEYS, goalFollowUp, goalInputs, isGoalMetric, type GoalTarget } from "~/domain/goals";
import { maxDate, minDate, previousPeriod, type Period } from "~/domain/period";
import type { ReportBundle, ReportQuery } from "~/domain/report-bundle";
import {
  computeReport,
  type ClosureCategory,
  type EnrolmentRecord,
  type FovOutcome,
  type FovScreening,
  type Gender,
  type Placement,
  type ReferralDecision,
  type ReferralRecord,
  type ReportInput,
  type ReportJson,
  type SkapaAssessment,
  type StudyVisitRecord,
  type SupportIntervention,
} from "~/domain/statistics";
import { Prisma } from "~/generated/prisma/client";
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
  if (name !== null) {
    const organisation = await prisma.organisation.findUnique({ where: { name }, select: { id: true, name: true } });
    if (organisation === null) throw new ReportQueryError(`Förbundet "${name}" finns inte i databasen.`, "organisation");
    return organisation;
  }
  const organisations = await prisma.organisation.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 11 });
  if (organisations.length === 0) {
    throw new ReportQueryError("Databasen har inget förbund ännu. Kör först npm run db:setup.", "organisation");
  }
  if (organisations.length > 1) {
    const names = organisations.slice(0, 10).map((organisation) => `"${organisation.name}"`).join(", ");
    throw new ReportQueryError(`Databasen har flera förbund (${names}). Ange vilket med --org NAMN.`, "organisation");
  }
  return organisations[0];
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

/** The records of the previous period through the report period: one load serves both reports. */
export function comparisonSpan(period: Period): Period {
  const previous = previousPeriod(period);
  return { from: minDate(previous.from, period.from), to: period.to };
}

// ---------------------------------------------------------------------------------------------
// Queries. Standard SQL over quoted Prisma table names, so they run on PostgreSQL as well
// (string_agg is in both: SQLite since 3.44, better-sqlite3 ships 3.49).
//
// Reading rows into JavaScript costs far more per row than the database spends finding them, so
// each enrolment comes back as ONE row with its events packed into strings: "date:step,date:step"
// and so on. Dates, numbers, outcomes and ids never contain the separators , : space or =.

function filterSql(alias: string, filters: ResolvedFilters): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  return Prisma.sql`${filters.insatsId === null ? Prisma.empty : Prisma.sql`AND ${column("insatsId")} = ${filters.insatsId}`}
    ${filters.kommunId === null ? Prisma.empty : Prisma.sql`AND ${column("kommunId")} = ${filters.kommunId}`}`;
}

interface EnrolmentRow {
  id: string;
  participantId: string;
  insats: string;
  kommun: string;
  gender: string;
  ageGroup: string;
  referrer: string;
  enrolledDate: string;
  closedDate: string | null;
  closureReason: string | null;
  closureCategory: string | null;
  planAfterClosure: boolean | number | null;
  surveySupport: boolean | number | null;
  surveyInfluence: boolean | number | null;
  surveyReadiness: boolean | number | null;
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
}

/**
 * Enrolments that can count in a period within `span` (open at some time in it, or with a
 * stödinsats dated in it: support counts by its own date), with every event the statistics read:
 * placements, offers, assessments and FOV up to the span's end, support within the span.
 */
function loadEnrolments(organisationId: string, span: Period, filters: ResolvedFilters) {
  const { from, to } = span;
  return prisma.$queryRaw<EnrolmentRow[]>`
    SELECT e."id", e."participantId", i."name" AS "insats", k."name" AS "kommun", e."gender",
      a."label" AS "ageGroup", r."name" AS "referrer", e."enrolledDate", e."closedDate",
      c."label" AS "closureReason", c."category" AS "closureCategory", e."planAfterClosure",
      e."surveySupport", e."surveyInfluence", e."surveyReadiness",
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
         FROM "SupportIntervention" x WHERE x."enrolmentId" = e."id" AND x."date" >= ${from} AND x."date" <= ${to}) AS "support"
    FROM "Enrolment" e
    JOIN "Insats" i ON i."id" = e."insatsId"
    JOIN "Kommun" k ON k."id" = e."kommunId"
    JOIN "AgeGroup" a ON a."id" = e."ageGroupId"
    JOIN "Referrer" r ON r."id" = e."referrerId"
    LEFT JOIN "ClosureReason" c ON c."id" = e."closureReasonId"
    WHERE e."organisationId" = ${organisationId} ${filterSql("e", filters)}
      AND ((e."enrolledDate" <= ${to} AND (e."closedDate" IS NULL OR e."closedDate" >= ${from}))
        OR (e."closedDate" < ${from} AND EXISTS (SELECT 1 FROM "SupportIntervention" s0
              WHERE s0."enrolmentId" = e."id" AND s0."date" >= ${from} AND s0."date" <= ${to})))`;
}

interface IntakeRow {
  kind: "referral" | "visit";
  referrer: string | null;
  kommun: string;
  insats: string;
  decision: string | null;
  /** "date,..." of the referrals or visits with these values. */
  dates: string;
}

/** Referrals and study visits dated in the span, one row per combination of their values. */
function loadIntake(organisationId: string, span: Period, filters: ResolvedFilters) {
  return prisma.$queryRaw<IntakeRow[]>`
    SELECT 'referral' AS "kind", r."name" AS "referrer", k."name" AS "kommun", i."name" AS "insats", x."decision",
      string_agg(x."date", ',') AS "dates"
    FROM "Referral" x
    JOIN "Referrer" r ON r."id" = x."referrerId"
    JOIN "Kommun" k ON k."id" = x."kommunId"
    JOIN "Insats" i ON i."id" = x."insatsId"
    WHERE x."organisationId" = ${organisationId} AND x."date" >= ${span.from} AND x."date" <= ${span.to} ${filterSql("x", filters)}
    GROUP BY r."name", k."name", i."name", x."decision"
    UNION ALL
    SELECT 'visit' AS "kind", NULL AS "referrer", k."name" AS "kommun", i."name" AS "insats", NULL AS "decision",
      string_agg(x."date", ',') AS "dates"
    FROM "StudyVisit" x
    JOIN "Kommun" k ON k."id" = x."kommunId"
    JOIN "Insats" i ON i."id" = x."insatsId"
    WHERE x."organisationId" = ${organisationId} AND x."date" >= ${span.from} AND x."date" <= ${span.to} ${filterSql("x", filters)}
    GROUP BY k."name", i."name"`;
}

/** Labels of the ids packed into the event strings. */
async function loadLabels(organisationId: string) {
  const [areas, supportTypes] = await Promise.all([
    prisma.skapaArea.findMany({ where: { insats: { organisationId } }, select: { id: true, label: true } }),
    prisma.supportType.findMany({ where: { organisationId }, select: { id: true, label: true } }),
  ]);
  return {
    area: new Map(areas.map((area) => [area.id, area.label])),
    supportType: new Map(supportTypes.map((type) => [type.id, type.label])),
  };
}

type Labels = Awaited<ReturnType<typeof loadLabels>>;

// ---------------------------------------------------------------------------------------------
// Rows to records

/** SQLite returns booleans as 0/1, PostgreSQL as booleans. */
function toBoolean(value: boolean | number | null): boolean | null {
  return value === null ? null : Boolean(value);
}

/** The items of a packed list; null (no events) gives none. */
function items(packed: string | null): string[] {
  return packed === null || packed === "" ? [] : packed.split(",");
}

// The unpacking below uses indexOf and slice rather than split: it runs for every event, and
// not allocating an array per event halves its cost.

function toPlacements(packed: string | null): Placement[] {
  const placements: Placement[] = [];
  for (const item of items(packed)) {
    const colon = item.indexOf(":");
    placements.push({ date: item.slice(0, colon), step: Number(item.slice(colon + 1)), seq: placements.length });
  }
  return placements;
}

function toAssessments(packed: string | null, labels: Labels): SkapaAssessment[] {
  const assessments: SkapaAssessment[] = [];
  for (const item of items(packed)) {
    const colon = item.indexOf(":");
    const scores: Record<string, number> = {};
    for (let start = colon + 1; start < item.length; ) {
      const space = item.indexOf(" ", start);
      const end = space === -1 ? item.length : space;
      const equals = item.indexOf("=", start);
      const area = labels.area.get(item.slice(start, equals));
      if (area !== undefined) scores[area] = Number(item.slice(equals + 1, end));
      start = end + 1;
    }
    assessments.push({ date: item.slice(0, colon), scores });
  }
  return assessments;
}

function toFov(packed: string | null): FovScreening[] {
  return items(packed).map((item) => {
    const colon = item.indexOf(":");
    return { date: item.slice(0, colon), outcome: item.slice(colon + 1) as FovOutcome };
  });
}

function toSupport(packed: string | null, labels: Labels): SupportIntervention[] {
  return items(packed).map((item) => {
    const colon = item.indexOf(":");
    const typeId = item.slice(colon + 3);
    return {
      date: item.slice(0, colon),
      type: labels.supportType.get(typeId) ?? typeId,
      raisesActivityLevel: item[colon + 1] === "1",
    };
  });
}

function toEnrolmentRecord(row: EnrolmentRow, labels: Labels): EnrolmentRecord {
  return {
    id: row.id,
    participantId: row.participantId,
    insats: row.insats,
    kommun: row.kommun,
    gender: row.gender as Gender,
    ageGroup: row.ageGroup,
    referrer: row.referrer,
    enrolledDate: row.enrolledDate,
    closedDate: row.closedDate,
    closureReason: row.closureReason,
    closureCategory: row.closureCategory as ClosureCategory | null,
    planAfterClosure: toBoolean(row.planAfterClosure),
    surveySupport: toBoolean(row.surveySupport),
    surveyInfluence: toBoolean(row.surveyInfluence),
    surveyReadiness: toBoolean(row.surveyReadiness),
    placements: toPlacements(row.placements),
    skapaOffers: items(row.skapaOffers),
    assessments: toAssessments(row.assessments, labels),
    fov: toFov(row.fov),
    support: toSupport(row.support, labels),
  };
}

function toIntakeRecords(rows: IntakeRow[]): { referrals: ReferralRecord[]; studyVisits: StudyVisitRecord[] } {
  const referrals: ReferralRecord[] = [];
  const studyVisits: StudyVisitRecord[] = [];
  for (const row of rows) {
    const { kommun, insats } = row;
    for (const date of items(row.dates)) {
      if (row.kind === "visit") {
        studyVisits.push({ date, kommun, insats });
      } else {
        const decision = (row.decision || null) as ReferralDecision | null;
        referrals.push({ date, referrer: row.referrer ?? "", kommun, insats, decision });
      }
    }
  }
  return { referrals, studyVisits };
}

async function loadRecords(
  organisationId: string,
  filters: ResolvedFilters,
  span: Period,
): Promise<Omit<ReportInput, "period" | "filters">> {
  const [labels, enrolments, intake] = await Promise.all([
    loadLabels(organisationId),
    loadEnrolments(organisationId, span, filters),
    loadIntake(organisationId, span, filters),
  ]);
  return {
    enrolments: enrolments.map((row) => toEnrolmentRecord(row, labels)),
    ...toIntakeRecords(intake),
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

async function insatsSettings(organisationId: string, insatsId: string | null) {
  if (insatsId === null) return { targets: [] as GoalTarget[], stepLabels: defaultStepLabels() };
  const insats = await prisma.insats.findFirstOrThrow({
    where: { id: insatsId, organisationId },
    select: {
      targets: { select: { metric: true, value: true } },
      trappanSteps: { select: { step: true, label: true } },
    },
  });
  const stepLabels = defaultStepLabels();
  for (const { step, label } of insats.trappanSteps) stepLabels[String(step)] = label;
  // InsatsTarget has no order of its own; the order of the metric list is the report's.
  const targets = insats.targets
    .filter((target): target is GoalTarget => isGoalMetric(target.metric))
    .sort((a, b) => GOAL_METRIC_KEYS.indexOf(a.metric) - GOAL_METRIC_KEYS.indexOf(b.metric));
  return { targets, stepLabels };
}

function defaultStepLabels(): Record<string, string> {
  return Object.fromEntries(DEFAULT_TRAPPAN_LABELS.map((label, index) => [String(index + 1), label]));
}

/**
 * Everything a presentation of the report needs: the report, the same report one year earlier,
 * goal follow-up for the chosen insats, and the förbund's labels and small-number threshold.
 * Throws ReportQueryError for an unknown insats or kommun.
 */
export async function buildReportBundle(
  organisationId: string,
  query: ReportQuery,
  { suppressSmallNumbers }: { suppressSmallNumbers: boolean },
): Promise<ReportBundle> {
  const filters = await resolveFilters(organisationId, query);
  const previous = previousPeriod(query.period);
  const [organisation, ageGroups, settings, input] = await Promise.all([
    prisma.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { name: true, smallNumberThreshold: true },
    }),
    prisma.ageGroup.findMany({ where: { organisationId }, select: { label: true }, orderBy: [{ sortOrder: "asc" }, { minAge: "asc" }] }),
    insatsSettings(organisationId, filters.insatsId),
    loadInput(organisationId, query, filters, comparisonSpan(query.period)),
  ]);
  const previousInput: ReportInput = { ...input, period: previous };
  const goals =
    settings.targets.length === 0 ? [] : goalFollowUp(settings.targets, goalInputs(input), goalInputs(previousInput));
  return {
    organisationName: organisation.name,
    query,
    report: computeReport(input),
    previous: computeReport(previousInput),
    previousPeriod: previous,
    goals,
    smallNumberThreshold: organisation.smallNumberThreshold,
    suppressSmallNumbers,
    stepLabels: settings.stepLabels,
    ageGroupOrder: ageGroups.map((group) => group.label),
    generatedAt: new Date().toISOString(),
  };
}
