// The keys that make a row "the same row": an import skips rows whose key is already stored,
// and two rows of one file with the same key are duplicates. The loader builds the stored keys
// with the same functions.
import type { ExistingEvents } from "./types";

export const SEP = "\u0001";

export const eventKeys = {
  trappan: (enrolmentId: string, date: string, step: number) => [enrolmentId, date, step].join(SEP),
  skapaOffer: (enrolmentId: string, date: string) => [enrolmentId, date].join(SEP),
  assessment: (enrolmentId: string, date: string) => [enrolmentId, date].join(SEP),
  score: (assessmentId: string, areaId: string) => [assessmentId, areaId].join(SEP),
  fov: (enrolmentId: string, date: string, outcome: string) => [enrolmentId, date, outcome].join(SEP),
  support: (enrolmentId: string, date: string, supportTypeId: string) => [enrolmentId, date, supportTypeId].join(SEP),
  activity: (enrolmentId: string, date: string, activityTypeId: string, minutes: number | null) => [enrolmentId, date, activityTypeId, minutes ?? ""].join(SEP),
  referral: (date: string, referrerId: string, kommunId: string, insatsId: string, participantId: string | null) =>
    [date, referrerId, kommunId, insatsId, participantId ?? ""].join(SEP),
  incomeChange: (enrolmentId: string, date: string, incomeSourceId: string) => [enrolmentId, date, incomeSourceId].join(SEP),
  studyVisit: (date: string, kommunId: string, insatsId: string, participantId: string | null) => [date, kommunId, insatsId, participantId ?? ""].join(SEP),
};

export const NO_EXISTING_EVENTS: ExistingEvents = {
  trappan: new Set(),
  skapaOffers: new Set(),
  assessments: new Map(),
  scores: new Map(),
  coordinatorScores: new Map(),
  incomeChanges: new Set(),
  fov: new Set(),
  support: new Set(),
  activities: new Set(),
  referrals: new Map(),
  studyVisits: new Map(),
};
