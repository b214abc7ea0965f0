import { Link } from "react-router";
import type { Route } from "./+types/users";
import { requirePermission } from "~/auth/guards.server";
import { isRole, ROLE_LABELS } from "~/auth/permissions";
import { FormMessage } from "~/components/forms/fields";
import { sortByName } from "~/data/reference.server";
import { listUsers } from "~/data/users.server";

export const meta: Route.MetaFunction = () => [{ title: "Användare – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  const users = (await listUsers(user.organisationId)).map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    roleLabel: isRole(row.role) ? ROLE_LABELS[row.role] : row.role,
    isKoordinator: row.role === "koordinator",
    active: row.active,
    assignments: sortByName(
      row.assignments.map((a) => `${a.insats.name} – ${a.kommun.name}`),
      (label) => label,
    ),
  }));
  // After "Skapa användare" the new user's id comes back in the address, to confirm the save.
  const createdId = new URL(request.url).searchParams.get("skapad");
  const created = users.find((row) => row.id === createdId);
  return { users, createdMessage: created ? `Användaren ${created.name} är skapad.` : null };
}

export default function Users({ loaderData }: Route.ComponentProps) {
  const { users, createdMessage } = loaderData;
  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Användare</h1>
      <FormMessage success={createdMessage} />
      <p>
        <Link to="/admin/anvandare/ny" className="button">
          Ny användare
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption>Förbundets användare</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">E-post</th>
              <th scope="col">Roll</th>
              <th scope="col">Tilldelningar</th>
              <th scope="col">Aktiv</th>
            </tr>
          </thead>
          <tbody>
            {users.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link to={`/admin/anvandare/${row.id}`}>{row.name}</Link>
                </td>
                <td>{row.email}</td>
                <td>{row.roleLabel}</td>
                <td>
                  {!row.isKoordinator ? (
                    <span className="muted">Behövs inte för rollen</span>
                  ) : row.assignments.length ? (
                    <ul className="admin-plain-list">
                      {row.assignments.map((label) => (
                        <li key={label}>{label}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="badge badge--warn">Inga tilldelningar</span>
                  )}
                </td>
                <td>{row.active ? <span className="badge badge--ok">Ja</span> : <span className="badge">Nej, inaktiverad</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
