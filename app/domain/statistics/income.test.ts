import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { enrolment, reportInput } from "./testing";

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe("income (försörjning)", () => {
  it("counts active enrolments by försörjning at start, with ej angiven when none was recorded", () => {
    const r = computeReport(
      reportInput({
        enrolments: [
          enrolment({ incomeStart: "Aktivitetsersättning" }),
          enrolment({ incomeStart: "Aktivitetsersättning", closedDate: "2025-03-01" }),
          enrolment({ incomeStart: "Sjukpenning" }),
          enrolment({ incomeStart: null }),
          // Closed before the period: not active, not counted.
          enrolment({ incomeStart: "Lön", closedDate: "2024-12-31" }),
          // Enrolled after the period.
          enrolment({ incomeStart: "Lön", enrolledDate: "2026-01-02" }),
        ],
      }),
    );
    expect(r.income.atStart).toEqual({ Aktivitetsersättning: 2, "ej angiven": 1, Sjukpenning: 1 });
    expect(sum(r.income.atStart)).toBe(r.active.total);
  });

  it("counts a closure with no försörjning at end as ej angiven, at end and in start → end", () => {
    const r = computeReport(
      reportInput({
        enrolments: [
          enrolment({ closedDate: "2025-05-01", incomeStart: "Sjukpenning", incomeEnd: "Lön" }),
          enrolment({ closedDate: "2025-06-01", incomeStart: "Sjukpenning", incomeEnd: "Lön" }),
          enrolment({ closedDate: "2025-07-01", incomeStart: "Sjukpenning", incomeEnd: null }),
          enrolment({ closedDate: "2025-08-01", incomeStart: null, incomeEnd: "Studiemedel" }),
          // Open: in atStart only.
          enrolment({ incomeStart: "Sjukpenning", incomeEnd: null }),
          // Closed after the period: active, not closed in it.
          enrolment({ closedDate: "2026-02-01", incomeStart: "Sjukpenning", incomeEnd: "Lön" }),
        ],
      }),
    );
    expect(r.income.atEnd).toEqual({ "ej angiven": 1, Lön: 2, Studiemedel: 1 });
    expect(r.income.startToEnd).toEqual({
      "ej angiven": { Studiemedel: 1 },
      Sjukpenning: { "ej angiven": 1, Lön: 2 },
    });
    expect(sum(r.income.atEnd)).toBe(r.closed.total);
    const rows = Object.values(r.income.startToEnd).map(sum);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(r.closed.total);
    // Each start row is the closed enrolments with that start; its column sums are atEnd.
    const columns = new Map<string, number>();
    for (const ends of Object.values(r.income.startToEnd)) for (const [end, n] of Object.entries(ends)) columns.set(end, (columns.get(end) ?? 0) + n);
    expect(Object.fromEntries(columns)).toEqual(r.income.atEnd);
  });

  it("counts changes dated in the period on active enrolments, by the new försörjning", () => {
    const r = computeReport(
      reportInput({
        enrolments: [
          enrolment({
            incomeStart: "Sjukpenning",
            incomeChanges: [
              { date: "2024-11-01", source: "Aktivitetsstöd" }, // before the period
              { date: "2025-02-01", source: "Lön" },
              { date: "2025-12-31", source: "Studiemedel" },
            ],
          }),
          enrolment({ closedDate: "2025-04-01", incomeChanges: [{ date: "2025-03-01", source: "Lön" }] }),
          // Not active in the period.
          enrolment({ closedDate: "2024-10-01", incomeChanges: [{ date: "2024-09-15", source: "Lön" }] }),
          enrolment({ enrolledDate: "2026-01-05", incomeChanges: [{ date: "2026-01-10", source: "Lön" }] }),
        ],
      }),
    );
    expect(r.income.changes).toEqual({ total: 3, bySource: { Lön: 2, Studiemedel: 1 } });
    expect(sum(r.income.changes.bySource)).toBe(r.income.changes.total);
  });

  it("counts each enrolment of a re-enrolled participant, and is empty without enrolments", () => {
    const r = computeReport(
      reportInput({
        enrolments: [
          enrolment({ participantId: "p-same", closedDate: "2025-03-01", incomeStart: "Sjukpenning", incomeEnd: "Sjukpenning" }),
          enrolment({ participantId: "p-same", enrolledDate: "2025-04-01", incomeStart: "Sjukpenning" }),
        ],
      }),
    );
    expect(r.income.atStart).toEqual({ Sjukpenning: 2 });
    expect(computeReport(reportInput()).income).toEqual({ atStart: {}, atEnd: {}, startToEnd: {}, changes: { total: 0, bySource: {} } });
  });

  it("follows the insats and kommun filters", () => {
    const r = computeReport(
      reportInput({
        filters: { insats: null, kommun: "Växjö" },
        enrolments: [enrolment({ kommun: "Växjö", incomeStart: "Lön" }), enrolment({ kommun: "Ljungby", incomeStart: "Sjukpenning" })],
      }),
    );
    expect(r.income.atStart).toEqual({ Lön: 1 });
  });
});
