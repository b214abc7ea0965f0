import { Link } from "react-router";
import type { TimelineItem } from "~/domain/timeline";
import { TIMELINE_FILTERS, type TimelineFilter } from "~/schemas/journal";
import { formatDate } from "~/utils/format";
import { pageLink } from "./page-link";

/** Everything recorded about the person, newest first, filtered by kind from the URL. */
export function Timeline({ items, counts, filter }: { items: TimelineItem[]; counts: Record<TimelineFilter, number>; filter: TimelineFilter | null }) {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const filters = Object.entries(TIMELINE_FILTERS) as [TimelineFilter, string][];
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Tidslinje</h2>
      <nav aria-label="Visa händelser av typ" className="timeline-filter">
        <ul>
          <li>
            <Link to="." aria-current={filter === null ? "page" : undefined} preventScrollReset>
              Alla ({total})
            </Link>
          </li>
          {filters.map(([key, label]) => (
            <li key={key}>
              <Link to={`?typ=${key}`} aria-current={filter === key ? "page" : undefined} preventScrollReset>
                {label} ({counts[key]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p className="muted">Inga händelser{filter ? " av den typen" : ""}.</p>
      ) : (
        <ol className="timeline">
          {items.map((item) => (
            <TimelineEntry key={item.key} item={item} filter={filter} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ScoreTable({ scores, date }: { scores: NonNullable<TimelineItem["scores"]>; date: string }) {
  return (
    <details>
      <summary>Visa områden</summary>
      <table className="timeline__scores">
        <caption className="visually-hidden">SKAPA-skattning {date}</caption>
        <thead>
          <tr>
            <th scope="col">Område</th>
            <th scope="col" className="num">
              Deltagaren
            </th>
            <th scope="col" className="num">
              Koordinatorn
            </th>
          </tr>
        </thead>
        <tbody>
          {scores.map((score) => (
            <tr key={score.label}>
              <th scope="row">{score.label}</th>
              <td className="num">{score.participant ?? "–"}</td>
              <td className="num">{score.coordinator ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function TimelineEntry({ item, filter }: { item: TimelineItem; filter: TimelineFilter | null }) {
  const edit = pageLink(filter, { andra: item.kind, post: item.id });
  const date = formatDate(item.date);
  return (
    <li className={`timeline__item timeline__item--${item.kind}`}>
      <p className="timeline__date">
        <time dateTime={item.date}>{date}</time>
      </p>
      <div className="timeline__body">
        <h3 className="timeline__title">{item.title}</h3>
        {item.lines.map((line, index) => (
          <p key={index} className="timeline__line">
            {line}
          </p>
        ))}
        {item.scores ? <ScoreTable scores={item.scores} date={date} /> : null}
        {item.editable ? (
          <p className="timeline__actions">
            <Link to={`${edit}#andra`} aria-label={`Ändra: ${item.title}, ${date}`}>
              Ändra
            </Link>
            <Link to={`${edit}#ta-bort`} aria-label={`Ta bort: ${item.title}, ${date}`}>
              Ta bort
            </Link>
          </p>
        ) : null}
      </div>
    </li>
  );
}
