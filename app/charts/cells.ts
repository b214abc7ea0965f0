/**
 * The cells of the statistics tables: raw values (so that XLSX keeps numbers as numbers) and the
 * format each is shown in. What a cell shows ("färre än N", "dolt", "–") is decided by the
 * protection module (domain/statistics/disclosure); here it is only formatted.
 * Pure; shared by the page, the print page and every export.
 */
import { type CellValue } from "~/domain/statistics/disclosure/shown";
import { formatDecimal, formatNumber, formatRatio } from "~/utils/format";

export { type CellValue, NO_VALUE } from "~/domain/statistics/disclosure/shown";

/** count: a number of people or events; share: a ratio 0..1; change: a signed mean. */
export type ValueFormat = "text" | "count" | "share" | "change";

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
  /**
   * For a table shaded by size (the Trappan transitions): the row field holding each cell's
   * intensity, 0 (none) to 4. Like formatKey, that field is data for the presenters, not a column.
   */
  shadeKey?: string;
  /** For a column of one period among several ("Utveckling över tid": a column per year): that period's label. */
  period?: string;
}

/** The intensity of a count among the largest count of its table: 0 for none, else 1..4. */
export function shadeLevel(value: CellValue, max: number): number {
  if (typeof value !== "number" || value <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((value / max) * 4));
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

/** A chart value for a cell: hidden and missing values are left out of the picture (null). */
export function chartValue(cell: CellValue): number | null {
  return typeof cell === "number" ? cell : null;
}
