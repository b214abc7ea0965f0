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
import { buildModel, cellKey, labelLevels, type OutcomeGroup, type PeriodKey, type ReportModel, type ReportSlice, reportCounts, sliceKey } from "./model";
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
  /** The förbund's outcome groups, whose counts are sums of their reasons'. */
  outcomeGroups?: readonly OutcomeGroup[];
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

/** A cell of a table by two labels (byReasonByKommun, transitions, startToEnd, byCoordinatorByKommun, …). */
function isDetail(path: readonly string[]): boolean {
  return path.some((key) => labelLevels(key) >= 2);
}

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
    const n = mark(outcome.numerator, stateOf(period, ["goals", row.key, group, "n"]));
    if (row.kind === "count") return n;
    return shareOf(n, mark(outcome.denominator, stateOf(period, ["goals", row.key, group, "d"])));
  };
  const goals = main.goals.map((row): ShownGoal => {
    const byGender: GenderMap<CellValue> = {
      kvinna: goalCell(row, "now", "kvinna", row.byGender.kvinna),
      man: goalCell(row, "now", "man", row.byGender.man),
    };
    if (row.byGender.annat !== undefined) byGender.annat = goalCell(row, "now", "annat", row.byGender.annat);
    const previousByGender: GenderMap<CellValue> = {
      kvinna: goalCell(row, "before", "kvinna", row.previousByGender.kvinna),
      man: goalCell(row, "before", "man", row.previousByGender.man),
    };
    if (row.previousByGender.annat !== undefined) previousByGender.annat = goalCell(row, "before", "annat", row.previousByGender.annat);
    const outcome = goalCell(row, "now", "total", row.outcome);
    const reportable = typeof outcome === "number" || row.outcome.denominator === 0;
    return { outcome, byGender, previous: goalCell(row, "before", "total", row.previous), previousByGender, achieved: reportable ? row.achieved : null };
  });
  return { threshold, enabled: options.enabled, now: showPeriod("now"), before: showPeriod("before"), goals, summary };
}

export interface SliceProtection {
  model: ReportModel;
  /** The primary rule's cells: small counts this view must not give away. */
  sensitive: boolean[];
  states: CellState[];
}

/**
 * The last few results, by everything they are computed from. Every view of a förbund's report
 * asks for the same family until a count changes, and deciding it takes a good part of a second
 * for a large förbund; the function is pure, so a result can be reused as it is.
 */
const recent = new Map<string, SliceProtection>();
const RECENT_LIMIT = 8;

/** The marks of every cell of every slice, decided together. */
export function protectSlices(slices: readonly ReportSlice[], options: ProtectionOptions): SliceProtection {
  // One order whichever view asks, so that every view of the family gets the very same marks.
  const ordered = [...slices].sort((a, b) => (sliceKey(a.filters) < sliceKey(b.filters) ? -1 : sliceKey(a.filters) > sliceKey(b.filters) ? 1 : 0));
  const fingerprint = JSON.stringify([options, ordered]);
  const known = recent.get(fingerprint);
  if (known !== undefined) {
    recent.delete(fingerprint);
    recent.set(fingerprint, known);
    return known;
  }
  const result = decide(ordered, options);
  recent.set(fingerprint, result);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  return result;
}

function decide(ordered: readonly ReportSlice[], options: ProtectionOptions): SliceProtection {
  const model = buildModel(ordered, options.closureCategories, options.outcomeGroups);
  const { system, index } = model;
  const sensitive = system.values.map(() => false);
  for (const [key, i] of index) {
    const value = system.values[i]!;
    if (value >= 1 && value < options.threshold && (options.enabled || isFovByGender(key))) sensitive[i] = true;
  }
  // A cell costs as much as the widest view that shows it: the whole report's cells are kept
  // back last, a cell seen only in one kommun's or insats's view first. Within a view, a cell of
  // a cross-table (reason × kommun, step × step, …) costs less than one of the main tables, so
  // the tables every förbund publishes stay readable and the detail takes the extra hiding.
  const cost = system.values.map(() => 0);
  for (const [key, i] of index) {
    const [slice, , ...path] = JSON.parse(key) as [string, string, ...string[]];
    const [insats, kommun] = JSON.parse(slice) as [string | null, string | null];
    const level = (insats === null ? 1 : 0) + (kommun === null ? 1 : 0);
    cost[i] = Math.max(cost[i]!, level * 2 + (isDetail(path) ? 0 : 1));
  }
  return { model, sensitive, states: protectCells(system, sensitive, options.threshold, cost).states };
}

/**
 * Values derived from counts, by field name: each is shown only when the counts it is computed
 * from are (the share of two counts, a mean over a count). Every other number is a count.
 */
const DERIVED: Record<string, (parent: Record<string, CellValue | Record<string, CellValue>>, value: unknown) => unknown> = {
  share: (parent, value) => {
    if ("movedUp" in parent) return shareOf(parent.movedUp as CellValue, parent.measured as CellValue);
    if ("progressed" in parent) return shareOf(parent.progressed as CellValue, parent.assessedTwice as CellValue);
    return typeof value === "number" ? NO_VALUE : value;
  },
  offeredShare: (parent) => shareOf(parent.offered as CellValue, parent.active as CellValue),
  // A median wait over the queue: shown with the queue's count, null (no queue) as it is.
  queueMedianWaitDays: (parent, value) => (value === null ? null : meanOf(value as number, parent.queueAtEnd as CellValue)),
  areaMeanChange: (parent, value) => {
    const answered = (parent.areaAnswered ?? {}) as Record<string, CellValue>;
    return Object.fromEntries(Object.entries(value as Record<string, number>).map(([area, mean]) => [area, meanOf(mean, answered[area])]));
  },
};

/**
 * The report with each count replaced by `show(path, count)`, and each share and mean following
 * its counts. Generic over the report's shape, so a new table of counts is protected by adding
 * its relations to model.ts, nothing here.
 */
function showReport(report: ReportJson, show: (path: string[], value: number) => CellValue): Shown<ReportJson> {
  const walk = (node: unknown, path: string[], labels: number): unknown => {
    if (typeof node === "number") return show(path, node);
    if (node === null || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    const derived: string[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (path.length === 0 && (key === "period" || key === "filters")) out[key] = value;
      else if (labels === 0 && key in DERIVED) derived.push(key);
      else out[key] = walk(value, [...path, key], labels > 0 ? labels - 1 : labelLevels(key, path[path.length - 1]));
    }
    for (const key of derived) out[key] = DERIVED[key]!(out as Record<string, CellValue>, (node as Record<string, unknown>)[key]);
    return out;
  };
  return walk(report, [], 0) as Shown<ReportJson>;
}
