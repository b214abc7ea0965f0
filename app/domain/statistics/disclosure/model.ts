/**
 * The report as the reader of attacker.ts sees it: every count of every view the same people can
 * open (this report, the same report per kommun and per insats, each with its comparison period),
 * and every relation between those counts that the views publish. Each relation is added only
 * when it holds for the numbers at hand, so a relation that a förbund's data breaks (a closure
 * reason without a category, say) is simply not one the reader can use.
 */
import type { GoalRow } from "../../goals";
import { TREND_OUTCOME_GROUP } from "../trend";
import type { ClosureCategory } from "../../reference-defaults";
import { GENDERS, type ReportFilters, type ReportJson } from "../types";
import type { CellSystem, SumConstraint } from "./attacker";

/** One combination of filters: its report, the same report a year earlier, and its goal rows. */
export interface ReportSlice {
  filters: ReportFilters;
  now: ReportJson;
  before: ReportJson;
  goals: readonly GoalRow[];
}

export type PeriodKey = "now" | "before";

/** A path into one period of one slice: ["active", "byKommun", "Växjö"], ["goals", "active", "kvinna", "n"]. */
export type CellPath = readonly string[];

// Maps keyed by configured labels: every key inside is a label, never a field name.
const LABEL_MAPS = new Set([
  // "Utveckling över tid": by year.
  "trend",
  "byKommun",
  "byGender",
  "byAgeGroup",
  "byReferrer",
  "byReason",
  "byCategory",
  "byDecision",
  "byType",
  "answeredByGender",
  "yesByGender",
  "baseline",
  "current",
  "areaAnswered",
]);

/**
 * How many levels of labels (kommun, reason, step, …) lie under the field `key`, rather than
 * field names: 1 for byKommun, 2 for byReasonByKommun or transitions, 0 for a plain field.
 */
export function labelLevels(key: string, parent?: string): number {
  if (key === "transitions" || key === "startToEnd") return 2;
  // income.atStart is försörjning by label; active.atEnd is an object of fields.
  if (parent === "income" && (key === "atStart" || key === "atEnd")) return 1;
  const by = key.match(/By[A-Z]|^by[A-Z]/g)?.length ?? 0;
  return by > 0 ? by : LABEL_MAPS.has(key) ? 1 : 0;
}

// Fields that are not counts: echoes of the query, and values derived from counts.
const NOT_COUNTS = new Set(["period", "filters", "share", "offeredShare", "areaMeanChange", "queueMedianWaitDays"]);

/** Every count of a report with its path, in the report's own order. */
export function reportCounts(report: ReportJson): Array<[CellPath, number]> {
  const out: Array<[CellPath, number]> = [];
  // `labels`: how many of the levels below are labels, so a kommun named "share" is still a kommun.
  const walk = (node: unknown, path: string[], labels: number) => {
    if (typeof node === "number") {
      out.push([path, node]);
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (labels === 0 && NOT_COUNTS.has(key)) continue;
      walk(value, [...path, key], labels > 0 ? labels - 1 : labelLevels(key, path[path.length - 1]));
    }
  };
  walk(report, [], 0);
  return out;
}

/** The goal counts a goal row shows: numerator and (for shares) denominator, overall and by kön. */
function goalCounts(rows: readonly GoalRow[], period: PeriodKey): Array<[CellPath, number]> {
  const out: Array<[CellPath, number]> = [];
  for (const row of rows) {
    const outcomes = period === "now" ? { total: row.outcome, ...row.byGender } : { total: row.previous, ...row.previousByGender };
    for (const [group, outcome] of Object.entries(outcomes)) {
      if (outcome === undefined) continue;
      out.push([["goals", row.key, group, "n"], outcome.numerator]);
      if (row.kind === "share") out.push([["goals", row.key, group, "d"], outcome.denominator]);
    }
  }
  return out;
}

type Equivalents = { n?: (g: string | null) => string[]; d?: (g: string | null) => string[] };

/** An outcome group's share restates closed.byGroup over closed.total (and closed.byGender by kön). */
function groupGoalEquivalents(row: GoalRow): Equivalents {
  const group = row.outcomeGroup ?? "";
  return {
    n: (g) => (g === null ? ["closed", "byGroup", group] : ["goals", row.key, g, "n"]),
    d: (g) => (g === null ? ["closed", "total"] : ["closed", "byGender", g]),
  };
}

/** The same count elsewhere in the report, for the goal metrics that restate one. */
const GOAL_EQUIVALENTS: Record<string, Equivalents> = {
  active: { n: (g) => (g === null ? ["active", "total"] : ["active", "byGender", g]) },
  new_enrolments: { n: (g) => (g === null ? ["newlyEnrolled", "total"] : ["newlyEnrolled", "byGender", g]) },
  active_persons: { n: (g) => (g === null ? ["active", "persons"] : ["active", "personsByGender", g]) },
  // Referrals record no kön: only the total restates a count.
  consultations: { n: (g) => (g === null ? ["referrals", "byDecision", "konsultation"] : ["goals", "consultations", g, "n"]) },
  trappan_share: {
    n: (g) => (g === null ? ["trappan", "movedUp"] : ["trappan", "byGender", g, "movedUp"]),
    d: (g) => (g === null ? ["trappan", "measured"] : ["trappan", "byGender", g, "measured"]),
  },
  skapa_offered_share: {
    n: (g) => (g === null ? ["skapa", "offered"] : ["goals", "skapa_offered_share", g, "n"]),
    d: (g) => (g === null ? ["skapa", "active"] : ["active", "byGender", g]),
  },
  skapa_progressed_share: {
    n: (g) => (g === null ? ["skapa", "progressed"] : ["goals", "skapa_progressed_share", g, "n"]),
    d: (g) => (g === null ? ["skapa", "assessedTwice"] : ["goals", "skapa_progressed_share", g, "d"]),
  },
  closed_with_plan_share: {
    n: (g) => (g === null ? ["closed", "withPlanAfter"] : ["goals", "closed_with_plan_share", g, "n"]),
    d: (g) => (g === null ? ["closed", "total"] : ["goals", "closed_with_plan_share", g, "d"]),
  },
  trappan_upper_part_share: {
    n: (g) => (g === null ? ["trappan", "closedInUpperPart"] : ["goals", "trappan_upper_part_share", g, "n"]),
    d: (g) => (g === null ? ["trappan", "closedWithPlacement"] : ["goals", "trappan_upper_part_share", g, "d"]),
  },
};

export function sliceKey(filters: ReportFilters): string {
  return JSON.stringify([filters.insats, filters.kommun]);
}

export function cellKey(slice: string, period: PeriodKey, path: CellPath): string {
  return JSON.stringify([slice, period, ...path]);
}

export interface ReportModel {
  system: CellSystem;
  /** Cell key -> index into the system. Cells that are the same count share one index. */
  index: Map<string, number>;
}

/** Union–find over cell keys that name the same count (a goal restating a report count, …). */
class SameCount {
  private parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root)) root = this.parent.get(root)!;
    return root;
  }
  join(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

interface Builder {
  values: Map<string, number>;
  sums: Array<{ total: string; parts: string[] }>;
  atMost: Array<[string, string]>;
  same: SameCount;
}

function addSum(builder: Builder, total: string, parts: string[]): void {
  const present = parts.filter((part) => builder.values.has(part));
  if (!builder.values.has(total) || present.length === 0) return;
  const sum = present.reduce((acc, part) => acc + builder.values.get(part)!, 0);
  if (sum === builder.values.get(total)) builder.sums.push({ total, parts: present });
}

function addAtMost(builder: Builder, small: string, large: string): void {
  const a = builder.values.get(small);
  const b = builder.values.get(large);
  if (a !== undefined && b !== undefined && a <= b) builder.atMost.push([small, large]);
}

function addSame(builder: Builder, a: string, b: string): void {
  const x = builder.values.get(a);
  const y = builder.values.get(b);
  if (x !== undefined && x === y && a !== b) builder.same.join(a, b);
}

/**
 * A table of counts by two labels (`path` → row → column): each row sums to its row total, each
 * column to its column total and everything to the grand total, where the report has them.
 */
function addCross(
  builder: Builder,
  key: (path: CellPath) => string,
  path: readonly string[],
  table: object | undefined,
  totals: { row?: (row: string) => readonly string[]; column?: (column: string) => readonly string[]; grand?: readonly string[] },
): void {
  if (table === undefined) return;
  const cross = table as Readonly<Record<string, Readonly<Record<string, number>>>>;
  const rows = Object.keys(cross);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(cross[row]!)))];
  const cell = (row: string, column: string) => key([...path, row, column]);
  if (totals.row)
    for (const row of rows)
      addSum(
        builder,
        key(totals.row(row)),
        columns.map((column) => cell(row, column)),
      );
  if (totals.column)
    for (const column of columns)
      addSum(
        builder,
        key(totals.column(column)),
        rows.map((row) => cell(row, column)),
      );
  if (totals.grand)
    addSum(
      builder,
      key(totals.grand),
      rows.flatMap((row) => columns.map((column) => cell(row, column))),
    );
}

/** A named group of closure reasons (the förbund's outcome groups). */
export interface OutcomeGroup {
  name: string;
  reasons: readonly string[];
}

/** The relations of the tables added with "the report, whole": persons, on the last day, cross-tables, groups, survey. */
function newerRelations(
  builder: Builder,
  report: ReportJson,
  key: (path: CellPath) => string,
  keys: (map: object, ...prefix: string[]) => string[],
  groups: readonly OutcomeGroup[],
): void {
  const at = (...path: string[]) => key(path);
  const { active, newlyEnrolled, closed, referrals, trappan } = report;
  // A person is counted once however many enrolments: never more than the enrolments.
  for (const [topic, stats] of [
    ["active", active],
    ["newlyEnrolled", newlyEnrolled],
  ] as const) {
    addAtMost(builder, at(topic, "persons"), at(topic, "total"));
    for (const [map, of] of [
      ["personsByGender", "byGender"],
      ["personsByKommun", "byKommun"],
    ] as const) {
      for (const label of Object.keys(stats[map] ?? {})) {
        addAtMost(builder, at(topic, map, label), at(topic, of, label));
        addAtMost(builder, at(topic, map, label), at(topic, "persons"));
      }
    }
  }
  // Persons per insats (Uppföljning Finsam): a part of the persons, by kön a part of both; an
  // insats's kön add up to its persons unless someone's kön changed (the sum is kept only when it holds).
  for (const [insats, byGender] of Object.entries(active.personsByInsatsByGender ?? {})) {
    addAtMost(builder, at("active", "personsByInsats", insats), at("active", "persons"));
    addSum(builder, at("active", "personsByInsats", insats), keys(byGender, "active", "personsByInsatsByGender", insats));
    for (const gender of Object.keys(byGender)) {
      addAtMost(builder, at("active", "personsByInsatsByGender", insats, gender), at("active", "personsByInsats", insats));
      addAtMost(builder, at("active", "personsByInsatsByGender", insats, gender), at("active", "personsByGender", gender));
    }
  }
  if (active.atEnd) {
    addSum(builder, at("active", "atEnd", "total"), keys(active.atEnd.byKommun, "active", "atEnd", "byKommun"));
    addSum(builder, at("active", "atEnd", "total"), keys(active.atEnd.byGender, "active", "atEnd", "byGender"));
    addAtMost(builder, at("active", "atEnd", "total"), at("active", "total"));
    for (const k of Object.keys(active.atEnd.byKommun)) addAtMost(builder, at("active", "atEnd", "byKommun", k), at("active", "byKommun", k));
    for (const g of Object.keys(active.atEnd.byGender)) addAtMost(builder, at("active", "atEnd", "byGender", g), at("active", "byGender", g));
  }
  if (active.byCoordinator) addSum(builder, at("active", "total"), keys(active.byCoordinator, "active", "byCoordinator"));
  addCross(builder, key, ["active", "byCoordinatorByKommun"], active.byCoordinatorByKommun, {
    row: (c) => ["active", "byCoordinator", c],
    column: (k) => ["active", "byKommun", k],
    grand: ["active", "total"],
  });
  if (newlyEnrolled.byReferrer) addSum(builder, at("newlyEnrolled", "total"), keys(newlyEnrolled.byReferrer, "newlyEnrolled", "byReferrer"));
  addCross(builder, key, ["referrals", "byReferrerByKommun"], referrals.byReferrerByKommun, {
    row: (r) => ["referrals", "byReferrer", r],
    column: (k) => ["referrals", "byKommun", k],
    grand: ["referrals", "total"],
  });
  addCross(builder, key, ["referrals", "byDecisionByKommun"], referrals.byDecisionByKommun, {
    row: (d) => ["referrals", "byDecision", d],
    column: (k) => ["referrals", "byKommun", k],
    grand: ["referrals", "total"],
  });

  if (closed.byGender) addSum(builder, at("closed", "total"), keys(closed.byGender, "closed", "byGender"));
  addCross(builder, key, ["closed", "byCategoryByGender"], closed.byCategoryByGender, { row: (c) => ["closed", "byCategory", c] });
  addCross(builder, key, ["closed", "byReasonByKommun"], closed.byReasonByKommun, {
    row: (r) => ["closed", "byReason", r],
    column: (k) => ["closed", "byKommun", k],
    grand: ["closed", "total"],
  });
  if (closed.byLastStep) {
    addSum(builder, at("trappan", "closedWithPlacement"), keys(closed.byLastStep, "closed", "byLastStep"));
    addSum(
      builder,
      at("trappan", "closedInUpperPart"),
      ["4", "5", "6"].map((step) => at("closed", "byLastStep", step)),
    );
  }
  addCross(builder, key, ["closed", "byReasonByLastStep"], closed.byReasonByLastStep, {
    column: (s) => ["closed", "byLastStep", s],
    grand: ["trappan", "closedWithPlacement"],
  });
  for (const group of groups) {
    addSum(
      builder,
      at("closed", "byGroup", group.name),
      group.reasons.filter((reason) => reason in closed.byReason).map((reason) => at("closed", "byReason", reason)),
    );
    addAtMost(builder, at("closed", "byGroup", group.name), at("closed", "total"));
  }

  if (trappan.transitions) {
    addCross(builder, key, ["trappan", "transitions"], trappan.transitions, {
      row: (b) => ["trappan", "baseline", b],
      column: (c) => ["trappan", "current", c],
      grand: ["trappan", "measured"],
    });
    const moves = { movedUp: [] as string[], unchanged: [] as string[], movedDown: [] as string[] };
    for (const [from, row] of Object.entries(trappan.transitions)) {
      for (const to of Object.keys(row)) {
        const move = Number(to) > Number(from) ? moves.movedUp : Number(to) === Number(from) ? moves.unchanged : moves.movedDown;
        move.push(at("trappan", "transitions", from, to));
      }
    }
    for (const [field, cells] of Object.entries(moves)) addSum(builder, at("trappan", field), cells);
  }

  const survey = (report as Partial<ReportJson>).survey;
  for (const [question, stats] of Object.entries(survey ?? {})) {
    addSum(builder, at("survey", question, "answered"), keys(stats.answeredByGender, "survey", question, "answeredByGender"));
    addSum(builder, at("survey", question, "yes"), keys(stats.yesByGender, "survey", question, "yesByGender"));
    addAtMost(builder, at("survey", question, "yes"), at("survey", question, "answered"));
    addAtMost(builder, at("survey", question, "answered"), at("closed", "total"));
    for (const g of Object.keys(stats.yesByGender)) addAtMost(builder, at("survey", question, "yesByGender", g), at("survey", question, "answeredByGender", g));
    for (const g of Object.keys(stats.answeredByGender)) addAtMost(builder, at("survey", question, "answeredByGender", g), at("closed", "byGender", g));
  }
}

/** The relations inside one period of one slice. */
function periodRelations(
  builder: Builder,
  report: ReportJson,
  key: (path: CellPath) => string,
  categories: Readonly<Record<string, ClosureCategory>>,
  goals: readonly GoalRow[],
  groups: readonly OutcomeGroup[],
): void {
  const keys = (map: object, ...prefix: string[]) => Object.keys(map).map((label) => key([...prefix, label]));
  const total = (...path: string[]) => key(path);
  const { active, newlyEnrolled, closed, referrals, studyVisits, trappan, skapa, fov, support } = report;
  for (const map of ["byKommun", "byGender", "byAgeGroup", "byReferrer"] as const) addSum(builder, total("active", "total"), keys(active[map], "active", map));
  for (const map of ["byKommun", "byGender"] as const) addSum(builder, total("newlyEnrolled", "total"), keys(newlyEnrolled[map], "newlyEnrolled", map));
  addSum(builder, total("closed", "total"), keys(closed.byReason, "closed", "byReason"));
  addSum(builder, total("closed", "total"), keys(closed.byKommun, "closed", "byKommun"));
  addSum(builder, total("closed", "total"), [
    ...keys(closed.byCategory, "closed", "byCategory"),
    ...Object.keys(closed.byReason)
      .filter((reason) => categories[reason] === undefined)
      .map((reason) => key(["closed", "byReason", reason])),
  ]);
  for (const category of Object.keys(closed.byCategory)) {
    const reasons = Object.keys(closed.byReason).filter((reason) => categories[reason] === category);
    addSum(
      builder,
      total("closed", "byCategory", category),
      reasons.map((reason) => key(["closed", "byReason", reason])),
    );
  }
  addAtMost(builder, total("closed", "withPlanAfter"), total("closed", "total"));
  for (const map of ["byReferrer", "byKommun", "byDecision"] as const) addSum(builder, total("referrals", "total"), keys(referrals[map], "referrals", map));
  addSum(builder, total("studyVisits", "total"), keys(studyVisits.byKommun, "studyVisits", "byKommun"));

  addSum(builder, total("trappan", "measured"), [total("trappan", "movedUp"), total("trappan", "unchanged"), total("trappan", "movedDown")]);
  for (const field of ["measured", "movedUp"] as const) {
    addSum(
      builder,
      total("trappan", field),
      Object.keys(trappan.byGender).map((g) => key(["trappan", "byGender", g, field])),
    );
    addSum(
      builder,
      total("trappan", field),
      Object.keys(trappan.byKommun).map((k) => key(["trappan", "byKommun", k, field])),
    );
  }
  for (const [group, map] of [
    ["byGender", trappan.byGender],
    ["byKommun", trappan.byKommun],
  ] as const) {
    for (const label of Object.keys(map)) addAtMost(builder, key(["trappan", group, label, "movedUp"]), key(["trappan", group, label, "measured"]));
  }
  addSum(builder, total("trappan", "measured"), keys(trappan.baseline, "trappan", "baseline"));
  addSum(builder, total("trappan", "measured"), keys(trappan.current, "trappan", "current"));
  addAtMost(builder, total("trappan", "closedInUpperPart"), total("trappan", "closedWithPlacement"));
  addAtMost(builder, total("trappan", "closedWithPlacement"), total("closed", "total"));
  addAtMost(builder, total("trappan", "measured"), total("active", "total"));

  addSame(builder, total("skapa", "active"), total("active", "total"));
  addAtMost(builder, total("skapa", "offered"), total("skapa", "active"));
  addAtMost(builder, total("skapa", "progressed"), total("skapa", "assessedTwice"));
  for (const area of Object.keys(skapa.areaAnswered)) addAtMost(builder, key(["skapa", "areaAnswered", area]), total("skapa", "assessedTwice"));

  addSum(builder, total("fov", "answered"), keys(fov.answeredByGender, "fov", "answeredByGender"));
  addSum(builder, total("fov", "yes"), keys(fov.yesByGender, "fov", "yesByGender"));
  addAtMost(builder, total("fov", "yes"), total("fov", "answered"));
  for (const g of Object.keys(fov.yesByGender)) addAtMost(builder, key(["fov", "yesByGender", g]), key(["fov", "answeredByGender", g]));
  addAtMost(builder, total("fov", "answered"), total("active", "total"));

  newerRelations(builder, report, key, keys, groups);

  const income = (report as Partial<ReportJson>).income;
  if (income) {
    addSum(builder, total("active", "total"), keys(income.atStart, "income", "atStart"));
    addSum(builder, total("closed", "total"), keys(income.atEnd, "income", "atEnd"));
    addCross(builder, key, ["income", "startToEnd"], income.startToEnd, { column: (end) => ["income", "atEnd", end], grand: ["closed", "total"] });
    addSum(builder, total("income", "changes", "total"), keys(income.changes.bySource, "income", "changes", "bySource"));
  }

  const types = Object.keys(support.byType);
  addSum(
    builder,
    total("support", "total"),
    types.map((type) => key(["support", "byType", type, "total"])),
  );
  addSum(
    builder,
    total("support", "raisedActivity"),
    types.map((type) => key(["support", "byType", type, "raisedActivity"])),
  );
  addAtMost(builder, total("support", "raisedActivity"), total("support", "total"));
  for (const type of types) addAtMost(builder, key(["support", "byType", type, "raisedActivity"]), key(["support", "byType", type, "total"]));

  for (const row of goals) {
    const groups = [...GENDERS].filter((g) => builder.values.has(key(["goals", row.key, g, "n"])));
    const equivalents = row.outcomeGroup === null ? GOAL_EQUIVALENTS[row.metric] : groupGoalEquivalents(row);
    for (const part of row.kind === "share" ? ["n", "d"] : ["n"]) {
      addSum(
        builder,
        key(["goals", row.key, "total", part]),
        groups.map((g) => key(["goals", row.key, g, part])),
      );
      for (const group of [null, ...groups]) {
        const equivalent = equivalents?.[part as "n" | "d"]?.(group);
        if (equivalent) addSame(builder, key(["goals", row.key, group ?? "total", part]), key(equivalent));
      }
    }
    if (row.kind === "share")
      for (const group of ["total", ...groups]) addAtMost(builder, key(["goals", row.key, group, "n"]), key(["goals", row.key, group, "d"]));
  }
}

/** The trend's counts (by year): the parts of each year's measures, and the report's own year. */
function trendRelations(builder: Builder, report: ReportJson, key: (path: CellPath) => string): void {
  const at = (...path: string[]) => key(path);
  const trend = report.trend ?? {};
  for (const year of Object.keys(trend)) {
    const field = (name: string) => at("trend", year, name);
    addAtMost(builder, field("movedUp"), field("measured"));
    addAtMost(builder, field("measured"), field("active"));
    addAtMost(builder, field("progressed"), field("assessedTwice"));
    addAtMost(builder, field("assessedTwice"), field("active"));
    addAtMost(builder, field("closedToWorkOrStudies"), field("closed"));
  }
  const own = trend[report.period.from.slice(0, 4)];
  if (own !== undefined) sameAsReport(builder, (name) => at("trend", report.period.from.slice(0, 4), name), at);
}

/** A trend year's measures are the report's counts for that period. */
function sameAsReport(builder: Builder, trendCell: (name: string) => string, reportCell: (...path: string[]) => string): void {
  const pairs: Array<[string, string[]]> = [
    ["active", ["active", "total"]],
    ["newlyEnrolled", ["newlyEnrolled", "total"]],
    ["closed", ["closed", "total"]],
    ["measured", ["trappan", "measured"]],
    ["movedUp", ["trappan", "movedUp"]],
    ["assessedTwice", ["skapa", "assessedTwice"]],
    ["progressed", ["skapa", "progressed"]],
    ["closedToWorkOrStudies", ["closed", "byGroup", TREND_OUTCOME_GROUP]],
  ];
  for (const [name, path] of pairs) addSame(builder, trendCell(name), reportCell(...path));
}

/**
 * The slices that partition `whole` along one filter: `whole` has that filter unset, each part
 * has it set and agrees with `whole` on the other filter.
 */
function partitionsOf(whole: ReportSlice, slices: readonly ReportSlice[], dimension: "insats" | "kommun"): ReportSlice[] {
  if (whole.filters[dimension] !== null) return [];
  const other = dimension === "insats" ? "kommun" : "insats";
  return slices.filter((slice) => slice.filters[dimension] !== null && slice.filters[other] === whole.filters[other]);
}

/**
 * Every count of `slices` (each with its comparison period) and every relation the reader can use:
 * inside each report, between a report and its per-kommun and per-insats parts, and between a
 * kommun's row in the whole report and that kommun's own report.
 */
export function buildModel(
  slices: readonly ReportSlice[],
  categories: Readonly<Record<string, ClosureCategory>>,
  groups: readonly OutcomeGroup[] = [],
): ReportModel {
  const builder: Builder = { values: new Map(), sums: [], atMost: [], same: new SameCount() };
  const periods: PeriodKey[] = ["now", "before"];
  for (const slice of slices) {
    const name = sliceKey(slice.filters);
    for (const period of periods) {
      for (const [path, value] of [...reportCounts(slice[period]), ...goalCounts(slice.goals, period)]) builder.values.set(cellKey(name, period, path), value);
    }
  }
  for (const slice of slices) {
    const name = sliceKey(slice.filters);
    for (const period of periods) periodRelations(builder, slice[period], (path) => cellKey(name, period, path), categories, slice.goals, groups);
    trendRelations(builder, slice.now, (path) => cellKey(name, "now", path));
    // The trend's year before is the comparison period's report.
    const yearBefore = slice.before.period.from.slice(0, 4);
    if (slice.now.trend?.[yearBefore] !== undefined) {
      sameAsReport(
        builder,
        (field) => cellKey(name, "now", ["trend", yearBefore, field]),
        (...path) => cellKey(name, "before", path),
      );
    }
  }
  for (const whole of slices) {
    const wholeName = sliceKey(whole.filters);
    for (const dimension of ["kommun", "insats"] as const) {
      const parts = partitionsOf(whole, slices, dimension);
      if (parts.length === 0) continue;
      for (const period of periods) {
        const paths = [...reportCounts(whole[period]), ...goalCounts(whole.goals, period)].map(([path]) => path);
        for (const path of paths)
          addSum(
            builder,
            cellKey(wholeName, period, path),
            parts.map((part) => cellKey(sliceKey(part.filters), period, path)),
          );
        if (dimension === "insats") {
          // An insats's row of persons in the whole report is that insats's own persons.
          for (const part of parts) {
            const insats = part.filters.insats!;
            const partName = sliceKey(part.filters);
            addSame(builder, cellKey(wholeName, period, ["active", "personsByInsats", insats]), cellKey(partName, period, ["active", "persons"]));
            for (const gender of Object.keys(part[period].active.personsByGender)) {
              addSame(
                builder,
                cellKey(wholeName, period, ["active", "personsByInsatsByGender", insats, gender]),
                cellKey(partName, period, ["active", "personsByGender", gender]),
              );
            }
          }
          continue;
        }
        // A kommun's row in the whole report is that kommun's own report.
        for (const part of parts) {
          const kommun = part.filters.kommun!;
          const partName = sliceKey(part.filters);
          for (const topic of ["active", "newlyEnrolled", "closed", "referrals", "studyVisits"]) {
            addSame(builder, cellKey(wholeName, period, [topic, "byKommun", kommun]), cellKey(partName, period, [topic, "total"]));
          }
          for (const field of ["measured", "movedUp"]) {
            addSame(builder, cellKey(wholeName, period, ["trappan", "byKommun", kommun, field]), cellKey(partName, period, ["trappan", field]));
          }
        }
      }
    }
  }
  // Cells naming the same count become one cell.
  const index = new Map<string, number>();
  const values: number[] = [];
  const rootIndex = new Map<string, number>();
  for (const [key, value] of builder.values) {
    const root = builder.same.find(key);
    let i = rootIndex.get(root);
    if (i === undefined) {
      i = values.length;
      values.push(value);
      rootIndex.set(root, i);
    }
    index.set(key, i);
  }
  const at = (key: string) => index.get(key)!;
  const seen = new Set<string>();
  const sums: SumConstraint[] = [];
  for (const sum of builder.sums) {
    const constraint = { total: at(sum.total), parts: sum.parts.map(at) };
    // A sum whose only part is its total says nothing; the same relation twice is one.
    if (constraint.parts.length === 1 && constraint.parts[0] === constraint.total) continue;
    const signature = `${constraint.total}=${[...constraint.parts].sort((a, b) => a - b).join("+")}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    sums.push(constraint);
  }
  const atMost = builder.atMost.map(([a, b]) => [at(a), at(b)] as const).filter(([a, b]) => a !== b);
  return { system: { values, sums, atMost }, index };
}
