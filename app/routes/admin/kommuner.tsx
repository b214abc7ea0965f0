import { Link } from "react-router";
import type { Route } from "./+types/kommuner";
import { requirePermission } from "~/auth/guards.server";
import { NamedListEditor } from "~/components/admin/NamedListEditor";
import { createKommun, deleteKommun, listKommuner, renameKommun } from "~/data/reference.server";
import { KommunFormSchema } from "~/schemas/admin";
import { namedListAction } from "./actions.server";

export const meta: Route.MetaFunction = () => [{ title: "Kommuner – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { kommuner: await listKommuner(user.organisationId) };
}

export function action({ request }: Route.ActionArgs) {
  return namedListAction(request, KommunFormSchema, { definite: "Kommunen", create: createKommun, rename: renameKommun, remove: deleteKommun });
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
