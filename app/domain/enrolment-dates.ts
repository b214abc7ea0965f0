// The date rules of enrolments and their events, once. Every edge that writes enrolments (the
// participant page, the referral page, the import) asks these and words the answer in its own
// Swedish; the rules themselves return problem codes. Dates are "YYYY-MM-DD" strings, compared
// as strings (see period.ts).
//
// Two enrolments of one person never share a day: a re-enrolment starts after the day the
// previous one closed. Rows of the import attach to "the enrolment open on their date", and
// an event dated on a shared day would belong to both.

/** An enrolment's period; an open enrolment has no closure date. */
export interface EnrolmentSpan {
  enrolledDate: string;
  closedDate: string | null;
}

export type EnrolmentDateProblem =
  /** No consent in force: nothing may be enrolled. */
  | { code: "no-consent" }
  /** Enrolled before the consent was given. */
  | { code: "before-consent"; consentDate: string }
  /** Closed before it was enrolled. */
  | { code: "closure-before-enrolment"; enrolledDate: string }
  /** Closed before something recorded in it. */
  | { code: "closure-before-event"; latestEventDate: string }
  /** An event dated before the enrolment. */
  | { code: "event-before-enrolment"; enrolledDate: string }
  /** An event dated after the closure. */
  | { code: "event-after-closure"; closedDate: string }
  /** Shares days with another enrolment of the same person (`other` is open when it has no closure). */
  | { code: "overlap"; other: EnrolmentSpan }
  /** Starts on the day another enrolment of the same person closed, or closes on the day the next starts. */
  | { code: "same-day-re-enrolment"; other: EnrolmentSpan };

export type EnrolmentDateProblemCode = EnrolmentDateProblem["code"];

/** An enrolment needs a consent in force, given on or before the enrolment date. */
export function consentProblem(enrolledDate: string, consentDate: string | null): EnrolmentDateProblem | null {
  if (consentDate === null) return { code: "no-consent" };
  if (enrolledDate < consentDate) return { code: "before-consent", consentDate };
  return null;
}

/** A closure lies on or after the enrolment date, and on or after everything recorded in it. */
export function closureProblem(span: EnrolmentSpan, latestEventDate: string | null = null): EnrolmentDateProblem | null {
  if (span.closedDate === null) return null;
  if (span.closedDate < span.enrolledDate) return { code: "closure-before-enrolment", enrolledDate: span.enrolledDate };
  if (latestEventDate !== null && latestEventDate > span.closedDate) return { code: "closure-before-event", latestEventDate };
  return null;
}

/** An event lies within its enrolment, both ends included. */
export function eventDateProblem(date: string, span: EnrolmentSpan): EnrolmentDateProblem | null {
  if (date < span.enrolledDate) return { code: "event-before-enrolment", enrolledDate: span.enrolledDate };
  if (span.closedDate !== null && date > span.closedDate) return { code: "event-after-closure", closedDate: span.closedDate };
  return null;
}

/** How two enrolments of one person meet: apart (null), on one shared day, or overlapping. */
function meeting(a: EnrolmentSpan, b: EnrolmentSpan): "same-day-re-enrolment" | "overlap" | null {
  const [earlier, later] = a.enrolledDate <= b.enrolledDate ? [a, b] : [b, a];
  if (earlier.closedDate === null || earlier.closedDate > later.enrolledDate) return "overlap";
  if (earlier.closedDate === later.enrolledDate) return earlier.enrolledDate === later.enrolledDate ? "overlap" : "same-day-re-enrolment";
  return null;
}

/**
 * One enrolment at a time: `span` against the person's other enrolments. The first clash in
 * date order is the problem; an overlap outranks a shared day.
 */
export function overlapProblem(span: EnrolmentSpan, others: readonly EnrolmentSpan[]): EnrolmentDateProblem | null {
  const sorted = [...others].sort((a, b) => (a.enrolledDate < b.enrolledDate ? -1 : a.enrolledDate > b.enrolledDate ? 1 : 0));
  let sameDay: EnrolmentDateProblem | null = null;
  for (const other of sorted) {
    const kind = meeting(span, other);
    if (kind === "overlap") return { code: "overlap", other };
    if (kind && !sameDay) sameDay = { code: kind, other };
  }
  return sameDay;
}

/** Every rule an enrolment's own dates answer to, in the order a person would fix them. */
export function enrolmentDatesProblem(
  span: EnrolmentSpan,
  facts: { consentDate: string | null; others: readonly EnrolmentSpan[]; latestEventDate?: string | null },
): EnrolmentDateProblem | null {
  return consentProblem(span.enrolledDate, facts.consentDate) ?? closureProblem(span, facts.latestEventDate ?? null) ?? overlapProblem(span, facts.others);
}
