import { inPeriod, type Period } from "../period";
import { increment, toSortedRecord } from "./tally";
import type { ReferralRecord, ReferralStats, StudyVisitRecord, StudyVisitStats } from "./types";

/** The key for referrals without a decision yet. */
export const UNDECIDED = "ej_beslutad";

const DECISION_KEYS = ["inskriven", "konsultation", "ej_aktuell", "ko", UNDECIDED] as const;

/** Referrals dated in the period, whether or not the person was enrolled. */
export function referralStats(referrals: readonly ReferralRecord[], period: Period): ReferralStats {
  const byReferrer = new Map<string, number>();
  const byKommun = new Map<string, number>();
  // Every decision key is always present so that a column never disappears from a table.
  const byDecision: Record<string, number> = Object.fromEntries(DECISION_KEYS.map((key) => [key, 0]));
  let total = 0;
  for (const referral of referrals) {
    if (!inPeriod(referral.date, period)) continue;
    total++;
    increment(byReferrer, referral.referrer);
    increment(byKommun, referral.kommun);
    const decision = referral.decision ?? UNDECIDED;
    byDecision[decision] = (byDecision[decision] ?? 0) + 1;
  }
  return { total, byReferrer: toSortedRecord(byReferrer), byKommun: toSortedRecord(byKommun), byDecision };
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
