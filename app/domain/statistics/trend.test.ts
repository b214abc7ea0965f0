import { describe, expect, it } from "vitest";
import { fullYear, janAug, previousPeriod } from "../period";
import { computeReport } from "./index";
import { enrolment, reportInput, steps } from "./testing";
import { TREND_OUTCOME_GROUP, trendMeasures, trendPeriods } from "./trend";
import type { EnrolmentRecord, OutcomeGroupDefinition, ReportJson } from "./types";

const groups: OutcomeGroupDefinition[] = [{ name: TREND_OUTCOME_GROUP, reasons: ["Arbete", "Studier"] }];

const closed = (closedDate: string, closureReason: string, overrides: Partial<EnrolmentRecord> = {}) =>
  enrolment({ closedDate, closureReason, closureCategory: "positive", ...overrides });

// Four years of a small förbund: people enrolled and closed in different years, some moving up.
const enrolments: EnrolmentRecord[] = [
  enrolment({ enrolledDate: "2022-03-01", placements: steps(["2022-03-10", 2], ["2023-05-01", 4]) }),
  closed("2023-09-30", "Arbete", { enrolledDate: "2022-10-01", placements: steps(["2022-10-05", 3], ["2023-02-01", 3]) }),
  closed("2024-02-15", "Studier", { enrolledDate: "2023-01-20" }),
  closed("2025-06-01", "Sjukersättning", { enrolledDate: "2024-04-01", closureCategory: "negative", placements: steps(["2024-04-02", 1], ["2025-03-01", 2]) }),
  enrolment({
    enrolledDate: "2025-01-10",
    assessments: [
      { date: "2025-01-15", scores: { Hälsa: 4 } },
      { date: "2025-05-15", scores: { Hälsa: 6 } },
    ],
  }),
];

function counts(report: ReportJson) {
  return {
    active: report.active.total,
    newlyEnrolled: report.newlyEnrolled.total,
    closed: report.closed.total,
    measured: report.trappan.measured,
    movedUp: report.trappan.movedUp,
    assessedTwice: report.skapa.assessedTwice,
    progressed: report.skapa.progressed,
    closedToWorkOrStudies: report.closed.byGroup[TREND_OUTCOME_GROUP],
  };
}

describe("Utveckling över tid", () => {
  it("counts each year exactly as the report of that year does", () => {
    for (const year of [2022, 2023, 2024, 2025]) {
      const period = fullYear(year);
      const report = computeReport(reportInput({ period, enrolments, outcomeGroups: groups }));
      expect(trendMeasures(enrolments, period, groups), String(year)).toEqual(counts(report));
    }
  });

  it("carries the trend in the report when asked, the report's own year equal to the report", () => {
    const period = fullYear(2025);
    const report = computeReport(reportInput({ period, enrolments, outcomeGroups: groups, trendPeriods: trendPeriods(period, "2022-03-01") }));
    expect(Object.keys(report.trend!)).toEqual(["2022", "2023", "2024", "2025"]);
    expect(report.trend!["2025"]).toEqual(counts(report));
    expect(report.trend!["2023"]!.closedToWorkOrStudies).toBe(1);
    expect(computeReport(reportInput({ period, enrolments })).trend).toBeUndefined();
  });

  it("leaves out the work-or-studies count when the förbund has no such outcome group", () => {
    expect(trendMeasures(enrolments, fullYear(2023)).closedToWorkOrStudies).toBeUndefined();
  });

  it("takes the same dates in each earlier year, five years at most, oldest first", () => {
    expect(trendPeriods(janAug(2026), "2010-01-01")).toEqual([janAug(2022), janAug(2023), janAug(2024), janAug(2025), janAug(2026)]);
    expect(trendPeriods(fullYear(2026), "2010-01-01", 3)).toEqual([fullYear(2024), fullYear(2025), fullYear(2026)]);
  });

  it("shows no year that ended before the förbund's first enrolment, and the year it started in", () => {
    expect(trendPeriods(fullYear(2026), "2024-11-30")).toEqual([fullYear(2024), fullYear(2025), fullYear(2026)]);
    // jan–aug 2024 ended before an enrolment of September 2024: the first year shown is 2025.
    expect(trendPeriods(janAug(2026), "2024-09-01")).toEqual([janAug(2025), janAug(2026)]);
    expect(trendPeriods(fullYear(2026), null)).toEqual([fullYear(2026)]);
  });

  it("has no trend for a period longer than a year (since the start)", () => {
    expect(trendPeriods({ from: "2020-01-01", to: "2026-12-31" }, "2020-01-01")).toEqual([]);
    const twelveMonths = { from: "2025-09-01", to: "2026-08-31" };
    expect(trendPeriods(twelveMonths, "2020-01-01")[0]).toEqual(previousPeriod(previousPeriod(previousPeriod(previousPeriod(twelveMonths)))));
  });
});
