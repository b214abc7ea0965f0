import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { cellKey, displayCount, fovByGenderSafe, isSuppressed, suppressedCells } from "./suppression";
import { enrolment, reportInput, steps } from "./testing";

describe("isSuppressed and displayCount", () => {
  it("hides 1..threshold−1 and shows zero and the threshold itself", () => {
    expect([0, 1, 2, 3, 4].map((n) => isSuppressed(n, 3))).toEqual([false, true, true, false, false]);
    expect([0, 1, 2, 3].map((n) => displayCount(n, 3))).toEqual([0, "färre än 3", "färre än 3", 3]);
  });

  it("hides nothing with a threshold of 1", () => {
    expect(displayCount(1, 1)).toBe(1);
  });
});

describe("suppressedCells", () => {
  const up = (kommun: string) => enrolment({ kommun, placements: steps(["2025-01-10", 1], ["2025-05-01", 3]) });
  const report = computeReport(
    reportInput({
      enrolments: [
        up("Växjö"),
        up("Växjö"),
        up("Växjö"),
        up("share"), // a kommun whose name is a field name elsewhere is still a count cell
        enrolment({
          kommun: "Växjö",
          assessments: [
            { date: "2025-01-10", scores: { Hälsa: 3 } },
            { date: "2025-03-10", scores: { Hälsa: 5 } },
          ],
        }),
      ],
    }),
  );
  const hidden = new Set(suppressedCells(report, 3).map(cellKey));

  it("lists counts below the threshold by their path", () => {
    expect(hidden.has(cellKey(["active", "byKommun", "share"]))).toBe(true);
    expect(hidden.has(cellKey(["trappan", "byKommun", "share", "measured"]))).toBe(true);
    expect(hidden.has(cellKey(["active", "byKommun", "Växjö"]))).toBe(false);
    expect(hidden.has(cellKey(["trappan", "byKommun", "Växjö", "measured"]))).toBe(false);
  });

  it("hides a share or mean computed from hidden counts", () => {
    expect(hidden.has(cellKey(["trappan", "byKommun", "share", "share"]))).toBe(true);
    expect(hidden.has(cellKey(["skapa", "share"]))).toBe(true);
    expect(hidden.has(cellKey(["skapa", "areaMeanChange", "Hälsa"]))).toBe(true);
    expect(hidden.has(cellKey(["trappan", "share"]))).toBe(false);
    expect(hidden.has(cellKey(["skapa", "offeredShare"]))).toBe(false);
  });

  it("never lists zeros, shares of shown counts or the period", () => {
    expect(hidden.has(cellKey(["active", "byGender", "man"]))).toBe(false);
    expect(hidden.has(cellKey(["trappan", "byKommun", "Växjö", "share"]))).toBe(false);
    expect([...hidden].some((key) => key.includes("period"))).toBe(false);
  });
});

describe("fovByGenderSafe", () => {
  it("always hides FOV counts by kön below the threshold", () => {
    const ja = (gender: "kvinna" | "man" | "annat") => enrolment({ gender, fov: [{ date: "2025-02-01", outcome: "ja" }] });
    const report = computeReport(reportInput({ enrolments: [ja("kvinna"), ja("kvinna"), ja("kvinna"), ja("man"), ja("annat")] }));
    expect(fovByGenderSafe(report, 3)).toEqual({
      answeredByGender: { kvinna: 3, man: "färre än 3", annat: "färre än 3" },
      yesByGender: { kvinna: 3, man: "färre än 3", annat: "färre än 3" },
    });
  });

  it("leaves out annat when the report does", () => {
    const report = computeReport(reportInput({ enrolments: [] }));
    expect(fovByGenderSafe(report, 3).yesByGender).toEqual({ kvinna: 0, man: 0 });
  });
});
