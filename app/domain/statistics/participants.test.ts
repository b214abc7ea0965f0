import { describe, expect, it } from "vitest";
import { computeReport } from "./index";
import { enrolment, H1_2025, reportInput } from "./testing";

describe("active, newly enrolled and closed at the period's edges", () => {
  // P = 2025-01-01 .. 2025-06-30
  const enrolledBeforeClosedInside = enrolment({ enrolledDate: "2024-10-01", closedDate: "2025-03-15" });
  const enrolledInsideOpen = enrolment({ enrolledDate: "2025-02-01" });
  const closedDayBeforeFrom = enrolment({ enrolledDate: "2024-03-01", closedDate: "2024-12-31" });
  const enrolledOnTo = enrolment({ enrolledDate: "2025-06-30" });
  const closedOnFrom = enrolment({ enrolledDate: "2024-05-01", closedDate: "2025-01-01" });
  const enrolledDayAfterTo = enrolment({ enrolledDate: "2025-07-01" });
  const closedDayAfterTo = enrolment({ enrolledDate: "2024-05-01", closedDate: "2025-07-01" });

  const report = (...enrolments: ReturnType<typeof enrolment>[]) => computeReport(reportInput({ period: H1_2025, enrolments }));

  it("counts an enrolment from before the period that closes inside it as active and closed", () => {
    const r = report(enrolledBeforeClosedInside);
    expect([r.active.total, r.newlyEnrolled.total, r.closed.total]).toEqual([1, 0, 1]);
  });

  it("counts an enrolment opened inside the period as active and newly enrolled", () => {
    const r = report(enrolledInsideOpen);
    expect([r.active.total, r.newlyEnrolled.total, r.closed.total]).toEqual([1, 1, 0]);
  });

  it("does not count an enrolment closed the day before the period", () => {
    const r = report(closedDayBeforeFrom);
    expect([r.active.total, r.newlyEnrolled.total, r.closed.total]).toEqual([0, 0, 0]);
  });

  it("counts an enrolment on the last day as active and newly enrolled", () => {
    const r = report(enrolledOnTo);
    expect([r.active.total, r.newlyEnrolled.total, r.closed.total]).toEqual([1, 1, 0]);
  });

  it("counts an enrolment closed on the first day as active and closed", () => {
    const r = report(closedOnFrom);
    expect([r.active.total, r.newlyEnrolled.total, r.closed.total]).toEqual([1, 0, 1]);
  });

  it("does not count an enrolment starting the day after the period", () => {
    expect(report(enrolledDayAfterTo).active.total).toBe(0);
  });

  it("counts an enrolment closed after the period as active but not closed", () => {
    const r = report(closedDayAfterTo);
    expect([r.active.total, r.closed.total]).toEqual([1, 0]);
  });

  it("adds all edge cases up", () => {
    const r = report(enrolledBeforeClosedInside, enrolledInsideOpen, closedDayBeforeFrom, enrolledOnTo, closedOnFrom, enrolledDayAfterTo, closedDayAfterTo);
    expect([r.active.total, r.newlyEnrolled.total, r.closed.total]).toEqual([5, 2, 2]);
  });
});

describe("re-enrolment", () => {
  it("counts each enrolment of the same participant", () => {
    const first = enrolment({ participantId: "p-1", enrolledDate: "2024-06-01", closedDate: "2025-02-01" });
    const second = enrolment({ participantId: "p-1", enrolledDate: "2025-04-01" });
    const r = computeReport(reportInput({ enrolments: [first, second] }));
    expect(r.active.total).toBe(2);
    expect(r.newlyEnrolled.total).toBe(1);
    expect(r.closed.total).toBe(1);
  });
});

describe("breakdowns of active enrolments", () => {
  it("counts by kommun, kön, åldersgrupp and remittent, with totals equal to the rows", () => {
    const r = computeReport(
      reportInput({
        enrolments: [
          enrolment({ kommun: "Ljungby", gender: "kvinna", ageGroup: "20–29", referrer: "Arbetsförmedlingen" }),
          enrolment({ kommun: "Älmhult", gender: "man", ageGroup: "20–29", referrer: "Försäkringskassan" }),
          enrolment({ kommun: "Markaryd", gender: "man", ageGroup: "50–59", referrer: "Egen begäran" }),
          enrolment({ kommun: "Ljungby", gender: "kvinna", ageGroup: "30–39", referrer: "Försäkringskassan" }),
        ],
      }),
    );
    expect(r.active.byKommun).toEqual({ Ljungby: 2, Markaryd: 1, Älmhult: 1 });
    expect(Object.keys(r.active.byKommun)).toEqual(["Ljungby", "Markaryd", "Älmhult"]);
    expect(r.active.byGender).toEqual({ kvinna: 2, man: 2 });
    expect(r.active.byAgeGroup).toEqual({ "20–29": 2, "30–39": 1, "50–59": 1 });
    expect(r.active.byReferrer).toEqual({ Arbetsförmedlingen: 1, "Egen begäran": 1, Försäkringskassan: 2 });
    const sum = (map: Record<string, number>) => Object.values(map).reduce((a, b) => a + b, 0);
    expect(sum(r.active.byKommun)).toBe(r.active.total);
    expect(r.newlyEnrolled.byKommun).toEqual({});
  });

  it("shows kön annat only when there is someone to show", () => {
    const without = computeReport(reportInput({ enrolments: [enrolment({ gender: "man" })] }));
    expect(without.active.byGender).toEqual({ kvinna: 0, man: 1 });
    expect("annat" in without.active.byGender).toBe(false);

    const withAnnat = computeReport(reportInput({ enrolments: [enrolment({ gender: "annat", enrolledDate: "2025-03-01" })] }));
    expect(withAnnat.active.byGender).toEqual({ kvinna: 0, man: 0, annat: 1 });
    expect(withAnnat.newlyEnrolled.byGender).toEqual({ kvinna: 0, man: 0, annat: 1 });
  });

  it("counts newly enrolled by kommun and kön", () => {
    const r = computeReport(
      reportInput({
        enrolments: [
          enrolment({ enrolledDate: "2025-02-01", kommun: "Växjö", gender: "man" }),
          enrolment({ enrolledDate: "2025-03-01", kommun: "Växjö", gender: "kvinna" }),
          enrolment({ enrolledDate: "2025-04-01", kommun: "Alvesta", gender: "kvinna" }),
          enrolment({ enrolledDate: "2024-04-01", kommun: "Alvesta", gender: "kvinna" }),
        ],
      }),
    );
    expect(r.newlyEnrolled).toEqual({
      total: 3,
      byKommun: { Alvesta: 1, Växjö: 2 },
      byGender: { kvinna: 2, man: 1 },
      persons: 3,
      personsByGender: { kvinna: 2, man: 1 },
      personsByKommun: { Alvesta: 1, Växjö: 2 },
      byReferrer: { Försäkringskassan: 3 },
    });
  });
});

describe("insats and kommun filters", () => {
  it("keeps only records of the chosen insats and kommun", () => {
    const r = computeReport(
      reportInput({
        filters: { insats: "SamSteg", kommun: "Ljungby" },
        enrolments: [
          enrolment({ insats: "SamSteg", kommun: "Ljungby" }),
          enrolment({ insats: "SamSteg", kommun: "Markaryd" }),
          enrolment({ insats: "Gruppverksamhet", kommun: "Ljungby" }),
        ],
        referrals: [
          { date: "2025-03-01", referrer: "AF", kommun: "Ljungby", insats: "SamSteg", decision: null },
          { date: "2025-03-01", referrer: "AF", kommun: "Ljungby", insats: "Gruppverksamhet", decision: null },
        ],
        studyVisits: [
          { date: "2025-03-01", kommun: "Markaryd", insats: "SamSteg" },
          { date: "2025-03-01", kommun: "Ljungby", insats: "SamSteg" },
        ],
      }),
    );
    expect(r.filters).toEqual({ insats: "SamSteg", kommun: "Ljungby" });
    expect(r.active.total).toBe(1);
    expect(r.referrals.total).toBe(1);
    expect(r.studyVisits).toEqual({ total: 1, byKommun: { Ljungby: 1 } });
  });
});

describe("persons beside enrolments", () => {
  it("counts a person re-enrolled in the same period once, and each enrolment", () => {
    const first = enrolment({ participantId: "p-1", enrolledDate: "2025-02-01", closedDate: "2025-03-01" });
    const second = enrolment({ participantId: "p-1", enrolledDate: "2025-05-01" });
    const other = enrolment({ participantId: "p-2", gender: "man", enrolledDate: "2024-05-01" });
    const r = computeReport(reportInput({ enrolments: [first, second, other] }));
    expect([r.active.total, r.active.persons]).toEqual([3, 2]);
    expect(r.active.personsByGender).toEqual({ kvinna: 1, man: 1 });
    expect(r.active.personsByKommun).toEqual({ Ljungby: 2 });
    expect([r.newlyEnrolled.total, r.newlyEnrolled.persons]).toEqual([2, 1]);
    expect(r.newlyEnrolled.personsByKommun).toEqual({ Ljungby: 1 });
  });

  it("counts a person once in each kommun of their enrolments, so the kommuner may sum to more than the persons", () => {
    const r = computeReport(
      reportInput({
        enrolments: [
          enrolment({ participantId: "p-1", kommun: "Ljungby", enrolledDate: "2025-01-10", closedDate: "2025-02-01" }),
          enrolment({ participantId: "p-1", kommun: "Älmhult", enrolledDate: "2025-04-01" }),
          enrolment({ participantId: "p-1", kommun: "Älmhult", enrolledDate: "2024-01-01", closedDate: "2025-01-05" }),
        ],
      }),
    );
    expect(r.active.byKommun).toEqual({ Ljungby: 1, Älmhult: 2 });
    expect(r.active.persons).toBe(1);
    expect(r.active.personsByKommun).toEqual({ Ljungby: 1, Älmhult: 1 });
    expect(r.newlyEnrolled.personsByKommun).toEqual({ Ljungby: 1, Älmhult: 1 });
  });

  it("counts a person once in each insats and each kön within it (Uppföljning Finsam's individer per insats)", () => {
    const r = computeReport(
      reportInput({
        enrolments: [
          enrolment({ participantId: "p-1", insats: "SamSteg", enrolledDate: "2025-01-10", closedDate: "2025-02-01" }),
          enrolment({ participantId: "p-1", insats: "SamSteg", enrolledDate: "2025-03-01" }),
          enrolment({ participantId: "p-1", insats: "Samverkansteam", enrolledDate: "2025-05-01" }),
          enrolment({ participantId: "p-2", insats: "SamSteg", gender: "man", enrolledDate: "2025-06-01" }),
          // Recorded with another kön on a later enrolment: once in each kön, once in the insats.
          enrolment({ participantId: "p-3", insats: "Samverkansteam", gender: "man", enrolledDate: "2025-01-01", closedDate: "2025-02-01" }),
          enrolment({ participantId: "p-3", insats: "Samverkansteam", gender: "annat", enrolledDate: "2025-03-01" }),
          // Not active in 2025.
          enrolment({ participantId: "p-4", insats: "SamSteg", enrolledDate: "2023-01-01", closedDate: "2024-06-01" }),
        ],
      }),
    );
    expect(r.active.persons).toBe(3);
    expect(r.active.personsByInsats).toEqual({ SamSteg: 2, Samverkansteam: 2 });
    expect(r.active.personsByInsatsByGender).toEqual({ SamSteg: { kvinna: 1, man: 1 }, Samverkansteam: { kvinna: 1, man: 1, annat: 1 } });
    expect(r.active.personsByGender).toEqual({ kvinna: 1, man: 2, annat: 1 });
  });

  it("leaves out a kommun with no participants (zero keys are filled in from the configured list)", () => {
    const r = computeReport(
      reportInput({ enrolments: [enrolment({ kommun: "Ljungby" }), enrolment({ kommun: "Lessebo", enrolledDate: "2024-01-01", closedDate: "2024-12-31" })] }),
    );
    expect(r.active.personsByKommun).toEqual({ Ljungby: 1 });
    expect(r.active.atEnd.byKommun).toEqual({ Ljungby: 1 });
    expect(r.active.byCoordinatorByKommun).toEqual({ "ej angiven": { Ljungby: 1 } });
  });
});

describe("enrolled on the period's last day", () => {
  // P = 2025-01-01 .. 2025-06-30
  const r = computeReport(
    reportInput({
      period: H1_2025,
      enrolments: [
        enrolment({ kommun: "Ljungby", gender: "kvinna", enrolledDate: "2024-10-01" }),
        enrolment({ kommun: "Ljungby", gender: "man", enrolledDate: "2025-06-30" }),
        enrolment({ kommun: "Markaryd", gender: "man", enrolledDate: "2025-01-01", closedDate: "2025-07-01" }),
        enrolment({ kommun: "Markaryd", gender: "kvinna", enrolledDate: "2025-01-01", closedDate: "2025-06-30" }),
        enrolment({ kommun: "Älmhult", gender: "kvinna", enrolledDate: "2025-01-01", closedDate: "2025-03-01" }),
        enrolment({ kommun: "Älmhult", gender: "kvinna", enrolledDate: "2025-07-01" }),
      ],
    }),
  );

  it("counts enrolments open on `to`: one enrolled that day or one closed after it, not one closed on it", () => {
    expect(r.active.atEnd).toEqual({ total: 3, byKommun: { Ljungby: 2, Markaryd: 1 }, byGender: { kvinna: 1, man: 2 } });
    expect(r.active.total).toBe(5);
  });
});

describe("caseload per koordinator", () => {
  it("counts active enrolments by the koordinator's name, and by kommun, with those without one apart", () => {
    const r = computeReport(
      reportInput({
        enrolments: [
          enrolment({ coordinator: "Anna Berg", kommun: "Ljungby" }),
          enrolment({ coordinator: "Anna Berg", kommun: "Markaryd" }),
          enrolment({ coordinator: "Anna Berg", kommun: "Ljungby" }),
          enrolment({ coordinator: "Omar Said", kommun: "Älmhult" }),
          enrolment({ coordinator: null, kommun: "Älmhult" }),
          enrolment({ coordinator: "Omar Said", kommun: "Älmhult", enrolledDate: "2024-01-01", closedDate: "2024-06-01" }),
        ],
      }),
    );
    expect(r.active.byCoordinator).toEqual({ "Anna Berg": 3, "ej angiven": 1, "Omar Said": 1 });
    expect(r.active.byCoordinatorByKommun).toEqual({
      "Anna Berg": { Ljungby: 2, Markaryd: 1 },
      "ej angiven": { Älmhult: 1 },
      "Omar Said": { Älmhult: 1 },
    });
  });
});
