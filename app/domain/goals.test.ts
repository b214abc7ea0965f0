import { describe, expect, it } from "vitest";
import {
  achievementLabel,
  goalFollowUp,
  goalFollowUpFromRecords,
  goalInputs,
  goalMetricLabel,
  GOAL_METRIC_KEYS,
  isGoalMetric,
  periodTarget,
  periodYear,
  targetsForPeriod,
} from "./goals";
import { enrolment, reportInput, steps } from "./statistics/testing";
import { computeReport } from "./statistics";
import type { EnrolmentRecord, Gender } from "./statistics/types";

const upIn = (year: number, gender: Gender): EnrolmentRecord =>
  enrolment({ gender, enrolledDate: `${year}-01-05`, placements: steps([`${year}-01-10`, 1], [`${year}-05-01`, 3]) });
const flatIn = (year: number, gender: Gender): EnrolmentRecord =>
  enrolment({ gender, enrolledDate: `${year}-01-05`, placements: steps([`${year}-01-10`, 2], [`${year}-05-01`, 2]) });
const closedIn2025 = (gender: Gender, answers: Partial<EnrolmentRecord>): EnrolmentRecord =>
  enrolment({ gender, closedDate: "2025-10-01", closureReason: "Arbete", closureCategory: "positive", ...answers });

describe("goal metrics", () => {
  it("have Swedish labels and a type guard", () => {
    expect(goalMetricLabel("trappan_share")).toBe("Stegförflyttning");
    expect(isGoalMetric("survey_support_share")).toBe(true);
    expect(isGoalMetric("toString")).toBe(false);
    expect(GOAL_METRIC_KEYS).toContain("new_enrolments");
    expect(achievementLabel(true)).toBe("Uppnått");
    expect(achievementLabel(false)).toBe("Ej uppnått");
  });
});

describe("goalInputs", () => {
  it("computes Stegförflyttning overall and by kön", () => {
    // Enrolled in 2025 and open, so neither is active in 2024.
    const input = reportInput({ enrolments: [upIn(2025, "kvinna"), flatIn(2025, "kvinna"), upIn(2025, "man")] });
    expect(goalInputs(input).trappan_share).toEqual({
      total: { numerator: 2, denominator: 3, value: 2 / 3 },
      byGender: {
        kvinna: { numerator: 1, denominator: 2, value: 0.5 },
        man: { numerator: 1, denominator: 1, value: 1 },
      },
    });
  });

  it("computes survey shares among closures with an answer, leaving out unanswered", () => {
    const input = reportInput({
      enrolments: [
        closedIn2025("kvinna", { surveySupport: true, planAfterClosure: true }),
        closedIn2025("kvinna", { surveySupport: false }),
        closedIn2025("man", { surveySupport: null }),
        closedIn2025("annat", { surveySupport: true }),
      ],
    });
    const goals = goalInputs(input);
    expect(goals.survey_support_share.total).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(goals.survey_support_share.byGender).toEqual({
      kvinna: { numerator: 1, denominator: 2, value: 0.5 },
      man: { numerator: 0, denominator: 0, value: 0 },
      annat: { numerator: 1, denominator: 1, value: 1 },
    });
    // Plan after closure: a missing answer counts as no plan.
    expect(goals.closed_with_plan_share.total).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
  });

  it("gives counts as numerator with denominator 1", () => {
    const input = reportInput({ enrolments: [upIn(2025, "kvinna"), upIn(2025, "man"), enrolment({ enrolledDate: "2024-02-01" })] });
    const goals = goalInputs(input);
    expect(goals.new_enrolments.total).toEqual({ numerator: 2, denominator: 1, value: 2 });
    expect(goals.active.total).toEqual({ numerator: 3, denominator: 1, value: 3 });
    expect(goals.active.byGender).toEqual({
      kvinna: { numerator: 2, denominator: 1, value: 2 },
      man: { numerator: 1, denominator: 1, value: 1 },
    });
  });

  it("computes SKAPA offered and progressed and the upper part at closure", () => {
    const input = reportInput({
      enrolments: [
        enrolment({
          skapaOffers: ["2025-01-01"],
          assessments: [
            { date: "2025-01-10", scores: { Hälsa: 3 } },
            { date: "2025-04-10", scores: { Hälsa: 4 } },
          ],
        }),
        enrolment({ closedDate: "2025-06-01", placements: steps(["2025-01-10", 2], ["2025-05-01", 4]) }),
      ],
    });
    const goals = goalInputs(input);
    expect(goals.skapa_offered_share.total).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(goals.skapa_progressed_share.total).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(goals.trappan_upper_part_share.total).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it("applies the insats and kommun filters", () => {
    const input = reportInput({
      filters: { insats: null, kommun: "Markaryd" },
      enrolments: [enrolment({ kommun: "Markaryd" }), enrolment({ kommun: "Ljungby" })],
    });
    expect(goalInputs(input).active.total.numerator).toBe(1);
  });
});

describe("periodTarget", () => {
  it("gives a count goal its part of the year in a delår, and keeps shares and whole years as set", () => {
    // jan–aug 2025: 80 × 243 / 365 = 53,3, so 54 people reach it.
    expect(periodTarget("count", 80, { from: "2025-01-01", to: "2025-08-31" })).toBe(54);
    // jan–jun 2024, a leap year: 80 × 182 / 366 = 39,8.
    expect(periodTarget("count", 80, { from: "2024-01-01", to: "2024-06-30" })).toBe(40);
    // Exactly half of 2 × 365 days: no rounding up past an exact value.
    expect(periodTarget("count", 730, { from: "2025-01-01", to: "2025-06-30" })).toBe(362);
    expect(periodTarget("count", 80, { from: "2025-01-01", to: "2025-12-31" })).toBe(80);
    expect(periodTarget("share", 0.8, { from: "2025-01-01", to: "2025-06-30" })).toBe(0.8);
    expect(periodTarget("count", 80, { from: "2024-07-01", to: "2025-06-30" })).toBe(80);
  });

  it("judges a delår count goal against the pro-rata target", () => {
    const input = reportInput({
      period: { from: "2025-01-01", to: "2025-06-30" },
      enrolments: Array.from({ length: 45 }, () => enrolment({ enrolledDate: "2025-02-01" })),
    });
    const [row] = goalFollowUpFromRecords([{ metric: "new_enrolments", value: 80 }], input);
    expect(row?.periodTarget).toBe(40); // 80 × 181 / 365 = 39,7
    expect(row?.achieved).toBe(true);
  });
});

describe("goalFollowUp", () => {
  const input = reportInput({
    enrolments: [
      // 2025: 4 of 5 moved up = 80 %. 2024: 1 of 2 = 50 %.
      upIn(2025, "kvinna"),
      upIn(2025, "kvinna"),
      upIn(2025, "man"),
      upIn(2025, "man"),
      flatIn(2025, "man"),
      enrolment({ enrolledDate: "2024-01-05", closedDate: "2024-12-01", placements: steps(["2024-01-10", 1], ["2024-06-01", 2]) }),
      enrolment({ enrolledDate: "2024-01-05", closedDate: "2024-12-01", placements: steps(["2024-01-10", 2], ["2024-06-01", 2]) }),
    ],
  });

  it("reports target, outcome by kön, the previous year and uppnått when the outcome reaches the target", () => {
    const [row] = goalFollowUpFromRecords([{ metric: "trappan_share", value: 0.8 }], input);
    expect(row).toEqual({
      key: "trappan_share",
      metric: "trappan_share",
      outcomeGroup: null,
      label: "Stegförflyttning",
      kind: "share",
      target: 0.8,
      periodTarget: 0.8,
      outcome: { numerator: 4, denominator: 5, value: 0.8 },
      byGender: {
        kvinna: { numerator: 2, denominator: 2, value: 1 },
        man: { numerator: 2, denominator: 3, value: 2 / 3 },
      },
      previous: { numerator: 1, denominator: 2, value: 0.5 },
      previousByGender: {
        kvinna: { numerator: 1, denominator: 2, value: 0.5 },
        man: { numerator: 0, denominator: 0, value: 0 },
      },
      achieved: true,
    });
  });

  it("is not achieved below the target", () => {
    const [row] = goalFollowUpFromRecords([{ metric: "trappan_share", value: 0.81 }], input);
    expect(row?.achieved).toBe(false);
  });

  it("is never achieved when nothing was measured, even with a target of 0", () => {
    const empty = goalInputs(reportInput());
    const [row] = goalFollowUp([{ metric: "survey_readiness_share", value: 0 }], empty, empty);
    expect(row?.outcome).toEqual({ numerator: 0, denominator: 0, value: 0 });
    expect(row?.achieved).toBe(false);
  });

  it("compares count goals with the count", () => {
    const goals = goalInputs(input);
    const rows = goalFollowUp(
      [
        { metric: "new_enrolments", value: 5 },
        { metric: "active", value: 6 },
      ],
      goals,
      goals,
    );
    expect(rows.map((row) => [row.metric, row.kind, row.outcome.value, row.achieved])).toEqual([
      ["new_enrolments", "count", 5, true],
      ["active", "count", 5, false],
    ]);
  });
});

describe("targetsForPeriod", () => {
  const targets = [
    { metric: "new_enrolments", value: 20, year: null },
    { metric: "new_enrolments", value: 12, year: 2025 },
    { metric: "new_enrolments", value: 25, year: 2026 },
    { metric: "trappan_share", value: 0.8, year: null },
    { metric: "active", value: 40, year: 2024 },
  ] as const;

  it("chooses the target for the period's year over the one without a year", () => {
    expect(targetsForPeriod(targets, { from: "2025-01-01", to: "2025-06-30" })).toEqual([
      { metric: "trappan_share", value: 0.8 },
      { metric: "new_enrolments", value: 12 },
    ]);
    expect(targetsForPeriod(targets, { from: "2026-01-01", to: "2026-12-31" })).toContainEqual({ metric: "new_enrolments", value: 25 });
  });

  it("uses the target without a year for a year that has none, and leaves out other years' targets", () => {
    expect(targetsForPeriod(targets, { from: "2027-01-01", to: "2027-12-31" })).toEqual([
      { metric: "trappan_share", value: 0.8 },
      { metric: "new_enrolments", value: 20 },
    ]);
  });

  it("gives a period across years the targets without a year", () => {
    expect(periodYear({ from: "2024-07-01", to: "2025-06-30" })).toBeNull();
    expect(targetsForPeriod(targets, { from: "2024-07-01", to: "2025-06-30" })).toEqual([
      { metric: "trappan_share", value: 0.8 },
      { metric: "new_enrolments", value: 20 },
    ]);
  });

  it("leaves out metrics it does not know", () => {
    expect(targetsForPeriod([{ metric: "gone" as never, value: 1, year: null }], { from: "2025-01-01", to: "2025-12-31" })).toEqual([]);
  });
});

describe("active persons", () => {
  it("counts a person re-enrolled in the period once, by kön too", () => {
    const first = enrolment({
      participantId: "p1",
      gender: "kvinna",
      enrolledDate: "2025-01-05",
      closedDate: "2025-03-01",
      closureReason: "Arbete",
      closureCategory: "positive",
    });
    const again = enrolment({ participantId: "p1", gender: "kvinna", enrolledDate: "2025-05-01" });
    const other = enrolment({ participantId: "p2", gender: "man", enrolledDate: "2025-02-01" });
    const goals = goalInputs(reportInput({ enrolments: [first, again, other] }));
    expect(goals.active.total.value).toBe(3);
    expect(goals.active_persons.total).toEqual({ numerator: 2, denominator: 1, value: 2 });
    expect(goals.active_persons.byGender.kvinna.value).toBe(1);
    expect(goals.active_persons.byGender.man.value).toBe(1);
  });

  it("counts a person whose kön changed between enrolments once in total and once in each kön", () => {
    const before = enrolment({
      participantId: "p1",
      gender: "kvinna",
      enrolledDate: "2025-01-05",
      closedDate: "2025-03-01",
      closureReason: "Arbete",
      closureCategory: "positive",
    });
    const after = enrolment({ participantId: "p1", gender: "annat", enrolledDate: "2025-05-01" });
    const goals = goalInputs(reportInput({ enrolments: [before, after] }));
    expect(goals.active_persons.total.value).toBe(1);
    expect(goals.active_persons.byGender.kvinna.value).toBe(1);
    expect(goals.active_persons.byGender.annat?.value).toBe(1);
  });

  it("restates the report's active persons, overall and by kön", () => {
    const input = reportInput({
      enrolments: [
        enrolment({
          participantId: "p1",
          gender: "kvinna",
          enrolledDate: "2024-03-01",
          closedDate: "2025-02-01",
          closureReason: "Arbete",
          closureCategory: "positive",
        }),
        enrolment({ participantId: "p1", gender: "kvinna", enrolledDate: "2025-04-01" }),
        enrolment({
          participantId: "p2",
          gender: "man",
          enrolledDate: "2023-01-01",
          closedDate: "2024-12-31",
          closureReason: "Arbete",
          closureCategory: "positive",
        }),
        enrolment({ participantId: "p3", gender: "man", enrolledDate: "2025-12-31" }),
      ],
    });
    const report = computeReport(input);
    const goals = goalInputs(input);
    expect(goals.active_persons.total.value).toBe(report.active.persons);
    expect(goals.active_persons.byGender.kvinna.value).toBe(report.active.personsByGender.kvinna);
    expect(goals.active_persons.byGender.man.value).toBe(report.active.personsByGender.man);
  });
});

describe("consultations", () => {
  const referral = (date: string, decision: "konsultation" | "inskriven" | null, kommun = "Ljungby") => ({
    date,
    referrer: "Försäkringskassan",
    kommun,
    insats: "SamSteg",
    decision,
    enrolledDate: null,
  });

  it("counts the period's referrals with the decision konsultation, as the report does, and has no kön", () => {
    const input = reportInput({
      referrals: [
        referral("2025-03-01", "konsultation"),
        referral("2025-12-31", "konsultation", "Markaryd"),
        referral("2024-12-31", "konsultation"),
        referral("2025-05-01", "inskriven"),
        referral("2025-05-02", null),
      ],
    });
    const goals = goalInputs(input);
    expect(goals.consultations.total).toEqual({ numerator: 2, denominator: 1, value: 2 });
    expect(goals.consultations.total.value).toBe(computeReport(input).referrals.byDecision.konsultation);
    expect(goals.consultations.byGender).toEqual({ kvinna: { numerator: 0, denominator: 0, value: 0 }, man: { numerator: 0, denominator: 0, value: 0 } });
    expect(goalInputs({ ...input, filters: { insats: null, kommun: "Markaryd" } }).consultations.total.value).toBe(1);
  });

  it("is judged on the total alone", () => {
    const input = reportInput({ referrals: [referral("2025-03-01", "konsultation")] });
    const [row] = goalFollowUpFromRecords([{ metric: "consultations", value: 1 }], input);
    expect(row!.achieved).toBe(true);
    expect(row!.previous.value).toBe(0);
  });
});

describe("outcome group share", () => {
  const groups = [
    { name: "Arbete eller studier", reasons: ["Arbete", "Studier"] },
    { name: "Arbete, studier eller rätt försörjning", reasons: ["Arbete", "Studier", "Hel sjukersättning"] },
  ];
  const closed = (gender: Gender, closureReason: string, closedDate = "2025-10-01") =>
    enrolment({ gender, closedDate, closureReason, closureCategory: closureReason === "Flytt" ? "negative" : "positive" });
  const input = reportInput({
    outcomeGroups: groups,
    enrolments: [
      closed("kvinna", "Arbete"),
      closed("kvinna", "Hel sjukersättning"),
      closed("man", "Studier"),
      closed("man", "Flytt"),
      closed("man", "Arbete", "2024-10-01"),
    ],
  });

  it("is the group's closures over all closures, as closed.byGroup counts them, overall and by kön; a reason in two groups counts in both", () => {
    const goals = goalInputs(input);
    const report = computeReport(input);
    expect(goals.byOutcomeGroup["Arbete eller studier"]!.total).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(goals.byOutcomeGroup["Arbete, studier eller rätt försörjning"]!.total).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(goals.byOutcomeGroup["Arbete eller studier"]!.total.numerator).toBe(report.closed.byGroup["Arbete eller studier"]);
    expect(goals.byOutcomeGroup["Arbete eller studier"]!.total.denominator).toBe(report.closed.total);
    expect(goals.byOutcomeGroup["Arbete eller studier"]!.byGender).toEqual({
      kvinna: { numerator: 1, denominator: 2, value: 0.5 },
      man: { numerator: 1, denominator: 2, value: 0.5 },
    });
  });

  it("is one goal per group, named by it, judged as a share, with the previous period", () => {
    const rows = goalFollowUpFromRecords(
      [
        { metric: "outcome_group_share", outcomeGroup: "Arbete, studier eller rätt försörjning", value: 0.59 },
        { metric: "outcome_group_share", outcomeGroup: "Arbete eller studier", value: 0.6 },
      ],
      input,
    );
    expect(rows.map((row) => [row.key, row.label, row.kind, row.achieved])).toEqual([
      ["outcome_group_share:Arbete, studier eller rätt försörjning", "Avslutade: Arbete, studier eller rätt försörjning", "share", true],
      ["outcome_group_share:Arbete eller studier", "Avslutade: Arbete eller studier", "share", false],
    ]);
    expect(rows[1]!.previous).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(rows[1]!.periodTarget).toBe(0.6);
  });

  it("has nothing measured for a group the report does not know, and is then not achieved", () => {
    const [row] = goalFollowUpFromRecords([{ metric: "outcome_group_share", outcomeGroup: "Borttagen", value: 0 }], input);
    expect(row!.outcome.denominator).toBe(0);
    expect(row!.achieved).toBe(false);
  });

  it("keeps a target per group and year, after the metric goals", () => {
    const targets = [
      { metric: "outcome_group_share", outcomeGroup: "Arbete eller studier", value: 0.5, year: null },
      { metric: "outcome_group_share", outcomeGroup: "Arbete eller studier", value: 0.55, year: 2025 },
      { metric: "outcome_group_share", outcomeGroup: "Rätt försörjning", value: 0.2, year: null },
      { metric: "trappan_share", value: 0.8, year: null },
    ] as const;
    expect(targetsForPeriod(targets, { from: "2025-01-01", to: "2025-12-31" })).toEqual([
      { metric: "trappan_share", value: 0.8 },
      { metric: "outcome_group_share", outcomeGroup: "Arbete eller studier", value: 0.55 },
      { metric: "outcome_group_share", outcomeGroup: "Rätt försörjning", value: 0.2 },
    ]);
    // A group goal without its group is no goal.
    expect(targetsForPeriod([{ metric: "outcome_group_share", value: 0.5, year: null }], { from: "2025-01-01", to: "2025-12-31" })).toEqual([]);
  });
});
