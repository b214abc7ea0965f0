import { Link } from "react-router";
import { formatNumber } from "~/utils/format";

/**
 * Page links for a server-paginated list. Plain links, so paging works without JavaScript and
 * every page is a bookmarkable URL.
 */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
  label = "Sidor",
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const pages = visiblePages(page, pageCount);
  return (
    <nav aria-label={label} className="pagination">
      <p className="pagination__summary">
        Sida {formatNumber(page)} av {formatNumber(pageCount)} ({formatNumber(total)} träffar)
      </p>
      <ul>
        <li>{page > 1 ? <Link to={hrefFor(page - 1)}>Föregående</Link> : <span aria-disabled="true">Föregående</span>}</li>
        {pages.map((item, index) =>
          item === null ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              {item === page ? (
                <span aria-current="page" className="pagination__current">
                  <span className="visually-hidden">Sida </span>
                  {formatNumber(item)}
                </span>
              ) : (
                <Link to={hrefFor(item)}>
                  <span className="visually-hidden">Sida </span>
                  {formatNumber(item)}
                </Link>
              )}
            </li>
          ),
        )}
        <li>{page < pageCount ? <Link to={hrefFor(page + 1)}>Nästa</Link> : <span aria-disabled="true">Nästa</span>}</li>
      </ul>
    </nav>
  );
}

/** The first, the last and the pages around the current one; null marks a gap. */
export function visiblePages(page: number, pageCount: number): Array<number | null> {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: Array<number | null> = [];
  for (const p of sorted) {
    const previous = result[result.length - 1];
    if (typeof previous === "number" && p - previous > 1) result.push(null);
    result.push(p);
  }
  return result;
}
