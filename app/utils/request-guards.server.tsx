// What the production server (scripts/request-guards.mjs) asks the app before React Router sees
// a request: how large a post to a path may be, whether a post comes from another site, and the
// Swedish answer to a refused one. Exported through entry.server.tsx, so that the server reads it
// from the build; the rules themselves live once, in the modules the actions use as well.
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router";
import { crossSitePostReason, FOREIGN_POST_MESSAGE, logRefusedPost } from "~/auth/guards.server";
import { ErrorPage } from "~/components/ErrorPage";
import { MAX_UPLOAD_BODY_BYTES, UPLOAD_TOO_LARGE } from "~/import/handle-upload.server";
import stylesheet from "~/styles/app.css?url";
import { errorPageText } from "./error-page";
import { FORM_TOO_LARGE, MAX_FORM_BYTES } from "./form-body.server";

/** The import's two upload routes (app/routes.ts) take files; every other post is a form. */
const UPLOAD_PATHS = new Set(["/import", "/import/skicka"]);
/** Answers in JSON, which the import page reads (app/routes/import/submit.tsx). */
const JSON_PATHS = new Set(["/import/skicka"]);

/** The route's path of a request path: without React Router's ".data" suffix and a trailing slash. */
function routePath(pathname: string): string {
  if (pathname === "/_root.data") return "/";
  const path = pathname.replace(/\.data$/, "");
  return path.length > 1 ? path.replace(/\/$/, "") : path;
}

/** The most bytes a post to `pathname` may have, and what a larger one is told. */
function bodyLimit(pathname: string): { bytes: number; message: string } {
  return UPLOAD_PATHS.has(routePath(pathname))
    ? { bytes: MAX_UPLOAD_BODY_BYTES, message: UPLOAD_TOO_LARGE }
    : { bytes: MAX_FORM_BYTES, message: FORM_TOO_LARGE };
}

/** The app's error page as a document of its own, for a refusal made before React Router renders. */
function errorDocument(status: number, message: string): string {
  const page = errorPageText(status, message, false);
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* The stylesheet has no URL in unit tests, which process no CSS. */}
        {stylesheet ? <link rel="stylesheet" href={stylesheet} /> : null}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <header className="site-header">
          <div className="site-header__inner">
            <a href="/" className="brand">
              Stegvis
            </a>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="page">
          <StaticRouter location="/">
            <ErrorPage page={page} />
          </StaticRouter>
        </main>
      </body>
    </html>,
  )}`;
}

/**
 * A refused request's answer in the form its sender reads: JSON for the import's upload, the
 * message as text for React Router's data requests (the page shows its error page for the
 * status), and the error page for a browser's own form post.
 */
function refusal(pathname: string, status: number, message: string): { type: string; body: string } {
  if (JSON_PATHS.has(routePath(pathname))) return { type: "application/json; charset=utf-8", body: JSON.stringify({ kind: "error", message }) };
  if (pathname.endsWith(".data")) return { type: "text/plain; charset=utf-8", body: message };
  return { type: "text/html; charset=utf-8", body: errorDocument(status, message) };
}

export const requestGuards = { bodyLimit, crossSitePostReason, foreignPostMessage: FOREIGN_POST_MESSAGE, logRefusedPost, refusal };
export type RequestGuards = typeof requestGuards;
