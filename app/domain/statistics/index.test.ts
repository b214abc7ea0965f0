import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { enrolment, reportInput, steps } from "./testing";
import type { EnrolmentRecord, ReportJson } from "./types";

function numericLeaves(node: unknown, path = ""): Array<[string, unknown]> {
  if (node === null || typeof node !== "object") return [[path, node]];
  return Object.entries(node).flatMap(([key, value]) => numericLeaves(value, `${path}.${key}`));
}

describe("computeReport on an empty period", () => {
  const report = computeReport(
    reportInput({
      period: { from: "2030-01-01", to: "2030-06-30" },
      enrolments: [enrolment({ closedDate: "2025-01-01", placements: steps(["2024-10-01", 1], ["2024-12-01", 3]) })],
    }),
  );

  it("has every key of the contract, all zero", () => {
    const expected: ReportJson = {
      period: { from: "2030-01-01", to: "2030-06-30" },
      filters: { insats: null, kommun: null },
      active: {
        total: 0,
        byKommun: {},
        byGender: { kvinna: 0, man: 0 },
        byAgeGroup: {},
        byReferrer: {},
        persons: 0,
        personsByGender: { kvinna: 0, man: 0 },
        personsByKommun: {},
        personsByInsats: {},
        personsByInsatsByGender: {},
        atEnd: { total: 0, byKommun: {}, byGender: { kvinna: 0, man: 0 } },
        byCoordinator: {},
        byCoordinatorByKommun: {},
      },
      newlyEnrolled: {
        total: 0,
        byKommun: {},
        byGender: { kvinna: 0, man: 0 },
        persons: 0,
        personsByGender: { kvinna: 0, man: 0 },
        personsByKommun: {},
        byReferrer: {},
      },
      closed: {
        total: 0,
        byReason: {},
        byCategory: { positive: 0, negative: 0 },
        byKommun: {},
        withPlanAfter: 0,
        byGender: { kvinna: 0, man: 0 },
        byCategoryByGender: { positive: { kvinna: 0, man: 0 }, negative: { kvinna: 0, man: 0 } },
        byReasonByKommun: {},
        byLastStep: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 },
        byReasonByLastStep: {},
        byGroup: {},
      },
      referrals: {
        total: 0,
        byReferrer: {},
        byKommun: {},
        byDecision: { inskriven: 0, konsultation: 0, ej_aktuell: 0, ko: 0, ej_beslutad: 0 },
        byReferrerByKommun: {},
        byDecisionByKommun: { inskriven: {}, konsultation: {}, ej_aktuell: {}, ko: {}, ej_beslutad: {} },
        queueAtEnd: 0,
        queueMedianWaitDays: null,
      },
      studyVisits: { total: 0, byKommun: {} },
      trappan: {
        measured: 0,
        movedUp: 0,
        unchanged: 0,
        movedDown: 0,
        share: 0,
        byGender: { kvinna: { measured: 0, movedUp: 0, share: 0 }, man: { measured: 0, movedUp: 0, share: 0 } },
        byKommun: {},
        baseline: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 },
        current: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 },
        closedWithPlacement: 0,
        closedInUpperPart: 0,
        transitions: Object.fromEntries(["1", "2", "3", "4", "5", "6"].map((step) => [step, { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 }])),
      },
      skapa: {
        active: 0,
        offered: 0,
        assessedTwice: 0,
        progressed: 0,
        areaMeanChange: {},
        areaAnswered: {},
        share: 0,
        offeredShare: 0,
      },
      fov: { answered: 0, yes: 0, answeredByGender: { kvinna: 0, man: 0 }, yesByGender: { kvinna: 0, man: 0 } },
      support: { total: 0, raisedActivity: 0, byType: {} },
      income: { atStart: {}, atEnd: {}, startToEnd: {}, changes: { total: 0, bySource: {} } },
      survey: Object.fromEntries(
        ["support", "influence", "readiness"].map((key) => [
          key,
          { answered: 0, yes: 0, answeredByGender: { kvinna: 0, man: 0 }, yesByGender: { kvinna: 0, man: 0 } },
        ]),
      ) as unknown as ReportJson["survey"],
    };
    expect(report).toEqual(expected);
  });

  it("contains no NaN, null or undefined where a number belongs", () => {
    // The median wait of an empty queue is null by contract: there is no wait to report.
    expect(report.referrals.queueMedianWaitDays).toBeNull();
    const { queueMedianWaitDays: _wait, ...referrals } = report.referrals;
    const { period: _period, filters: _filters, ...numbers } = { ...report, referrals };
    const leaves = numericLeaves(numbers);
    expect(leaves.length).toBeGreaterThan(30);
    for (const [path, value] of leaves) {
      expect(Number.isFinite(value), path).toBe(true);
    }
    expect(JSON.stringify(numbers)).not.toMatch(/null|NaN/);
  });
});

describe("computeReport consistency", () => {
  it("keeps every total equal to the sum of its rows", () => {
    const kommuner = ["Alvesta", "Växjö", "Tingsryd"];
    const enrolments = Array.from({ length: 30 }, (_, i) =>
      enrolment({
        kommun: kommuner[i % 3]!,
        gender: i % 7 === 0 ? "annat" : i % 2 === 0 ? "kvinna" : "man",
        enrolledDate: i % 4 === 0 ? "2025-03-01" : "2024-03-01",
        closedDate: i % 5 === 0 ? "2025-09-01" : null,
        closureReason: i % 5 === 0 ? "Arbete" : null,
      }),
    );
    const r = computeReport(reportInput({ enrolments }));
    const sum = (map: object) => Object.values(map).reduce((a: number, b: number) => a + b, 0);
    expect(r.active.total).toBe(30);
    for (const map of [r.active.byKommun, r.active.byGender, r.active.byAgeGroup, r.active.byReferrer]) {
      expect(sum(map)).toBe(r.active.total);
    }
    expect(sum(r.newlyEnrolled.byKommun)).toBe(r.newlyEnrolled.total);
    expect(sum(r.newlyEnrolled.byGender)).toBe(r.newlyEnrolled.total);
    expect(sum(r.closed.byReason)).toBe(r.closed.total);
  });
});

function syntheticEnrolments(count: number): EnrolmentRecord[] {
  const kommuner = ["Ljungby", "Markaryd", "Älmhult", "Växjö", "Alvesta"];
  return Array.from({ length: count }, (_, i) => {
    const day = (n: number) => `2025-${String((n % 12) + 1).padStart(2, "0")}-${String((n % 28) + 1).padStart(2, "0")}`;
    const placements = Array.from({ length: 4 }, (_, k) => ({ date: day(i + k * 3), step: ((i + k) % 6) + 1, seq: k }));
    return enrolment({
      kommun: kommuner[i % kommuner.length]!,
      gender: i % 2 === 0 ? "kvinna" : "man",
      enrolledDate: "2024-12-01",
      closedDate: i % 3 === 0 ? day(i) : null,
      closureReason: i % 3 === 0 ? "Studier" : null,
      closureCategory: i % 3 === 0 ? "positive" : null,
      placements,
      skapaOffers: [day(i)],
      assessments: Array.from({ length: 3 }, (_, k) => ({
        date: day(i + k * 4),
        scores: { Hälsa: (i + k) % 10, Vardagen: k % 2 === 0 ? null : 5, Samarbete: (i * k) % 10 },
      })),
      fov: [{ date: day(i), outcome: i % 4 === 0 ? "ja" : "nej" }],
      support: Array.from({ length: 7 }, (_, k) => ({ date: day(i + k), type: `Typ ${k}`, raisesActivityLevel: k % 3 === 0 })),
    });
  });
}

// Speed is measured by npm run bench; this checks only that a förbund-sized input is counted whole.
describe("computeReport on a large förbund", () => {
  it("counts 10 000 enrolments with 160 000 events", () => {
    const enrolments = syntheticEnrolments(10_000);
    const events = enrolments.reduce((n, e) => n + e.placements.length + e.skapaOffers.length + e.assessments.length + e.fov.length + e.support.length, 0);
    expect(events).toBe(160_000);
    expect(computeReport(reportInput({ enrolments })).active.total).toBe(10_000);
  });
});
