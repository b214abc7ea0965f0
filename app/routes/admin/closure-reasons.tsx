import { Link } from "react-router";
import type { Route } from "./+types/closure-reasons";
import { requirePermission } from "~/auth/guards.server";
import { AdminTable } from "~/components/admin/AdminTable";
import { CreateForm, ListPageMessage } from "~/components/admin/CreateForm";
import { DeleteButton } from "~/components/admin/DeleteButton";
import { InlineEdit } from "~/components/admin/InlineEdit";
import { UsageCell } from "~/components/admin/UsageCell";
import { SelectField, TextField } from "~/components/forms/fields";
import { createClosureReason, deleteClosureReason, listClosureReasons, updateClosureReason } from "~/data/reference.server";
import {
  CLOSURE_CATEGORIES,
  CLOSURE_CATEGORY_LABELS,
  ClosureReasonFormSchema,
  failureFor,
  outcomeResult,
  type AdminActionResult,
  type ClosureCategoryKey,
} from "~/schemas/admin";
import { adminFormAction } from "./actions.server";

export const meta: Route.MetaFunction = () => [{ title: "Avslutsorsaker – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { reasons: await listClosureReasons(user.organisationId) };
}

export function action({ request }: Route.ActionArgs) {
  return adminFormAction(request, ClosureReasonFormSchema, async (user, input, context) => {
    switch (input.intent) {
      case "create": {
        const { label, category } = input;
        return outcomeResult(context, await createClosureReason(user, { label, category }), () => `Avslutsorsaken ${label} är tillagd.`);
      }
      case "update": {
        const { label, category } = input;
        return outcomeResult(context, await updateClosureReason(user, input.id, { label, category }), () => `Avslutsorsaken ${label} är sparad.`);
      }
      case "delete":
        return outcomeResult(context, await deleteClosureReason(user, input.id), ({ name }) => `Avslutsorsaken ${name} är borttagen.`);
    }
  });
}

const CATEGORY_OPTIONS = CLOSURE_CATEGORIES.map((value) => ({ value, label: CLOSURE_CATEGORY_LABELS[value] }));

type Reason = Route.ComponentProps["loaderData"]["reasons"][number];

function ReasonRow({ reason, actionData }: { reason: Reason; actionData: AdminActionResult | undefined }) {
  const editFailed = failureFor(actionData, "update", reason.id);
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
            <TextField label="Avslutsorsak" name="label" required defaultValue={editFailed?.values.label ?? reason.label} errors={editFailed?.fieldErrors.label} />
            <SelectField
              label="Kategori"
              name="category"
              required
              options={CATEGORY_OPTIONS}
              placeholder={null}
              defaultValue={editFailed?.values.category ?? reason.category}
              errors={editFailed?.fieldErrors.category}
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
      {CLOSURE_CATEGORIES.map((category: ClosureCategoryKey) => {
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
        {(failed) => (
          <>
            <TextField label="Avslutsorsak" name="label" required defaultValue={failed?.values.label} errors={failed?.fieldErrors.label} />
            <SelectField
              label="Kategori"
              name="category"
              required
              options={CATEGORY_OPTIONS}
              defaultValue={failed?.values.category}
              errors={failed?.fieldErrors.category}
            />
          </>
        )}
      </CreateForm>
    </>
  );
}
