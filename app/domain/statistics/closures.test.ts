import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { enrolment, reportInput } from "./testing";
import type { ClosureCategory, EnrolmentRecord } from "./types";

const closed = (reason: string | null, category: ClosureCategory | null, extra: Partial<EnrolmentRecord> = {}) =>
  enrolment({ closedDate: "2025-05-01", closureReason: reason, closureCategory: category, ...extra });

describe("closures", () => {
  it("counts closures in the period by reason, category, kommun and plan after closure", () => {
    const r = computeReport(
      reportInput({
        enrolments: [
          closed("Studier", "positive", { kommun: "Växjö", planAfterClosure: true }),
          closed("Studier", "positive", { kommun: "Tingsryd", planAfterClosure: false }),
          closed("Missbruk återfall", "negative", { kommun: "Växjö", planAfterClosure: null }),
          closed("Flytt", "positive", { closedDate: "2024-12-31" }),
        ],
      }),
    );
    expect(r.closed).toEqual({
      total: 3,
      byReason: { "Missbruk återfall": 1, Studier: 2 },
      byCategory: { positive: 2, negative: 1 },
      byKommun: { Tingsryd: 1, Växjö: 2 },
      withPlanAfter: 1,
    });
  });

  it("keeps the total equal to the sum of the reason rows, even without a reason", () => {
    // Seed 004 slip: a printed total that is not the sum of its rows.
    const r = computeReport(reportInput({ enrolments: [closed("Arbete", "positive"), closed(null, null)] }));
    const rows = Object.values(r.closed.byReason).reduce((a, b) => a + b, 0);
    expect(r.closed.byReason).toEqual({ Arbete: 1, "Ej angiven": 1 });
    expect(rows).toBe(r.closed.total);
  });
});
