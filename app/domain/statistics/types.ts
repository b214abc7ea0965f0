import type { Period } from "../period";
import type { ClosureCategory } from "../reference-defaults";
import type { ConfiguredLabels } from "./zero-rows";
import type { Trend } from "./trend";

export type { ClosureCategory, Period };

export const GENDERS = ["kvinna", "man", "annat"] as const;
export type Gender = (typeof GENDERS)[number];

export type FovOutcome = "ja" | "nej" | "avbojt" | "ej_tillfragad";
export type ReferralDecision = "inskriven" | "konsultation" | "ej_aktuell" | "ko";

// ---------------------------------------------------------------------------------------------
// Input: records as the data layer reads them. Labels, not ids, so output maps are keyed by the
// label as configured. Dates are "YYYY-MM-DD".

export interface Placement {
  date: string;
  step: number;
  /** Breaks ties between placements on the same date: creation order. */
  seq: number;
}

export interface SkapaAssessment {
  date: string;
  /** Area label -> the participant's own score; null or missing = unanswered. */
  scores: Record<string, number | null>;
}

export interface FovScreening {
  date: string;
  outcome: FovOutcome;
}

export interface SupportIntervention {
  date: string;
  type: string;
  raisesActivityLevel: boolean;
}

/** A change of försörjning recorded during the enrolment: the new source from `date`. */
export interface IncomeChangeEvent {
  date: string;
  source: string;
}

/** One enrolment (inskrivning). A re-enrolled participant has one record per enrolment. */
export interface EnrolmentRecord {
  id: string;
  participantId: string;
  insats: string;
  kommun: string;
  gender: Gender;
  ageGroup: string;
  referrer: string;
  enrolledDate: string;
  closedDate: string | null;
  closureReason: string | null;
  closureCategory: ClosureCategory | null;
  planAfterClosure: boolean | null;
  surveySupport: boolean | null;
  surveyInfluence: boolean | null;
  surveyReadiness: boolean | null;
  /** Not guaranteed sorted. */
  placements: Placement[];
  /** Dates SKAPA was offered. */
  skapaOffers: string[];
  assessments: SkapaAssessment[];
  fov: FovScreening[];
  support: SupportIntervention[];
  /** Försörjning at enrolment and at closure, by label; null when not recorded. */
  incomeStart: string | null;
  incomeEnd: string | null;
  /** Changes of försörjning during the enrolment (not guaranteed sorted). */
  incomeChanges: IncomeChangeEvent[];
  /** The koordinator's name; absent or null when the enrolment has none (issue 13, caseload). */
  coordinator?: string | null;
}

export interface ReferralRecord {
  date: string;
  referrer: string;
  kommun: string;
  insats: string;
  decision: ReferralDecision | null;
  /**
   * The first enrolment date, on or after the referral's date, of the referred participant in the
   * referral's insats; absent or null when there is none (issue 13, the queue).
   */
  enrolledDate?: string | null;
}

export interface StudyVisitRecord {
  date: string;
  kommun: string;
  insats: string;
}

export interface ReportFilters {
  insats: string | null;
  kommun: string | null;
}

export interface ReportInput {
  /** The förbund's configured lists: their labels are zero rows where nothing was counted. */
  labels?: ConfiguredLabels;
  period: Period;
  /** Applied by computeReport itself, so callers may pass unfiltered records. */
  filters: ReportFilters;
  enrolments: EnrolmentRecord[];
  referrals: ReferralRecord[];
  studyVisits: StudyVisitRecord[];
  /** The förbund's outcome groups in their configured order; none when left out. */
  outcomeGroups?: OutcomeGroupDefinition[];
  /**
   * The periods of "Utveckling över tid" (trend.ts trendPeriods), the report's own last: the
   * report then carries `trend`. Left out by the report JSON of the command line.
   */
  trendPeriods?: Period[];
}

/** A named group of closure reasons (labels); a reason may be in several groups. */
export interface OutcomeGroupDefinition {
  name: string;
  reasons: string[];
}

// ---------------------------------------------------------------------------------------------
// Output: the Report JSON of contracts.md. Counts everywhere; a `share` is the exact ratio of
// the counts beside it (0 when the denominator is 0).

export type CountMap = Record<string, number>;

/** kvinna and man are always present; annat only when non-zero. */
export interface GenderMap<T> {
  kvinna: T;
  man: T;
  annat?: T;
}

export type GenderCounts = GenderMap<number>;

/** Keys "1".."6" always present. */
export type StepDistribution = Record<string, number>;

export interface ActiveStats {
  total: number;
  byKommun: CountMap;
  byGender: GenderCounts;
  byAgeGroup: CountMap;
  byReferrer: CountMap;
  // Issue 13: persons beside enrolments, the last day, caseload.
  /** Distinct participants with an active enrolment. */
  persons: number;
  /** A person once in each kön of their active enrolments. */
  personsByGender: GenderCounts;
  /** A person once in each kommun of their active enrolments: may sum to more than `persons`. */
  personsByKommun: CountMap;
  /** A person once in each insats of their active enrolments (Uppföljning Finsam's individer per insats). */
  personsByInsats: CountMap;
  /** The same by kön: insats -> kön -> persons. */
  personsByInsatsByGender: Record<string, GenderCounts>;
  atEnd: AtEndStats;
  /** Active enrolments by the koordinator's name (COORDINATOR_NONE without one). */
  byCoordinator: CountMap;
  /** The same, split by kommun: koordinator -> kommun -> enrolments. */
  byCoordinatorByKommun: Record<string, CountMap>;
}

/** Enrolments open on the period's last day: enrolled on or before `to`, not closed on or before it. */
export interface AtEndStats {
  total: number;
  byKommun: CountMap;
  byGender: GenderCounts;
}

export interface NewlyEnrolledStats {
  total: number;
  byKommun: CountMap;
  byGender: GenderCounts;
  // Issue 13.
  /** Distinct participants with an enrolment dated in the period. */
  persons: number;
  personsByGender: GenderCounts;
  personsByKommun: CountMap;
  /** New enrolments by the enrolment's remittent. */
  byReferrer: CountMap;
}

export interface ClosedStats {
  total: number;
  byReason: CountMap;
  byCategory: { positive: number; negative: number };
  byKommun: CountMap;
  withPlanAfter: number;
  byGender: GenderCounts;
  byCategoryByGender: { positive: GenderCounts; negative: GenderCounts };
  /** Reason label -> kommun -> closures. */
  byReasonByKommun: Record<string, CountMap>;
  /** Closures with a Trappan placement dated ≤ the closure date, by the latest one's step ("1".."6"). */
  byLastStep: StepDistribution;
  /** The same closures by reason, then last step ("1".."6" for every reason present). */
  byReasonByLastStep: Record<string, StepDistribution>;
  /** Group name -> closures whose reason is in the group, every configured group in its order. */
  byGroup: CountMap;
}

export interface ReferralStats {
  total: number;
  byReferrer: CountMap;
  byKommun: CountMap;
  /** The four decisions and "ej_beslutad" are always present. */
  byDecision: CountMap;
  // Issue 13.
  /** remittent -> kommun -> referrals. */
  byReferrerByKommun: Record<string, CountMap>;
  /** decision (the keys of byDecision, all present) -> kommun -> referrals. */
  byDecisionByKommun: Record<string, CountMap>;
  /** Referrals dated on or before `to` with decision kö and no enrolment of theirs by `to`. */
  queueAtEnd: number;
  /** Median of the days from referral date to `to` over the queue; null when it is empty. Not a count. */
  queueMedianWaitDays: number | null;
}

export interface StudyVisitStats {
  total: number;
  byKommun: CountMap;
}

export interface TrappanGroup {
  measured: number;
  movedUp: number;
  share: number;
}

export interface TrappanStats {
  measured: number;
  movedUp: number;
  unchanged: number;
  movedDown: number;
  share: number;
  byGender: GenderMap<TrappanGroup>;
  byKommun: Record<string, TrappanGroup>;
  baseline: StepDistribution;
  current: StepDistribution;
  closedWithPlacement: number;
  closedInUpperPart: number;
  /** Measured enrolments by baseline step, then current step: "1".."6" × "1".."6". */
  transitions: Record<string, StepDistribution>;
}

export interface SkapaStats {
  active: number;
  offered: number;
  assessedTwice: number;
  progressed: number;
  /** Area label -> mean of (current − baseline), unrounded. */
  areaMeanChange: Record<string, number>;
  /** Area label -> how many enrolments that mean is taken over. */
  areaAnswered: CountMap;
  /** progressed ÷ assessedTwice. */
  share: number;
  /** offered ÷ active. */
  offeredShare: number;
}

export interface FovStats {
  answered: number;
  yes: number;
  answeredByGender: GenderCounts;
  yesByGender: GenderCounts;
}

/** One ja/nej question asked at closure: closures that answered it, and those that answered ja. */
export interface SurveyQuestionStats {
  answered: number;
  yes: number;
  answeredByGender: GenderCounts;
  yesByGender: GenderCounts;
}

/** The participant's own view at closure, over the enrolments closed in the period. */
export interface SurveyStats {
  /** "Upplevt stöd". */
  support: SurveyQuestionStats;
  /** "Upplevt inflytande". */
  influence: SurveyQuestionStats;
  /** "Ökad beredskap för arbete eller studier". */
  readiness: SurveyQuestionStats;
}

export interface SupportTypeStats {
  total: number;
  raisedActivity: number;
}

export interface SupportStats {
  total: number;
  raisedActivity: number;
  byType: Record<string, SupportTypeStats>;
}

/** Försörjning (contracts.md "Report JSON, additions": income). Keys are labels or "ej angiven". */
export interface IncomeStats {
  /** Active enrolments by försörjning at start. */
  atStart: CountMap;
  /** Closed enrolments by försörjning at end. */
  atEnd: CountMap;
  /** Closed enrolments by försörjning at start, then at end. */
  startToEnd: Record<string, CountMap>;
  /** Changes dated in the period, on enrolments active in it, by the new försörjning. */
  changes: { total: number; bySource: CountMap };
}

export interface ReportJson {
  period: Period;
  filters: ReportFilters;
  active: ActiveStats;
  newlyEnrolled: NewlyEnrolledStats;
  closed: ClosedStats;
  referrals: ReferralStats;
  studyVisits: StudyVisitStats;
  trappan: TrappanStats;
  skapa: SkapaStats;
  fov: FovStats;
  support: SupportStats;
  income: IncomeStats;
  survey: SurveyStats;
  /** The key measures for the same dates in earlier years, when the input asks (trendPeriods). */
  trend?: Trend;
}
