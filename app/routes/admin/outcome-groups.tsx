import { Link } from "react-router";
import type { Route } from "./+types/outcome-groups";
import { requirePermission } from "~/auth/guards.server";
import { AdminTable } from "~/components/admin/AdminTable";
import { CreateForm, ListPageMessage } from "~/components/admin/CreateForm";
import { DeleteButton } from "~/components/admin/DeleteButton";
import { InlineEdit } from "~/components/admin/InlineEdit";
import { CheckboxField, TextField } from "~/components/forms/fields";
import { createOutcomeGroup, deleteOutcomeGroup, listOutcomeGroups, updateOutcomeGroup } from "~/data/outcome-groups.server";
import { outcomeGroupInput, OutcomeGroupSchemas } from "~/schemas/outcome-groups";
import { formAction, intent } from "~/utils/form-action.server";
import { failureFor, type FieldState, fieldState, type FormAnswer } from "~/utils/form-answer";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Utfallsgrupper – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return listOutcomeGroups(user.organisationId);
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  const options = { input: outcomeGroupInput };
  return formAction(request, {
    create: intent(
      OutcomeGroupSchemas.create,
      async (input) => {
        const result = await createOutcomeGroup(user, input);
        return result.ok ? ok({ message: `Utfallsgruppen ${input.name} är tillagd.` }) : result;
      },
      options,
    ),
    update: intent(
      OutcomeGroupSchemas.update,
      async ({ id, ...input }) => {
        const result = await updateOutcomeGroup(user, id, input);
        return result.ok ? ok({ message: `Utfallsgruppen ${input.name} är sparad.` }) : result;
      },
      options,
    ),
    delete: intent(OutcomeGroupSchemas.delete, async ({ id }) => {
      const result = await deleteOutcomeGroup(user, id);
      return result.ok ? ok({ message: `Utfallsgruppen ${result.name} är borttagen.` }) : result;
    }),
  });
}

type LoaderData = Route.ComponentProps["loaderData"];
type Group = LoaderData["groups"][number];
type Reason = LoaderData["reasons"][number];

/** The group's name and a checkbox per closure reason; after a failed post, what was posted. */
function GroupFields({ fields, reasons, chosen }: { fields: FieldState; reasons: Reason[]; chosen: readonly string[] }) {
  const posted = fields.value("reasonId");
  const checked = new Set(posted === undefined ? chosen : posted.split(","));
  return (
    <>
      <TextField label="Namn" name="name" required defaultValue={fields.value("name")} errors={fields.errors("name")} />
      <fieldset className="stack">
        <legend>Avslutsskäl i gruppen</legend>
        {fields.errors("reasonIds")?.map((message) => (
          <p key={message} className="field__error">
            {message}
          </p>
        ))}
        {reasons.map((reason) => (
          <CheckboxField key={reason.id} label={reason.label} name="reasonId" value={reason.id} defaultChecked={checked.has(reason.id)} />
        ))}
      </fieldset>
    </>
  );
}

function GroupRow({ group, reasons, actionData }: { group: Group; reasons: Reason[]; actionData: FormAnswer | undefined }) {
  const editFailed = failureFor(actionData, "update", group.id);
  const fields = fieldState(editFailed, { name: group.name });
  const labels = reasons.filter((reason) => group.reasonIds.includes(reason.id)).map((reason) => reason.label);
  return (
    <tr>
      <td>{group.name}</td>
      <td>{labels.length === 0 ? "Inga avslutsskäl" : labels.join(", ")}</td>
      <td>
        <div className="admin-actions">
          <InlineEdit
            intent="update"
            id={group.id}
            open={!!editFailed}
            summary={
              <>
                Ändra<span className="visually-hidden"> {group.name}</span>
              </>
            }
            submit={
              <>
                Spara<span className="visually-hidden"> {group.name}</span>
              </>
            }
          >
            <GroupFields fields={fields} reasons={reasons} chosen={group.reasonIds} />
          </InlineEdit>
          <DeleteButton id={group.id} name={group.name} noun="utfallsgruppen" />
        </div>
      </td>
    </tr>
  );
}

export default function OutcomeGroups({ loaderData, actionData }: Route.ComponentProps) {
  const { groups, reasons } = loaderData;
  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Utfallsgrupper</h1>
      <p>
        Statistiken räknar avslut per utfallsgrupp, med antal och andel av alla avslutade, till exempel ”Arbete eller studier”. Ett avslutsskäl kan ingå i flera
        grupper. Att ändra en grupp ändrar inga avslut, bara hur de räknas.
      </p>
      <ListPageMessage actionData={actionData} />
      {groups.length === 0 ? (
        <p>Förbundet har inga utfallsgrupper.</p>
      ) : (
        <AdminTable caption="Utfallsgrupper" columns={["Utfallsgrupp", "Avslutsskäl", "Åtgärder"]}>
          {groups.map((group) => (
            <GroupRow key={group.id} group={group} reasons={reasons} actionData={actionData} />
          ))}
        </AdminTable>
      )}

      <CreateForm actionData={actionData} label="Lägg till utfallsgrupp">
        {(fields) => <GroupFields fields={fields} reasons={reasons} chosen={[]} />}
      </CreateForm>
    </>
  );
}
