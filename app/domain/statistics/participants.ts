import type { Period } from "../period";
import { isActive, isNewlyEnrolled } from "./population";
import { genderTally, increment, toGenderCounts, toSortedRecord } from "./tally";
import type { ActiveStats, EnrolmentRecord, NewlyEnrolledStats } from "./types";

/** Active enrolments in the period by kommun, kön, åldersgrupp and remittent. */
export function activeStats(enrolments: readonly EnrolmentRecord[], period: Period): ActiveStats {
  const byKommun = new Map<string, number>();
  const byAgeGroup = new Map<string, number>();
  const byReferrer = new Map<string, number>();
  const byGender = genderTally(() => 0);
  let total = 0;
  for (const enrolment of enrolments) {
    if (!isActive(enrolment, period)) continue;
    total++;
    increment(byKommun, enrolment.kommun);
    increment(byAgeGroup, enrolment.ageGroup);
    increment(byReferrer, enrolment.referrer);
    byGender[enrolment.gender]++;
  }
  return {
    total,
    byKommun: toSortedRecord(byKommun),
    byGender: toGenderCounts(byGender),
    byAgeGroup: toSortedRecord(byAgeGroup),
    byReferrer: toSortedRecord(byReferrer),
  };
}

/** Enrolments whose enrolment date lies in the period, by kommun and kön. */
export function newlyEnrolledStats(enrolments: readonly EnrolmentRecord[], period: Period): NewlyEnrolledStats {
  const byKommun = new Map<string, number>();
  const byGender = genderTally(() => 0);
  let total = 0;
  for (const enrolment of enrolments) {
    if (!isNewlyEnrolled(enrolment, period)) continue;
    total++;
    increment(byKommun, enrolment.kommun);
    byGender[enrolment.gender]++;
  }
  return { total, byKommun: toSortedRecord(byKommun), byGender: toGenderCounts(byGender) };
}
