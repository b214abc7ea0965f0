import { inPeriod, type Period } from "../period";
import { isActive, isClosedIn } from "./population";
import { entry, increment, toSortedRecord } from "./tally";
import type { CountMap, EnrolmentRecord, IncomeStats } from "./types";

/**
 * Stands in for a försörjning that was not recorded (at start or at closure), so that every
 * income map still sums to its population: atStart to active.total, atEnd to closed.total.
 */
export const INCOME_NOT_GIVEN = "ej angiven";

/**
 * Försörjning: active enrolments by försörjning at start; closed enrolments by försörjning at
 * end and by start → end; changes of försörjning dated in the period (on enrolments active in
 * it) by the new försörjning.
 */
export function incomeStats(enrolments: readonly EnrolmentRecord[], period: Period): IncomeStats {
  const atStart = new Map<string, number>();
  const atEnd = new Map<string, number>();
  const startToEnd = new Map<string, Map<string, number>>();
  const bySource = new Map<string, number>();
  let changes = 0;
  for (const enrolment of enrolments) {
    if (!isActive(enrolment, period)) continue;
    const start = enrolment.incomeStart ?? INCOME_NOT_GIVEN;
    increment(atStart, start);
    for (const change of enrolment.incomeChanges) {
      if (!inPeriod(change.date, period)) continue;
      changes++;
      increment(bySource, change.source);
    }
    // Closed in the period implies active in it: the closure date is ≥ from.
    if (!isClosedIn(enrolment, period)) continue;
    const end = enrolment.incomeEnd ?? INCOME_NOT_GIVEN;
    increment(atEnd, end);
    increment(
      entry(startToEnd, start, () => new Map()),
      end,
    );
  }
  const nested: Map<string, CountMap> = new Map([...startToEnd].map(([start, ends]) => [start, toSortedRecord(ends)]));
  return {
    atStart: toSortedRecord(atStart),
    atEnd: toSortedRecord(atEnd),
    startToEnd: toSortedRecord(nested),
    changes: { total: changes, bySource: toSortedRecord(bySource) },
  };
}
