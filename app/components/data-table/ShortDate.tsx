import { formatDate, formatShortDate } from "~/utils/format";

/**
 * A date in a list column: the Swedish short form ("2026-03-07"), narrow enough for a tablet
 * held upright; the long form ("7 mars 2026") is the title.
 */
export function ShortDate({ date }: { date: string | null | undefined }) {
  if (!date) return <span className="muted">–</span>;
  return (
    <time dateTime={date} title={formatDate(date)} className="short-date">
      {formatShortDate(date)}
    </time>
  );
}
