/** The earliest and latest of an enrolment's dated events up to a cutoff, and how many there were. */
export interface Span<T> {
  count: number;
  baseline: T;
  current: T;
}

/**
 * One linear scan instead of a sort: events are not guaranteed sorted, and a min/max is all the
 * statistics need. On a complete tie the first in the array is the baseline and the last is
 * current, so two events always give two different records.
 */
export function spanUpTo<T extends { date: string }>(events: readonly T[], cutoff: string, isEarlier: (a: T, b: T) => boolean): Span<T> | null {
  let baseline: T | undefined;
  let current: T | undefined;
  let count = 0;
  for (const event of events) {
    if (event.date > cutoff) continue;
    count++;
    if (baseline === undefined || isEarlier(event, baseline)) baseline = event;
    if (current === undefined || !isEarlier(event, current)) current = event;
  }
  return baseline === undefined || current === undefined ? null : { count, baseline, current };
}

export function isEarlierDate(a: { date: string }, b: { date: string }): boolean {
  return a.date < b.date;
}
