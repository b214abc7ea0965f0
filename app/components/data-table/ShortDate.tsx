import { formatDate } from "~/utils/format";

/**
 * A date in a list column: "2026-03-07", the Swedish short form, narrow enough for a tablet
 * held upright; the long form ("7 mars 2026") is the title.
 */
export function ShortDate({ date }: { date: string | null | undefined }) {
  if (!date) return <span className="muted">–</span>;
  return (
    <time dateTime={date} title={formatDate(date)} className="short-date">
      {date}
    </time>
  );
}
