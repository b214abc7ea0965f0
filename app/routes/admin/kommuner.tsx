import { Link } from "react-router";
import type { Route } from "./+types/kommuner";
import { requirePermission } from "~/auth/guards.server";
import { NamedListEditor } from "~/components/admin/NamedListEditor";
import { createKommun, deleteKommun, listKommuner, renameKommun } from "~/data/reference.server";
import { KommunSchemas } from "~/schemas/admin";
import { formAction } from "~/utils/form-action.server";
import { namedListIntents } from "./named-list.server";

export const meta: Route.MetaFunction = () => [{ title: "Kommuner – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { kommuner: await listKommuner(user.organisationId) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  return formAction(request, namedListIntents(user, KommunSchemas, { definite: "Kommunen", create: createKommun, rename: renameKommun, remove: deleteKommun }));
}

export default function Kommuner({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Kommuner</h1>
      <NamedListEditor
        rows={loaderData.kommuner}
        actionData={actionData}
        caption="Förbundets kommuner"
        empty="Förbundet har inga kommuner ännu."
        noun="kommunen"
        note="En kommun som används av inskrivningar, remisser, studiebesök eller tilldelningar kan inte tas bort."
        addLabel="Lägg till kommun"
      />
    </>
  );
}
