// Before any schema is built in the browser (see the module).
import "~/utils/browser-zod";
import { Form, isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { optionalUser } from "~/auth/guards.server";
import { can, ROLE_LABELS, type Role } from "~/auth/permissions";
import { ErrorPage } from "~/components/ErrorPage";
import { organisationName } from "~/data/organisations.server";
import stylesheet from "~/styles/app.css?url";
import { errorPageText } from "~/utils/error-page";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await optionalUser(request);
  if (!user) return { user: null };
  return {
    user: { name: user.name, role: user.role, roleLabel: ROLE_LABELS[user.role] },
    organisation: await organisationName(user.organisationId),
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Hoppa till innehållet
        </a>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

interface NavItem {
  to: string;
  label: string;
  visible: (role: Role) => boolean;
}

// One navigation, filtered by role; the server checks every route again regardless.
const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "Översikt", visible: () => true },
  { to: "/deltagare", label: "Deltagare", visible: (role) => can(role, "participants:work") },
  { to: "/remisser", label: "Remisser", visible: (role) => can(role, "participants:work") },
  { to: "/statistik", label: "Statistik", visible: (role) => can(role, "statistics:read") },
  { to: "/import", label: "Import", visible: (role) => can(role, "import:run") },
  { to: "/admin", label: "Administration", visible: (role) => can(role, "admin:manage") },
];

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          Stegvis
          {data?.user && data.organisation ? <span className="brand__org">{data.organisation}</span> : null}
        </Link>
        {user ? (
          <>
            <nav aria-label="Huvudmeny" className="main-nav">
              <ul>
                {NAV_ITEMS.filter((item) => item.visible(user.role)).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="user-menu">
              <span>
                {user.name} <span className="muted">({user.roleLabel})</span>
              </span>
              <Link to="/konto">Mitt konto</Link>
              <Form method="post" action="/logga-ut">
                <button type="submit" className="button button--link">
                  Logga ut
                </button>
              </Form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}

export default function App() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
    </>
  );
}

/**
 * The one error boundary: every route's thrown 403, 404 or 409 and every unexpected error end
 * here, inside the app's header, as a Swedish page that says what to do next.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const data = useRouteLoaderData<typeof loader>("root");
  const response = isRouteErrorResponse(error) ? error : null;
  const message = typeof response?.data?.message === "string" ? response.data.message : null;
  const page = errorPageText(response?.status ?? null, message, Boolean(data?.user));
  // The stack is only shown in development: in production it could reveal data or internals.
  const stack = import.meta.env.DEV && error instanceof Error ? error.stack : undefined;
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1} className="page">
        <ErrorPage page={page} stack={stack} />
      </main>
    </>
  );
}
