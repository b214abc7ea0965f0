import { daysBetween, inPeriod, type Period } from "../period";
import { entry, increment, toSortedRecord } from "./tally";
import type { ReferralRecord, ReferralStats, StudyVisitRecord, StudyVisitStats } from "./types";

/** The key for referrals without a decision yet. */
export const UNDECIDED = "ej_beslutad";

const DECISION_KEYS = ["inskriven", "konsultation", "ej_aktuell", "ko", UNDECIDED] as const;

/**
 * In the queue on the period's last day: dated on or before it, decided kö, and not enrolled by
 * then. The date need not lie in the period: a referral queued since last year is still waiting.
 */
export function isQueuedAtEnd(referral: ReferralRecord, period: Period): boolean {
  if (referral.decision !== "ko" || referral.date > period.to) return false;
  return referral.enrolledDate === undefined || referral.enrolledDate === null || referral.enrolledDate > period.to;
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Referrals dated in the period, whether or not the person was enrolled, by remittent, kommun and
 * decision and crossed by kommun; and the queue on the last day with its median wait in days.
 */
export function referralStats(referrals: readonly ReferralRecord[], period: Period): ReferralStats {
  const byReferrer = new Map<string, number>();
  const byKommun = new Map<string, number>();
  const byReferrerByKommun = new Map<string, Map<string, number>>();
  // Every decision key is always present so that a column never disappears from a table.
  const byDecision: Record<string, number> = Object.fromEntries(DECISION_KEYS.map((key) => [key, 0]));
  const byDecisionByKommun = new Map<string, Map<string, number>>(DECISION_KEYS.map((key) => [key, new Map()]));
  const waits: number[] = [];
  let total = 0;
  for (const referral of referrals) {
    if (isQueuedAtEnd(referral, period)) waits.push(daysBetween(referral.date, period.to));
    if (!inPeriod(referral.date, period)) continue;
    total++;
    increment(byReferrer, referral.referrer);
    increment(byKommun, referral.kommun);
    increment(
      entry(byReferrerByKommun, referral.referrer, () => new Map()),
      referral.kommun,
    );
    const decision = referral.decision ?? UNDECIDED;
    byDecision[decision] = (byDecision[decision] ?? 0) + 1;
    increment(
      entry(byDecisionByKommun, decision, () => new Map()),
      referral.kommun,
    );
  }
  const nested = (map: Map<string, Map<string, number>>) => new Map([...map].map(([key, inner]) => [key, toSortedRecord(inner)]));
  return {
    total,
    byReferrer: toSortedRecord(byReferrer),
    byKommun: toSortedRecord(byKommun),
    byDecision,
    byReferrerByKommun: toSortedRecord(nested(byReferrerByKommun)),
    // In the order of byDecision, not alphabetical: the decisions read as a sequence.
    byDecisionByKommun: Object.fromEntries(nested(byDecisionByKommun)),
    queueAtEnd: waits.length,
    queueMedianWaitDays: median(waits),
  };
}

/** Study visits dated in the period, by kommun. */
export function studyVisitStats(visits: readonly StudyVisitRecord[], period: Period): StudyVisitStats {
  const byKommun = new Map<string, number>();
  let total = 0;
  for (const visit of visits) {
    if (!inPeriod(visit.date, period)) continue;
    total++;
    increment(byKommun, visit.kommun);
  }
  return { total, byKommun: toSortedRecord(byKommun) };
}
