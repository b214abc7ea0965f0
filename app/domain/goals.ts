/**
 * Goal follow-up (seed 002, "Uppföljning av individmål"): per goal the target, the outcome
 * overall and by kön, the previous period's outcome and whether the goal was reached.
 *
 * Targets of share metrics are ratios (80 % is 0.8), targets of count metrics are counts per
 * calendar year ("80 individer per år"). For a part of a year (a delårsrapport) a count goal is
 * judged against the pro-rata target, the annual target times the period's share of the year's
 * days (rounded up to whole people); the row keeps both, so the report can say so. A share target is the same for any period.
 */
import { daysBetween, inPeriod, previousPeriod } from "./period";
import {
  applyFilters,
  GENDERS,
  isActive,
  isClosedIn,
  isMeasured,
  isNewlyEnrolled,
  movement,
  placementSpan,
  ratio,
  skapaProgress,
  stepAtClosure,
  UPPER_PART_FIRST_STEP,
  wasOfferedSkapa,
  type EnrolmentRecord,
  type Gender,
  type GenderMap,
  type Period,
  type ReportInput,
} from "./statistics";

export type GoalKind = "share" | "count";

export const GOAL_METRICS = {
  trappan_share: { label: "Stegförflyttning", kind: "share" },
  trappan_upper_part_share: { label: "Avslutade på steg 4–6", kind: "share" },
  skapa_offered_share: { label: "Erbjudna SKAPA", kind: "share" },
  skapa_progressed_share: { label: "Progression i SKAPA", kind: "share" },
  new_enrolments: { label: "Nyinskrivna deltagare", kind: "count" },
  active: { label: "Aktiva deltagare", kind: "count" },
  active_persons: { label: "Aktiva personer", kind: "count" },
  consultations: { label: "Konsultationsärenden", kind: "count" },
  closed_with_plan_share: { label: "Planering efter avslut", kind: "share" },
  survey_support_share: { label: "Upplevt stöd", kind: "share" },
  survey_influence_share: { label: "Upplevt inflytande", kind: "share" },
  survey_readiness_share: { label: "Ökad beredskap för arbete eller studier", kind: "share" },
} as const satisfies Record<string, { label: string; kind: GoalKind }>;

export type GoalMetric = keyof typeof GOAL_METRICS;

export const GOAL_METRIC_KEYS = Object.keys(GOAL_METRICS) as GoalMetric[];

export function isGoalMetric(key: string): key is GoalMetric {
  return Object.hasOwn(GOAL_METRICS, key);
}

export function goalMetricLabel(metric: GoalMetric): string {
  return GOAL_METRICS[metric].label;
}

/**
 * A goal on an outcome group's share: closures in the group ÷ all closures, as closed.byGroup
 * counts them (seed 002: "59 % avslutade till arbete, studier eller rätt försörjning"). There is
 * one such goal per group, so its target names the group.
 */
export const OUTCOME_GROUP_SHARE = "outcome_group_share";

/** A goal metric, or the outcome-group share (whose target also names its group). */
export type GoalMetricKey = GoalMetric | typeof OUTCOME_GROUP_SHARE;

export function outcomeGroupGoalLabel(group: string): string {
  return `Avslutade: ${group}`;
}

/**
 * numerator ÷ denominator = value. A count metric has the count as numerator and denominator 1,
 * so every outcome reads the same way; `kind` tells how to present it.
 */
export interface GoalOutcome {
  numerator: number;
  denominator: number;
  value: number;
}

export interface GoalMeasure {
  total: GoalOutcome;
  byGender: GenderMap<GoalOutcome>;
}

export type GoalInput = Record<GoalMetric, GoalMeasure> & {
  /** Each outcome group's share of all closures, by the group's name. */
  byOutcomeGroup: Record<string, GoalMeasure>;
};

export interface GoalTarget {
  metric: GoalMetricKey;
  value: number;
  /** The outcome group's name, for (and only for) an OUTCOME_GROUP_SHARE goal. */
  outcomeGroup?: string;
}

/** What tells two goals apart: the metric, and for an outcome-group goal its group. */
export function goalKey(target: Pick<GoalTarget, "metric" | "outcomeGroup">): string {
  return target.metric === OUTCOME_GROUP_SHARE ? `${OUTCOME_GROUP_SHARE}:${target.outcomeGroup ?? ""}` : target.metric;
}

/** A target as stored: for one calendar year, or (`year` null) for every year without its own. */
export interface YearlyGoalTarget extends GoalTarget {
  year: number | null;
}

/** The calendar year a period lies in; null for a period across years (it has no year's target). */
export function periodYear(period: Period): number | null {
  const year = period.from.slice(0, 4);
  return period.to.slice(0, 4) === year ? Number(year) : null;
}

/**
 * The targets that apply to `period`, one per goal (metric, or outcome group) in the order of
 * the metric list, then the outcome groups in the order given: the goal's target for the
 * period's year, else its target without a year. A period across years uses the targets
 * without a year. Unknown metrics are left out.
 */
export function targetsForPeriod(targets: readonly YearlyGoalTarget[], period: Period): GoalTarget[] {
  const year = periodYear(period);
  const chosen = new Map<string, GoalTarget>();
  for (const target of targets) {
    const isGroupGoal = target.metric === OUTCOME_GROUP_SHARE && target.outcomeGroup !== undefined;
    if (!isGroupGoal && !isGoalMetric(target.metric)) continue;
    const key = goalKey(target);
    if (target.year === null ? chosen.has(key) : target.year !== year) continue;
    chosen.set(key, { metric: target.metric, value: target.value, ...(isGroupGoal ? { outcomeGroup: target.outcomeGroup } : {}) });
  }
  const metricGoals = GOAL_METRIC_KEYS.filter((metric) => chosen.has(metric)).map((metric) => chosen.get(metric)!);
  return [...metricGoals, ...[...chosen.values()].filter((target) => target.metric === OUTCOME_GROUP_SHARE)];
}

export interface GoalRow {
  /** Unique among a report's goals (goalKey). */
  key: string;
  metric: GoalMetricKey;
  /** The outcome group of an OUTCOME_GROUP_SHARE goal; null for the other metrics. */
  outcomeGroup: string | null;
  label: string;
  kind: GoalKind;
  /** The target as set: a share, or a count per calendar year. */
  target: number;
  /** What the outcome is judged against: `target`, or its pro-rata part for a part-year count goal. */
  periodTarget: number;
  outcome: GoalOutcome;
  byGender: GenderMap<GoalOutcome>;
  previous: GoalOutcome;
  previousByGender: GenderMap<GoalOutcome>;
  /** "Uppnått" when the outcome reaches the target; nothing measured is never reached. */
  achieved: boolean;
}

interface Fraction {
  numerator: number;
  denominator: number;
}

type GenderFractions = Record<Gender, Fraction>;

type GoalTally = Record<GoalMetric, GenderFractions>;

const emptyFractions = (): GenderFractions => ({
  kvinna: { numerator: 0, denominator: 0 },
  man: { numerator: 0, denominator: 0 },
  annat: { numerator: 0, denominator: 0 },
});

function emptyTally(): GoalTally {
  return Object.fromEntries(GOAL_METRIC_KEYS.map((metric) => [metric, emptyFractions()])) as GoalTally;
}

/** One more enrolment in the denominator; in the numerator too when `hit`. */
function addTo(fractions: GenderFractions, gender: Gender, hit: boolean): void {
  const fraction = fractions[gender];
  fraction.denominator++;
  if (hit) fraction.numerator++;
}

function add(tally: GoalTally, metric: GoalMetric, gender: Gender, hit: boolean): void {
  addTo(tally[metric], gender, hit);
}

function addActive(tally: GoalTally, enrolment: EnrolmentRecord, period: Period): void {
  const { gender } = enrolment;
  add(tally, "active", gender, true);
  add(tally, "skapa_offered_share", gender, wasOfferedSkapa(enrolment, period));
  const span = placementSpan(enrolment, period);
  if (isMeasured(span)) add(tally, "trappan_share", gender, movement(span) === "up");
  const progress = skapaProgress(enrolment, period);
  if (progress.assessedTwice) add(tally, "skapa_progressed_share", gender, progress.progressed);
}

const SURVEYS = [
  ["surveySupport", "survey_support_share"],
  ["surveyInfluence", "survey_influence_share"],
  ["surveyReadiness", "survey_readiness_share"],
] as const;

function addClosed(tally: GoalTally, enrolment: EnrolmentRecord, period: Period): void {
  const { gender } = enrolment;
  // A closure with no answer about a plan counts as without one: the indicator is "100 % shall
  // have a plan", and missing data must not make it look better.
  add(tally, "closed_with_plan_share", gender, enrolment.planAfterClosure === true);
  const step = stepAtClosure(enrolment, period);
  if (step !== null) add(tally, "trappan_upper_part_share", gender, step >= UPPER_PART_FIRST_STEP);
  for (const [field, metric] of SURVEYS) {
    const answer = enrolment[field];
    if (answer !== null) add(tally, metric, gender, answer);
  }
}

function toOutcome(fraction: Fraction, kind: GoalKind): GoalOutcome {
  if (kind === "count") return { numerator: fraction.numerator, denominator: 1, value: fraction.numerator };
  return { ...fraction, value: ratio(fraction.numerator, fraction.denominator) };
}

function toMeasure(perGender: Record<Gender, Fraction>, kind: GoalKind): GoalMeasure {
  const total = { numerator: 0, denominator: 0 };
  for (const gender of GENDERS) {
    total.numerator += perGender[gender].numerator;
    total.denominator += perGender[gender].denominator;
  }
  const byGender: GenderMap<GoalOutcome> = {
    kvinna: toOutcome(perGender.kvinna, kind),
    man: toOutcome(perGender.man, kind),
  };
  if (perGender.annat.denominator > 0) byGender.annat = toOutcome(perGender.annat, kind);
  return { total: toOutcome(total, kind), byGender };
}

/** Every goal metric for the input's period, insats and kommun, overall and by kön. */
export function goalInputs(input: ReportInput): GoalInput {
  const { period, enrolments, referrals, outcomeGroups = [] } = applyFilters(input);
  const tally = emptyTally();
  const groupTallies = outcomeGroups.map((group) => ({ group, reasons: new Set(group.reasons), fractions: emptyFractions() }));
  // A person re-enrolled in the period is one active person, as participants.persons counts; by
  // kön a person counts once in each kön recorded on their enrolments (participants.personsByGender).
  const activePersons = new Set<string>();
  const activePersonsByGender = new Set<string>();
  for (const enrolment of enrolments) {
    if (isNewlyEnrolled(enrolment, period)) add(tally, "new_enrolments", enrolment.gender, true);
    if (isActive(enrolment, period)) {
      addActive(tally, enrolment, period);
      const key = `${enrolment.gender}\u0000${enrolment.participantId}`;
      if (!activePersonsByGender.has(key)) add(tally, "active_persons", enrolment.gender, true);
      activePersonsByGender.add(key);
      activePersons.add(enrolment.participantId);
    }
    if (isClosedIn(enrolment, period)) {
      addClosed(tally, enrolment, period);
      // A reason in two groups counts in both, as closed.byGroup counts it.
      for (const { reasons, fractions } of groupTallies)
        addTo(fractions, enrolment.gender, enrolment.closureReason !== null && reasons.has(enrolment.closureReason));
    }
  }
  const entries = GOAL_METRIC_KEYS.map((metric) => [metric, toMeasure(tally[metric], GOAL_METRICS[metric].kind)]);
  const byOutcomeGroup = Object.fromEntries(groupTallies.map(({ group, fractions }) => [group.name, toMeasure(fractions, "share")]));
  const inputs = { ...Object.fromEntries(entries), byOutcomeGroup } as GoalInput;
  const persons = activePersons.size;
  inputs.active_persons.total = { numerator: persons, denominator: 1, value: persons };
  inputs.consultations = consultations(referrals, period);
  return inputs;
}

/** A kön that is not recorded: nothing measured (denominator 0), shown as "–", never as 0. */
const NOT_RECORDED: GoalOutcome = { numerator: 0, denominator: 0, value: 0 };

/**
 * Referrals dated in the period with the decision konsultation, as referrals.byDecision counts
 * them. A referral records no kön, so by kön there is nothing to measure.
 */
function consultations(referrals: ReportInput["referrals"], period: Period): GoalMeasure {
  const count = referrals.filter((referral) => referral.decision === "konsultation" && inPeriod(referral.date, period)).length;
  return { total: { numerator: count, denominator: 1, value: count }, byGender: { kvinna: NOT_RECORDED, man: NOT_RECORDED } };
}

/**
 * The part of an annual count target that falls on `period`: target × days in the period ÷ days
 * in its year, rounded up to whole people (the smallest count that reaches that part). Whole
 * years, periods across years and share targets keep the target as set.
 */
export function periodTarget(kind: GoalKind, target: number, period: Period | undefined): number {
  if (kind !== "count" || period === undefined) return target;
  const year = period.from.slice(0, 4);
  if (period.to.slice(0, 4) !== year) return target;
  const days = daysBetween(period.from, period.to) + 1;
  const yearDays = daysBetween(`${year}-01-01`, `${year}-12-31`) + 1;
  return days >= yearDays ? target : Math.ceil((target * days) / yearDays - 1e-9);
}

export function isAchieved(outcome: GoalOutcome, target: number): boolean {
  return outcome.denominator > 0 && outcome.value >= target;
}

export function achievementLabel(achieved: boolean): string {
  return achieved ? "Uppnått" : "Ej uppnått";
}

/** Nothing closed: the measure of an outcome group the input does not know. */
const NOTHING_CLOSED: GoalMeasure = { total: { numerator: 0, denominator: 0, value: 0 }, byGender: { kvinna: NOT_RECORDED, man: NOT_RECORDED } };

function measureOf(inputs: GoalInput, target: GoalTarget): GoalMeasure {
  if (target.metric !== OUTCOME_GROUP_SHARE) return inputs[target.metric];
  return inputs.byOutcomeGroup[target.outcomeGroup ?? ""] ?? NOTHING_CLOSED;
}

/** One row per target, in the order the targets are given; `period` is the report's, for pro-rata count goals. */
export function goalFollowUp(targets: readonly GoalTarget[], current: GoalInput, previous: GoalInput, period?: Period): GoalRow[] {
  return targets.map((goal) => {
    const { metric, value: target } = goal;
    const outcomeGroup = metric === OUTCOME_GROUP_SHARE ? (goal.outcomeGroup ?? "") : null;
    const kind = outcomeGroup === null ? GOAL_METRICS[metric as GoalMetric].kind : "share";
    const judgedAgainst = periodTarget(kind, target, period);
    const now = measureOf(current, goal);
    const before = measureOf(previous, goal);
    return {
      key: goalKey(goal),
      metric,
      outcomeGroup,
      label: outcomeGroup === null ? GOAL_METRICS[metric as GoalMetric].label : outcomeGroupGoalLabel(outcomeGroup),
      kind,
      target,
      periodTarget: judgedAgainst,
      outcome: now.total,
      byGender: now.byGender,
      previous: before.total,
      previousByGender: before.byGender,
      achieved: isAchieved(now.total, judgedAgainst),
    };
  });
}

/** Goal follow-up against the same dates one year earlier, from one set of records. */
export function goalFollowUpFromRecords(targets: readonly GoalTarget[], input: ReportInput): GoalRow[] {
  const previous = goalInputs({ ...input, period: previousPeriod(input.period) });
  return goalFollowUp(targets, goalInputs(input), previous, input.period);
}
