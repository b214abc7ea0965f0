// The report JSON through the real database: a small förbund whose every number is worked out
// by hand below, read by the data layer and by `npm run report` in-process.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/data/db.server";
import { buildReportBundle, loadReportInput, ReportQueryError } from "~/data/statistics.server";
import type { ReportBundle, ReportQuery } from "~/domain/report-bundle";
import { computeReport, type ReportJson } from "~/domain/statistics";
import { main as reportMain } from "../../scripts/cli/report";
import { createOrganisation, createUser } from "../factories";

const NO_STEPS = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 };

// H1 2025; the comparison period is H1 2024.
const PERIOD = { from: "2025-01-01", to: "2025-06-30" };
const ALL: ReportQuery = { period: PERIOD, insats: null, kommun: null };

let organisationId: string;

/** A topic of the report without its zero rows (checked on their own above), to compare with hand-made counts. */
function nonZero<T>(topic: T): T {
  const strip = (node: unknown, inMap: boolean): unknown => {
    if (node === null || typeof node !== "object") return node;
    const entries = Object.entries(node).filter(
      ([, value]) =>
        !(
          inMap &&
          (value === 0 || (typeof value === "object" && value !== null && Object.keys(value).length > 0 && Object.values(value).every((v) => v === 0)))
        ),
    );
    return Object.fromEntries(entries.map(([key, value]) => [key, strip(value, key.startsWith("by") && key !== "byDecision")]));
  };
  return strip(topic, false) as T;
}
let coordinatorName: string;
let ids: Awaited<ReturnType<typeof referenceIds>>;

async function referenceIds(organisationId: string) {
  const org = { organisationId };
  const byName = (rows: { id: string; name: string }[]) => Object.fromEntries(rows.map((row) => [row.name, row.id]));
  const byLabel = (rows: { id: string; label: string }[]) => Object.fromEntries(rows.map((row) => [row.label, row.id]));
  const insats = byName(await prisma.insats.findMany({ where: org, select: { id: true, name: true } }));
  const areas = await prisma.skapaArea.findMany({ where: { insats: org }, select: { id: true, label: true, insatsId: true } });
  return {
    insats,
    kommun: byName(await prisma.kommun.findMany({ where: org, select: { id: true, name: true } })),
    referrer: byName(await prisma.referrer.findMany({ where: org, select: { id: true, name: true } })),
    ageGroup: byLabel(await prisma.ageGroup.findMany({ where: org, select: { id: true, label: true } })),
    closureReason: byLabel(await prisma.closureReason.findMany({ where: org, select: { id: true, label: true } })),
    supportType: byLabel(await prisma.supportType.findMany({ where: org, select: { id: true, label: true } })),
    area: (insatsName: string, label: string) => areas.find((a) => a.insatsId === insats[insatsName] && a.label === label)!.id,
  };
}

interface EnrolmentSpec {
  code: string;
  participantId?: string;
  insats?: string;
  kommun: string;
  gender: "kvinna" | "man" | "annat";
  ageGroup: string;
  referrer: string;
  enrolled: string;
  closed?: { date: string; reason: string; plan: boolean };
  /** [date, step] in the order they were recorded. */
  placements?: Array<[string, number]>;
  offers?: string[];
  /** [date, { area label: score (null = unanswered) }] */
  assessments?: Array<[string, Record<string, number | null>]>;
  fov?: Array<[string, "ja" | "nej" | "avbojt" | "ej_tillfragad"]>;
  /** [date, type label, raises the activity level] */
  support?: Array<[string, string, boolean]>;
}

let clock = Date.UTC(2026, 0, 1);
/** Distinct, increasing creation times, so that "created later" is unambiguous. */
const created = () => new Date((clock += 1000));

async function enrol(spec: EnrolmentSpec): Promise<{ participantId: string; enrolmentId: string }> {
  const insats = spec.insats ?? "SamSteg";
  const participantId = spec.participantId ?? (await prisma.participant.create({ data: { organisationId, code: spec.code } })).id;
  const enrolment = await prisma.enrolment.create({
    data: {
      organisationId,
      participantId,
      insatsId: ids.insats[insats],
      kommunId: ids.kommun[spec.kommun],
      referrerId: ids.referrer[spec.referrer],
      gender: spec.gender,
      ageGroupId: ids.ageGroup[spec.ageGroup],
      enrolledDate: spec.enrolled,
      closedDate: spec.closed?.date ?? null,
      closureReasonId: spec.closed ? ids.closureReason[spec.closed.reason] : null,
      planAfterClosure: spec.closed?.plan ?? null,
    },
  });
  const enrolmentId = enrolment.id;
  for (const [date, step] of spec.placements ?? []) {
    await prisma.trappanPlacement.create({ data: { enrolmentId, date, step, createdAt: created() } });
  }
  for (const date of spec.offers ?? []) await prisma.skapaOffer.create({ data: { enrolmentId, date } });
  for (const [date, scores] of spec.assessments ?? []) {
    await prisma.skapaAssessment.create({
      data: {
        enrolmentId,
        date,
        scores: {
          create: Object.entries(scores).map(([label, score]) => ({
            areaId: ids.area(insats, label),
            participantScore: score,
            coordinatorScore: score === null ? 5 : null,
          })),
        },
      },
    });
  }
  for (const [date, outcome] of spec.fov ?? []) await prisma.fovScreening.create({ data: { enrolmentId, date, outcome } });
  for (const [date, type, raises] of spec.support ?? []) {
    await prisma.supportIntervention.create({
      data: { enrolmentId, date, supportTypeId: ids.supportType[type], raisesActivityLevel: raises },
    });
  }
  return { participantId, enrolmentId };
}

async function refer(date: string, referrer: string, kommun: string, insats: string, decision: string | null, participantId?: string) {
  await prisma.referral.create({
    data: {
      organisationId,
      date,
      referrerId: ids.referrer[referrer],
      kommunId: ids.kommun[kommun],
      insatsId: ids.insats[insats],
      decision,
      participantId,
    },
  });
}

async function visit(date: string, kommun: string, insats = "SamSteg") {
  await prisma.studyVisit.create({ data: { organisationId, date, kommunId: ids.kommun[kommun], insatsId: ids.insats[insats] } });
}

const TRO = "Tro på att få arbete";

beforeAll(async () => {
  ({ organisationId } = await createOrganisation("Rapportförbundet"));
  ids = await referenceIds(organisationId);

  // E1: enrolled before the period, open; moves 2 → 4; events after the period are ignored.
  const e1 = await enrol({
    code: "E1",
    kommun: "Ljungby",
    gender: "kvinna",
    ageGroup: "30-39",
    referrer: "Försäkringskassan",
    enrolled: "2024-09-01",
    placements: [
      ["2024-09-01", 2],
      ["2025-03-01", 4],
      ["2025-08-01", 5],
    ],
    offers: ["2024-09-10"],
    assessments: [
      ["2024-09-15", { [TRO]: 3, Hälsa: 4 }],
      ["2025-03-15", { [TRO]: 5, Hälsa: 4, Jobbsökning: 6 }],
      ["2025-09-01", { [TRO]: 9, Hälsa: 9 }],
    ],
    fov: [["2024-10-01", "ja"]],
    support: [
      ["2024-12-01", "Kommunal arbetsträning", true],
      ["2025-02-01", "Kommunal arbetsträning", true],
    ],
  });
  // E2: new and closed in the period (Arbete, with a plan); a placement after the closure is ignored.
  await enrol({
    code: "E2",
    kommun: "Markaryd",
    gender: "man",
    ageGroup: "20-29",
    referrer: "Arbetsförmedlingen",
    enrolled: "2025-02-10",
    closed: { date: "2025-05-20", reason: "Arbete", plan: true },
    placements: [
      ["2025-02-10", 3],
      ["2025-05-20", 5],
      ["2025-06-10", 6],
    ],
    offers: ["2025-02-15"],
    assessments: [["2025-03-01", { [TRO]: 2 }]],
    fov: [["2025-03-01", "nej"]],
    support: [
      ["2025-03-01", "Språkcafé eller dylikt", false],
      ["2025-04-01", "Kommunal praktik", false],
    ],
  });
  // E3a and E3b: one person, closed in the period (negative, no plan) and enrolled again.
  const first = await enrol({
    code: "E3",
    kommun: "Ljungby",
    gender: "kvinna",
    ageGroup: "20-29",
    referrer: "Socialtjänst",
    enrolled: "2024-03-01",
    closed: { date: "2025-01-15", reason: "Egen begäran, önskar inte stöd", plan: false },
    placements: [
      ["2024-03-01", 3],
      ["2024-11-01", 2],
    ],
    fov: [["2024-04-01", "avbojt"]],
  });
  await enrol({
    code: "E3",
    participantId: first.participantId,
    kommun: "Ljungby",
    gender: "kvinna",
    ageGroup: "20-29",
    referrer: "Socialtjänst",
    enrolled: "2025-04-01",
    placements: [["2025-04-01", 1]],
    offers: ["2025-07-01"],
  });
  // E4: kön annat, the other insats; unchanged step; the second assessment has no own answers.
  await enrol({
    code: "E4",
    insats: "Samverkansteam",
    kommun: "Älmhult",
    gender: "annat",
    ageGroup: "40-49",
    referrer: "Regionen",
    enrolled: "2024-05-01",
    placements: [
      ["2024-05-01", 2],
      ["2025-01-10", 2],
    ],
    assessments: [
      ["2024-06-01", { [TRO]: 4 }],
      ["2025-05-01", { [TRO]: null, Hälsa: null }],
    ],
    fov: [
      ["2025-02-01", "ej_tillfragad"],
      ["2025-03-01", "ja"],
    ],
    support: [["2025-06-30", "Kommunal praktik", true]],
  });
  // E5: closed before the period, but with a stödinsats dated in it (support counts by its date).
  await enrol({
    code: "E5",
    kommun: "Markaryd",
    gender: "kvinna",
    ageGroup: "50-59",
    referrer: "Försäkringskassan",
    enrolled: "2024-01-10",
    closed: { date: "2024-12-31", reason: "Studier", plan: true },
    placements: [
      ["2024-01-10", 1],
      ["2024-06-01", 3],
    ],
    support: [["2025-01-20", "Körkort", false]],
  });
  // E6: enrolled after the period.
  const e6 = await enrol({
    code: "E6",
    kommun: "Ljungby",
    gender: "man",
    ageGroup: "30-39",
    referrer: "Egen begäran",
    enrolled: "2025-07-01",
    placements: [["2025-07-01", 2]],
  });
  // E7: enrolled on the first day; two placements on one date: the one recorded later is current.
  await enrol({
    code: "E7",
    kommun: "Ljungby",
    gender: "man",
    ageGroup: "50-59",
    referrer: "Egen begäran",
    enrolled: "2025-01-01",
    placements: [
      ["2025-01-01", 4],
      ["2025-05-01", 3],
      ["2025-05-01", 5],
    ],
    offers: ["2025-01-05"],
    assessments: [
      ["2025-01-10", { [TRO]: 6, Hälsa: 6 }],
      ["2025-06-30", { [TRO]: 5, Hälsa: 6 }],
    ],
    fov: [["2025-07-15", "ja"]],
  });

  await refer("2024-12-31", "Försäkringskassan", "Ljungby", "SamSteg", "inskriven");
  await refer("2025-01-01", "Försäkringskassan", "Ljungby", "SamSteg", "inskriven");
  await refer("2025-03-03", "Regionen", "Älmhult", "Samverkansteam", "konsultation");
  await refer("2025-06-30", "Arbetsförmedlingen", "Markaryd", "SamSteg", null);
  await refer("2025-07-01", "Arbetsförmedlingen", "Markaryd", "SamSteg", "ko");
  // The queue: kö since before the comparison period. Waiting on 2025-06-30: the one without a
  // person (607 days) and E6's, enrolled only on 2025-07-01 (577 days); E3's was enrolled 2024-03-01.
  await refer("2023-10-01", "Socialtjänst", "Ljungby", "SamSteg", "ko", first.participantId);
  await refer("2023-11-01", "Regionen", "Markaryd", "SamSteg", "ko");
  await refer("2023-12-01", "Egen begäran", "Ljungby", "SamSteg", "ko", e6.participantId);
  // E1's koordinator; every other enrolment has none.
  const koordinator = await createUser(organisationId, "koordinator");
  await prisma.enrolment.update({ where: { id: e1.enrolmentId }, data: { coordinatorId: koordinator.id } });
  coordinatorName = koordinator.name;

  await visit("2024-12-01", "Markaryd");
  await visit("2025-02-02", "Ljungby");
  await visit("2025-02-03", "Ljungby");
  await visit("2025-05-05", "Älmhult", "Samverkansteam");

  await prisma.insatsTarget.createMany({
    data: [
      { insatsId: ids.insats.SamSteg, metric: "new_enrolments", value: 3 },
      { insatsId: ids.insats.SamSteg, metric: "trappan_share", value: 0.8 },
    ],
  });
});

describe("buildReportBundle on a hand-computed förbund, H1 2025", () => {
  let bundle: ReportBundle;
  let report: ReportJson;
  beforeAll(async () => {
    bundle = await buildReportBundle(organisationId, ALL, { suppressSmallNumbers: true, caseload: true });
    report = bundle.report;
  });

  it("lists every configured kommun, remittent, reason, support type and age group, also at 0", () => {
    expect(report.active.byKommun).toMatchObject({ Ljungby: 4, Markaryd: 1, Älmhult: 1 });
    const referrers = Object.keys(ids.referrer);
    expect(Object.keys(report.active.byReferrer).sort()).toEqual([...referrers].sort());
    expect(Object.keys(report.closed.byReason).sort()).toEqual(Object.keys(ids.closureReason).sort());
    expect(Object.keys(report.support.byType).sort()).toEqual(Object.keys(ids.supportType).sort());
    const unused = referrers.find((referrer) => (report.referrals.byReferrer[referrer] ?? 0) === 0)!;
    expect(report.referrals.byReferrer[unused]).toBe(0);
    expect(report.trappan.byKommun.Älmhult).toBeDefined();
  });

  it("echoes the period and filters", () => {
    expect(report.period).toEqual(PERIOD);
    expect(report.filters).toEqual({ insats: null, kommun: null });
  });

  it("counts active enrolments (a re-enrolled person twice) by kommun, kön, åldersgrupp and remittent", () => {
    expect(nonZero(report.active)).toEqual({
      total: 6,
      byKommun: { Ljungby: 4, Markaryd: 1, Älmhult: 1 },
      byGender: { kvinna: 3, man: 2, annat: 1 },
      byAgeGroup: { "20-29": 3, "30-39": 1, "40-49": 1, "50-59": 1 },
      byReferrer: { Arbetsförmedlingen: 1, "Egen begäran": 1, Försäkringskassan: 1, Regionen: 1, Socialtjänst: 2 },
      // E3a and E3b are one person.
      persons: 5,
      personsByGender: { kvinna: 2, man: 2, annat: 1 },
      personsByKommun: { Ljungby: 3, Markaryd: 1, Älmhult: 1 },
      // E4 alone is in Samverkansteam.
      personsByInsats: { SamSteg: 4, Samverkansteam: 1 },
      personsByInsatsByGender: { SamSteg: { kvinna: 2, man: 2 }, Samverkansteam: { kvinna: 0, man: 0, annat: 1 } },
      // Open on 2025-06-30: E1, E3b, E4, E7 (E2 and E3a closed before).
      atEnd: { total: 4, byKommun: { Ljungby: 3, Älmhult: 1 }, byGender: { kvinna: 2, man: 1, annat: 1 } },
      byCoordinator: { [coordinatorName]: 1, "ej angiven": 5 },
      byCoordinatorByKommun: { [coordinatorName]: { Ljungby: 1 }, "ej angiven": { Ljungby: 3, Markaryd: 1, Älmhult: 1 } },
    });
  });

  it("carries no koordinator's name in a bundle for anyone but the förbundschef", async () => {
    const steering = await buildReportBundle(organisationId, ALL, { suppressSmallNumbers: true });
    expect(steering.caseload).toBe(false);
    expect(JSON.stringify(steering)).not.toContain(coordinatorName);
    expect(steering.report.active.byCoordinator).toEqual({});
    expect(bundle.caseload).toBe(true);
  });

  it("counts enrolments with the enrolment date in the period, first day included", () => {
    expect(nonZero(report.newlyEnrolled)).toEqual({
      total: 3,
      byKommun: { Ljungby: 2, Markaryd: 1 },
      byGender: { kvinna: 1, man: 2 },
      persons: 3,
      personsByGender: { kvinna: 1, man: 2 },
      personsByKommun: { Ljungby: 2, Markaryd: 1 },
      byReferrer: { Arbetsförmedlingen: 1, "Egen begäran": 1, Socialtjänst: 1 },
    });
  });

  it("counts closures by reason, category, kommun and plan", () => {
    expect(nonZero(report.closed)).toEqual({
      total: 2,
      byReason: { Arbete: 1, "Egen begäran, önskar inte stöd": 1 },
      byCategory: { positive: 1, negative: 1 },
      byKommun: { Ljungby: 1, Markaryd: 1 },
      withPlanAfter: 1,
      byGender: { kvinna: 1, man: 1 },
      byCategoryByGender: { positive: { kvinna: 0, man: 1 }, negative: { kvinna: 1, man: 0 } },
      byReasonByKommun: { Arbete: { Markaryd: 1 }, "Egen begäran, önskar inte stöd": { Ljungby: 1 } },
      byLastStep: { "2": 1, "5": 1 },
      byReasonByLastStep: { Arbete: { ...NO_STEPS, "5": 1 }, "Egen begäran, önskar inte stöd": { ...NO_STEPS, "2": 1 } },
      byGroup: { "Arbete eller studier": 1 },
    });
    // With their zero keys: every step, and the default groups of db:setup in their order.
    expect(report.closed.byLastStep).toEqual({ ...NO_STEPS, "2": 1, "5": 1 });
    expect(report.closed.byGroup).toEqual({ "Arbete eller studier": 1, "Rätt försörjning": 0, "Åter till remittent": 0 });
  });

  it("counts referrals and study visits by their own dates, both ends of the period included", () => {
    expect(nonZero(report.referrals)).toEqual({
      total: 3,
      byReferrer: { Arbetsförmedlingen: 1, Försäkringskassan: 1, Regionen: 1 },
      byKommun: { Ljungby: 1, Markaryd: 1, Älmhult: 1 },
      byDecision: { inskriven: 1, konsultation: 1, ej_aktuell: 0, ko: 0, ej_beslutad: 1 },
      byReferrerByKommun: { Arbetsförmedlingen: { Markaryd: 1 }, Försäkringskassan: { Ljungby: 1 }, Regionen: { Älmhult: 1 } },
      byDecisionByKommun: { inskriven: { Ljungby: 1 }, konsultation: { Älmhult: 1 }, ej_aktuell: {}, ko: {}, ej_beslutad: { Markaryd: 1 } },
      queueAtEnd: 2,
      queueMedianWaitDays: (607 + 577) / 2,
    });
    // On 2024-06-30 E3's referral had led to its enrolment; the other two were waiting.
    expect(bundle.previous.referrals.queueAtEnd).toBe(2);
    expect(nonZero(report.studyVisits)).toEqual({ total: 3, byKommun: { Ljungby: 2, Älmhult: 1 } });
  });

  it("measures Trappan from the first placement to the last one up to min(to, closure), ties by recording order", () => {
    expect(report.trappan).toEqual({
      measured: 5,
      movedUp: 3,
      unchanged: 1,
      movedDown: 1,
      share: 0.6,
      byGender: {
        kvinna: { measured: 2, movedUp: 1, share: 0.5 },
        man: { measured: 2, movedUp: 2, share: 1 },
        annat: { measured: 1, movedUp: 0, share: 0 },
      },
      byKommun: {
        Ljungby: { measured: 3, movedUp: 2, share: 2 / 3 },
        Markaryd: { measured: 1, movedUp: 1, share: 1 },
        Älmhult: { measured: 1, movedUp: 0, share: 0 },
      },
      baseline: { "1": 0, "2": 2, "3": 2, "4": 1, "5": 0, "6": 0 },
      current: { "1": 0, "2": 2, "3": 0, "4": 1, "5": 2, "6": 0 },
      closedWithPlacement: 2,
      closedInUpperPart: 1,
      transitions: {
        "1": NO_STEPS,
        "2": { ...NO_STEPS, "2": 1, "4": 1 },
        "3": { ...NO_STEPS, "2": 1, "5": 1 },
        "4": { ...NO_STEPS, "5": 1 },
        "5": NO_STEPS,
        "6": NO_STEPS,
      },
    });
  });

  it("compares the first and the latest SKAPA assessment over the areas answered in both", () => {
    expect(report.skapa).toEqual({
      active: 6,
      offered: 3,
      assessedTwice: 3,
      progressed: 1,
      areaMeanChange: { Hälsa: 0, [TRO]: 0.5 },
      areaAnswered: { Hälsa: 2, [TRO]: 2 },
      share: 1 / 3,
      offeredShare: 0.5,
    });
  });

  it("counts FOV answers (ja or nej) and any ja up to the end of the period, by kön", () => {
    expect(report.fov).toEqual({
      answered: 3,
      yes: 2,
      answeredByGender: { kvinna: 1, man: 1, annat: 1 },
      yesByGender: { kvinna: 1, man: 0, annat: 1 },
    });
  });

  it("counts stödinsatser dated in the period with their own flag, also one after a closure", () => {
    expect(nonZero(report.support)).toEqual({
      total: 5,
      raisedActivity: 2,
      byType: {
        "Kommunal arbetsträning": { total: 1, raisedActivity: 1 },
        "Kommunal praktik": { total: 2, raisedActivity: 1 },
        Körkort: { total: 1, raisedActivity: 0 },
        "Språkcafé eller dylikt": { total: 1, raisedActivity: 0 },
      },
    });
  });

  it("adds the same report for H1 2024 and the förbund's settings", () => {
    expect(bundle.previousPeriod).toEqual({ from: "2024-01-01", to: "2024-06-30" });
    expect(bundle.previous.period).toEqual(bundle.previousPeriod);
    expect(bundle.previous.active.total).toBe(3); // E3a, E4, E5
    expect(bundle.previous.newlyEnrolled.total).toBe(3);
    expect(bundle.previous.trappan).toMatchObject({ measured: 1, movedUp: 1 }); // E5: 1 → 3
    expect(bundle.organisationName).toBe("Rapportförbundet");
    expect(bundle.smallNumberThreshold).toBe(3);
    expect(bundle.suppressSmallNumbers).toBe(true);
    expect(bundle.ageGroupOrder).toEqual(["16-19", "20-29", "30-39", "40-49", "50-59", "60-64"]);
    expect(Object.keys(bundle.stepLabels)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(bundle.goals).toEqual([]); // no insats chosen
  });

  it("gives the same report as computeReport over the period's own records", async () => {
    const input = await loadReportInput(organisationId, ALL, PERIOD);
    const { trend: _trend, ...own } = report;
    expect(computeReport(input)).toEqual(own);
  });

  it("adds the trend: H1 of each year since the first enrolment, the last two equal to the report and its comparison", () => {
    const counts = (r: ReportJson) => ({
      active: r.active.total,
      newlyEnrolled: r.newlyEnrolled.total,
      closed: r.closed.total,
      measured: r.trappan.measured,
      movedUp: r.trappan.movedUp,
      assessedTwice: r.skapa.assessedTwice,
      progressed: r.skapa.progressed,
      closedToWorkOrStudies: r.closed.byGroup["Arbete eller studier"],
    });
    expect(Object.keys(report.trend ?? {}).at(-1)).toBe("2025");
    expect(report.trend!["2025"]).toEqual(counts(report));
    expect(report.trend!["2024"]).toEqual(counts(bundle.previous));
  });
});

describe("buildReportBundle for one insats", () => {
  it("filters by insats and follows up its goals against the same months a year earlier", async () => {
    const bundle = await buildReportBundle(organisationId, { ...ALL, insats: "SamSteg" }, { suppressSmallNumbers: false });
    expect(bundle.report.filters).toEqual({ insats: "SamSteg", kommun: null });
    expect(bundle.report.active.total).toBe(5);
    expect(bundle.report.referrals.total).toBe(2);
    expect(bundle.report.studyVisits.total).toBe(2);
    expect(bundle.goals.map((goal) => [goal.metric, goal.target, goal.outcome.value, goal.previous.value, goal.achieved])).toEqual([
      ["trappan_share", 0.8, 0.75, 1, false], // 3 of 4 (E1, E2, E7 up; E3a down); 2024: E5 up
      ["new_enrolments", 3, 3, 2, true], // E2, E3b, E7; 2024: E3a, E5
    ]);
  });

  it("refuses an insats or kommun the förbund does not have, in Swedish", async () => {
    await expect(buildReportBundle(organisationId, { ...ALL, insats: "Finns ej" }, { suppressSmallNumbers: true })).rejects.toThrow(
      new ReportQueryError('Insatsen "Finns ej" finns inte i förbundet.', "insats"),
    );
    await expect(buildReportBundle(organisationId, { ...ALL, kommun: "Växjö" }, { suppressSmallNumbers: true })).rejects.toBeInstanceOf(ReportQueryError);
  });
});

describe("npm run report, in-process", () => {
  let stdout = "";
  let stderr = "";
  beforeEach(() => {
    stdout = "";
    stderr = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(console, "error").mockImplementation((...parts) => {
      stderr += `${parts.join(" ")}\n`;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("prints the bundle's report as 2-space indented JSON and exits 0", async () => {
    const code = await reportMain(["--from", PERIOD.from, "--to", PERIOD.to, "--org", "Rapportförbundet", "--format", "json"]);
    const bundle = await buildReportBundle(organisationId, ALL, { suppressSmallNumbers: true, caseload: true });
    expect(code).toBe(0);
    expect(stderr).toBe("");
    // The command line's report JSON is the contract's: the trend belongs to the documents only.
    const { trend: _trend, ...contract } = bundle.report;
    expect(stdout).toBe(`${JSON.stringify(contract, null, 2)}\n`);
  });

  it("exits 2 with a Swedish message for a date that does not exist", async () => {
    const code = await reportMain(["--from", "2025-02-30", "--to", PERIOD.to]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Från-datumet (--from) är inte ett giltigt datum.");
  });

  it("exits 1 with a Swedish message for an insats the förbund does not have", async () => {
    const code = await reportMain(["--from", PERIOD.from, "--to", PERIOD.to, "--insats", "Finns ej"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe('Fel: Insatsen "Finns ej" finns inte i förbundet.\n');
  });
});
