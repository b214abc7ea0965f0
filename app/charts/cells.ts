/**
 * The cells of the statistics tables: raw values (so that XLSX keeps numbers as numbers), the
 * format each is shown in, and the small-number rule that turns a count into "färre än N".
 * Pure; shared by the page, the print page and every export.
 */
import { isSuppressed } from "~/domain/statistics";
import { formatDecimal, formatNumber, formatRatio } from "~/utils/format";

/** count: a number of people or events; share: a ratio 0..1; change: a signed mean. */
export type ValueFormat = "text" | "count" | "share" | "change";

/** A number still to be formatted, or text already decided (a label, "färre än 3", "–"). */
export type CellValue = string | number;

/** Shown where there is no share (nothing to divide by) or where a share would reveal a small count. */
export const NO_VALUE = "–";

export function hiddenCount(threshold: number): string {
  return `färre än ${threshold}`;
}

export interface TableColumn {
  key: string;
  label: string;
  numeric: boolean;
  format: ValueFormat;
  /**
   * For a column whose rows mix kinds (the goal table holds share and count goals): the row
   * field naming each cell's format. That field is data for the presenters, not a column.
   */
  formatKey?: string;
}

export type TableRow = Record<string, CellValue>;

export function cellFormat(column: TableColumn, row: TableRow): ValueFormat {
  if (column.formatKey === undefined) return column.format;
  const format = row[column.formatKey];
  return format === "count" || format === "share" || format === "change" || format === "text" ? format : column.format;
}

/** "+1,3", "−0,5", "0,0": a change always says its direction. */
export function formatChange(value: number): string {
  const text = formatDecimal(value);
  // A change that rounds to nothing has no direction: no "+0,0" and no "−0,0".
  if (text === "0,0" || text === "\u22120,0") return "0,0";
  return value > 0 ? `+${text}` : text;
}

export function formatCell(value: CellValue | undefined, format: ValueFormat): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  switch (format) {
    case "count":
      return formatNumber(value);
    case "share":
      return formatRatio(value);
    case "change":
      return formatChange(value);
    case "text":
      return String(value);
  }
}

/**
 * The small-number rule of one report. `force` applies it even where the view has switched
 * suppression off: FOV by kön is always protected.
 */
export interface Suppressor {
  readonly threshold: number;
  readonly enabled: boolean;
  hides(count: number, force?: boolean): boolean;
  count(count: number, force?: boolean): CellValue;
  /** A share of two counts: hidden when either count is (the share would give it away). */
  share(numerator: number, denominator: number, force?: boolean): CellValue;
  /** A mean over `over` people: hidden with its count. */
  mean(value: number | undefined, over: number, force?: boolean): CellValue;
  countText(count: number, force?: boolean): string;
  shareText(numerator: number, denominator: number, force?: boolean): string;
}

export function suppressor(threshold: number, enabled: boolean): Suppressor {
  const hides = (count: number, force = false) => (enabled || force) && isSuppressed(count, threshold);
  const count = (value: number, force = false): CellValue => (hides(value, force) ? hiddenCount(threshold) : value);
  const share = (numerator: number, denominator: number, force = false): CellValue => {
    if (denominator === 0 || hides(numerator, force) || hides(denominator, force)) return NO_VALUE;
    return numerator / denominator;
  };
  return {
    threshold,
    enabled,
    hides,
    count,
    share,
    mean: (value, over, force = false) => (value === undefined || over === 0 || hides(over, force) ? NO_VALUE : value),
    countText: (value, force = false) => formatCell(count(value, force), "count"),
    shareText: (numerator, denominator, force = false) => formatCell(share(numerator, denominator, force), "share"),
  };
}

/** A chart value for a cell: hidden and missing values are left out of the picture (null). */
export function chartValue(cell: CellValue): number | null {
  return typeof cell === "number" ? cell : null;
}
