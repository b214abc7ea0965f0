import { Link } from "react-router";
import type { ErrorPageText } from "~/utils/error-page";

/** The body of every error page: what happened, what to do next, where to go. */
export function ErrorPage({ page, stack }: { page: ErrorPageText; stack?: string }) {
  return (
    <div className="narrow stack error-page">
      <title>{`${page.title} – Stegvis`}</title>
      <h1>{page.title}</h1>
      <p>{page.message}</p>
      <p>{page.advice}</p>
      <ul className="error-page__links">
        {page.links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
      {stack ? <pre className="stack">{stack}</pre> : null}
    </div>
  );
}
