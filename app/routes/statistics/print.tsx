import { data, Link } from "react-router";
import type { Route } from "./+types/print";
import { SectionView } from "~/charts/SectionView";
import { formatDate } from "~/utils/format";
import { loadStatisticsRequest, statisticsView } from "./view.server";

export const meta: Route.MetaFunction = ({ loaderData: view }) => [
  { title: view?.document ? `${view.document.title} – ${view.document.meta.organisation} – Stegvis` : "Statistik för utskrift – Stegvis" },
];

export async function loader({ request }: Route.LoaderArgs) {
  const view = statisticsView(await loadStatisticsRequest(request));
  return data(view, { status: Object.keys(view.errors).length > 0 ? 400 : 200 });
}

/** The statistics as one clean document for "Skriv ut → Spara som PDF": no filters, no scripts needed. */
export default function StatisticsPrint({ loaderData }: Route.ComponentProps) {
  const { document, search, errors } = loaderData;
  const back = search ? `/statistik?${search}` : "/statistik";
  if (!document) {
    return (
      <>
        <h1>Statistik för utskrift</h1>
        <div className="alert alert--error" role="alert">
          <p>Statistiken kunde inte tas fram:</p>
          <ul>
            {Object.values(errors).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
        <p>
          <Link to={back}>Tillbaka till statistiken</Link>
        </p>
      </>
    );
  }
  const { meta, sections } = document;
  return (
    // One section a page only when the template asks; otherwise sections follow each other and
    // each moves to the next page whole when it fits on one (app.css, @media print).
    <article className={document.onePerPage ? "stat-print stat-print--one-per-page" : "stat-print"}>
      <div className="stack-inline no-print stat-print__actions">
        <button type="button" className="button" onClick={() => window.print()}>
          Skriv ut
        </button>
        <Link to={back}>Tillbaka till statistiken</Link>
      </div>
      <header className="stat-print__header">
        <h1>
          {document.title} – {meta.organisation}
        </h1>
        <p>
          {meta.period}. {meta.comparison}.
        </p>
        <p>{meta.filters}</p>
        <p>Uttaget {formatDate(document.extractedOn)}.</p>
        <p className="muted">{meta.suppression}</p>
        {document.introduction ? <p className="stat-print__introduction">{document.introduction}</p> : null}
      </header>
      {sections.map((section) => (
        <SectionView key={section.id} section={section} chart="svg" />
      ))}
    </article>
  );
}
