import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { enrolment, H1_2025, reportInput } from "./testing";
import type { EnrolmentRecord, SkapaAssessment } from "./types";

const skapa = (...enrolments: EnrolmentRecord[]) => computeReport(reportInput({ period: H1_2025, enrolments })).skapa;

const assessed = (date: string, scores: SkapaAssessment["scores"]): SkapaAssessment => ({ date, scores });

describe("SKAPA progression", () => {
  it("compares only the areas answered in both assessments", () => {
    // Common areas Hälsa and Samarbete: mean 5 -> 5.5. Vardagen (answered later only) and
    // Jobbsökning (first only) are left out; with them the mean would fall.
    const s = skapa(
      enrolment({
        assessments: [
          assessed("2025-01-15", { Hälsa: 4, Vardagen: null, Samarbete: 6, Jobbsökning: 9 }),
          assessed("2025-04-15", { Hälsa: 5, Vardagen: 1, Samarbete: 6 }),
        ],
      }),
    );
    expect([s.assessedTwice, s.progressed]).toEqual([1, 1]);
    expect(s.areaMeanChange).toEqual({ Hälsa: 1, Samarbete: 0 });
    expect(s.areaAnswered).toEqual({ Hälsa: 1, Samarbete: 1 });
  });

  it("does not count progression when no area was answered in both", () => {
    const s = skapa(
      enrolment({
        assessments: [assessed("2025-01-15", { Hälsa: 4 }), assessed("2025-04-15", { Vardagen: 7, Hälsa: null })],
      }),
    );
    expect([s.assessedTwice, s.progressed, s.share]).toEqual([1, 0, 0]);
    expect(s.areaMeanChange).toEqual({});
  });

  it("does not count an unchanged or falling mean as progression", () => {
    const s = skapa(
      enrolment({ assessments: [assessed("2025-01-15", { Hälsa: 4, Vardagen: 6 }), assessed("2025-04-15", { Hälsa: 6, Vardagen: 4 })] }),
      enrolment({ assessments: [assessed("2025-01-15", { Hälsa: 4 }), assessed("2025-04-15", { Hälsa: 3 })] }),
    );
    expect([s.assessedTwice, s.progressed]).toEqual([2, 0]);
    expect(s.areaMeanChange).toEqual({ Hälsa: 0.5, Vardagen: -2 });
  });

  it("uses the earliest and latest assessment up to min(to, closure date)", () => {
    const s = skapa(
      enrolment({
        closedDate: "2025-05-01",
        assessments: [
          assessed("2025-04-20", { Hälsa: 5 }),
          assessed("2025-05-02", { Hälsa: 1 }), // after closure
          assessed("2025-01-10", { Hälsa: 3 }),
        ],
      }),
      enrolment({ assessments: [assessed("2025-03-01", { Hälsa: 3 }), assessed("2025-07-01", { Hälsa: 9 })] }),
    );
    expect([s.active, s.assessedTwice, s.progressed]).toEqual([2, 1, 1]);
    expect(s.areaMeanChange).toEqual({ Hälsa: 2 });
  });

  it("averages each area's change over the enrolments that answered it in both", () => {
    const s = skapa(
      enrolment({ assessments: [assessed("2025-01-10", { Hälsa: 2, Vardagen: 2 }), assessed("2025-03-10", { Hälsa: 3, Vardagen: 5 })] }),
      enrolment({ assessments: [assessed("2025-01-10", { Hälsa: 2 }), assessed("2025-03-10", { Hälsa: 4, Vardagen: 9 })] }),
      enrolment({ assessments: [assessed("2025-01-10", { Hälsa: 2 })] }),
    );
    expect(s.areaMeanChange).toEqual({ Hälsa: 1.5, Vardagen: 3 });
    expect(s.areaAnswered).toEqual({ Hälsa: 2, Vardagen: 1 });
    expect([s.assessedTwice, s.progressed, s.share]).toEqual([2, 2, 1]);
  });
});

describe("SKAPA offered", () => {
  it("counts active enrolments offered on or before the end of the period", () => {
    const s = skapa(
      enrolment({ skapaOffers: ["2024-11-01"] }),
      enrolment({ skapaOffers: ["2025-06-30"] }),
      enrolment({ skapaOffers: ["2025-07-01"] }),
      enrolment({ skapaOffers: [] }),
      enrolment({ closedDate: "2024-12-01", skapaOffers: ["2024-10-01"] }), // not active
    );
    expect([s.active, s.offered, s.offeredShare]).toEqual([4, 2, 0.5]);
  });
});
