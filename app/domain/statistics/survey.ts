import type { Period } from "../period";
import { isClosedIn } from "./population";
import { genderTally, toGenderCounts } from "./tally";
import type { EnrolmentRecord, Gender, SurveyQuestionStats, SurveyStats } from "./types";

/** The three ja/nej questions at closure, by their report key and the enrolment field they read. */
export const SURVEY_QUESTIONS = [
  ["support", "surveySupport"],
  ["influence", "surveyInfluence"],
  ["readiness", "surveyReadiness"],
] as const satisfies ReadonlyArray<[keyof SurveyStats, keyof EnrolmentRecord]>;

interface QuestionTally {
  answered: Record<Gender, number>;
  yes: Record<Gender, number>;
}

function toQuestionStats(tally: QuestionTally): SurveyQuestionStats {
  const sum = (counts: Record<Gender, number>) => counts.kvinna + counts.man + counts.annat;
  return {
    answered: sum(tally.answered),
    yes: sum(tally.yes),
    answeredByGender: toGenderCounts(tally.answered),
    yesByGender: toGenderCounts(tally.yes),
  };
}

/**
 * The participant's own view at closure, over the enrolments closed in the period: a question
 * left unanswered (null) is not answered, so the share ja ÷ answered is taken over the answers.
 */
export function surveyStats(enrolments: readonly EnrolmentRecord[], period: Period): SurveyStats {
  const tallies = Object.fromEntries(SURVEY_QUESTIONS.map(([key]) => [key, { answered: genderTally(() => 0), yes: genderTally(() => 0) }])) as Record<
    keyof SurveyStats,
    QuestionTally
  >;
  for (const enrolment of enrolments) {
    if (!isClosedIn(enrolment, period)) continue;
    for (const [key, field] of SURVEY_QUESTIONS) {
      const answer = enrolment[field];
      if (answer === null) continue;
      tallies[key].answered[enrolment.gender]++;
      if (answer) tallies[key].yes[enrolment.gender]++;
    }
  }
  return {
    support: toQuestionStats(tallies.support),
    influence: toQuestionStats(tallies.influence),
    readiness: toQuestionStats(tallies.readiness),
  };
}
