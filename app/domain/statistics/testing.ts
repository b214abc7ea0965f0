/**
 * Small record factories for the statistics tests. Every default is inert (no events, open
 * enrolment), so a test states exactly the facts it depends on.
 */
import type { Period } from "../period";
import type { EnrolmentRecord, Placement, ReportInput } from "./types";

export const YEAR_2025: Period = { from: "2025-01-01", to: "2025-12-31" };
export const H1_2025: Period = { from: "2025-01-01", to: "2025-06-30" };

let nextId = 1;

export function enrolment(overrides: Partial<EnrolmentRecord> = {}): EnrolmentRecord {
  const id = nextId++;
  return {
    id: `e${id}`,
    participantId: `p${id}`,
    insats: "SamSteg",
    kommun: "Ljungby",
    gender: "kvinna",
    ageGroup: "30–39",
    referrer: "Försäkringskassan",
    enrolledDate: "2024-09-01",
    closedDate: null,
    closureReason: null,
    closureCategory: null,
    planAfterClosure: null,
    surveySupport: null,
    surveyInfluence: null,
    surveyReadiness: null,
    placements: [],
    skapaOffers: [],
    assessments: [],
    fov: [],
    support: [],
    incomeStart: null,
    incomeEnd: null,
    incomeChanges: [],
    ...overrides,
  };
}

/** Placements from [date, step] pairs; seq follows the order given (creation order). */
export function steps(...pairs: Array<[date: string, step: number]>): Placement[] {
  return pairs.map(([date, step], seq) => ({ date, step, seq }));
}

export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    period: YEAR_2025,
    filters: { insats: null, kommun: null },
    enrolments: [],
    referrals: [],
    studyVisits: [],
    ...overrides,
  };
}
