import { Link } from "react-router";

export type SortDirection = "asc" | "desc";

/** The `aria-sort` of a column header: only the sorted column carries a direction. */
export function ariaSort(active: boolean, direction: SortDirection): "ascending" | "descending" | undefined {
  if (!active) return undefined;
  return direction === "asc" ? "ascending" : "descending";
}

/**
 * A header that sorts a server-sorted list by following a link (works without JavaScript).
 * Clicking the sorted column reverses it; another column starts ascending.
 */
export function SortHeader({
  label,
  active,
  direction,
  hrefFor,
}: {
  label: string;
  active: boolean;
  direction: SortDirection;
  hrefFor: (direction: SortDirection) => string;
}) {
  const next: SortDirection = active && direction === "asc" ? "desc" : "asc";
  // The name says what the link does; aria-sort on the header says how the list is sorted now. A
  // visually hidden span would be positioned absolutely and escape the table's scroll box.
  return (
    <Link to={hrefFor(next)} className="sort-header" aria-label={`${label}, sortera ${next === "asc" ? "stigande" : "fallande"}`}>
      {label}
      <span aria-hidden="true" className="sort-header__icon">
        {active ? (direction === "asc" ? " ▲" : " ▼") : " ↕"}
      </span>
    </Link>
  );
}
