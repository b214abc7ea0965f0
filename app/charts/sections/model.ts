// The shared words and building blocks of the report's sections: the section model every
// presentation reads, Swedish phrasing, and chart and table helpers.
import { type Period } from "~/domain/period";
import { type ReportBundle } from "~/domain/report-bundle";
import { type Gender, GENDERS, type ReportJson } from "~/domain/statistics";
import { HIDDEN_MARK, type Shown, type ShownGoal, smallMark } from "~/domain/statistics/disclosure/shown";
import { formatDate, formatNumber } from "~/utils/format";
import { type CellValue, cellFormat, chartValue, NO_VALUE, type TableColumn, type TableRow } from "../cells";

export type { CellValue, TableColumn, TableRow, ValueFormat } from "../cells";

export interface ChartSeries {
  label: string;
  /** One value per label; null where the value is hidden or does not exist. */
  values: Array<number | null>;
  /**
   * One entry per label: the text of a value that is not drawn ("färre än 3", "dolt", "–"), so
   * that the chart marks it instead of leaving a gap that reads as zero; null where a value is drawn.
   */
  marks: Array<string | null>;
}

export interface SectionChart {
  /** "line": one line per series over the labels (years), for a development over time. */
  kind: "bar" | "stacked-bar" | "grouped-bar" | "line";
  /** Bars along the y axis: for long labels (closure reasons, support types, Trappan steps). */
  horizontal: boolean;
  labels: string[];
  series: ChartSeries[];
  /** count: people or events; share: ratios 0..1; change: signed means. */
  valueKind: "count" | "share" | "change";
}

export interface SectionTable {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Totals: shown under the rows and never sorted with them. */
  footer: TableRow[];
}

export interface ReportSection {
  id: string;
  title: string;
  summary: string;
  chart?: SectionChart;
  table: SectionTable;
  /** A remark printed under the table (how small numbers are shown in it). */
  note?: string;
}

export const GENDER_ROW_LABELS: Record<Gender, string> = { kvinna: "Kvinnor", man: "Män", annat: "Annat/ej angivet" };
export const TOTAL = "Totalt";
export const PREVIOUS = "Föregående period";

export const collator = new Intl.Collator("sv");

/** "a", "a och b", "a, b och c". */
export function swedishList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "2025", "jan–jun 2025", "jan–aug 2025", otherwise the two dates. */
export function periodLabel(period: Period): string {
  const year = period.from.slice(0, 4);
  if (period.to.slice(0, 4) === year && period.from.endsWith("-01-01")) {
    if (period.to.endsWith("-12-31")) return year;
    if (period.to.endsWith("-06-30")) return `jan–jun ${year}`;
    if (period.to.endsWith("-08-31")) return `jan–aug ${year}`;
  }
  return `${formatDate(period.from)} – ${formatDate(period.to)}`;
}

/** The singular only for exactly one: "färre än 3" and "ett dolt antal" take the plural. */
export function plural(count: CellValue, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** A count as a sentence says it: "14", "färre än 3", "ett dolt antal" — never more than the table shows. */
export function countPhrase(cell: CellValue): string {
  if (cell === HIDDEN_MARK) return "ett dolt antal";
  return typeof cell === "number" ? formatNumber(cell) : cell;
}

/** "1 eller 2" for threshold 3: the counts a "färre än N" stands for. */
export function smallRange(threshold: number): string {
  if (threshold <= 2) return "1";
  if (threshold === 3) return "1 eller 2";
  return `1–${threshold - 1}`;
}

/** The bundle without its counts: sections read the counts only as the protection shows them. */
export type ReportSettings = Omit<ReportBundle, "report" | "previous" | "linked">;

export interface Context {
  bundle: ReportSettings;
  /** This period and the previous one, every count as the protection module shows it. */
  now: Shown<ReportJson>;
  then: Shown<ReportJson>;
  /** The goal rows as shown, in the order of `bundle.goals`. */
  goals: ShownGoal[];
  threshold: number;
  /** "jan–aug 2025" and "jan–aug 2024". */
  current: string;
  before: string;
}

export function column(key: string, label: string, format: TableColumn["format"] = "count"): TableColumn {
  return { key, label, numeric: format !== "text", format };
}

export function caption(ctx: Context, what: string): string {
  return `${what}, ${ctx.current}, jämfört med ${ctx.before}`;
}

/** The keys of several label maps, in Swedish alphabetical order. */
export function unionKeys(...maps: ReadonlyArray<Record<string, unknown>>): string[] {
  return [...new Set(maps.flatMap((map) => Object.keys(map)))].sort(collator.compare);
}

/** Genders to show: kvinnor and män always, annat when either period has any. */
export function gendersIn(...maps: ReadonlyArray<Partial<Record<Gender, unknown>>>): Gender[] {
  return GENDERS.filter((gender) => gender !== "annat" || maps.some((map) => map.annat !== undefined));
}

export function genderPhrase(gender: Gender, count: string): string {
  if (gender === "kvinna") return `${count} kvinnor`;
  if (gender === "man") return `${count} män`;
  return `${count} med annat eller ej angivet kön`;
}

export function seriesFrom(label: string, cells: CellValue[]): ChartSeries {
  return { label, values: cells.map(chartValue), marks: cells.map((cell) => (typeof cell === "string" ? cell : null)) };
}

/** Bars side by side, a group per label and a series per [name, cells]. */
export function groupedChart(labels: string[], series: Array<[string, CellValue[]]>, valueKind: SectionChart["valueKind"], horizontal = false): SectionChart {
  return { kind: "grouped-bar", horizontal, labels, series: series.map(([label, cells]) => seriesFrom(label, cells)), valueKind };
}

/** This period's bars beside the previous period's. */
export function comparisonChart(
  ctx: Context,
  labels: string[],
  now: CellValue[],
  before: CellValue[],
  valueKind: SectionChart["valueKind"],
  horizontal = false,
): SectionChart {
  return groupedChart(
    labels,
    [
      [capitalize(ctx.current), now],
      [capitalize(ctx.before), before],
    ],
    valueKind,
    horizontal,
  );
}

/** The shown non-zero counts of a map, largest first (ties in label order); marked ones are left out. */
export function largest(map: Record<string, CellValue>, limit: number): Array<[string, number]> {
  return Object.entries(map)
    .flatMap(([label, cell]): Array<[string, number]> => (typeof cell === "number" && cell > 0 ? [[label, cell]] : []))
    .sort(([a, x], [b, y]) => y - x || collator.compare(a, b))
    .slice(0, limit);
}

/**
 * Whether a map holds a "dolt" count. Such a count may be of any size, so a sentence naming the
 * largest shown counts must say it speaks of the shown ones only.
 */
export function holdsHidden(cells: Iterable<CellValue>): boolean {
  for (const cell of cells) if (cell === HIDDEN_MARK) return true;
  return false;
}

/**
 * The note on the marks a table holds, in Swedish, or undefined when it holds none: what
 * "färre än N", "dolt" and "–" each mean.
 */
export function marksNote(table: Pick<SectionTable, "columns" | "rows" | "footer">, threshold: number): string | undefined {
  const found = new Set<string>();
  for (const row of [...table.rows, ...table.footer]) {
    for (const column of table.columns) {
      const cell = row[column.key];
      const format = cellFormat(column, row);
      if (typeof cell !== "string" || format === "text") continue;
      if (cell === NO_VALUE) found.add(format === "change" ? "mean" : "share");
      else found.add(cell === HIDDEN_MARK ? "hidden" : "small");
    }
  }
  const parts: string[] = [];
  if (found.has("small")) parts.push(`”${smallMark(threshold)}” är ${smallRange(threshold)}.`);
  if (found.has("hidden")) parts.push("”dolt” är ett tal som inte visas, eftersom ett litet tal annars skulle gå att räkna fram.");
  if (found.has("share")) parts.push("– är ingen andel (den bygger på ett dolt tal eller har inget att dela med).");
  if (found.has("mean")) parts.push("– är inget medelvärde (det bygger på ett dolt tal eller har inget att räkna på).");
  return parts.length === 0 ? undefined : parts.join(" ");
}

/** A section's own note followed by the note on its marks. */
export function withMarksNote(section: ReportSection, threshold: number): ReportSection {
  const marks = marksNote(section.table, threshold);
  if (marks === undefined) return section;
  return { ...section, note: section.note === undefined ? marks : `${section.note} ${marks}` };
}
