import type { Period } from "../period";
import type { ClosureCategory } from "../reference-defaults";

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
}

export interface ReferralRecord {
  date: string;
  referrer: string;
  kommun: string;
  insats: string;
  decision: ReferralDecision | null;
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
  period: Period;
  /** Applied by computeReport itself, so callers may pass unfiltered records. */
  filters: ReportFilters;
  enrolments: EnrolmentRecord[];
  referrals: ReferralRecord[];
  studyVisits: StudyVisitRecord[];
  /** The förbund's outcome groups in their configured order; none when left out. */
  outcomeGroups?: OutcomeGroupDefinition[];
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
}

export interface NewlyEnrolledStats {
  total: number;
  byKommun: CountMap;
  byGender: GenderCounts;
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
  survey: SurveyStats;
}
