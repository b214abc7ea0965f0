// The shared words and building blocks of the report's sections: the section model every
// presentation reads, Swedish phrasing, and chart and table helpers.
import { type Period } from "~/domain/period";
import { type ReportBundle } from "~/domain/report-bundle";
import { type Gender, GENDERS, type ReportJson } from "~/domain/statistics";
import { formatDate } from "~/utils/format";
import { type CellValue, chartValue, type Suppressor, type TableColumn, type TableRow } from "../cells";

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
  kind: "bar" | "stacked-bar" | "grouped-bar";
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

export function plural(count: CellValue, one: string, many: string): string {
  return count === 1 ? one : many;
}

export interface Context {
  bundle: ReportBundle;
  report: ReportJson;
  previous: ReportJson;
  hide: Suppressor;
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

/** The visible counts of a map, largest first (ties in label order); hidden ones are left out. */
export function largest(map: Record<string, number>, hide: Suppressor, limit: number): Array<[string, number]> {
  return Object.entries(map)
    .filter(([, count]) => count > 0 && !hide.hides(count))
    .sort(([a, x], [b, y]) => y - x || collator.compare(a, b))
    .slice(0, limit);
}
