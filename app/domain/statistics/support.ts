import { inPeriod, type Period } from "../period";
import { entry, toSortedRecord } from "./tally";
import type { EnrolmentRecord, SupportStats, SupportTypeStats } from "./types";

/** Stödinsatser dated in the period, by type, and how many raised the activity level. */
export function supportStats(enrolments: readonly EnrolmentRecord[], period: Period): SupportStats {
  const byType = new Map<string, SupportTypeStats>();
  let total = 0;
  let raisedActivity = 0;
  for (const enrolment of enrolments) {
    for (const support of enrolment.support) {
      if (!inPeriod(support.date, period)) continue;
      const typeStats = entry(byType, support.type, () => ({ total: 0, raisedActivity: 0 }));
      total++;
      typeStats.total++;
      if (support.raisesActivityLevel) {
        raisedActivity++;
        typeStats.raisedActivity++;
      }
    }
  }
  return { total, raisedActivity, byType: toSortedRecord(byType) };
}
