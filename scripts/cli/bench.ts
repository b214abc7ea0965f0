// npm run bench [-- --keep-db PATH] [--reuse] [--clean] [--participants N] [--runs N] [--skip-import]
//
// Generates a förbund with 10,000 participants (~150,000 events) into a fresh SQLite file and
// times the app's full statistics for one year against a BASELINE: one hand-written SQL statement
// over the same file that computes every count of the report (FULL_BASELINE_SQL), and checks that
// it gives the same number as the app for each of them. A second, older baseline that does only
// nine core counts (CORE_BASELINE_SQL) is timed beside it. Then runs the import benchmark when it
// is there.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { countEvents, generateDemoData } from "../../prisma/seed/generate";
import type { GoalMetric } from "~/domain/goals";
import type { ReportJson } from "~/domain/statistics";
import { parseCliArgs } from "./args";

const USAGE =
  "Användning: npm run bench -- [--keep-db FIL] [--reuse] [--clean] [--participants N] [--runs N] [--skip-import]\n" +
  "  --keep-db FIL   skriv databasen till FIL (ersätts om den finns; behålls efteråt)\n" +
  "  --reuse         använd FIL som den är om den redan innehåller benchmarkförbundet\n" +
  "  --clean         ta bort databasen efteråt\n" +
  "  --skip-import   hoppa över importbenchmarken";

const ORGANISATION = "Benchmarkförbundet";
const KOMMUNER = ["Växjö", "Alvesta", "Lessebo", "Tingsryd", "Uppvidinge"];
const INSATSER = ["Samverkansteam Värend", "SamSteg", "Gruppverksamhet"];
const SEED = 20250101;
const TODAY = "2026-03-15";
const PERIOD = { from: "2025-01-01", to: "2025-12-31" };
const TARGETS: ReadonlyArray<{ metric: GoalMetric; value: number }> = [
  { metric: "trappan_share", value: 0.8 },
  { metric: "skapa_offered_share", value: 1 },
  { metric: "skapa_progressed_share", value: 0.5 },
  { metric: "new_enrolments", value: 800 },
  { metric: "closed_with_plan_share", value: 1 },
];

type AppModules = Awaited<ReturnType<typeof loadApp>>;

/** Imported only after DATABASE_URL points at the benchmark file: the client reads it at import. */
async function loadApp() {
  const [db, sqlite, setup, seed, statistics, stats] = await Promise.all([
    import("~/data/db.server"),
    import("~/data/sqlite.server"),
    import("~/data/setup.server"),
    import("~/data/seed.server"),
    import("~/data/statistics.server"),
    import("~/domain/statistics"),
    import("~/charts/sections"),
  ]).then(([db, sqlite, setup, seed, statistics, stats, sections]) => [db, sqlite, setup, seed, statistics, { ...stats, ...sections }] as const);
  return { ...db, ...sqlite, ...setup, ...seed, ...statistics, ...stats };
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseCliArgs(
    args,
    {
      "keep-db": { type: "string" },
      reuse: { type: "boolean" },
      clean: { type: "boolean" },
      participants: { type: "string" },
      runs: { type: "string" },
      "skip-import": { type: "boolean" },
    },
    USAGE,
  );
  const participants = Number(values.participants ?? 10_000);
  const runs = Number(values.runs ?? 7);
  if (!Number.isInteger(participants) || participants < 1 || !Number.isInteger(runs) || runs < 1) {
    console.error(`--participants och --runs ska vara positiva heltal.\n\n${USAGE}`);
    return 2;
  }
  const file = path.resolve(values["keep-db"] ?? path.join(tmpdir(), `stegvis-bench-${process.pid}.db`));
  const reuse = values.reuse === true && existsSync(file);
  if (!reuse) removeDatabase(file);
  process.env.DATABASE_URL = `file:${file}`;
  const app = await loadApp();

  let countsAgree: boolean;
  try {
    const organisationId = reuse ? await findBenchOrganisation(app) : null;
    const orgId = organisationId ?? (await generate(app, file, participants));
    const statistics = await benchStatistics(app, orgId, runs);
    const baseline = await benchBaselines(file, orgId, runs);
    const check = checkCounts(statistics.report, baseline);
    printStatistics(statistics, baseline, check);
    await benchDocx(app, orgId, runs);
    countsAgree = check.full.mismatches.length === 0 && check.core.mismatches.length === 0;
  } finally {
    await app.disconnectDatabase();
  }
  if (!values["skip-import"]) await runImportBench();
  console.log("");
  if (values.clean) {
    removeDatabase(file);
    console.log("Databasen togs bort (--clean).");
  } else {
    console.log(`Databasen finns kvar: ${file}`);
    console.log(
      `  Tidta rapporten: time DATABASE_URL=file:${file} npm run -s report -- --org "${ORGANISATION}" --from ${PERIOD.from} --to ${PERIOD.to} > /dev/null`,
    );
  }
  return countsAgree ? 0 : 1;
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

async function findBenchOrganisation(app: AppModules): Promise<string | null> {
  app.migrateSqlite(app.databaseUrl());
  const org = await app.findOrganisationByName(ORGANISATION);
  if (org) console.log(`Återanvänder ${ORGANISATION} i ${process.env.DATABASE_URL}`);
  return org?.id ?? null;
}

async function generate(app: AppModules, file: string, participants: number): Promise<string> {
  console.log(`Genererar ${formatInt(participants)} deltagare i ${file} …`);
  let started = performance.now();
  app.migrateSqlite(app.databaseUrl());
  const { organisationId } = await app.setupDatabase(ORGANISATION);
  const data = generateDemoData({ participants, seed: SEED, today: TODAY, kommuner: KOMMUNER, insatser: INSATSER });
  const generatedMs = performance.now() - started;
  started = performance.now();
  const written = await app.writeGeneratedData(organisationId, data);
  await app.addInsatsTargets(organisationId, INSATSER[0], TARGETS);
  console.log(
    `  ${formatInt(written.participants)} deltagare, ${formatInt(written.enrolments)} inskrivningar, ` +
      `${formatInt(countEvents(data))} händelser, ${formatInt(data.referrals.length)} remisser, ` +
      `${formatInt(data.studyVisits.length)} studiebesök` +
      ` (genererat på ${formatMs(generatedMs)}, skrivet på ${formatMs(performance.now() - started)})`,
  );
  return organisationId;
}

// ---------------------------------------------------------------------------------------------
// Timing

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Wall-clock time per run, and the process's CPU time beside it: on a busy machine the wall
 * clock also counts waiting for a CPU, while the CPU time shows the work itself.
 */
async function time<T>(runs: number, run: () => Promise<T> | T): Promise<Timing & { result: T }> {
  let result = await run(); // warm-up: statement caches, page cache, JIT
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  return { runs, median: median(times), min: Math.min(...times), max: Math.max(...times), cpu: median(cpuTimes), result };
}

interface Timing {
  runs: number;
  median: number;
  min: number;
  max: number;
  /** Median CPU time of the process per run. */
  cpu: number;
}

interface StatisticsBench {
  enrolments: number;
  events: number;
  bundle: Timing;
  /** The sections of the steering view from a finished bundle: small-number protection and text. */
  sections: Timing;
  insatsBundle: Timing;
  load: Timing;
  compute: Timing;
  single: Timing;
  /** The app's report for PERIOD, every count of which the baseline is checked against. */
  report: ReportJson;
}

async function benchStatistics(app: AppModules, organisationId: string, runs: number): Promise<StatisticsBench> {
  const query = { period: PERIOD, insats: null, kommun: null };
  const bundle = await time(runs, () => app.buildReportBundle(organisationId, query, { suppressSmallNumbers: true, caseload: true }));
  const sections = await time(runs, () => app.reportSections(bundle.result));
  const insatsQuery = { ...query, insats: INSATSER[0] };
  const insatsBundle = await time(runs, () => app.buildReportBundle(organisationId, insatsQuery, { suppressSmallNumbers: true, caseload: true }));
  if (insatsBundle.result.goals.length !== TARGETS.length) throw new Error("The insats's goals are missing from its bundle");
  const load = await time(runs, () => app.loadReportInput(organisationId, query));
  const input = load.result;
  const compute = await time(runs, () => {
    const report = app.computeReport(input);
    app.computeReport({ ...input, period: bundle.result.previousPeriod });
    return report;
  });
  // One report, nothing else: the same work the SQL baseline does.
  const single = await time(runs, async () => app.computeReport(await app.loadReportInput(organisationId, query, PERIOD)));
  const report = single.result;
  // The bundle also carries "Utveckling över tid", which the single report (the contract's JSON) has not.
  const { trend: _trend, ...bundleReport } = bundle.result.report;
  if (JSON.stringify(report) !== JSON.stringify(bundleReport)) {
    throw new Error("The bundle's report differs from the single report: the comparison load misses records");
  }
  const events = input.enrolments.reduce(
    (sum, e) => sum + e.placements.length + e.skapaOffers.length + e.assessments.length + e.fov.length + e.support.length,
    input.referrals.length + input.studyVisits.length,
  );
  return { enrolments: input.enrolments.length, events, bundle, sections, insatsBundle, load, compute, single, report };
}

/**
 * The full-year Word document as the export route makes it: bundle, sections, charts as images
 * and the file. At most three runs: one takes seconds, and its spread is small.
 */
async function benchDocx(app: AppModules, organisationId: string, runs: number): Promise<void> {
  const { renderReportFile } = await import("~/exports/index.server");
  const query = { period: PERIOD, insats: null, kommun: null };
  const bundle = await app.buildReportBundle(organisationId, query, { suppressSmallNumbers: true, caseload: true });
  const file = await time(Math.min(runs, 3), () => renderReportFile("docx", bundle));
  const whole = await time(Math.min(runs, 3), async () =>
    renderReportFile("docx", await app.buildReportBundle(organisationId, query, { suppressSmallNumbers: true, caseload: true })),
  );
  console.log(`\nWord-dokument (DOCX) för ${PERIOD.from}–${PERIOD.to}, alla avsnitt, ${formatInt(file.result.length)} byte:`);
  console.log(
    table([
      ["", "median", "min", "max", "CPU-tid"],
      timingRow("renderReportFile (avsnitt, diagram och fil)", file),
      timingRow("hela exporten (buildReportBundle + renderReportFile)", whole),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// BASELINE: hand-written SQL, NOT app code. It reads the benchmark file through better-sqlite3
// directly and is what the app's figure is compared with, so it is written to be fast.

/**
 * BASELINE (full): ONE SQL statement that computes every count of the report (docs/report-json.md,
 * shared/domain.md "Statistics: exact definitions") for one period, all insatser and kommuner,
 * as rows (metric, key, value). `metric` is the report's key path, with `*` standing for `key`
 * where the label sits in the middle ("trappan.byKommun.*.measured"); otherwise `key` is the map
 * key under `metric`, or NULL for a plain count. Shares are left out: they are ratios of the
 * counts beside them.
 *
 * How it is fast:
 * - "active" holds the enrolments active in the period, sorted by id: that is the order of the
 *   (enrolmentId, ...) indexes of the event tables, so the correlated lookups below walk those
 *   indexes forward (without the ORDER BY the statement takes 40 % longer).
 * - "perEnrolment" visits each active enrolment once, with one index lookup per question:
 *   Trappan baseline (the earliest placement: when any placement lies before the cutoff, the
 *   earliest does) and current (the latest dated ≤ min(to, closure date)), same-date placements
 *   ordered by creation as the app orders them, each returned as rowid * 8 + step (steps are
 *   1–6), so one value tells both WHICH placement it is and its step: the enrolment is measured
 *   when current and baseline are different placements (that is, two or more up to the cutoff)
 *   without a third lookup to count them. The same for SKAPA with the assessment id
 *   (one assessment per enrolment and date). FOV answered/yes come from one MAX over the
 *   screenings (2 = some ja, 1 = some nej).
 * - "cube" folds the per-enrolment flags once into counts per (kommun, kön, åldersgrupp,
 *   remittent): a few hundred rows, from which every breakdown and total is summed.
 * - "areaChange" pairs the baseline and current SKAPA scores area by area (participant's own
 *   scores, answered in both), only for the enrolments assessed twice; progressed = the sum over
 *   those areas rose (the same areas on both sides, so the sums compare as the means do).
 * - Newly enrolled, closed, referrals and study visits are range scans on their
 *   (organisationId, date) indexes; support is looked up per enrolment of the förbund on
 *   (enrolmentId, date).
 * - Labels are joined only onto the aggregated rows.
 */
export const FULL_BASELINE_SQL = `
WITH "active" AS MATERIALIZED (
  SELECT e."id", e."kommunId", e."gender", e."ageGroupId", e."referrerId",
    CASE WHEN e."closedDate" < @to THEN e."closedDate" ELSE @to END AS "cutoff",
    COALESCE(e."closedDate" <= @to, 0) AS "closedIn"
  FROM "Enrolment" e
  WHERE e."organisationId" = @org AND e."enrolledDate" <= @to AND (e."closedDate" IS NULL OR e."closedDate" >= @from)
  ORDER BY e."id"
),
"perEnrolment" AS MATERIALIZED (
  SELECT a."kommunId", a."gender", a."ageGroupId", a."referrerId", a."closedIn",
    (SELECT p."rowid" * 8 + p."step" FROM "TrappanPlacement" p WHERE p."enrolmentId" = a."id"
      ORDER BY p."date", p."createdAt", p."id" LIMIT 1) AS "placementBaseline",
    (SELECT p."rowid" * 8 + p."step" FROM "TrappanPlacement" p WHERE p."enrolmentId" = a."id" AND p."date" <= a."cutoff"
      ORDER BY p."date" DESC, p."createdAt" DESC, p."id" DESC LIMIT 1) AS "placementCurrent",
    EXISTS (SELECT 1 FROM "SkapaOffer" o WHERE o."enrolmentId" = a."id" AND o."date" <= @to) AS "offered",
    (SELECT s."id" FROM "SkapaAssessment" s WHERE s."enrolmentId" = a."id" ORDER BY s."date" LIMIT 1) AS "assessmentBaseline",
    (SELECT s."id" FROM "SkapaAssessment" s WHERE s."enrolmentId" = a."id" AND s."date" <= a."cutoff"
      ORDER BY s."date" DESC LIMIT 1) AS "assessmentCurrent",
    (SELECT MAX(CASE f."outcome" WHEN 'ja' THEN 2 WHEN 'nej' THEN 1 ELSE 0 END) FROM "FovScreening" f
      WHERE f."enrolmentId" = a."id" AND f."date" <= @to) AS "fov"
  FROM "active" a
),
"cube" AS MATERIALIZED (
  SELECT "kommunId", "gender", "ageGroupId", "referrerId",
    COUNT(*) AS "active",
    SUM("placementCurrent" <> "placementBaseline") AS "measured",
    SUM("placementCurrent" <> "placementBaseline" AND "placementCurrent" % 8 > "placementBaseline" % 8) AS "movedUp",
    SUM("placementCurrent" <> "placementBaseline" AND "placementCurrent" % 8 = "placementBaseline" % 8) AS "unchanged",
    SUM("placementCurrent" <> "placementBaseline" AND "placementCurrent" % 8 < "placementBaseline" % 8) AS "movedDown",
    SUM("closedIn" AND "placementCurrent" IS NOT NULL) AS "closedWithPlacement",
    SUM("closedIn" AND "placementCurrent" % 8 >= 4) AS "closedInUpperPart",
    SUM("offered") AS "offered",
    SUM("assessmentCurrent" <> "assessmentBaseline") AS "assessedTwice",
    SUM("fov" >= 1) AS "fovAnswered",
    SUM("fov" = 2) AS "fovYes"
  FROM "perEnrolment"
  GROUP BY "kommunId", "gender", "ageGroupId", "referrerId"
),
"totals" AS MATERIALIZED (
  SELECT SUM("active") AS "active", SUM("measured") AS "measured", SUM("movedUp") AS "movedUp",
    SUM("unchanged") AS "unchanged", SUM("movedDown") AS "movedDown",
    SUM("closedWithPlacement") AS "closedWithPlacement", SUM("closedInUpperPart") AS "closedInUpperPart",
    SUM("offered") AS "offered", SUM("assessedTwice") AS "assessedTwice",
    SUM("fovAnswered") AS "fovAnswered", SUM("fovYes") AS "fovYes"
  FROM "cube"
),
"byKommun" AS MATERIALIZED (
  SELECT k."name", SUM(c."active") AS "active", SUM(c."measured") AS "measured", SUM(c."movedUp") AS "movedUp"
  FROM "cube" c JOIN "Kommun" k ON k."id" = c."kommunId"
  GROUP BY k."name"
),
"byGender" AS MATERIALIZED (
  SELECT "gender", SUM("active") AS "active", SUM("measured") AS "measured", SUM("movedUp") AS "movedUp",
    SUM("fovAnswered") AS "fovAnswered", SUM("fovYes") AS "fovYes"
  FROM "cube"
  GROUP BY "gender"
),
"areaChange" AS MATERIALIZED (
  -- The baseline assessment stands for its enrolment: one per enrolment, never shared.
  SELECT x."assessmentBaseline" AS "enrolment", b."areaId", c."participantScore" - b."participantScore" AS "change"
  FROM "perEnrolment" x
  CROSS JOIN "SkapaScore" b ON b."assessmentId" = x."assessmentBaseline"
  CROSS JOIN "SkapaScore" c ON c."assessmentId" = x."assessmentCurrent" AND c."areaId" = b."areaId"
  WHERE x."assessmentCurrent" <> x."assessmentBaseline"
    AND b."participantScore" IS NOT NULL AND c."participantScore" IS NOT NULL
),
"byArea" AS MATERIALIZED (
  SELECT a."label", SUM(t."answered") AS "answered", SUM(t."change") AS "change"
  FROM (SELECT "areaId", COUNT(*) AS "answered", SUM("change") AS "change" FROM "areaChange" GROUP BY "areaId") t
  JOIN "SkapaArea" a ON a."id" = t."areaId"
  GROUP BY a."label"
),
"newlyEnrolled" AS MATERIALIZED (
  SELECT e."kommunId", e."gender" FROM "Enrolment" e
  WHERE e."organisationId" = @org AND e."enrolledDate" >= @from AND e."enrolledDate" <= @to
),
"closed" AS MATERIALIZED (
  SELECT e."kommunId", e."closureReasonId", e."planAfterClosure" FROM "Enrolment" e
  WHERE e."organisationId" = @org AND e."closedDate" >= @from AND e."closedDate" <= @to
),
"support" AS MATERIALIZED (
  SELECT s."supportTypeId", COUNT(*) AS "total", SUM(s."raisesActivityLevel") AS "raised"
  FROM "SupportIntervention" s JOIN "Enrolment" e ON e."id" = s."enrolmentId"
  WHERE e."organisationId" = @org AND s."date" >= @from AND s."date" <= @to
  GROUP BY s."supportTypeId"
),
"referrals" AS MATERIALIZED (
  SELECT r."referrerId", r."kommunId", COALESCE(NULLIF(r."decision", ''), 'ej_beslutad') AS "decision", COUNT(*) AS "n"
  FROM "Referral" r
  WHERE r."organisationId" = @org AND r."date" >= @from AND r."date" <= @to
  GROUP BY r."referrerId", r."kommunId", 3
),
"visits" AS MATERIALIZED (
  SELECT v."kommunId", COUNT(*) AS "n" FROM "StudyVisit" v
  WHERE v."organisationId" = @org AND v."date" >= @from AND v."date" <= @to
  GROUP BY v."kommunId"
)
SELECT 'active.total' AS "metric", NULL AS "key", "active" AS "value" FROM "totals"
UNION ALL SELECT 'active.byKommun', "name", "active" FROM "byKommun"
UNION ALL SELECT 'active.byGender', "gender", "active" FROM "byGender"
UNION ALL SELECT 'active.byAgeGroup', g."label", SUM(c."active") FROM "cube" c JOIN "AgeGroup" g ON g."id" = c."ageGroupId" GROUP BY g."label"
UNION ALL SELECT 'active.byReferrer', r."name", SUM(c."active") FROM "cube" c JOIN "Referrer" r ON r."id" = c."referrerId" GROUP BY r."name"
UNION ALL SELECT 'newlyEnrolled.total', NULL, COUNT(*) FROM "newlyEnrolled"
UNION ALL SELECT 'newlyEnrolled.byKommun', k."name", COUNT(*) FROM "newlyEnrolled" x JOIN "Kommun" k ON k."id" = x."kommunId" GROUP BY k."name"
UNION ALL SELECT 'newlyEnrolled.byGender', "gender", COUNT(*) FROM "newlyEnrolled" GROUP BY "gender"
UNION ALL SELECT 'closed.total', NULL, COUNT(*) FROM "closed"
UNION ALL SELECT 'closed.byReason', COALESCE(r."label", 'Ej angiven'), COUNT(*)
  FROM "closed" x LEFT JOIN "ClosureReason" r ON r."id" = x."closureReasonId" GROUP BY 2
UNION ALL SELECT 'closed.byCategory', r."category", COUNT(*)
  FROM "closed" x JOIN "ClosureReason" r ON r."id" = x."closureReasonId" GROUP BY r."category"
UNION ALL SELECT 'closed.byKommun', k."name", COUNT(*) FROM "closed" x JOIN "Kommun" k ON k."id" = x."kommunId" GROUP BY k."name"
UNION ALL SELECT 'closed.withPlanAfter', NULL, COUNT(*) FROM "closed" WHERE "planAfterClosure"
UNION ALL SELECT 'referrals.total', NULL, COALESCE(SUM("n"), 0) FROM "referrals"
UNION ALL SELECT 'referrals.byReferrer', r."name", SUM(x."n") FROM "referrals" x JOIN "Referrer" r ON r."id" = x."referrerId" GROUP BY r."name"
UNION ALL SELECT 'referrals.byKommun', k."name", SUM(x."n") FROM "referrals" x JOIN "Kommun" k ON k."id" = x."kommunId" GROUP BY k."name"
UNION ALL SELECT 'referrals.byDecision', "decision", SUM("n") FROM "referrals" GROUP BY "decision"
UNION ALL SELECT 'studyVisits.total', NULL, COALESCE(SUM("n"), 0) FROM "visits"
UNION ALL SELECT 'studyVisits.byKommun', k."name", SUM(v."n") FROM "visits" v JOIN "Kommun" k ON k."id" = v."kommunId" GROUP BY k."name"
UNION ALL SELECT 'trappan.measured', NULL, "measured" FROM "totals"
UNION ALL SELECT 'trappan.movedUp', NULL, "movedUp" FROM "totals"
UNION ALL SELECT 'trappan.unchanged', NULL, "unchanged" FROM "totals"
UNION ALL SELECT 'trappan.movedDown', NULL, "movedDown" FROM "totals"
UNION ALL SELECT 'trappan.byGender.*.measured', "gender", "measured" FROM "byGender"
UNION ALL SELECT 'trappan.byGender.*.movedUp', "gender", "movedUp" FROM "byGender"
UNION ALL SELECT 'trappan.byKommun.*.measured', "name", "measured" FROM "byKommun"
UNION ALL SELECT 'trappan.byKommun.*.movedUp', "name", "movedUp" FROM "byKommun"
UNION ALL SELECT 'trappan.baseline', CAST("placementBaseline" % 8 AS TEXT), COUNT(*) FROM "perEnrolment"
  WHERE "placementCurrent" <> "placementBaseline" GROUP BY "placementBaseline" % 8
UNION ALL SELECT 'trappan.current', CAST("placementCurrent" % 8 AS TEXT), COUNT(*) FROM "perEnrolment"
  WHERE "placementCurrent" <> "placementBaseline" GROUP BY "placementCurrent" % 8
UNION ALL SELECT 'trappan.closedWithPlacement', NULL, "closedWithPlacement" FROM "totals"
UNION ALL SELECT 'trappan.closedInUpperPart', NULL, "closedInUpperPart" FROM "totals"
UNION ALL SELECT 'skapa.active', NULL, "active" FROM "totals"
UNION ALL SELECT 'skapa.offered', NULL, "offered" FROM "totals"
UNION ALL SELECT 'skapa.assessedTwice', NULL, "assessedTwice" FROM "totals"
UNION ALL SELECT 'skapa.progressed', NULL, COUNT(*) FROM (SELECT 1 FROM "areaChange" GROUP BY "enrolment" HAVING SUM("change") > 0)
UNION ALL SELECT 'skapa.areaAnswered', "label", "answered" FROM "byArea"
UNION ALL SELECT 'skapa.areaMeanChange', "label", CAST("change" AS REAL) / "answered" FROM "byArea"
UNION ALL SELECT 'fov.answered', NULL, "fovAnswered" FROM "totals"
UNION ALL SELECT 'fov.yes', NULL, "fovYes" FROM "totals"
UNION ALL SELECT 'fov.answeredByGender', "gender", "fovAnswered" FROM "byGender"
UNION ALL SELECT 'fov.yesByGender', "gender", "fovYes" FROM "byGender"
UNION ALL SELECT 'support.total', NULL, COALESCE(SUM("total"), 0) FROM "support"
UNION ALL SELECT 'support.raisedActivity', NULL, COALESCE(SUM("raised"), 0) FROM "support"
UNION ALL SELECT 'support.byType.*.total', t."label", SUM(x."total") FROM "support" x JOIN "SupportType" t ON t."id" = x."supportTypeId" GROUP BY t."label"
UNION ALL SELECT 'support.byType.*.raisedActivity', t."label", SUM(x."raised") FROM "support" x JOIN "SupportType" t ON t."id" = x."supportTypeId" GROUP BY t."label"
`;

/** A row of FULL_BASELINE_SQL. */
export interface BaselineRow {
  metric: string;
  key: string | null;
  value: number | null;
}

/**
 * BASELINE (core counts only): the first baseline, kept beside the full one so that both ratios
 * show. One SQL statement doing nine core counts of the report and nothing else (no breakdowns,
 * no SKAPA, no distributions). Same access paths as FULL_BASELINE_SQL.
 */
export const CORE_BASELINE_SQL = `
WITH "active" AS MATERIALIZED (
  SELECT e."id", CASE WHEN e."closedDate" < @to THEN e."closedDate" ELSE @to END AS "cutoff"
  FROM "Enrolment" e
  WHERE e."organisationId" = @org AND e."enrolledDate" <= @to AND (e."closedDate" IS NULL OR e."closedDate" >= @from)
  ORDER BY e."id"
),
"perEnrolment" AS MATERIALIZED (
  SELECT
    (SELECT COUNT(*) FROM "TrappanPlacement" p WHERE p."enrolmentId" = a."id" AND p."date" <= a."cutoff") AS "placements",
    (SELECT p."step" FROM "TrappanPlacement" p WHERE p."enrolmentId" = a."id"
      ORDER BY p."date", p."createdAt", p."id" LIMIT 1) AS "baseline",
    (SELECT p."step" FROM "TrappanPlacement" p WHERE p."enrolmentId" = a."id" AND p."date" <= a."cutoff"
      ORDER BY p."date" DESC, p."createdAt" DESC, p."id" DESC LIMIT 1) AS "current",
    EXISTS (SELECT 1 FROM "FovScreening" f WHERE f."enrolmentId" = a."id" AND f."date" <= @to AND f."outcome" IN ('ja', 'nej')) AS "answered",
    EXISTS (SELECT 1 FROM "FovScreening" f WHERE f."enrolmentId" = a."id" AND f."date" <= @to AND f."outcome" = 'ja') AS "yes"
  FROM "active" a
),
"support" AS (
  SELECT s."raisesActivityLevel" FROM "SupportIntervention" s JOIN "Enrolment" e ON e."id" = s."enrolmentId"
  WHERE e."organisationId" = @org AND s."date" >= @from AND s."date" <= @to
)
SELECT
  (SELECT COUNT(*) FROM "active") AS "active",
  (SELECT COUNT(*) FROM "Enrolment" e
    WHERE e."organisationId" = @org AND e."enrolledDate" >= @from AND e."enrolledDate" <= @to) AS "newlyEnrolled",
  (SELECT COUNT(*) FROM "Enrolment" e
    WHERE e."organisationId" = @org AND e."closedDate" >= @from AND e."closedDate" <= @to) AS "closed",
  (SELECT COUNT(*) FROM "perEnrolment" WHERE "placements" >= 2) AS "trappanMeasured",
  (SELECT COUNT(*) FROM "perEnrolment" WHERE "placements" >= 2 AND "current" > "baseline") AS "trappanMovedUp",
  (SELECT COALESCE(SUM("answered"), 0) FROM "perEnrolment") AS "fovAnswered",
  (SELECT COALESCE(SUM("yes"), 0) FROM "perEnrolment") AS "fovYes",
  (SELECT COUNT(*) FROM "support") AS "supportTotal",
  (SELECT COUNT(*) FROM "support" WHERE "raisesActivityLevel") AS "supportRaised"
`;

/** The columns of CORE_BASELINE_SQL and where each count sits in the report. */
const CORE_COUNTS = {
  active: ["active", "total"],
  newlyEnrolled: ["newlyEnrolled", "total"],
  closed: ["closed", "total"],
  trappanMeasured: ["trappan", "measured"],
  trappanMovedUp: ["trappan", "movedUp"],
  fovAnswered: ["fov", "answered"],
  fovYes: ["fov", "yes"],
  supportTotal: ["support", "total"],
  supportRaised: ["support", "raisedActivity"],
} as const;

type CoreCountKey = keyof typeof CORE_COUNTS;

export interface BaselineQuery {
  org: string;
  from: string;
  to: string;
}

/** Runs both baselines once on an open database: what the benchmark times, and what tests check. */
export function baselineRunner(db: Database.Database) {
  const full = db.prepare(FULL_BASELINE_SQL);
  const core = db.prepare(CORE_BASELINE_SQL);
  return {
    full: (query: BaselineQuery) => full.all(query) as BaselineRow[],
    core: (query: BaselineQuery) => core.get(query) as Record<CoreCountKey, number>,
  };
}

interface Baselines {
  full: Timing & { result: BaselineRow[] };
  core: Timing & { result: Record<CoreCountKey, number> };
}

async function benchBaselines(file: string, organisationId: string, runs: number): Promise<Baselines> {
  const db = new Database(file, { readonly: true });
  try {
    const run = baselineRunner(db);
    const query = { org: organisationId, from: PERIOD.from, to: PERIOD.to };
    // Synchronous, but timed the same way as the app.
    const full = await time(runs, () => run.full(query));
    const core = await time(runs, () => run.core(query));
    return { full, core };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// App = SQL, count by count

/** One number of the report, by its key path: ["trappan", "byKommun", "Växjö", "measured"]. */
type CountPaths = Map<string, { path: string[]; value: number }>;

const pathKey = (path: readonly string[]) => JSON.stringify(path);

/**
 * Every number of the report except the shares (a share is the ratio of two counts beside it):
 * counts, and the SKAPA mean change per area.
 */
export function reportCounts(report: ReportJson): CountPaths {
  const counts: CountPaths = new Map();
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === "number") {
      const last = path[path.length - 1];
      if (last !== "share" && last !== "offeredShare") counts.set(pathKey(path), { path, value });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    }
  };
  for (const [section, value] of Object.entries(report)) {
    if (section !== "period" && section !== "filters") walk(value, [section]);
  }
  return counts;
}

/** The rows of FULL_BASELINE_SQL as key paths of the report. */
export function baselineCounts(rows: readonly BaselineRow[]): CountPaths {
  const counts: CountPaths = new Map();
  for (const { metric, key, value } of rows) {
    const segments = metric.split(".");
    // "trappan.byKommun.*.measured" + "Växjö", "active.byKommun" + "Växjö", "active.total" + null.
    const path = segments.includes("*") ? segments.map((segment) => (segment === "*" ? String(key) : segment)) : key === null ? segments : [...segments, key];
    counts.set(pathKey(path), { path, value: Number(value ?? 0) });
  }
  return counts;
}

export interface CountCheck {
  /** How many numbers were compared. */
  compared: number;
  mismatches: Array<{ path: string[]; app: number; sql: number }>;
}

/**
 * Compares the app's numbers with the SQL's path by path. A path missing on one side counts as 0
 * there: maps leave out labels with nothing to count, gender maps leave out annat at 0. Counts
 * must be equal; a mean within 1e-9 (both sides divide the same integer sum by the same count).
 */
export function compareCounts(app: CountPaths, sql: CountPaths): CountCheck {
  const mismatches: CountCheck["mismatches"] = [];
  const keys = new Set([...app.keys(), ...sql.keys()]);
  for (const key of keys) {
    const path = (app.get(key) ?? sql.get(key))!.path;
    const a = app.get(key)?.value ?? 0;
    const s = sql.get(key)?.value ?? 0;
    const equal = Number.isInteger(a) && Number.isInteger(s) ? a === s : Math.abs(a - s) <= 1e-9 * Math.max(1, Math.abs(a));
    if (!equal) mismatches.push({ path, app: a, sql: s });
  }
  return { compared: keys.size, mismatches };
}

interface CountChecks {
  full: CountCheck;
  core: CountCheck;
}

/**
 * The report fields the hand-written SQL computes (the report of the first statistics issue).
 * The tables added since (persons, cross-tables, försörjning, …) are checked by their own tests.
 */
export const BASELINE_FIELDS: Record<string, readonly string[] | "all"> = {
  active: ["total", "byKommun", "byGender", "byAgeGroup", "byReferrer"],
  newlyEnrolled: ["total", "byKommun", "byGender"],
  closed: ["total", "byReason", "byCategory", "byKommun", "withPlanAfter"],
  referrals: ["total", "byReferrer", "byKommun", "byDecision"],
  studyVisits: "all",
  trappan: [
    "measured",
    "movedUp",
    "unchanged",
    "movedDown",
    "share",
    "byGender",
    "byKommun",
    "baseline",
    "current",
    "closedWithPlacement",
    "closedInUpperPart",
  ],
  skapa: "all",
  fov: "all",
  support: "all",
};

export function coveredByBaseline(counts: CountPaths): CountPaths {
  return new Map(
    [...counts].filter(([, { path }]) => {
      const fields = BASELINE_FIELDS[path[0]!];
      return fields === "all" || (fields !== undefined && fields.includes(path[1]!));
    }),
  );
}

function checkCounts(report: ReportJson, baselines: Baselines): CountChecks {
  const appCounts = coveredByBaseline(reportCounts(report));
  const coreApp: CountPaths = new Map();
  const coreSql: CountPaths = new Map();
  for (const [column, path] of Object.entries(CORE_COUNTS)) {
    const key = pathKey(path);
    coreApp.set(key, { path: [...path], value: appCounts.get(key)?.value ?? 0 });
    coreSql.set(key, { path: [...path], value: Number(baselines.core.result[column as CoreCountKey]) });
  }
  return {
    full: compareCounts(appCounts, baselineCounts(baselines.full.result)),
    core: compareCounts(coreApp, coreSql),
  };
}

// ---------------------------------------------------------------------------------------------
// Output

function formatInt(value: number): string {
  return value.toLocaleString("sv-SE");
}

function formatMs(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ")).join("\n");
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? formatInt(value) : String(value);
}

function printCheck(label: string, check: CountCheck): void {
  const problems = check.mismatches.length;
  console.log(`${label}: ${formatInt(check.compared)} tal jämförda, ${problems === 0 ? "OK" : `${problems} AVVIKER`}`);
  for (const { path, app, sql } of check.mismatches) {
    console.log(`  ${path.join(" › ")}: app ${formatNumber(app)}, SQL ${formatNumber(sql)}`);
  }
}

function timingRow(label: string, timing: Timing): string[] {
  return [label, formatMs(timing.median), formatMs(timing.min), formatMs(timing.max), formatMs(timing.cpu)];
}

function printStatistics(stats: StatisticsBench, baselines: Baselines, check: CountChecks): void {
  const row = timingRow;
  console.log(
    `\nStatistik för ${PERIOD.from}–${PERIOD.to}, alla insatser och kommuner: ${formatInt(stats.enrolments)} inskrivningar ` +
      `med ${formatInt(stats.events)} händelser, remisser och studiebesök inlästa för perioden och året före.`,
  );
  console.log(`Median, min och max av ${stats.bundle.runs} körningar efter en uppvärmning:`);
  console.log(
    table([
      ["", "median", "min", "max", "CPU-tid"],
      row("appen: buildReportBundle (perioden + året före)", stats.bundle),
      row("  varav inläsning: loadReportInput (båda perioderna)", stats.load),
      row("  varav beräkning: computeReport × 2", stats.compute),
      row("appen: reportSections (småtalsskydd och avsnitt, styrgruppens vy)", stats.sections),
      row("appen: en rapport (loadReportInput + computeReport)", stats.single),
      row(`appen: buildReportBundle för ${INSATSER[0]} (med mål)`, stats.insatsBundle),
      row("BASELINE: hela rapporten i en handskriven SQL-sats", baselines.full),
      row("BASELINE, bara kärnantalen (9 antal, ingen uppdelning)", baselines.core),
    ]),
  );
  const ratio = (app: number, sql: number) => `${(app / sql).toFixed(2)}×`;
  const ratios = (sql: Timing) =>
    `en rapport ${ratio(stats.single.median, sql.median)} (väggtid), ${ratio(stats.single.cpu, sql.cpu)} (CPU-tid); ` +
    `hela paketet ${ratio(stats.bundle.median, sql.median)} (väggtid), ${ratio(stats.bundle.cpu, sql.cpu)} (CPU-tid)`;
  console.log(`\nKvot app/SQL mot hela rapporten i SQL:     ${ratios(baselines.full)}`);
  console.log(`Kvot app/SQL mot bara kärnantalen i SQL:   ${ratios(baselines.core)}`);
  const reached = stats.bundle.median < 300 && stats.single.median <= 3 * baselines.full.median;
  console.log(`Mål (paketet under 300 ms, en rapport inom 3× SQL-satsen för hela rapporten, väggtid): ${reached ? "uppfyllt" : "EJ uppfyllt"}`);

  console.log("\nKontroll av antal (app = SQL), varje tal i rapporten utom andelarna:");
  printCheck("  hela rapporten", check.full);
  printCheck("  bara kärnantalen", check.core);
}

/**
 * The import benchmark is its own tool (scripts/cli/bench-import.ts). It runs in a child process:
 * this process's Prisma client is bound to the statistics database, and the import must write
 * into a fresh file of its own.
 */
async function runImportBench(): Promise<void> {
  const bundle = fileURLToPath(new URL("./bench-import.mjs", import.meta.url));
  if (!import.meta.url.endsWith(".mjs") || !existsSync(bundle)) {
    console.log("\nImportbenchmark: finns inte (scripts/cli/bench-import.ts saknas eller är inte byggd).");
    return;
  }
  console.log("\nImportbenchmark:");
  const runner = `import(${JSON.stringify(pathToFileURL(bundle).href)}).then((tool) => tool.main([])).then((code) => { process.exitCode = code ?? 0; });`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", runner], { stdio: "inherit", env: { ...process.env, DATABASE_URL: "" } });
  if (child.status !== 0) console.log(`Importbenchmarken avslutades med kod ${child.status}.`);
}
