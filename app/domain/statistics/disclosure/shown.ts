/**
 * How a protected report is shown: every count of the report JSON becomes a cell that is either
 * the number, "färre än N" (a small count, 1..N−1) or "dolt" (hidden so that a small count
 * elsewhere cannot be worked out; it may be any number). Shares and means are shown only when
 * every count they are computed from is shown, otherwise "–".
 */
import type { GenderMap } from "../types";

/** A number still to be formatted, or text already decided (a label, "färre än 3", "dolt", "–"). */
export type CellValue = string | number;

/** The state of one count: shown as is, shown as "färre än N", or shown as "dolt". */
export type CellState = "shown" | "small" | "hidden";

/** Shown where there is no share (nothing to divide by) or where a share would reveal a hidden count. */
export const NO_VALUE = "–";

/** The mark of a count kept back to protect a small count elsewhere: it says nothing of its size. */
export const HIDDEN_MARK = "dolt";

export function smallMark(threshold: number): string {
  return `färre än ${threshold}`;
}

/** The report with every number replaced by what a reader of this view is shown. */
export type Shown<T> = T extends number ? CellValue : T extends string | boolean | null | undefined ? T : { [K in keyof T]: Shown<T[K]> };

export function isShownNumber(cell: CellValue | undefined): cell is number {
  return typeof cell === "number";
}

/** A share of two shown cells: "–" when either is kept back or there is nothing to divide by. */
export function shareOf(numerator: CellValue | undefined, denominator: CellValue | undefined): CellValue {
  if (typeof numerator !== "number" || typeof denominator !== "number" || denominator === 0) return NO_VALUE;
  return numerator / denominator;
}

/** A mean over `over` people: shown only when that count is. */
export function meanOf(value: number | undefined, over: CellValue | undefined): CellValue {
  if (value === undefined || typeof over !== "number" || over === 0) return NO_VALUE;
  return value;
}

/** What a goal row shows: the outcome as a share or a count, overall, by kön and the period before. */
export interface ShownGoal {
  outcome: CellValue;
  byGender: GenderMap<CellValue>;
  previous: CellValue;
  previousByGender: GenderMap<CellValue>;
  /**
   * Whether the goal is reached, or null where the outcome is kept back: "reached" says the hidden
   * outcome is at least the target, which can be as telling as the number (a target of 100 %).
   */
  achieved: boolean | null;
}
