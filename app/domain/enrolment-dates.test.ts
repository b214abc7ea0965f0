import { describe, expect, it } from "vitest";
import { closureProblem, consentProblem, enrolmentDatesProblem, eventDateProblem, overlapProblem, type EnrolmentSpan } from "./enrolment-dates";

const span = (enrolledDate: string, closedDate: string | null = null): EnrolmentSpan => ({ enrolledDate, closedDate });

describe("consentProblem", () => {
  it("needs a consent in force", () => expect(consentProblem("2025-03-01", null)).toEqual({ code: "no-consent" }));
  it("accepts an enrolment on the consent's day", () => expect(consentProblem("2025-03-01", "2025-03-01")).toBeNull());
  it("refuses an enrolment before the consent", () =>
    expect(consentProblem("2025-02-28", "2025-03-01")).toEqual({ code: "before-consent", consentDate: "2025-03-01" }));
});

describe("closureProblem", () => {
  it("has nothing to say of an open enrolment", () => expect(closureProblem(span("2025-03-01"), "2025-05-01")).toBeNull());
  it("accepts a closure on the enrolment day", () => expect(closureProblem(span("2025-03-01", "2025-03-01"))).toBeNull());
  it("refuses a closure before the enrolment", () =>
    expect(closureProblem(span("2025-03-01", "2025-02-01"))).toEqual({ code: "closure-before-enrolment", enrolledDate: "2025-03-01" }));
  it("refuses a closure before the latest event, and accepts one on its day", () => {
    expect(closureProblem(span("2025-03-01", "2025-04-01"), "2025-04-02")).toEqual({ code: "closure-before-event", latestEventDate: "2025-04-02" });
    expect(closureProblem(span("2025-03-01", "2025-04-01"), "2025-04-01")).toBeNull();
  });
});

describe("eventDateProblem", () => {
  it("accepts both ends of the enrolment", () => {
    expect(eventDateProblem("2025-03-01", span("2025-03-01", "2025-06-30"))).toBeNull();
    expect(eventDateProblem("2025-06-30", span("2025-03-01", "2025-06-30"))).toBeNull();
  });
  it("refuses a date before the enrolment or after the closure", () => {
    expect(eventDateProblem("2025-02-28", span("2025-03-01"))).toEqual({ code: "event-before-enrolment", enrolledDate: "2025-03-01" });
    expect(eventDateProblem("2025-07-01", span("2025-03-01", "2025-06-30"))).toEqual({ code: "event-after-closure", closedDate: "2025-06-30" });
  });
});

describe("overlapProblem", () => {
  const closed = span("2024-01-10", "2024-06-30");
  it("accepts a re-enrolment the day after the closure", () => expect(overlapProblem(span("2024-07-01"), [closed])).toBeNull());
  it("refuses a re-enrolment on the day of the closure", () =>
    expect(overlapProblem(span("2024-06-30"), [closed])).toEqual({ code: "same-day-re-enrolment", other: closed }));
  it("refuses a closure on the day the next enrolment starts", () =>
    expect(overlapProblem(span("2024-01-10", "2024-07-01"), [span("2024-07-01")])).toEqual({ code: "same-day-re-enrolment", other: span("2024-07-01") }));
  it("refuses an enrolment inside another one", () =>
    expect(overlapProblem(span("2024-03-01", "2024-04-01"), [closed])).toEqual({ code: "overlap", other: closed }));
  it("refuses anything after an open enrolment", () =>
    expect(overlapProblem(span("2026-01-01"), [span("2025-01-01")])).toEqual({ code: "overlap", other: span("2025-01-01") }));
  it("refuses an open enrolment before a later one", () => expect(overlapProblem(span("2023-01-01"), [closed])).toEqual({ code: "overlap", other: closed }));
  it("refuses two enrolments on the same day, even a one-day one", () =>
    expect(overlapProblem(span("2024-01-10", "2024-01-10"), [span("2024-01-10", "2024-01-12")])).toMatchObject({ code: "overlap" }));
  it("reports an overlap before a shared day", () =>
    expect(overlapProblem(span("2024-06-30", "2024-09-01"), [closed, span("2024-08-01", "2024-08-31")])).toMatchObject({ code: "overlap" }));
});

describe("enrolmentDatesProblem", () => {
  it("asks about consent first, then the closure, then the other enrolments", () => {
    expect(enrolmentDatesProblem(span("2024-06-30", "2024-05-01"), { consentDate: "2024-07-01", others: [] })).toMatchObject({ code: "before-consent" });
    expect(enrolmentDatesProblem(span("2024-06-30", "2024-05-01"), { consentDate: "2024-01-01", others: [span("2024-01-01")] })).toMatchObject({
      code: "closure-before-enrolment",
    });
    expect(enrolmentDatesProblem(span("2024-06-30"), { consentDate: "2024-01-01", others: [span("2024-01-01")] })).toMatchObject({ code: "overlap" });
    expect(enrolmentDatesProblem(span("2024-07-01"), { consentDate: "2024-01-01", others: [span("2024-01-01", "2024-06-30")] })).toBeNull();
  });
});
