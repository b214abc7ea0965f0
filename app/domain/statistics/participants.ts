import type { Period } from "../period";
import { isActive, isNewlyEnrolled } from "./population";
import { entry, genderTally, increment, toGenderCounts, toSortedRecord } from "./tally";
import type { ActiveStats, AtEndStats, CountMap, EnrolmentRecord, GenderCounts, NewlyEnrolledStats } from "./types";

/** The byCoordinator key of an enrolment without a koordinator. */
export const COORDINATOR_NONE = "ej angiven";

/**
 * Distinct participants of a set of enrolments, overall and by kön and kommun. A person counts
 * once in each kön and each kommun of their enrolments, so those maps may sum to more than
 * `persons` (a person re-enrolled in another kommun).
 */
class PersonTally {
  private readonly all = new Set<string>();
  private readonly byGender = genderTally(() => new Set<string>());
  private readonly byKommun = new Map<string, Set<string>>();

  add(enrolment: EnrolmentRecord): void {
    this.all.add(enrolment.participantId);
    this.byGender[enrolment.gender].add(enrolment.participantId);
    entry(this.byKommun, enrolment.kommun, () => new Set()).add(enrolment.participantId);
  }

  result(): { persons: number; personsByGender: GenderCounts; personsByKommun: CountMap } {
    const sizes = new Map([...this.byKommun].map(([kommun, people]) => [kommun, people.size]));
    const { kvinna, man, annat } = this.byGender;
    const personsByGender = toGenderCounts({ kvinna: kvinna.size, man: man.size, annat: annat.size });
    return { persons: this.all.size, personsByGender, personsByKommun: toSortedRecord(sizes) };
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
