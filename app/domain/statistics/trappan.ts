import type { Period } from "../period";
import { cutoffDate, isActive, isClosedIn } from "./population";
import { spanUpTo, type Span } from "./span";
import { entry, genderTally, ratio, toGenderMap, toSortedRecord } from "./tally";
import { GENDERS, type EnrolmentRecord, type Gender, type Placement, type StepDistribution, type TrappanGroup, type TrappanStats } from "./types";

/** Steps 4–6 are the upper part of the ladder: outside the insats, near or in work or studies. */
export const UPPER_PART_FIRST_STEP = 4;

const STEPS = ["1", "2", "3", "4", "5", "6"] as const;

export type Movement = "up" | "unchanged" | "down";

/** Same-date placements are ordered by seq, the order they were created in. */
function isEarlierPlacement(a: Placement, b: Placement): boolean {
  return a.date < b.date || (a.date === b.date && a.seq < b.seq);
}

/** Baseline and current placement, counting only placements up to min(to, closure date). */
export function placementSpan(enrolment: EnrolmentRecord, period: Period): Span<Placement> | null {
  return spanUpTo(enrolment.placements, cutoffDate(enrolment, period), isEarlierPlacement);
}

/** Measured means baseline and current are two different placements. */
export function isMeasured(span: Span<Placement> | null): span is Span<Placement> {
  return span !== null && span.count >= 2;
}

export function movement(span: Span<Placement>): Movement {
  const change = span.current.step - span.baseline.step;
  return change > 0 ? "up" : change < 0 ? "down" : "unchanged";
}

/** The last step of an enrolment closed in the period, or null when it has no placement. */
export function stepAtClosure(enrolment: EnrolmentRecord, period: Period): number | null {
  if (!isClosedIn(enrolment, period)) return null;
  return placementSpan(enrolment, period)?.current.step ?? null;
}

function emptyGroup(): TrappanGroup {
  return { measured: 0, movedUp: 0, share: 0 };
}

/** Keys "1".."6", all 0. */
export function emptyStepDistribution(): StepDistribution {
  return Object.fromEntries(STEPS.map((step) => [step, 0]));
}

function emptyTransitions(): Record<string, StepDistribution> {
  return Object.fromEntries(STEPS.map((step) => [step, emptyStepDistribution()]));
}

function addToGroup(group: TrappanGroup, moved: Movement): void {
  group.measured++;
  if (moved === "up") group.movedUp++;
}

function setShare(group: TrappanGroup): void {
  group.share = ratio(group.movedUp, group.measured);
}

interface TrappanTally {
  moves: Record<Movement, number>;
  byGender: Record<Gender, TrappanGroup>;
  byKommun: Map<string, TrappanGroup>;
  baseline: StepDistribution;
  current: StepDistribution;
  transitions: Record<string, StepDistribution>;
  closedWithPlacement: number;
  closedInUpperPart: number;
}

function addEnrolment(tally: TrappanTally, enrolment: EnrolmentRecord, period: Period): void {
  // A kommun with active participants but nobody measured still gets its (0 of 0) row.
  const kommunGroup = entry(tally.byKommun, enrolment.kommun, emptyGroup);
  const span = placementSpan(enrolment, period);
  if (isMeasured(span)) {
    const moved = movement(span);
    tally.moves[moved]++;
    addToGroup(tally.byGender[enrolment.gender], moved);
    addToGroup(kommunGroup, moved);
    const { baseline, current } = tally;
    baseline[span.baseline.step] = (baseline[span.baseline.step] ?? 0) + 1;
    current[span.current.step] = (current[span.current.step] ?? 0) + 1;
    const row = (tally.transitions[span.baseline.step] ??= emptyStepDistribution());
    row[span.current.step] = (row[span.current.step] ?? 0) + 1;
  }
  if (span !== null && isClosedIn(enrolment, period)) {
    tally.closedWithPlacement++;
    if (span.current.step >= UPPER_PART_FIRST_STEP) tally.closedInUpperPart++;
  }
}

/**
 * Stegförflyttning among enrolments active in the period. The share is movedUp ÷ measured, and
 * 0 when nobody was measured: the counts beside it say which case it is.
 */
export function trappanStats(enrolments: readonly EnrolmentRecord[], period: Period): TrappanStats {
  const tally: TrappanTally = {
    moves: { up: 0, unchanged: 0, down: 0 },
    byGender: genderTally(emptyGroup),
    byKommun: new Map(),
    baseline: emptyStepDistribution(),
    current: emptyStepDistribution(),
    transitions: emptyTransitions(),
    closedWithPlacement: 0,
    closedInUpperPart: 0,
  };
  for (const enrolment of enrolments) {
    if (isActive(enrolment, period)) addEnrolment(tally, enrolment, period);
  }
  for (const gender of GENDERS) setShare(tally.byGender[gender]);
  for (const group of tally.byKommun.values()) setShare(group);
  const measured = tally.moves.up + tally.moves.unchanged + tally.moves.down;
  return {
    measured,
    movedUp: tally.moves.up,
    unchanged: tally.moves.unchanged,
    movedDown: tally.moves.down,
    share: ratio(tally.moves.up, measured),
    byGender: toGenderMap(tally.byGender, (group) => group.measured === 0),
    byKommun: toSortedRecord(tally.byKommun),
    baseline: tally.baseline,
    current: tally.current,
    transitions: tally.transitions,
    closedWithPlacement: tally.closedWithPlacement,
    closedInUpperPart: tally.closedInUpperPart,
  };
}
