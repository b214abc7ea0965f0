/**
 * "Utveckling över tid": the key measures of the report for the same dates in each of the last
 * years, side by side (the year-on-year comparison the seeds write by hand). Each measure is the
 * report's own count, computed with the same rules as computeReport, so the latest year equals
 * the report and the year before equals its comparison period.
 */
import { previousPeriod, type Period } from "../period";
import { isActive, isClosedIn, isNewlyEnrolled } from "./population";
import { skapaProgress } from "./skapa";
import { isMeasured, movement, placementSpan } from "./trappan";
import type { EnrolmentRecord, OutcomeGroupDefinition } from "./types";

/** The outcome group whose share of closures the trend follows ("avslut till arbete eller studier"). */
export const TREND_OUTCOME_GROUP = "Arbete eller studier";

/** Years the trend covers at most, the report's own included. */
export const TREND_YEARS = 5;

export interface TrendMeasures {
  active: number;
  newlyEnrolled: number;
  closed: number;
  measured: number;
  movedUp: number;
  assessedTwice: number;
  progressed: number;
  /** Closures in TREND_OUTCOME_GROUP; absent when the förbund has no such group. */
  closedToWorkOrStudies?: number;
}

/** Trend measures by the first year of each period ("2022"), oldest first. */
export type Trend = Record<string, TrendMeasures>;

/**
 * The periods of the trend: `period` and the same dates in each year before it, up to
 * TREND_YEARS in all, oldest first, leaving out years that end before `firstDate` (the förbund's
 * first enrolment: nothing to show). None for a period longer than a year (since the start).
 */
export function trendPeriods(period: Period, firstDate: string | null, years = TREND_YEARS): Period[] {
  const yearLater = previousPeriod({ from: period.to, to: period.to }).from;
  if (period.from <= yearLater) return [];
  const periods: Period[] = [];
  let current = period;
  for (let i = 0; i < years; i++) {
    if (i > 0 && (firstDate === null || current.to < firstDate)) break;
    periods.unshift(current);
    current = previousPeriod(current);
  }
  return periods;
}

/** The key measures of one period, for enrolments already filtered to the report's insats and kommun. */
export function trendMeasures(enrolments: readonly EnrolmentRecord[], period: Period, outcomeGroups: readonly OutcomeGroupDefinition[] = []): TrendMeasures {
  const group = outcomeGroups.find((candidate) => candidate.name === TREND_OUTCOME_GROUP);
  const reasons = new Set(group?.reasons ?? []);
  const measures: TrendMeasures = { active: 0, newlyEnrolled: 0, closed: 0, measured: 0, movedUp: 0, assessedTwice: 0, progressed: 0 };
  let toWorkOrStudies = 0;
  for (const enrolment of enrolments) {
    if (isNewlyEnrolled(enrolment, period)) measures.newlyEnrolled++;
    if (isClosedIn(enrolment, period)) {
      measures.closed++;
      if (enrolment.closureReason !== null && reasons.has(enrolment.closureReason)) toWorkOrStudies++;
    }
    if (!isActive(enrolment, period)) continue;
    measures.active++;
    const span = placementSpan(enrolment, period);
    if (isMeasured(span)) {
      measures.measured++;
      if (movement(span) === "up") measures.movedUp++;
    }
    const progress = skapaProgress(enrolment, period);
    if (progress.assessedTwice) {
      measures.assessedTwice++;
      if (progress.progressed) measures.progressed++;
    }
  }
  if (group !== undefined) measures.closedToWorkOrStudies = toWorkOrStudies;
  return measures;
}

/** The trend over `periods`, keyed by each period's first year. */
export function trendOf(enrolments: readonly EnrolmentRecord[], periods: readonly Period[], outcomeGroups: readonly OutcomeGroupDefinition[] = []): Trend {
  return Object.fromEntries(periods.map((period) => [period.from.slice(0, 4), trendMeasures(enrolments, period, outcomeGroups)]));
}
