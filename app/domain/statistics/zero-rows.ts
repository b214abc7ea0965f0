/**
 * Zero rows: the förbund's tables list every configured kommun, remittent, closure reason, support
 * type and age group, also at 0 (seed 004: "Lessebo 0", "Arbetsförmedlingen 0"). The counting
 * modules only see the records, so they give the labels that occur; this adds the configured
 * rest as zero keys. A kommun filter narrows the kommuner to the chosen one.
 */
import type { ReportFilters, ReportJson } from "./types";

/** The förbund's configured lists, by label. */
export interface ConfiguredLabels {
  kommuner: readonly string[];
  referrers: readonly string[];
  closureReasons: readonly string[];
  supportTypes: readonly string[];
  ageGroups: readonly string[];
}

function fill<T>(map: Record<string, T>, labels: readonly string[], zero: () => T): void {
  for (const label of labels) if (!Object.hasOwn(map, label)) map[label] = zero();
}

/** Fills the zero keys in place and returns the report. */
export function withZeroRows(report: ReportJson, labels: ConfiguredLabels, filters: ReportFilters): ReportJson {
  const kommuner = filters.kommun === null ? labels.kommuner : labels.kommuner.filter((kommun) => kommun === filters.kommun);
  const zero = () => 0;
  fill(report.active.byKommun, kommuner, zero);
  fill(report.active.byAgeGroup, labels.ageGroups, zero);
  fill(report.active.byReferrer, labels.referrers, zero);
  fill(report.newlyEnrolled.byKommun, kommuner, zero);
  fill(report.closed.byReason, labels.closureReasons, zero);
  fill(report.closed.byKommun, kommuner, zero);
  fill(report.referrals.byReferrer, labels.referrers, zero);
  fill(report.referrals.byKommun, kommuner, zero);
  fill(report.studyVisits.byKommun, kommuner, zero);
  fill(report.trappan.byKommun, kommuner, () => ({ measured: 0, movedUp: 0, share: 0 }));
  fill(report.support.byType, labels.supportTypes, () => ({ total: 0, raisedActivity: 0 }));
  return report;
}
