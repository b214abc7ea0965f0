import type { Period } from "../period";
import { isClosedIn } from "./population";
import { increment, toSortedRecord } from "./tally";
import type { ClosedStats, EnrolmentRecord } from "./types";

/**
 * Stands in for a missing closure reason so that byReason still sums to the total; import and
 * forms require a reason, so this only shows up for data entered outside them.
 */
export const MISSING_CLOSURE_REASON = "Ej angiven";

/** Enrolments closed in the period, by reason, category and kommun. */
export function closedStats(enrolments: readonly EnrolmentRecord[], period: Period): ClosedStats {
  const byReason = new Map<string, number>();
  const byKommun = new Map<string, number>();
  const byCategory = { positive: 0, negative: 0 };
  let total = 0;
  let withPlanAfter = 0;
  for (const enrolment of enrolments) {
    if (!isClosedIn(enrolment, period)) continue;
    total++;
    increment(byReason, enrolment.closureReason ?? MISSING_CLOSURE_REASON);
    increment(byKommun, enrolment.kommun);
    if (enrolment.closureCategory !== null) byCategory[enrolment.closureCategory]++;
    if (enrolment.planAfterClosure === true) withPlanAfter++;
  }
  return {
    total,
    byReason: toSortedRecord(byReason),
    byCategory,
    byKommun: toSortedRecord(byKommun),
    withPlanAfter,
  };
}
