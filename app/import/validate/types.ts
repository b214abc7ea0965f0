// What the validator reads (the förbund's lists, what Stegvis already holds) and what it
// returns (the plan of rows to insert, or the problems).
import type { FovOutcome, Gender, ReferralDecision } from "~/domain/reference-defaults";
import type { ImportCounts, ImportProblem, MissingReferences } from "../types";

export interface NamedItem {
  id: string;
  name: string;
}

export interface InsatsItem extends NamedItem {
  skapaScaleMin: number;
  skapaScaleMax: number;
  /** Every SKAPA area, retired ones too: older assessments used them. */
  areas: ReadonlyArray<{ id: string; label: string }>;
}

export interface ReferenceLists {
  insatser: readonly InsatsItem[];
  kommuner: readonly NamedItem[];
  referrers: readonly NamedItem[];
  /** Labels as `name`. */
  ageGroups: readonly NamedItem[];
  closureReasons: readonly NamedItem[];
  supportTypes: ReadonlyArray<NamedItem & { raisesActivityLevel: boolean }>;
  activityTypes: readonly NamedItem[];
  incomeSources: readonly NamedItem[];
  users: ReadonlyArray<{ id: string; name: string; email: string }>;
}

/** Keys of events already stored, built with `eventKeys` so that loader and validator agree. */
export interface ExistingEvents {
  trappan: ReadonlySet<string>;
  skapaOffers: ReadonlySet<string>;
  /** enrolmentId|date → assessment id */
  assessments: ReadonlyMap<string, string>;
  /** assessmentId|areaId → the participant's score (every stored score row has a key here) */
  scores: ReadonlyMap<string, number | null>;
  /** assessmentId|areaId → the koordinator's score, where there is one */
  coordinatorScores: ReadonlyMap<string, number | null>;
  /** enrolmentId|date|incomeSourceId */
  incomeChanges: ReadonlySet<string>;
  fov: ReadonlySet<string>;
  support: ReadonlySet<string>;
  activities: ReadonlySet<string>;
  /** key → how many such rows exist (anonymous referrals and visits can repeat) */
  referrals: ReadonlyMap<string, number>;
  studyVisits: ReadonlyMap<string, number>;
}

export interface ExistingData {
  participants: ReadonlyArray<{ id: string; code: string }>;
  enrolments: ReadonlyArray<{ id: string; participantId: string; insatsId: string; enrolledDate: string; closedDate: string | null }>;
  consents: ReadonlyArray<{ participantId: string; givenDate: string }>;
  events: ExistingEvents;
}

export interface ValidateOptions {
  createMissing: boolean;
  /** Ids for new rows that other rows refer to (participants, enrolments, assessments, ...). */
  newId: () => string;
}

export interface EnrolmentRow {
  id: string;
  participantId: string;
  insatsId: string;
  kommunId: string;
  coordinatorId: string | null;
  referrerId: string;
  gender: Gender;
  ageGroupId: string;
  incomeStartId: string | null;
  enrolledDate: string;
  closedDate: string | null;
  closureReasonId: string | null;
  incomeEndId: string | null;
  planAfterClosure: boolean | null;
}

export interface ImportPlan {
  create: {
    insatser: Array<{ id: string; name: string; areas: Array<{ id: string; label: string; sortOrder: number }> }>;
    kommuner: NamedItem[];
    referrers: NamedItem[];
  };
  participants: Array<{ id: string; code: string; name: string | null }>;
  consents: Array<{ participantId: string; givenDate: string }>;
  enrolments: EnrolmentRow[];
  placements: Array<{ enrolmentId: string; date: string; step: number }>;
  skapaOffers: Array<{ enrolmentId: string; date: string }>;
  assessments: Array<{ id: string; enrolmentId: string; date: string }>;
  /** One row per assessment and area; the koordinator's score is set only when the files give one. */
  scores: Array<{ assessmentId: string; areaId: string; participantScore: number | null; coordinatorScore?: number }>;
  /** A rating filled in on a stored score row whose column for that rater is empty. */
  scoreUpdates: Array<{ assessmentId: string; areaId: string; participantScore?: number; coordinatorScore?: number }>;
  fovScreenings: Array<{ enrolmentId: string; date: string; outcome: FovOutcome }>;
  support: Array<{ enrolmentId: string; date: string; supportTypeId: string; raisesActivityLevel: boolean }>;
  activities: Array<{ enrolmentId: string; date: string; activityTypeId: string; minutes: number | null }>;
  referrals: Array<{ date: string; referrerId: string; kommunId: string; insatsId: string; decision: ReferralDecision | null; participantId: string | null }>;
  studyVisits: Array<{ date: string; kommunId: string; insatsId: string; participantId: string | null }>;
  incomeChanges: Array<{ enrolmentId: string; date: string; incomeSourceId: string }>;
}

export interface ValidationResult {
  /** Only to be written when `problems` is empty. */
  plan: ImportPlan;
  problems: ImportProblem[];
  warnings: string[];
  missing: MissingReferences;
  counts: ImportCounts;
}
