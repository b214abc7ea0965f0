import type { Period } from "../period";
import { isClosedIn } from "./population";
import { entry, genderTally, increment, toGenderCounts, toSortedRecord } from "./tally";
import { emptyStepDistribution, stepAtClosure } from "./trappan";
import type { ClosedStats, CountMap, EnrolmentRecord, Gender, OutcomeGroupDefinition, StepDistribution } from "./types";

/**
 * Stands in for a missing closure reason so that byReason still sums to the total; import and
 * forms require a reason, so this only shows up for data entered outside them.
 */
export const MISSING_CLOSURE_REASON = "Ej angiven";

interface ClosureTally {
  total: number;
  withPlanAfter: number;
  byReason: Map<string, number>;
  byKommun: Map<string, number>;
  byCategory: { positive: number; negative: number };
  byGender: Record<Gender, number>;
  byCategoryByGender: { positive: Record<Gender, number>; negative: Record<Gender, number> };
  byReasonByKommun: Map<string, Map<string, number>>;
  byLastStep: StepDistribution;
  byReasonByLastStep: Map<string, StepDistribution>;
}

function addClosure(tally: ClosureTally, enrolment: EnrolmentRecord, period: Period): void {
  const reason = enrolment.closureReason ?? MISSING_CLOSURE_REASON;
  tally.total++;
  increment(tally.byReason, reason);
  increment(tally.byKommun, enrolment.kommun);
  increment(
    entry(tally.byReasonByKommun, reason, () => new Map()),
    enrolment.kommun,
  );
  tally.byGender[enrolment.gender]++;
  if (enrolment.closureCategory !== null) {
    tally.byCategory[enrolment.closureCategory]++;
    tally.byCategoryByGender[enrolment.closureCategory][enrolment.gender]++;
  }
  if (enrolment.planAfterClosure === true) tally.withPlanAfter++;
  // The latest placement up to the closure date: one placed later, or none at all, is no last step.
  const step = stepAtClosure(enrolment, period);
  if (step !== null) {
    const key = String(step);
    tally.byLastStep[key] = (tally.byLastStep[key] ?? 0) + 1;
    const byStep = entry(tally.byReasonByLastStep, reason, emptyStepDistribution);
    byStep[key] = (byStep[key] ?? 0) + 1;
  }
}

/** Closures in each group, in the groups' order; a reason in two groups counts in both. */
function closuresByGroup(byReason: ReadonlyMap<string, number>, groups: readonly OutcomeGroupDefinition[]): CountMap {
  return Object.fromEntries(groups.map((group) => [group.name, [...new Set(group.reasons)].reduce((sum, reason) => sum + (byReason.get(reason) ?? 0), 0)]));
}

/** Enrolments closed in the period, by reason, category, kommun, kön, last Trappan step and outcome group. */
export function closedStats(enrolments: readonly EnrolmentRecord[], period: Period, outcomeGroups: readonly OutcomeGroupDefinition[] = []): ClosedStats {
  const tally: ClosureTally = {
    total: 0,
    withPlanAfter: 0,
    byReason: new Map(),
    byKommun: new Map(),
    byCategory: { positive: 0, negative: 0 },
    byGender: genderTally(() => 0),
    byCategoryByGender: { positive: genderTally(() => 0), negative: genderTally(() => 0) },
    byReasonByKommun: new Map(),
    byLastStep: emptyStepDistribution(),
    byReasonByLastStep: new Map(),
  };
  for (const enrolment of enrolments) {
    if (isClosedIn(enrolment, period)) addClosure(tally, enrolment, period);
  }
  return {
    total: tally.total,
    byReason: toSortedRecord(tally.byReason),
    byCategory: tally.byCategory,
    byKommun: toSortedRecord(tally.byKommun),
    withPlanAfter: tally.withPlanAfter,
    byGender: toGenderCounts(tally.byGender),
    byCategoryByGender: {
      positive: toGenderCounts(tally.byCategoryByGender.positive),
      negative: toGenderCounts(tally.byCategoryByGender.negative),
    },
    byReasonByKommun: toSortedRecord(new Map([...tally.byReasonByKommun].map(([reason, byKommun]) => [reason, toSortedRecord(byKommun)]))),
    byLastStep: tally.byLastStep,
    byReasonByLastStep: toSortedRecord(tally.byReasonByLastStep),
    byGroup: closuresByGroup(tally.byReason, outcomeGroups),
  };
}
