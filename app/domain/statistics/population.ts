/**
 * Which enrolments a period is about.
 *
 * The counting unit throughout the statistics is the enrolment, not the person: a participant
 * who was re-enrolled and is active twice in a period counts twice, each enrolment with its own
 * Trappan and SKAPA baseline. That is how the förbund's reports count "deltagare" per insats.
 */
import { inPeriod, minDate, type Period } from "../period";
import type { EnrolmentRecord, ReportFilters, ReportInput } from "./types";

export function matchesFilters(record: { insats: string; kommun: string }, filters: ReportFilters): boolean {
  return (filters.insats === null || record.insats === filters.insats) && (filters.kommun === null || record.kommun === filters.kommun);
}

/** The input restricted to the requested insats and kommun. */
export function applyFilters(input: ReportInput): ReportInput {
  const { filters } = input;
  if (filters.insats === null && filters.kommun === null) return input;
  const keep = (record: { insats: string; kommun: string }) => matchesFilters(record, filters);
  return {
    ...input,
    enrolments: input.enrolments.filter(keep),
    referrals: input.referrals.filter(keep),
    studyVisits: input.studyVisits.filter(keep),
  };
}

/** Enrolled on or before `to` and not closed before `from`. */
export function isActive(enrolment: EnrolmentRecord, period: Period): boolean {
  return enrolment.enrolledDate <= period.to && (enrolment.closedDate === null || enrolment.closedDate >= period.from);
}

export function isNewlyEnrolled(enrolment: EnrolmentRecord, period: Period): boolean {
  return inPeriod(enrolment.enrolledDate, period);
}

export function isClosedIn(enrolment: EnrolmentRecord, period: Period): boolean {
  return enrolment.closedDate !== null && inPeriod(enrolment.closedDate, period);
}

/** Events after this date do not count: they lie after the period or after the closure. */
export function cutoffDate(enrolment: EnrolmentRecord, period: Period): string {
  return enrolment.closedDate === null ? period.to : minDate(period.to, enrolment.closedDate);
}
