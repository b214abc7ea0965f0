import type { Period } from "../period";
import { isActive } from "./population";
import { genderTally, toGenderCounts } from "./tally";
import type { EnrolmentRecord, FovStats } from "./types";

export interface FovStatus {
  /** Has answered ja or nej; avböjt and ej tillfrågad are not answers. */
  answered: boolean;
  /** Has answered ja at least once; a later nej does not undo it. */
  yes: boolean;
}

/** The enrolment's FOV screenings dated on or before the end of the period. */
export function fovStatus(enrolment: EnrolmentRecord, period: Period): FovStatus {
  let answered = false;
  let yes = false;
  for (const screening of enrolment.fov) {
    if (screening.date > period.to) continue;
    if (screening.outcome === "ja") yes = true;
    if (screening.outcome === "ja" || screening.outcome === "nej") answered = true;
  }
  return { answered, yes };
}

/** FOV among enrolments active in the period, by kön. */
export function fovStats(enrolments: readonly EnrolmentRecord[], period: Period): FovStats {
  const answeredByGender = genderTally(() => 0);
  const yesByGender = genderTally(() => 0);
  let answered = 0;
  let yes = 0;
  for (const enrolment of enrolments) {
    if (!isActive(enrolment, period)) continue;
    const status = fovStatus(enrolment, period);
    if (status.answered) {
      answered++;
      answeredByGender[enrolment.gender]++;
    }
    if (status.yes) {
      yes++;
      yesByGender[enrolment.gender]++;
    }
  }
  return {
    answered,
    yes,
    answeredByGender: toGenderCounts(answeredByGender),
    yesByGender: toGenderCounts(yesByGender),
  };
}
