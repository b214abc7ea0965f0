import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { enrolment, reportInput } from "./testing";

const labels = {
  kommuner: ["Alvesta", "Lessebo", "Växjö"],
  referrers: ["Arbetsförmedlingen", "Försäkringskassan"],
  closureReasons: ["Arbete", "Flytt"],
  supportTypes: ["Praktik"],
  ageGroups: ["16–19", "30–39"],
};

describe("zero rows", () => {
  it("lists every configured label at 0 where nothing was counted (seed 004: Lessebo 0, Arbetsförmedlingen 0)", () => {
    const report = computeReport(reportInput({ labels, enrolments: [enrolment({ kommun: "Växjö", referrer: "Försäkringskassan", ageGroup: "30–39" })] }));
    expect(report.active.byKommun).toEqual({ Växjö: 1, Alvesta: 0, Lessebo: 0 });
    expect(report.active.byReferrer).toEqual({ Försäkringskassan: 1, Arbetsförmedlingen: 0 });
    expect(report.active.byAgeGroup).toEqual({ "30–39": 1, "16–19": 0 });
    expect(report.closed.byReason).toEqual({ Arbete: 0, Flytt: 0 });
    expect(report.support.byType).toEqual({ Praktik: { total: 0, raisedActivity: 0 } });
    expect(report.trappan.byKommun.Lessebo).toEqual({ measured: 0, movedUp: 0, share: 0 });
    expect(report.active.total).toBe(1);
  });

  it("keeps only the chosen kommun under a kommun filter, and adds nothing without configured lists", () => {
    const filtered = computeReport(reportInput({ labels, filters: { insats: null, kommun: "Lessebo" }, enrolments: [enrolment({ kommun: "Växjö" })] }));
    expect(filtered.active.byKommun).toEqual({ Lessebo: 0 });
    expect(computeReport(reportInput({ enrolments: [enrolment({ kommun: "Växjö" })] })).active.byKommun).toEqual({ Växjö: 1 });
  });
});
