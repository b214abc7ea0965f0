// The reminders of the coordinator's list of participants (domain.md: follow up with the
// remittent and place the participant in Trappan at least every three months; ask FOV; offer
// SKAPA). Pure: the list query (data/participant-list.server.ts) gathers the facts in SQL, and
// these rules turn them into flags.
import { addDays } from "./period";

/** Days without the event after which a row is flagged. */
export const FLAG_DAYS = 90;

export const PARTICIPANT_FLAGS = ["referrer-follow-up", "trappan", "fov", "skapa", "data-check"] as const;
export type ParticipantFlag = (typeof PARTICIPANT_FLAGS)[number];

/** What the flags of one enrolment are computed from; dates are "YYYY-MM-DD". */
export interface FlagFacts {
  enrolledDate: string;
  closedDate: string | null;
  lastFollowUpDate: string | null;
  lastPlacementDate: string | null;
  lastActivityDate: string | null;
  fovAsked: boolean;
  skapaOffered: boolean;
}

/**
 * Whether more than FLAG_DAYS days have passed since the event, or since the enrolment when
 * there is none (or only one dated before it): the clock starts at enrolment, so a participant
 * enrolled last week is not flagged for a follow-up that is not due yet.
 */
export function isOverdue(lastDate: string | null, enrolledDate: string, today: string): boolean {
  const since = lastDate !== null && lastDate > enrolledDate ? lastDate : enrolledDate;
  return since < addDays(today, -FLAG_DAYS);
}

/** A closed enrolment is flagged when its closure is dated before its last activity. */
export function closureNeedsCheck(closedDate: string, lastActivityDate: string | null): boolean {
  return lastActivityDate !== null && lastActivityDate > closedDate;
}

/** The reminders of an enrolment. Closed enrolments get only the data check. */
export function participantFlags(facts: FlagFacts, today: string): ParticipantFlag[] {
  if (facts.closedDate !== null) return closureNeedsCheck(facts.closedDate, facts.lastActivityDate) ? ["data-check"] : [];
  const flags: ParticipantFlag[] = [];
  if (isOverdue(facts.lastFollowUpDate, facts.enrolledDate, today)) flags.push("referrer-follow-up");
  if (isOverdue(facts.lastPlacementDate, facts.enrolledDate, today)) flags.push("trappan");
  if (!facts.fovAsked) flags.push("fov");
  if (!facts.skapaOffered) flags.push("skapa");
  return flags;
}
