// The benchmark's SQL baselines (scripts/cli/bench.ts) must count what the app counts, or the
// app/SQL ratio of `npm run bench` means nothing. Here both read the same small database: a
// generated förbund with a few hand-made edge cases added, and a second förbund whose rows must
// not leak in. Every number of the report is compared, for several periods.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { writeGeneratedData } from "~/data/seed.server";
import { setupDatabase } from "~/data/setup.server";
import { sqliteFilePath } from "~/data/sqlite.server";
import { loadReportInput } from "~/data/statistics.server";
import { computeReport, type ReportJson } from "~/domain/statistics";
import { generateDemoData } from "../../prisma/seed/generate";
import { baselineCounts, baselineRunner, compareCounts, coveredByBaseline, reportCounts } from "../../scripts/cli/bench";

const PERIODS = [
  { from: "2025-01-01", to: "2025-12-31" },
  { from: "2025-01-01", to: "2025-06-30" },
  { from: "2024-07-01", to: "2025-06-30" },
  { from: "2025-03-01", to: "2025-03-01" },
];

let organisationId: string;
let db: Database.Database;

async function report(period: { from: string; to: string }): Promise<ReportJson> {
  return computeReport(await loadReportInput(organisationId, { period, insats: null, kommun: null }, period));
}

/** Edge cases the generator does not make; see each comment. */
async function addEdgeCases() {
  const kommun = await prisma.kommun.findFirstOrThrow({ where: { organisationId }, orderBy: { name: "asc" } });
  const insats = await prisma.insats.findFirstOrThrow({ where: { organisationId }, orderBy: { name: "asc" } });
  const areas = await prisma.skapaArea.findMany({ where: { insatsId: insats.id }, orderBy: { sortOrder: "asc" }, take: 3 });
  const ageGroup = await prisma.ageGroup.findFirstOrThrow({ where: { organisationId } });
  const referrer = await prisma.referrer.findFirstOrThrow({ where: { organisationId } });
  const supportType = await prisma.supportType.findFirstOrThrow({ where: { organisationId } });
  let n = 0;
  const enrol = async (fields: { enrolledDate: string; closedDate?: string }) => {
    const participant = await prisma.participant.create({ data: { organisationId, code: `EDGE-${++n}` } });
    return prisma.enrolment.create({
      data: {
        organisationId,
        participantId: participant.id,
        insatsId: insats.id,
        kommunId: kommun.id,
        referrerId: referrer.id,
        ageGroupId: ageGroup.id,
        gender: "annat",
        enrolledDate: fields.enrolledDate,
        closedDate: fields.closedDate ?? null,
      },
    });
  };
  const place = (enrolmentId: string, date: string, step: number, createdAt?: string) =>
    prisma.trappanPlacement.create({ data: { enrolmentId, date, step, createdAt: createdAt === undefined ? undefined : new Date(createdAt) } });
  /** Scores by area index; null = unanswered by the participant (the koordinator rated it). */
  const assess = (enrolmentId: string, date: string, scores: Array<[area: number, score: number | null]>) =>
    prisma.skapaAssessment.create({
      data: {
        enrolmentId,
        date,
        scores: {
          create: scores.map(([area, score]) => ({
            areaId: areas[area].id,
            participantScore: score,
            coordinatorScore: score === null ? 9 : null,
          })),
        },
      },
    });

  // Two placements on one date, stored in the opposite order of their creation times: the one
  // created later (step 2) is current, so 3 → 2, down.
  const tie = await enrol({ enrolledDate: "2025-02-01" });
  await place(tie.id, "2025-02-01", 3, "2026-01-01T10:00:00Z");
  await place(tie.id, "2025-04-01", 2, "2026-01-01T12:00:00Z");
  await place(tie.id, "2025-04-01", 6, "2026-01-01T11:00:00Z");
  // Assessed twice, but no area answered in both: not progressed, no area change.
  await assess(tie.id, "2025-02-10", [
    [0, 2],
    [1, null],
  ]);
  await assess(tie.id, "2025-05-10", [
    [1, 9],
    [2, 9],
  ]);
  // Closed in 2025 without a reason ("Ej angiven", no category); its only placement lies after
  // the closure, so it is not closed with a placement; a stödinsats after the closure still counts.
  const noReason = await enrol({ enrolledDate: "2024-11-01", closedDate: "2025-03-01" });
  await place(noReason.id, "2025-03-02", 5);
  await prisma.supportIntervention.create({
    data: { enrolmentId: noReason.id, date: "2025-03-15", supportTypeId: supportType.id, raisesActivityLevel: true },
  });
  // Mean up over the common areas although one area fell: 4+4 → 2+7.
  const mixed = await enrol({ enrolledDate: "2025-01-15" });
  await assess(mixed.id, "2025-01-20", [
    [0, 4],
    [1, 4],
  ]);
  await assess(mixed.id, "2025-06-20", [
    [0, 2],
    [1, 7],
  ]);
  // Referrals still undecided, stored as NULL and as "".
  for (const decision of [null, ""]) {
    await prisma.referral.create({
      data: { organisationId, date: "2025-03-01", referrerId: referrer.id, kommunId: kommun.id, insatsId: insats.id, decision },
    });
  }
}

beforeAll(async () => {
  const options = { seed: 42, today: "2026-03-15", kommuner: ["Ljungby", "Markaryd"], insatser: ["SamSteg", "Samverkansteam"] };
  ({ organisationId } = await setupDatabase("Baslinjeförbundet"));
  await writeGeneratedData(organisationId, generateDemoData({ ...options, participants: 300 }));
  await addEdgeCases();
  // Another förbund in the same file, with the same kommun and insats names.
  const other = await setupDatabase("Grannförbundet");
  await writeGeneratedData(other.organisationId, generateDemoData({ ...options, participants: 60, seed: 7 }));
  db = new Database(sqliteFilePath(process.env.DATABASE_URL!), { readonly: true });
}, 60_000);

afterAll(() => db?.close());

describe("the benchmark's SQL baselines", () => {
  it.each(PERIODS)("count every number of the report as the app does, $from–$to", async (period) => {
    const app = await report(period);
    const rows = baselineRunner(db).full({ org: organisationId, ...period });
    const check = compareCounts(coveredByBaseline(reportCounts(app)), baselineCounts(rows));
    expect(check.mismatches).toEqual([]);
    expect(check.compared).toBeGreaterThan(60);
  });

  it("do the core counts as the app does", async () => {
    const period = PERIODS[0];
    const app = await report(period);
    const core = baselineRunner(db).core({ org: organisationId, ...period });
    expect(core).toEqual({
      active: app.active.total,
      newlyEnrolled: app.newlyEnrolled.total,
      closed: app.closed.total,
      trappanMeasured: app.trappan.measured,
      trappanMovedUp: app.trappan.movedUp,
      fovAnswered: app.fov.answered,
      fovYes: app.fov.yes,
      supportTotal: app.support.total,
      supportRaised: app.support.raisedActivity,
    });
  });

  it("see the edge cases (so that the comparison above is not vacuous)", async () => {
    const app = await report(PERIODS[0]);
    expect(app.closed.byReason["Ej angiven"]).toBe(1);
    expect(app.referrals.byDecision.ej_beslutad).toBeGreaterThanOrEqual(2);
    expect(app.trappan.movedDown).toBeGreaterThan(0);
  });

  it("report a number that differs", async () => {
    const period = PERIODS[0];
    const rows = baselineRunner(db).full({ org: organisationId, ...period });
    const tampered = rows.map((row) =>
      row.metric === "trappan.byKommun.*.measured" && row.key === "Ljungby" ? { ...row, value: Number(row.value) + 1 } : row,
    );
    const check = compareCounts(coveredByBaseline(reportCounts(await report(period))), baselineCounts(tampered));
    expect(check.mismatches).toEqual([expect.objectContaining({ path: ["trappan", "byKommun", "Ljungby", "measured"], sql: expect.any(Number) })]);
  });
});
