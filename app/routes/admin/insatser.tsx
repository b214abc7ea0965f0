import { Link } from "react-router";
import type { Route } from "./+types/insatser";
import { requirePermission } from "~/auth/guards.server";
import { AdminTable } from "~/components/admin/AdminTable";
import { CreateForm, ListPageMessage } from "~/components/admin/CreateForm";
import { DeleteButton } from "~/components/admin/DeleteButton";
import { InsatsDetailsFields } from "~/components/admin/InsatsSettingsForms";
import { UsageCell } from "~/components/admin/UsageCell";
import { createInsats, deleteInsats, listInsatser } from "~/data/insatser.server";
import { InsatsListSchemas } from "~/schemas/admin";
import { formatDate } from "~/utils/format";
import { formAction, intent } from "~/utils/form-action.server";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Insatser – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { insatser: await listInsatser(user.organisationId) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  return formAction(request, {
    create: intent(InsatsListSchemas.create, async (input) => {
      const result = await createInsats(user, input);
      return result.ok ? ok({ message: `Insatsen ${input.name} är tillagd med Trappans och SKAPA:s standardinställningar.` }) : result;
    }),
    delete: intent(InsatsListSchemas.delete, async ({ id }) => {
      const result = await deleteInsats(user, id);
      return result.ok ? ok({ message: `Insatsen ${result.name} är borttagen.` }) : result;
    }),
  });
}

export default function Insatser({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Insatser</h1>
      <p>Varje insats har egna etiketter för Trappans steg, ett eget SKAPA-instrument och egna målvärden. Välj en insats för att ändra dem.</p>
      <ListPageMessage actionData={actionData} />
      {loaderData.insatser.length === 0 ? (
        <p>Förbundet har inga insatser ännu.</p>
      ) : (
        <AdminTable caption="Förbundets insatser" columns={["Namn", "Startdatum", "Används av", "Åtgärder"]}>
          {loaderData.insatser.map((insats) => (
            <tr key={insats.id}>
              <td>
                <Link to={`/admin/insatser/${insats.id}`}>{insats.name}</Link>
              </td>
              <td>{insats.startDate ? formatDate(insats.startDate) : "Inte angivet"}</td>
              <UsageCell usage={insats.usage} />
              <td>
                <div className="admin-actions">
                  <Link to={`/admin/insatser/${insats.id}`} className="button button--secondary">
                    Ändra<span className="visually-hidden"> {insats.name}</span>
                  </Link>
                  <DeleteButton id={insats.id} name={insats.name} noun="insatsen" />
                </div>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      <p className="muted">En insats som används av inskrivningar, remisser, studiebesök eller tilldelningar kan inte tas bort.</p>

      <CreateForm actionData={actionData} label="Lägg till insats">
        {(fields) => <InsatsDetailsFields fields={fields} />}
      </CreateForm>
    </>
  );
}
