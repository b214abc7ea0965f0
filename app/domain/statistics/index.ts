import { closedStats } from "./closures";
import { fovStats } from "./fov";
import { incomeStats } from "./income";
import { referralStats, studyVisitStats } from "./intake";
import { activeStats, newlyEnrolledStats } from "./participants";
import { applyFilters } from "./population";
import { skapaStats } from "./skapa";
import { supportStats } from "./support";
import { surveyStats } from "./survey";
import { trappanStats } from "./trappan";
import { trendOf } from "./trend";
import type { ReportInput, ReportJson } from "./types";
import { withZeroRows } from "./zero-rows";

/**
 * The report of contracts.md "Report JSON" for one period, insats and kommun. Each topic is one
 * pass over the enrolments and over each enrolment's own events, so the cost is linear in the
 * number of records.
 */
export function computeReport(input: ReportInput): ReportJson {
  const { period, filters, enrolments, referrals, studyVisits, outcomeGroups = [] } = applyFilters(input);
  const report: ReportJson = {
    period: { from: period.from, to: period.to },
    filters: { insats: filters.insats, kommun: filters.kommun },
    active: activeStats(enrolments, period),
    newlyEnrolled: newlyEnrolledStats(enrolments, period),
    closed: closedStats(enrolments, period, outcomeGroups),
    referrals: referralStats(referrals, period),
    studyVisits: studyVisitStats(studyVisits, period),
    trappan: trappanStats(enrolments, period),
    skapa: skapaStats(enrolments, period),
    fov: fovStats(enrolments, period),
    support: supportStats(enrolments, period),
    income: incomeStats(enrolments, period),
    survey: surveyStats(enrolments, period),
    ...(input.trendPeriods?.length ? { trend: trendOf(enrolments, input.trendPeriods, outcomeGroups) } : {}),
  };
  return input.labels ? withZeroRows(report, input.labels, filters) : report;
}

export * from "./types";
export type { ConfiguredLabels } from "./zero-rows";
export { applyFilters, cutoffDate, isActive, isClosedIn, isNewlyEnrolled, matchesFilters } from "./population";
export { placementSpan, isMeasured, movement, stepAtClosure, UPPER_PART_FIRST_STEP, type Movement } from "./trappan";
export { skapaProgress, wasOfferedSkapa, type SkapaProgress } from "./skapa";
export { fovStatus, type FovStatus } from "./fov";
export { MISSING_CLOSURE_REASON } from "./closures";
export { SURVEY_QUESTIONS } from "./survey";
export { UNDECIDED } from "./intake";
export { INCOME_NOT_GIVEN } from "./income";
export { ratio } from "./tally";
export { TREND_OUTCOME_GROUP, TREND_YEARS, trendPeriods, type Trend, type TrendMeasures } from "./trend";
