import { Link } from "react-router";
import type { Route } from "./+types/closure-reasons";
import { requirePermission } from "~/auth/guards.server";
import { AdminTable } from "~/components/admin/AdminTable";
import { CreateForm, ListPageMessage } from "~/components/admin/CreateForm";
import { DeleteButton } from "~/components/admin/DeleteButton";
import { InlineEdit } from "~/components/admin/InlineEdit";
import { UsageCell } from "~/components/admin/UsageCell";
import { SelectField, TextField } from "~/components/forms/fields";
import { createClosureReason, deleteClosureReason, listClosureReasons, updateClosureReason } from "~/data/closure-reasons.server";
import { CLOSURE_CATEGORIES, CLOSURE_CATEGORY_LABELS } from "~/domain/reference-defaults";
import { ClosureReasonSchemas } from "~/schemas/admin";
import { formAction, intent } from "~/utils/form-action.server";
import { failureFor, fieldState, type FormAnswer } from "~/utils/form-answer";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Avslutsorsaker – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { reasons: await listClosureReasons(user.organisationId) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  return formAction(request, {
    create: intent(ClosureReasonSchemas.create, async (input) => {
      const result = await createClosureReason(user, input);
      return result.ok ? ok({ message: `Avslutsorsaken ${input.label} är tillagd.` }) : result;
    }),
    update: intent(ClosureReasonSchemas.update, async ({ id, ...input }) => {
      const result = await updateClosureReason(user, id, input);
      return result.ok ? ok({ message: `Avslutsorsaken ${input.label} är sparad.` }) : result;
    }),
    delete: intent(ClosureReasonSchemas.delete, async ({ id }) => {
      const result = await deleteClosureReason(user, id);
      return result.ok ? ok({ message: `Avslutsorsaken ${result.name} är borttagen.` }) : result;
    }),
  });
}

const CATEGORY_OPTIONS = CLOSURE_CATEGORIES.map((value) => ({ value, label: CLOSURE_CATEGORY_LABELS[value] }));

type Reason = Route.ComponentProps["loaderData"]["reasons"][number];

function ReasonRow({ reason, actionData }: { reason: Reason; actionData: FormAnswer | undefined }) {
  const editFailed = failureFor(actionData, "update", reason.id);
  const fields = fieldState(editFailed, { label: reason.label, category: reason.category });
  return (
    <tr>
      <td>{reason.label}</td>
      <UsageCell usage={reason.usage} />
      <td>
        <div className="admin-actions">
          <InlineEdit
            intent="update"
            id={reason.id}
            open={!!editFailed}
            summary={
              <>
                Ändra<span className="visually-hidden"> {reason.label}</span>
              </>
            }
            submit={
              <>
                Spara<span className="visually-hidden"> {reason.label}</span>
              </>
            }
          >
            <TextField label="Avslutsorsak" name="label" required defaultValue={fields.value("label")} errors={fields.errors("label")} />
            <SelectField
              label="Kategori"
              name="category"
              required
              options={CATEGORY_OPTIONS}
              placeholder={null}
              defaultValue={fields.value("category")}
              errors={fields.errors("category")}
            />
          </InlineEdit>
          <DeleteButton id={reason.id} name={reason.label} noun="avslutsorsaken" />
        </div>
      </td>
    </tr>
  );
}

export default function ClosureReasons({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Avslutsorsaker</h1>
      <p>Rapporterna räknar avslut per orsak och per kategori. En orsak som redan används vid avslut kan byta namn eller kategori men inte tas bort.</p>
      <ListPageMessage actionData={actionData} />
      {CLOSURE_CATEGORIES.map((category) => {
        const reasons = loaderData.reasons.filter((reason) => reason.category === category);
        return (
          <section key={category}>
            <h2>{CLOSURE_CATEGORY_LABELS[category]}</h2>
            {reasons.length === 0 ? (
              <p>Inga avslutsorsaker i den här kategorin.</p>
            ) : (
              <AdminTable caption={<>Avslutsorsaker: {CLOSURE_CATEGORY_LABELS[category].toLowerCase()}</>} columns={["Avslutsorsak", "Används av", "Åtgärder"]}>
                {reasons.map((reason) => (
                  <ReasonRow key={reason.id} reason={reason} actionData={actionData} />
                ))}
              </AdminTable>
            )}
          </section>
        );
      })}

      <CreateForm actionData={actionData} label="Lägg till avslutsorsak">
        {(fields) => (
          <>
            <TextField label="Avslutsorsak" name="label" required defaultValue={fields.value("label")} errors={fields.errors("label")} />
            <SelectField
              label="Kategori"
              name="category"
              required
              options={CATEGORY_OPTIONS}
              defaultValue={fields.value("category")}
              errors={fields.errors("category")}
            />
          </>
        )}
      </CreateForm>
    </>
  );
}
