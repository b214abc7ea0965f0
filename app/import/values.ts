// Cell values as the import reads them: dates in the forms Swedish spreadsheets use, labels that
// compare without case or dash style, and the fixed enumerations (kön, FOV, beslut, ja/nej).
import { addDays, isPlausibleDate, isValidIsoDate } from "~/domain/period";
import type { FovOutcome, Gender, ReferralDecision } from "~/domain/reference-defaults";
import type { RawValue } from "./types";

const labelKeys = new Map<string, string>();

/** Labels compare without case, extra spaces or the kind of dash: "30 – 39" is "30-39". */
export function labelKey(value: string): string {
  let key = labelKeys.get(value);
  if (key === undefined) {
    key = value
      .normalize("NFC")
      .trim()
      .toLowerCase()
      .replace(/\s+/g, " ")
      .replace(/\s*[-–—]\s*/g, "-");
    // The same few labels fill most cells: remembering them saves most of the work.
    if (labelKeys.size < 10_000) labelKeys.set(value, key);
  }
  return key;
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included). */
const EXCEL_EPOCH = "1899-12-30";

/** A Date cell's calendar day: ExcelJS reads date cells as UTC midnight. */
function isoFromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A date cell as the import reads it, or why it is none (rows.ts words the problem). */
export type DateReading =
  | { ok: true; date: string }
  /** Not written as a date at all. */
  | { ok: false; problem: "not-a-date" }
  /** Written as a date, but that day does not exist (2025-02-30). */
  | { ok: false; problem: "not-in-calendar" }
  /** A real day outside the years Stegvis takes (domain/period PLAUSIBLE_YEARS). */
  | { ok: false; problem: "implausible"; date: string };

/** The day a cell names, "YYYY-MM-DD", not yet checked against the calendar; null when it names none. */
function writtenDay(value: RawValue): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : isoFromUtc(value);
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) return writtenDay(String(value));
    // 1927–2173: wide enough for any real date, narrow enough not to take a typo for one.
    if (value >= 10_000 && value < 100_000) return addDays(EXCEL_EPOCH, Math.floor(value));
    return null;
  }
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(value);
  if (!match) return null;
  // Both separators or neither: "2025-0314" is a typo, not a date.
  if (value.slice(0, 10).includes("-") !== /^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * "YYYY-MM-DD", "YYYYMMDD" or an Excel date cell → "YYYY-MM-DD", when it is a real calendar date
 * within the plausible years. A plain number in a date column is read as an Excel day number,
 * which is what a date cell without a date format holds.
 */
export function readDate(value: RawValue): DateReading {
  const day = writtenDay(value);
  if (day === null) return { ok: false, problem: "not-a-date" };
  if (!isValidIsoDate(day)) return { ok: false, problem: "not-in-calendar" };
  if (!isPlausibleDate(day)) return { ok: false, problem: "implausible", date: day };
  return { ok: true, date: day };
}

/** The date of a cell, or null when it is no date Stegvis takes. */
export function parseDate(value: RawValue): string | null {
  const reading = readDate(value);
  return reading.ok ? reading.date : null;
}

export function parseInteger(value: RawValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value !== "string" || !/^[-+]?\d{1,9}$/.test(value)) return null;
  return Number(value);
}

const GENDER_VALUES: Record<string, Gender> = {
  kvinna: "kvinna",
  k: "kvinna",
  man: "man",
  m: "man",
  annat: "annat",
  a: "annat",
  "annat/ej angivet": "annat",
  "ej angivet": "annat",
};

export function parseGender(value: RawValue): Gender | null {
  return typeof value === "string" ? (GENDER_VALUES[labelKey(value)] ?? null) : null;
}

export function parseYesNo(value: RawValue): boolean | null {
  if (typeof value !== "string") return null;
  const key = labelKey(value);
  if (key === "ja" || key === "j") return true;
  if (key === "nej" || key === "n") return false;
  return null;
}

export type Rater = "deltagare" | "koordinator";

/** Whose SKAPA rating a row is: the participant's own or the koordinator's. */
export function parseRater(value: RawValue): Rater | null {
  if (typeof value !== "string") return null;
  const key = labelKey(value);
  return key === "deltagare" || key === "deltagaren" ? "deltagare" : key === "koordinator" || key === "koordinatorn" ? "koordinator" : null;
}

const FOV_VALUES: Record<string, FovOutcome> = {
  ja: "ja",
  nej: "nej",
  avböjt: "avbojt",
  avbojt: "avbojt",
  "ej tillfrågad": "ej_tillfragad",
  "ej tillfragad": "ej_tillfragad",
};

export function parseFovOutcome(value: RawValue): FovOutcome | null {
  return typeof value === "string" ? (FOV_VALUES[labelKey(value).replace(/_/g, " ")] ?? null) : null;
}

const DECISION_VALUES: Record<string, ReferralDecision> = {
  inskriven: "inskriven",
  konsultation: "konsultation",
  "ej aktuell": "ej_aktuell",
  kö: "ko",
  ko: "ko",
};

export function parseDecision(value: RawValue): ReferralDecision | null {
  return typeof value === "string" ? (DECISION_VALUES[labelKey(value).replace(/_/g, " ")] ?? null) : null;
}

/** A cell as the user wrote it, for the report. */
export function displayValue(value: RawValue | undefined): string {
  if (value === undefined) return "";
  if (value instanceof Date) return isoFromUtc(value);
  return String(value);
}

/** Codes and names are text; a number cell (a code like 1001) is read as its digits. */
export function asText(value: RawValue): string {
  if (value instanceof Date) return isoFromUtc(value);
  return String(value).trim();
}
