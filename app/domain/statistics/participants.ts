import type { Period } from "../period";
import { isActive, isNewlyEnrolled } from "./population";
import { entry, genderTally, increment, toGenderCounts, toSortedRecord } from "./tally";
import type { ActiveStats, AtEndStats, CountMap, EnrolmentRecord, Gender, GenderCounts, NewlyEnrolledStats } from "./types";

/** The byCoordinator key of an enrolment without a koordinator. */
export const COORDINATOR_NONE = "ej angiven";

/**
 * Distinct participants of a set of enrolments, overall and by kön, kommun and insats (with kön).
 * A person counts once in each kön, kommun and insats of their enrolments, so those maps may sum
 * to more than `persons` (a person re-enrolled in another kommun).
 *
 * Most persons have one enrolment: each person's first enrolment is counted at once, and only a
 * person seen again is checked against what they were already counted in.
 */
class PersonTally {
  /** Per person, what they are counted in: kön, "k" + kommun, "i" + insats, "g" + insats + kön. */
  private readonly seen = new Map<string, string[]>();
  private readonly byGender = genderTally(() => 0);
  private readonly byKommun = new Map<string, number>();
  private readonly byInsats = new Map<string, number>();
  private readonly byInsatsByGender = new Map<string, Record<Gender, number>>();

  add(enrolment: EnrolmentRecord): void {
    const { participantId, gender, kommun, insats } = enrolment;
    const keys = [gender, `k${kommun}`, `i${insats}`, `g${insats}\u0000${gender}`];
    const counted = this.seen.get(participantId);
    if (counted === undefined) this.seen.set(participantId, keys);
    const isNew = (index: number) => {
      if (counted === undefined) return true;
      if (counted.includes(keys[index]!)) return false;
      counted.push(keys[index]!);
      return true;
    };
    if (isNew(0)) this.byGender[gender]++;
    if (isNew(1)) increment(this.byKommun, kommun);
    if (isNew(2)) increment(this.byInsats, insats);
    if (isNew(3)) entry(this.byInsatsByGender, insats, () => genderTally(() => 0))[gender]++;
  }

  result(): { persons: number; personsByGender: GenderCounts; personsByKommun: CountMap } {
    return { persons: this.seen.size, personsByGender: toGenderCounts(this.byGender), personsByKommun: toSortedRecord(this.byKommun) };
  }

  /** Persons per insats, and per insats and kön (seed 003: "antalet individer" per insats for Uppföljning Finsam). */
  byInsatsResult(): { personsByInsats: CountMap; personsByInsatsByGender: Record<string, GenderCounts> } {
    const byGender = new Map([...this.byInsatsByGender].map(([insats, counts]) => [insats, toGenderCounts(counts)]));
    return { personsByInsats: toSortedRecord(this.byInsats), personsByInsatsByGender: toSortedRecord(byGender) };
  }
}

/** Open on the period's last day: a closure on `to` itself ends the enrolment before the day is out. */
export function isOpenAtEnd(enrolment: EnrolmentRecord, period: Period): boolean {
  return enrolment.enrolledDate <= period.to && (enrolment.closedDate === null || enrolment.closedDate > period.to);
}

/**
 * Active enrolments in the period by kommun, kön, åldersgrupp, remittent and koordinator; the
 * distinct persons among them; and the enrolments still open on the last day.
 */
export function activeStats(enrolments: readonly EnrolmentRecord[], period: Period): ActiveStats {
  const byKommun = new Map<string, number>();
  const byAgeGroup = new Map<string, number>();
  const byReferrer = new Map<string, number>();
  const byCoordinator = new Map<string, number>();
  const byCoordinatorByKommun = new Map<string, Map<string, number>>();
  const byGender = genderTally(() => 0);
  const persons = new PersonTally();
  const atEndByKommun = new Map<string, number>();
  const atEndByGender = genderTally(() => 0);
  let total = 0;
  let atEnd = 0;
  for (const enrolment of enrolments) {
    if (!isActive(enrolment, period)) continue;
    total++;
    increment(byKommun, enrolment.kommun);
    increment(byAgeGroup, enrolment.ageGroup);
    increment(byReferrer, enrolment.referrer);
    byGender[enrolment.gender]++;
    persons.add(enrolment);
    const coordinator = enrolment.coordinator ?? COORDINATOR_NONE;
    increment(byCoordinator, coordinator);
    increment(
      entry(byCoordinatorByKommun, coordinator, () => new Map()),
      enrolment.kommun,
    );
    if (isOpenAtEnd(enrolment, period)) {
      atEnd++;
      increment(atEndByKommun, enrolment.kommun);
      atEndByGender[enrolment.gender]++;
    }
  }
  const atEndStats: AtEndStats = { total: atEnd, byKommun: toSortedRecord(atEndByKommun), byGender: toGenderCounts(atEndByGender) };
  return {
    total,
    byKommun: toSortedRecord(byKommun),
    byGender: toGenderCounts(byGender),
    byAgeGroup: toSortedRecord(byAgeGroup),
    byReferrer: toSortedRecord(byReferrer),
    ...persons.result(),
    ...persons.byInsatsResult(),
    atEnd: atEndStats,
    byCoordinator: toSortedRecord(byCoordinator),
    byCoordinatorByKommun: toSortedRecord(new Map([...byCoordinatorByKommun].map(([name, kommuner]) => [name, toSortedRecord(kommuner)]))),
  };
}

/** Enrolments whose enrolment date lies in the period, by kommun, kön and remittent, and their persons. */
export function newlyEnrolledStats(enrolments: readonly EnrolmentRecord[], period: Period): NewlyEnrolledStats {
  const byKommun = new Map<string, number>();
  const byReferrer = new Map<string, number>();
  const byGender = genderTally(() => 0);
  const persons = new PersonTally();
  let total = 0;
  for (const enrolment of enrolments) {
    if (!isNewlyEnrolled(enrolment, period)) continue;
    total++;
    increment(byKommun, enrolment.kommun);
    increment(byReferrer, enrolment.referrer);
    byGender[enrolment.gender]++;
    persons.add(enrolment);
  }
  return {
    total,
    byKommun: toSortedRecord(byKommun),
    byGender: toGenderCounts(byGender),
    ...persons.result(),
    byReferrer: toSortedRecord(byReferrer),
  };
}
