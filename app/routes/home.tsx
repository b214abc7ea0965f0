import { Link } from "react-router";
import type { Route } from "./+types/home";
import { requireUser } from "~/auth/guards.server";
import { can, ROLE_LABELS } from "~/auth/permissions";
import { organisationSettings } from "~/data/organisations.server";

export const meta: Route.MetaFunction = () => [{ title: "Översikt – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const org = await organisationSettings(user.organisationId);
  return {
    name: user.name,
    roleLabel: ROLE_LABELS[user.role],
    isDemo: org.isDemo,
    organisation: org.name,
    links: {
      participants: can(user.role, "participants:work"),
      statistics: can(user.role, "statistics:read"),
      admin: can(user.role, "admin:manage"),
      import: can(user.role, "import:run"),
    },
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { name, roleLabel, isDemo, organisation, links } = loaderData;
  return (
    <>
      <h1>Välkommen, {name}</h1>
      <p>
        Du är inloggad som {roleLabel.toLowerCase()} i {organisation}.
      </p>
      {isDemo ? (
        <div className="alert alert--info" role="note">
          Det här är <strong>demodata</strong>: alla deltagare är påhittade och deras koder börjar med DEMO-.
        </div>
      ) : null}
      <ul className="card-grid">
        {links.participants ? (
          <li className="card">
            <h2>
              <Link to="/deltagare">Deltagare</Link>
            </h2>
            <p>Dina deltagare, möten, stegförflyttningar, SKAPA, FOV och avslut.</p>
          </li>
        ) : null}
        {links.statistics ? (
          <li className="card">
            <h2>
              <Link to="/statistik">Statistik</Link>
            </h2>
            <p>Stegförflyttning, könsfördelning och avslut för halvårs- och årsrapporten.</p>
          </li>
        ) : null}
        {links.import ? (
          <li className="card">
            <h2>
              <Link to="/import">Import</Link>
            </h2>
            <p>Läs in förbundets befintliga Excel-listor.</p>
          </li>
        ) : null}
        {links.admin ? (
          <li className="card">
            <h2>
              <Link to="/admin">Administration</Link>
            </h2>
            <p>Användare, kommuner, insatser, avslutsorsaker, remittenter och loggen.</p>
          </li>
        ) : null}
      </ul>
    </>
  );
}
