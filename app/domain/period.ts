/**
 * Calendar dates are "YYYY-MM-DD" strings. Zero-padded ISO dates sort the same as strings and
 * as days, so comparisons are plain string comparisons; no Date object is involved, which keeps
 * results independent of the server's time zone.
 */

/** A report period; both ends are inclusive calendar dates. */
export interface Period {
  from: string;
  to: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function calendarDate(year: number, month: number, day: number): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True for an existing calendar date written as YYYY-MM-DD (so 2025-02-29 is false). */
export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The years a date typed or imported into Stegvis may fall in. Nothing Stegvis records happened
 * before 1900 or will happen after 2100; such a date is a typo ("1025", "20255") or a probe.
 */
export const PLAUSIBLE_YEARS = { first: 1900, last: 2100 } as const;

/** A valid calendar date within PLAUSIBLE_YEARS. */
export function isPlausibleDate(value: string): boolean {
  if (!isValidIsoDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= PLAUSIBLE_YEARS.first && year <= PLAUSIBLE_YEARS.last;
}

/** Both ends valid dates and `from` not after `to`. */
export function isValidPeriod(period: Period): boolean {
  return isValidIsoDate(period.from) && isValidIsoDate(period.to) && period.from <= period.to;
}

export function minDate(first: string, ...rest: string[]): string {
  let min = first;
  for (const date of rest) if (date < min) min = date;
  return min;
}

export function maxDate(first: string, ...rest: string[]): string {
  let max = first;
  for (const date of rest) if (date > max) max = date;
  return max;
}

export function inPeriod(date: string, period: Period): boolean {
  return period.from <= date && date <= period.to;
}

/**
 * The same calendar date `years` years later (negative: earlier). 29 February becomes
 * 28 February in a common year, so a period ending on a leap day keeps ending in February.
 */
export function shiftYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return calendarDate(year, month, day);
}

/** The same dates one year earlier: the comparison period of a goal follow-up. */
export function previousPeriod(period: Period): Period {
  return { from: shiftYears(period.from, -1), to: shiftYears(period.to, -1) };
}

/** The calendar year (årsredovisning). */
export function fullYear(year: number): Period {
  return { from: calendarDate(year, 1, 1), to: calendarDate(year, 12, 31) };
}

/** January–June (the June report to the styrelse). */
export function janJun(year: number): Period {
  return { from: calendarDate(year, 1, 1), to: calendarDate(year, 6, 30) };
}

/** January–August (delårsrapport). */
export function janAug(year: number): Period {
  return { from: calendarDate(year, 1, 1), to: calendarDate(year, 8, 31) };
}

/** A cumulative report is just a period that starts on the insats start date. */
export function sinceStart(startDate: string, to: string): Period {
  return { from: startDate, to };
}

const MS_PER_DAY = 86_400_000;
const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

/** The calendar date `days` days after `date` (negative: before). UTC, so no daylight-saving shift moves it. */
export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days since 1970-01-01: for code that steps through many days (data generators). */
export function dayNumber(date: string): number {
  if (!isValidIsoDate(date)) throw new Error(`Invalid date "${date}", expected YYYY-MM-DD`);
  return utcMidnight(date) / MS_PER_DAY;
}

/** The calendar date of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const swedishCalendar = new Intl.DateTimeFormat("en", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's calendar date in Sweden, "YYYY-MM-DD". */
export function todayInSweden(now = new Date()): string {
  // formatToParts, not format: a locale's pattern depends on the ICU data Node was built with.
  const parts = swedishCalendar.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
