import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { enrolment, H1_2025, reportInput } from "./testing";

describe("support (stödinsatser)", () => {
  it("counts interventions dated in the period by type and raised activity level", () => {
    const r = computeReport(
      reportInput({
        period: H1_2025,
        enrolments: [
          enrolment({
            support: [
              { date: "2025-01-01", type: "Kommunal arbetsträning", raisesActivityLevel: true },
              { date: "2025-06-30", type: "Färdtjänst", raisesActivityLevel: false },
              { date: "2024-12-31", type: "Färdtjänst", raisesActivityLevel: false },
              { date: "2025-07-01", type: "Kommunal arbetsträning", raisesActivityLevel: true },
            ],
          }),
          enrolment({ support: [{ date: "2025-03-01", type: "Kommunal arbetsträning", raisesActivityLevel: false }] }),
        ],
      }),
    );
    expect(r.support).toEqual({
      total: 3,
      raisedActivity: 1,
      byType: {
        Färdtjänst: { total: 1, raisedActivity: 0 },
        "Kommunal arbetsträning": { total: 2, raisedActivity: 1 },
      },
    });
  });
});
