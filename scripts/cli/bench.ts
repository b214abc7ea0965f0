// npm run bench [-- --keep-db PATH] [--reuse] [--clean] [--participants N] [--runs N] [--skip-import]
//
// Generates a förbund with 10,000 participants (~150,000 events) into a fresh SQLite file and
// times the app's full statistics for one year against one hand-written SQL query doing the
// same core counts over the same file, and checks that both give the same numbers. Then runs the
// import benchmark when it is there.
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { countEvents, generateDemoData } from "../../prisma/seed/generate";
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
const TARGETS = [
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
  ]);
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
    const baseline = await benchBaseline(file, orgId, runs);
    printStatistics(statistics, baseline);
    countsAgree = statistics.counts.every((count) => count.app === Number(baseline.result[count.key]));
  } finally {
    await app.prisma.$disconnect();
  }
  if (!values["skip-import"]) await runImportBench();
  console.log("");
  if (values.clean) {
    removeDatabase(file);
    console.log("Databasen togs bort (--clean).");
  } else {
    console.log(`Databasen finns kvar: ${file}`);
    console.log(`  Tidta rapporten: time DATABASE_URL=file:${file} npm run -s report -- --from ${PERIOD.from} --to ${PERIOD.to} > /dev/null`);
  }
  return countsAgree ? 0 : 1;
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

async function findBenchOrganisation(app: AppModules): Promise<string | null> {
  app.migrateSqlite(app.databaseUrl());
  const org = await app.prisma.organisation.findUnique({ where: { name: ORGANISATION }, select: { id: true } });
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
  const insats = await app.prisma.insats.findFirstOrThrow({ where: { organisationId, name: INSATSER[0] }, select: { id: true } });
  await app.prisma.insatsTarget.createMany({ data: TARGETS.map((t) => ({ insatsId: insats.id, ...t })) });
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

type CoreCountKey =
  | "active"
  | "newlyEnrolled"
  | "closed"
  | "trappanMeasured"
  | "trappanMovedUp"
  | "fovAnswered"
  | "fovYes"
  | "supportTotal"
  | "supportRaised";

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
  insatsBundle: Timing;
  load: Timing;
  compute: Timing;
  single: Timing;
  counts: Array<{ key: CoreCountKey; label: string; app: number }>;
}

async function benchStatistics(app: AppModules, organisationId: string, runs: number): Promise<StatisticsBench> {
  const query = { period: PERIOD, insats: null, kommun: null };
  const bundle = await time(runs, () => app.buildReportBundle(organisationId, query, { suppressSmallNumbers: true }));
  const insatsQuery = { ...query, insats: INSATSER[0] };
  const insatsBundle = await time(runs, () => app.buildReportBundle(organisationId, insatsQuery, { suppressSmallNumbers: true }));
  if (insatsBundle.result.goals.length !== TARGETS.length) throw new Error("The insats's goals are missing from its bundle");
  const load = await time(runs, () => app.loadReportInput(organisationId, query));
  const input = load.result;
  const compute = await time(runs, () => {
    const report = app.computeReport(input);
    app.computeReport({ ...input, period: bundle.result.previousPeriod });
    return report;
  });
  // One report, nothing else: the same work the SQL baseline does.
  const single = await time(runs, async () =>
    app.computeReport(await app.loadReportInput(organisationId, query, PERIOD)),
  );
  const report = single.result;
  if (JSON.stringify(report) !== JSON.stringify(bundle.result.report)) {
    throw new Error("The bundle's report differs from the single report: the comparison load misses records");
  }
  const events = input.enrolments.reduce(
    (sum, e) => sum + e.placements.length + e.skapaOffers.length + e.assessments.length + e.fov.length + e.support.length,
    input.referrals.length + input.studyVisits.length,
  );
  return {
    enrolments: input.enrolments.length,
    events,
    bundle,
    insatsBundle,
    load,
    compute,
    single,
    counts: [
      { key: "active", label: "aktiva", app: report.active.total },
      { key: "newlyEnrolled", label: "nyinskrivna", app: report.newlyEnrolled.total },
      { key: "closed", label: "avslutade", app: report.closed.total },
      { key: "trappanMeasured", label: "Trappan mätta", app: report.trappan.measured },
      { key: "trappanMovedUp", label: "Trappan uppåt", app: report.trappan.movedUp },
      { key: "fovAnswered", label: "FOV svarat", app: report.fov.answered },
      { key: "fovYes", label: "FOV ja", app: report.fov.yes },
      { key: "supportTotal", label: "stödinsatser", app: report.support.total },
      { key: "supportRaised", label: "höjd aktivitetsnivå", app: report.support.raisedActivity },
    ],
  };
}

/**
 * BASELINE, not app code: one hand-written SQL query doing the core counts of the report in the
 * database, read through better-sqlite3 directly. It is what the app's figure is compared with,
 * so it is written to be fast: correlated lookups on the (enrolmentId, date) indexes, visited in
 * enrolment id order (the order of those indexes), which beats window functions here by 2×.
 */
const BASELINE_SQL = `
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

async function benchBaseline(file: string, organisationId: string, runs: number) {
  const db = new Database(file, { readonly: true });
  try {
    const statement = db.prepare(BASELINE_SQL);
    const params = { org: organisationId, from: PERIOD.from, to: PERIOD.to };
    // Synchronous, but timed the same way as the app.
    return await time(runs, () => statement.get(params) as Record<CoreCountKey, number>);
  } finally {
    db.close();
  }
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
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  "))
    .join("\n");
}

function printStatistics(stats: StatisticsBench, baseline: Timing & { result: Record<CoreCountKey, number> }): void {
  const row = (label: string, timing: Timing) => [
    label,
    formatMs(timing.median),
    formatMs(timing.min),
    formatMs(timing.max),
    formatMs(timing.cpu),
  ];
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
      row("appen: en rapport (loadReportInput + computeReport)", stats.single),
      row(`appen: buildReportBundle för ${INSATSER[0]} (med mål)`, stats.insatsBundle),
      row("BASELINE: en handskriven SQL-fråga (better-sqlite3)", baseline),
    ]),
  );
  const ratio = (app: number, sql: number) => `${(app / sql).toFixed(2)}×`;
  console.log(
    `\nKvot app/SQL, en rapport: ${ratio(stats.single.median, baseline.median)} (väggtid), ` +
      `${ratio(stats.single.cpu, baseline.cpu)} (CPU-tid); hela paketet: ${ratio(stats.bundle.median, baseline.median)} ` +
      `(väggtid), ${ratio(stats.bundle.cpu, baseline.cpu)} (CPU-tid)`,
  );
  const reached = stats.bundle.median < 300 && stats.single.median <= 3 * baseline.median;
  console.log(`Mål (paketet under 300 ms, en rapport inom 3× SQL, väggtid): ${reached ? "uppfyllt" : "EJ uppfyllt"}`);

  console.log("\nKontroll av antal (app = SQL):");
  console.log(
    table([
      ["", "app", "SQL", ""],
      ...stats.counts.map((count) => {
        const sql = Number(baseline.result[count.key]);
        return [count.label, formatInt(count.app), formatInt(sql), count.app === sql ? "OK" : "MISMATCH"];
      }),
    ]),
  );
}

/** The import benchmark is its own tool (scripts/cli/bench-import.ts); run it when it is built. */
async function runImportBench(): Promise<void> {
  const bundle = new URL("./bench-import.mjs", import.meta.url);
  if (!import.meta.url.endsWith(".mjs") || !existsSync(bundle)) {
    console.log("\nImportbenchmark: finns inte (scripts/cli/bench-import.ts saknas eller är inte byggd).");
    return;
  }
  console.log("\nImportbenchmark:");
  const tool = (await import(bundle.href)) as { main(args: string[]): Promise<number> };
  await tool.main([]);
}
