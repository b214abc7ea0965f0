import type { Period } from "../period";
import { cutoffDate, isActive } from "./population";
import { isEarlierDate, spanUpTo } from "./span";
import { entry, ratio, toSortedRecord } from "./tally";
import type { EnrolmentRecord, SkapaAssessment, SkapaStats } from "./types";

export interface SkapaProgress {
  /** Two or more assessments dated on or before min(to, closure date). */
  assessedTwice: boolean;
  /** The mean over the areas answered in both baseline and current rose. */
  progressed: boolean;
  /** Area label and current − baseline, for the areas answered in both. */
  changes: Array<[area: string, change: number]>;
}

const NOT_ASSESSED_TWICE: SkapaProgress = { assessedTwice: false, progressed: false, changes: [] };

function isAnswered(score: number | null | undefined): score is number {
  return typeof score === "number" && Number.isFinite(score);
}

/** Offered on or before the end of the period (Värend: 100 % shall be offered). */
export function wasOfferedSkapa(enrolment: EnrolmentRecord, period: Period): boolean {
  return enrolment.skapaOffers.some((date) => date <= period.to);
}

function compareAssessments(baseline: SkapaAssessment, current: SkapaAssessment): SkapaProgress {
  const changes: Array<[string, number]> = [];
  let baselineSum = 0;
  let currentSum = 0;
  for (const [area, before] of Object.entries(baseline.scores)) {
    const after = current.scores[area];
    if (!isAnswered(before) || !isAnswered(after)) continue;
    changes.push([area, after - before]);
    baselineSum += before;
    currentSum += after;
  }
  // Both means are over the same areas, so comparing the sums compares the means without
  // dividing; with no common area there is nothing to compare and so no progression.
  return { assessedTwice: true, progressed: changes.length > 0 && currentSum > baselineSum, changes };
}

export function skapaProgress(enrolment: EnrolmentRecord, period: Period): SkapaProgress {
  const span = spanUpTo(enrolment.assessments, cutoffDate(enrolment, period), isEarlierDate);
  if (span === null || span.count < 2) return NOT_ASSESSED_TWICE;
  return compareAssessments(span.baseline, span.current);
}

interface AreaChange {
  sum: number;
  count: number;
}

/** SKAPA offered and progression among enrolments active in the period. */
export function skapaStats(enrolments: readonly EnrolmentRecord[], period: Period): SkapaStats {
  const areaChanges = new Map<string, AreaChange>();
  let active = 0;
  let offered = 0;
  let assessedTwice = 0;
  let progressed = 0;
  for (const enrolment of enrolments) {
    if (!isActive(enrolment, period)) continue;
    active++;
    if (wasOfferedSkapa(enrolment, period)) offered++;
    const progress = skapaProgress(enrolment, period);
    if (!progress.assessedTwice) continue;
    assessedTwice++;
    if (progress.progressed) progressed++;
    for (const [area, change] of progress.changes) {
      const total = entry(areaChanges, area, () => ({ sum: 0, count: 0 }));
      total.sum += change;
      total.count++;
    }
  }
  const areas = [...areaChanges.entries()];
  return {
    active,
    offered,
    assessedTwice,
    progressed,
    areaMeanChange: toSortedRecord(new Map(areas.map(([area, t]) => [area, t.sum / t.count]))),
    areaAnswered: toSortedRecord(new Map(areas.map(([area, t]) => [area, t.count]))),
    share: ratio(progressed, assessedTwice),
    offeredShare: ratio(offered, active),
  };
}
