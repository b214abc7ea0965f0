/**
 * Small-number protection for a whole report: the one place that decides which counts a
 * steering view or export shows, which it shows as "färre än N" and which as "dolt", and so which
 * shares are "–". Every presentation (statistics page, print view, DOCX, XLSX, CSV, CLI exports)
 * reads the result; the report JSON for analysts stays unprotected.
 *
 * The primary rule hides counts 1..N−1 (FOV by kön always, everything when the view hides small
 * numbers). Secondary suppression (protect.ts) then keeps back further cells until the reader of
 * attacker.ts, using every relation the report and its sibling views publish (model.ts), cannot
 * pin any hidden small count to one value. See docs/decisions/0009-small-number-protection.md.
 */
import type { GoalRow } from "../../goals";
import type { ClosureCategory } from "../../reference-defaults";
import type { GenderMap, ReportJson } from "../types";
import { buildModel, cellKey, type PeriodKey, type ReportModel, type ReportSlice, reportCounts, sliceKey } from "./model";
import { protectCells } from "./protect";
import { type CellState, type CellValue, HIDDEN_MARK, meanOf, NO_VALUE, shareOf, type Shown, type ShownGoal, smallMark } from "./shown";

export * from "./shown";
export { attack, propagate, priorBounds, recoveredCells, type Bounds, type CellSystem, type SumConstraint } from "./attacker";
export { protectCells } from "./protect";
export { buildModel, cellKey, reportCounts, sliceKey, type CellPath, type ReportModel, type ReportSlice } from "./model";

export interface ProtectionOptions {
  /** Counts 1..threshold−1 are small. */
  threshold: number;
  /** Whether this view hides small numbers; FOV by kön is protected either way. */
  enabled: boolean;
  /** The category of each configured closure reason, for the category subtotals. */
  closureCategories: Readonly<Record<string, ClosureCategory>>;
}

export interface ProtectionSummary {
  /** Counts in the report and its comparison period. */
  counts: number;
  nonZero: number;
  /** Shown as "färre än N". */
  small: number;
  /** Shown as "dolt". */
  hidden: number;
}

export interface ProtectedReport {
  threshold: number;
  enabled: boolean;
  now: Shown<ReportJson>;
  before: Shown<ReportJson>;
  goals: ShownGoal[];
  summary: ProtectionSummary;
}

const FOV_BY_GENDER = new Set(["answeredByGender", "yesByGender"]);

function isFovByGender(key: string): boolean {
  const path = JSON.parse(key) as string[];
  return path[2] === "fov" && FOV_BY_GENDER.has(path[3]!);
}

/**
 * The report of `main` as its readers may see it. `linked` are the other filter combinations the
 * same readers can open (the whole förbund, each kommun, each insats): protecting them together
 * is what keeps one view from undoing another. Deterministic: the same counts give the same marks.
 */
export function protectReport(main: ReportSlice, linked: readonly ReportSlice[], options: ProtectionOptions): ProtectedReport {
  const { threshold } = options;
  const mainName = sliceKey(main.filters);
  const { model, states } = protectSlices([main, ...linked.filter((slice) => sliceKey(slice.filters) !== mainName)], options);
  const { index } = model;
  const stateOf = (period: PeriodKey, path: readonly string[]): CellState => {
    const i = index.get(cellKey(mainName, period, path));
    return i === undefined ? "shown" : states[i]!;
  };
  const mark = (value: number, state: CellState): CellValue => (state === "shown" ? value : state === "small" ? smallMark(threshold) : HIDDEN_MARK);
  const showPeriod = (period: PeriodKey) => showReport(main[period], (path, value) => mark(value, stateOf(period, path)));
  const summary: ProtectionSummary = { counts: 0, nonZero: 0, small: 0, hidden: 0 };
  for (const period of ["now", "before"] as const) {
    for (const [path, value] of reportCounts(main[period])) {
      const state = stateOf(period, path);
      summary.counts++;
      if (value !== 0) summary.nonZero++;
      if (state === "small") summary.small++;
      if (state === "hidden") summary.hidden++;
    }
  }
  const goalCell = (row: GoalRow, period: PeriodKey, group: string, outcome: { numerator: number; denominator: number } | undefined): CellValue => {
    if (outcome === undefined) return NO_VALUE;
    const n = mark(outcome.numerator, stateOf(period, ["goals", row.metric, group, "n"]));
    if (row.kind === "count") return n;
    return shareOf(n, mark(outcome.denominator, stateOf(period, ["goals", row.metric, group, "d"])));
  };
  const goals = main.goals.map((row): ShownGoal => {
    const byGender: GenderMap<CellValue> = {
      kvinna: goalCell(row, "now", "kvinna", row.byGender.kvinna),
      man: goalCell(row, "now", "man", row.byGender.man),
    };
    if (row.byGender.annat !== undefined) byGender.annat = goalCell(row, "now", "annat", row.byGender.annat);
    const outcome = goalCell(row, "now", "total", row.outcome);
    const reportable = typeof outcome === "number" || row.outcome.denominator === 0;
    return { outcome, byGender, previous: goalCell(row, "before", "total", row.previous), achieved: reportable ? row.achieved : null };
  });
  return { threshold, enabled: options.enabled, now: showPeriod("now"), before: showPeriod("before"), goals, summary };
}

export interface SliceProtection {
  model: ReportModel;
  /** The primary rule's cells: small counts this view must not give away. */
  sensitive: boolean[];
  states: CellState[];
}

/** The marks of every cell of every slice, decided together. */
export function protectSlices(slices: readonly ReportSlice[], options: ProtectionOptions): SliceProtection {
  // One order whichever view asks, so that every view of the family gets the very same marks.
  const ordered = [...slices].sort((a, b) => (sliceKey(a.filters) < sliceKey(b.filters) ? -1 : sliceKey(a.filters) > sliceKey(b.filters) ? 1 : 0));
  const model = buildModel(ordered, options.closureCategories);
  const { system, index } = model;
  const sensitive = system.values.map(() => false);
  for (const [key, i] of index) {
    const value = system.values[i]!;
    if (value >= 1 && value < options.threshold && (options.enabled || isFovByGender(key))) sensitive[i] = true;
  }
  // A cell costs as much as the widest view that shows it: the whole report's cells are kept
  // back last, a cell seen only in one insats in one kommun first.
  const cost = system.values.map(() => 0);
  for (const [key, i] of index) {
    const [slice] = JSON.parse(key) as [string];
    const [insats, kommun] = JSON.parse(slice) as [string | null, string | null];
    cost[i] = Math.max(cost[i]!, (insats === null ? 1 : 0) + (kommun === null ? 1 : 0));
  }
  return { model, sensitive, states: protectCells(system, sensitive, options.threshold, cost).states };
}

/** The report with each count replaced by `show(path, count)` and each share and mean following its counts. */
function showReport(report: ReportJson, show: (path: string[], value: number) => CellValue): Shown<ReportJson> {
  const shown = new Map<string, CellValue>();
  for (const [path, value] of reportCounts(report)) shown.set(JSON.stringify(path), show([...path], value));
  const count = (...path: string[]): CellValue => shown.get(JSON.stringify(path)) ?? 0;
  const map = (prefix: string[], source: Record<string, number>) => Object.fromEntries(Object.keys(source).map((key) => [key, count(...prefix, key)]));
  const genderMap = (prefix: string[], source: GenderMap<number>): GenderMap<CellValue> => {
    const out: GenderMap<CellValue> = { kvinna: count(...prefix, "kvinna"), man: count(...prefix, "man") };
    if (source.annat !== undefined) out.annat = count(...prefix, "annat");
    return out;
  };
  const group = (prefix: string[]) => {
    const measured = count(...prefix, "measured");
    const movedUp = count(...prefix, "movedUp");
    return { measured, movedUp, share: shareOf(movedUp, measured) };
  };
  const { active, newlyEnrolled, closed, referrals, studyVisits, trappan, skapa, fov, support } = report;
  const trappanByGender: GenderMap<ReturnType<typeof group>> = { kvinna: group(["trappan", "byGender", "kvinna"]), man: group(["trappan", "byGender", "man"]) };
  if (trappan.byGender.annat !== undefined) trappanByGender.annat = group(["trappan", "byGender", "annat"]);
  return {
    period: report.period,
    filters: report.filters,
    active: {
      total: count("active", "total"),
      byKommun: map(["active", "byKommun"], active.byKommun),
      byGender: genderMap(["active", "byGender"], active.byGender),
      byAgeGroup: map(["active", "byAgeGroup"], active.byAgeGroup),
      byReferrer: map(["active", "byReferrer"], active.byReferrer),
    },
    newlyEnrolled: {
      total: count("newlyEnrolled", "total"),
      byKommun: map(["newlyEnrolled", "byKommun"], newlyEnrolled.byKommun),
      byGender: genderMap(["newlyEnrolled", "byGender"], newlyEnrolled.byGender),
    },
    closed: {
      total: count("closed", "total"),
      byReason: map(["closed", "byReason"], closed.byReason),
      byCategory: { positive: count("closed", "byCategory", "positive"), negative: count("closed", "byCategory", "negative") },
      byKommun: map(["closed", "byKommun"], closed.byKommun),
      withPlanAfter: count("closed", "withPlanAfter"),
    },
    referrals: {
      total: count("referrals", "total"),
      byReferrer: map(["referrals", "byReferrer"], referrals.byReferrer),
      byKommun: map(["referrals", "byKommun"], referrals.byKommun),
      byDecision: map(["referrals", "byDecision"], referrals.byDecision),
    },
    studyVisits: { total: count("studyVisits", "total"), byKommun: map(["studyVisits", "byKommun"], studyVisits.byKommun) },
    trappan: {
      measured: count("trappan", "measured"),
      movedUp: count("trappan", "movedUp"),
      unchanged: count("trappan", "unchanged"),
      movedDown: count("trappan", "movedDown"),
      share: shareOf(count("trappan", "movedUp"), count("trappan", "measured")),
      byGender: trappanByGender,
      byKommun: Object.fromEntries(Object.keys(trappan.byKommun).map((kommun) => [kommun, group(["trappan", "byKommun", kommun])])),
      baseline: map(["trappan", "baseline"], trappan.baseline),
      current: map(["trappan", "current"], trappan.current),
      closedWithPlacement: count("trappan", "closedWithPlacement"),
      closedInUpperPart: count("trappan", "closedInUpperPart"),
    },
    skapa: {
      active: count("skapa", "active"),
      offered: count("skapa", "offered"),
      assessedTwice: count("skapa", "assessedTwice"),
      progressed: count("skapa", "progressed"),
      areaMeanChange: Object.fromEntries(
        Object.entries(skapa.areaMeanChange).map(([area, mean]) => [area, meanOf(mean, count("skapa", "areaAnswered", area))]),
      ),
      areaAnswered: map(["skapa", "areaAnswered"], skapa.areaAnswered),
      share: shareOf(count("skapa", "progressed"), count("skapa", "assessedTwice")),
      offeredShare: shareOf(count("skapa", "offered"), count("skapa", "active")),
    },
    fov: {
      answered: count("fov", "answered"),
      yes: count("fov", "yes"),
      answeredByGender: genderMap(["fov", "answeredByGender"], fov.answeredByGender),
      yesByGender: genderMap(["fov", "yesByGender"], fov.yesByGender),
    },
    support: {
      total: count("support", "total"),
      raisedActivity: count("support", "raisedActivity"),
      byType: Object.fromEntries(
        Object.keys(support.byType).map((type) => [
          type,
          { total: count("support", "byType", type, "total"), raisedActivity: count("support", "byType", type, "raisedActivity") },
        ]),
      ),
    },
  };
}
