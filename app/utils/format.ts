// Every number and date the UI shows passes through here, so that the app speaks sv-SE everywhere.

const integerFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat("sv-SE", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
const shortDateFormat = new Intl.DateTimeFormat("sv-SE", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("sv-SE", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Stockholm",
});

/** Intl writes a non-breaking space as thousands separator; keep it, it stops "1 234" from wrapping. */
export function formatNumber(value: number): string {
  return integerFormat.format(value);
}

export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}

/** A share from its counts: "81,4 %". Without a denominator there is no share: "–". */
export function formatShare(numerator: number, denominator: number): string {
  if (denominator === 0) return "–";
  return `${decimalFormat.format((numerator / denominator) * 100)} %`;
}

/** A ratio (0..1) as a percentage with one decimal: 0.814 → "81,4 %". */
export function formatRatio(ratio: number): string {
  return `${decimalFormat.format(ratio * 100)} %`;
}

/** "2025-03-07" → "7 mars 2025". Calendar dates are read as UTC so no time zone moves the day. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "–";
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}

/** The Swedish numeric short form for narrow table columns: "2025-03-07" → "2025-03-07", "–" without a date. */
export function formatShortDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "–";
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : shortDateFormat.format(date);
}

/** A moment in time (audit log, sessions) in Swedish local time: "2026-11-24 14:05". */
export function formatDateTime(value: Date | string): string {
  return dateTimeFormat.format(typeof value === "string" ? new Date(value) : value);
}

/** Below the threshold a steering view shows "färre än N" rather than the count. */
export function formatSmallCount(count: number, threshold: number): string {
  return count > 0 && count < threshold ? `färre än ${threshold}` : formatNumber(count);
}
