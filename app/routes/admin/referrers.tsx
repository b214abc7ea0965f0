import { Link } from "react-router";
import type { Route } from "./+types/referrers";
import { requirePermission } from "~/auth/guards.server";
import { NamedListEditor } from "~/components/admin/NamedListEditor";
import { createReferrer, deleteReferrer, listReferrers, renameReferrer } from "~/data/reference.server";
import { ReferrerSchemas } from "~/schemas/admin";
import { formAction } from "~/utils/form-action.server";
import { namedListIntents } from "./named-list.server";

export const meta: Route.MetaFunction = () => [{ title: "Remittenter – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { referrers: await listReferrers(user.organisationId) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  return formAction(
    request,
    namedListIntents(user, ReferrerSchemas, { definite: "Remittenten", create: createReferrer, rename: renameReferrer, remove: deleteReferrer }),
  );
}

export default function Referrers({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Remittenter</h1>
      <p>
        De som skickar remisser till insatserna: Försäkringskassan, Arbetsförmedlingen, regionen, kommunens verksamheter, andra insatser eller deltagaren själv.
      </p>
      <NamedListEditor
        rows={loaderData.referrers}
        actionData={actionData}
        caption="Förbundets remittenter"
        empty="Förbundet har inga remittenter ännu."
        noun="remittenten"
        note="En remittent som används av inskrivningar eller remisser kan inte tas bort."
        addLabel="Lägg till remittent"
      />
    </>
  );
}
