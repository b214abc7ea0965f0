import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { enrolment, H1_2025, reportInput, steps } from "./testing";
import type { EnrolmentRecord } from "./types";

const trappan = (...enrolments: EnrolmentRecord[]) => computeReport(reportInput({ period: H1_2025, enrolments })).trappan;

describe("Trappan: who is measured", () => {
  it("does not measure an enrolment with one placement", () => {
    const t = trappan(enrolment({ placements: steps(["2025-02-01", 2]) }));
    expect([t.measured, t.movedUp, t.share]).toEqual([0, 0, 0]);
  });

  it("ignores placements after the closure date", () => {
    // Counting the placement after closure would turn "moved up" into "moved down".
    const t = trappan(
      enrolment({
        closedDate: "2025-03-15",
        placements: steps(["2025-01-10", 2], ["2025-03-01", 3], ["2025-04-01", 1]),
      }),
    );
    expect([t.measured, t.movedUp, t.movedDown]).toEqual([1, 1, 0]);
    expect(t.current).toEqual({ "1": 0, "2": 0, "3": 1, "4": 0, "5": 0, "6": 0 });
  });

  it("ignores placements after the end of the period", () => {
    const t = trappan(enrolment({ placements: steps(["2025-02-01", 2], ["2025-07-15", 4]) }));
    expect(t.measured).toBe(0);
  });

  it("counts a placement on the last day and one on the closure date", () => {
    const t = trappan(
      enrolment({ placements: steps(["2025-02-01", 2], ["2025-06-30", 4]) }),
      enrolment({ closedDate: "2025-05-01", placements: steps(["2025-02-01", 2], ["2025-05-01", 5]) }),
    );
    expect([t.measured, t.movedUp]).toEqual([2, 2]);
  });

  it("does not measure enrolments that are not active in the period", () => {
    const t = trappan(enrolment({ closedDate: "2024-12-31", placements: steps(["2024-01-10", 1], ["2024-06-01", 4]) }));
    expect(t.measured).toBe(0);
  });

  it("takes the baseline from before the period", () => {
    const t = trappan(enrolment({ placements: steps(["2024-09-01", 1], ["2025-03-01", 1]) }));
    expect([t.measured, t.unchanged]).toEqual([1, 1]);
  });
});

describe("Trappan: ordering of placements", () => {
  it("orders same-date placements by seq, not by array order", () => {
    const up = enrolment({
      placements: [
        { date: "2025-03-01", step: 4, seq: 2 },
        { date: "2025-03-01", step: 2, seq: 1 },
      ],
    });
    const down = enrolment({
      placements: [
        { date: "2025-03-01", step: 4, seq: 1 },
        { date: "2025-03-01", step: 2, seq: 2 },
      ],
    });
    expect([trappan(up).movedUp, trappan(up).movedDown]).toEqual([1, 0]);
    expect([trappan(down).movedUp, trappan(down).movedDown]).toEqual([0, 1]);
  });

  it("finds baseline and current in an unsorted list", () => {
    const t = trappan(
      enrolment({
        placements: [
          { date: "2025-04-01", step: 3, seq: 5 },
          { date: "2025-05-20", step: 5, seq: 9 },
          { date: "2024-10-01", step: 1, seq: 7 },
          { date: "2025-02-01", step: 6, seq: 1 },
        ],
      }),
    );
    expect(t.baseline).toEqual({ "1": 1, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 });
    expect(t.current).toEqual({ "1": 0, "2": 0, "3": 0, "4": 0, "5": 1, "6": 0 });
  });
});

describe("Trappan: counts and shares", () => {
  it("counts moved up, unchanged and moved down with step distributions over the measured", () => {
    const t = trappan(
      enrolment({ placements: steps(["2025-01-10", 1], ["2025-05-01", 4]) }),
      enrolment({ placements: steps(["2025-01-10", 3], ["2025-05-01", 3]) }),
      enrolment({ placements: steps(["2025-01-10", 3], ["2025-03-01", 5], ["2025-05-01", 2]) }),
      enrolment({ placements: steps(["2025-01-10", 6]) }),
    );
    expect(t).toMatchObject({ measured: 3, movedUp: 1, unchanged: 1, movedDown: 1, share: 1 / 3 });
    expect(t.baseline).toEqual({ "1": 1, "2": 0, "3": 2, "4": 0, "5": 0, "6": 0 });
    expect(t.current).toEqual({ "1": 0, "2": 1, "3": 1, "4": 1, "5": 0, "6": 0 });
  });

  it("splits by kön, showing annat only when someone was measured", () => {
    const upWoman = enrolment({ gender: "kvinna", placements: steps(["2025-01-10", 1], ["2025-05-01", 2]) });
    const flatMan = enrolment({ gender: "man", placements: steps(["2025-01-10", 2], ["2025-05-01", 2]) });
    const unmeasuredAnnat = enrolment({ gender: "annat", placements: steps(["2025-01-10", 2]) });
    expect(trappan(upWoman, flatMan, unmeasuredAnnat).byGender).toEqual({
      kvinna: { measured: 1, movedUp: 1, share: 1 },
      man: { measured: 1, movedUp: 0, share: 0 },
    });
    const upAnnat = enrolment({ gender: "annat", placements: steps(["2025-01-10", 2], ["2025-02-01", 3]) });
    expect(trappan(upAnnat).byGender.annat).toEqual({ measured: 1, movedUp: 1, share: 1 });
  });

  it("gives a kommun with active but unmeasured enrolments a 0-of-0 row", () => {
    const t = trappan(enrolment({ kommun: "Lessebo" }));
    expect(t.byKommun).toEqual({ Lessebo: { measured: 0, movedUp: 0, share: 0 } });
  });

  it("computes the overall share from counts, not as the mean of per-kommun shares", () => {
    // Seed 002 slip: the "TOTALT" column averaged the kommun percentages.
    const up = (kommun: string) => enrolment({ kommun, placements: steps(["2025-01-10", 1], ["2025-05-01", 3]) });
    const flat = (kommun: string) => enrolment({ kommun, placements: steps(["2025-01-10", 2], ["2025-05-01", 2]) });
    const t = trappan(up("Karlskrona"), up("Ronneby"), flat("Ronneby"), flat("Ronneby"), flat("Ronneby"));
    expect(t.byKommun).toEqual({
      Karlskrona: { measured: 1, movedUp: 1, share: 1 },
      Ronneby: { measured: 4, movedUp: 1, share: 0.25 },
    });
    expect(t.share).toBe(0.4); // 2 of 5; the mean of 100 % and 25 % would be 62.5 %
    expect(t.measured).toBe(t.byKommun.Karlskrona!.measured + t.byKommun.Ronneby!.measured);
  });
});

describe("Trappan: re-enrolment", () => {
  it("gives each enrolment of the same participant its own baseline", () => {
    // As one person: step 1 -> step 2 = moved up. As two enrolments: up, then unchanged.
    const first = enrolment({
      participantId: "p-1",
      enrolledDate: "2024-06-01",
      closedDate: "2025-02-01",
      placements: steps(["2024-06-01", 1], ["2025-01-15", 3]),
    });
    const second = enrolment({
      participantId: "p-1",
      enrolledDate: "2025-03-01",
      placements: steps(["2025-03-01", 2], ["2025-05-01", 2]),
    });
    const t = trappan(first, second);
    expect([t.measured, t.movedUp, t.unchanged]).toEqual([2, 1, 1]);
  });
});

describe("Trappan: closed enrolments", () => {
  it("counts a closure without placements as closed but not as closed with a placement", () => {
    const report = computeReport(reportInput({ period: H1_2025, enrolments: [enrolment({ closedDate: "2025-03-01", closureReason: "Flytt" })] }));
    expect(report.closed.total).toBe(1);
    expect([report.trappan.closedWithPlacement, report.trappan.closedInUpperPart]).toEqual([0, 0]);
  });

  it("counts closures whose last placement up to the closure date is step 4 or higher", () => {
    const t = trappan(
      enrolment({ closedDate: "2025-04-01", placements: steps(["2025-01-10", 2], ["2025-03-01", 4]) }),
      enrolment({ closedDate: "2025-04-01", placements: steps(["2025-01-10", 3]) }),
      // Step 6 only after the closure: ended on step 3.
      enrolment({ closedDate: "2025-04-01", placements: steps(["2025-01-10", 3], ["2025-04-02", 6]) }),
      // Not closed in the period.
      enrolment({ placements: steps(["2025-01-10", 5]) }),
    );
    expect([t.closedWithPlacement, t.closedInUpperPart]).toEqual([3, 1]);
  });
});

describe("Trappan: transitions from baseline to current step", () => {
  const NO_STEPS = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 };

  it("crosses the measured participants' baseline step with their current step", () => {
    const t = trappan(
      enrolment({ placements: steps(["2025-01-10", 2], ["2025-03-01", 4]) }),
      enrolment({ placements: steps(["2025-01-10", 2], ["2025-02-01", 3], ["2025-05-01", 4]) }),
      enrolment({ placements: steps(["2025-01-10", 3], ["2025-05-01", 3]) }),
      enrolment({ placements: steps(["2025-01-10", 5], ["2025-05-01", 2]) }),
      // One placement: not measured, so in no cell.
      enrolment({ placements: steps(["2025-01-10", 1]) }),
    );
    expect(t.transitions).toEqual({
      "1": NO_STEPS,
      "2": { ...NO_STEPS, "4": 2 },
      "3": { ...NO_STEPS, "3": 1 },
      "4": NO_STEPS,
      "5": { ...NO_STEPS, "2": 1 },
      "6": NO_STEPS,
    });
    // Rows sum to the baseline distribution, columns to the current one.
    for (const step of Object.keys(NO_STEPS)) {
      expect(Object.values(t.transitions[step]!).reduce((a, b) => a + b, 0)).toBe(t.baseline[step]);
      expect(Object.values(t.transitions).reduce((sum, row) => sum + row[step]!, 0)).toBe(t.current[step]);
    }
  });

  it("takes the current step as of the closure, not a later placement", () => {
    const t = trappan(enrolment({ closedDate: "2025-03-15", placements: steps(["2025-01-10", 2], ["2025-03-01", 3], ["2025-04-01", 1]) }));
    expect(t.transitions["2"]).toEqual({ ...NO_STEPS, "3": 1 });
  });
});
