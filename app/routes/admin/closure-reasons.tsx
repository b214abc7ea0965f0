import { useEffect, useRef } from "react";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/closure-reasons";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage, SelectField, TextField } from "~/components/forms/fields";
import { createClosureReason, deleteClosureReason, listClosureReasons, updateClosureReason } from "~/data/reference.server";
import {
  CLOSURE_CATEGORIES,
  CLOSURE_CATEGORY_LABELS,
  ClosureReasonFormSchema,
  failure,
  failureFor,
  formContext,
  outcomeResult,
  type AdminActionResult,
  type ClosureCategoryKey,
} from "~/schemas/admin";
import { parseForm } from "~/schemas/form";

export const meta: Route.MetaFunction = () => [{ title: "Avslutsorsaker – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { reasons: await listClosureReasons(user.organisationId) };
}

const reply = ({ result, status }: { result: AdminActionResult; status: number }) => data(result, { status });

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  const formData = await request.formData();
  const context = formContext(formData);
  const parsed = parseForm(ClosureReasonFormSchema, formData);
  if (!parsed.ok) return reply(failure(context, parsed));
  const input = parsed.data;
  switch (input.intent) {
    case "create": {
      const { label, category } = input;
      return reply(outcomeResult(context, await createClosureReason(user, { label, category }), () => `Avslutsorsaken ${label} är tillagd.`));
    }
    case "update": {
      const { label, category } = input;
      return reply(outcomeResult(context, await updateClosureReason(user, input.id, { label, category }), () => `Avslutsorsaken ${label} är sparad.`));
    }
    case "delete":
      return reply(outcomeResult(context, await deleteClosureReason(user, input.id), ({ name }) => `Avslutsorsaken ${name} är borttagen.`));
  }
}

const CATEGORY_OPTIONS = CLOSURE_CATEGORIES.map((value) => ({ value, label: CLOSURE_CATEGORY_LABELS[value] }));

type Reason = Route.ComponentProps["loaderData"]["reasons"][number];

function ReasonRow({ reason, actionData }: { reason: Reason; actionData: AdminActionResult | undefined }) {
  const editFailed = failureFor(actionData, "update", reason.id);
  return (
    <tr>
      <td>{reason.label}</td>
      <td>{reason.usage ?? "Används inte"}</td>
      <td>
        <div className="admin-actions">
          <details open={!!editFailed}>
            <summary>
              Ändra<span className="visually-hidden"> {reason.label}</span>
            </summary>
            <Form method="post" className="stack admin-inline-edit" noValidate>
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="id" value={reason.id} />
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
              <button type="submit" className="button button--secondary">
                Spara<span className="visually-hidden"> {reason.label}</span>
              </button>
            </Form>
          </details>
          <Form
            method="post"
            className="inline-form"
            onSubmit={(event) => {
              if (!window.confirm(`Ta bort avslutsorsaken ${reason.label}?`)) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="id" value={reason.id} />
            <button type="submit" className="button button--danger">
              Ta bort<span className="visually-hidden"> {reason.label}</span>
            </button>
          </Form>
        </div>
      </td>
    </tr>
  );
}

export default function ClosureReasons({ loaderData, actionData }: Route.ComponentProps) {
  const createFailed = failureFor(actionData, "create");
  const createForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (actionData?.ok && actionData.intent === "create") createForm.current?.reset();
  }, [actionData]);

  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Avslutsorsaker</h1>
      <p>Rapporterna räknar avslut per orsak och per kategori. En orsak som redan används vid avslut kan byta namn eller kategori men inte tas bort.</p>
      <FormMessage error={actionData && !actionData.ok && !createFailed ? actionData.formError : null} success={actionData?.ok ? actionData.message : null} />
      {CLOSURE_CATEGORIES.map((category: ClosureCategoryKey) => {
        const reasons = loaderData.reasons.filter((reason) => reason.category === category);
        return (
          <section key={category}>
            <h2>{CLOSURE_CATEGORY_LABELS[category]}</h2>
            {reasons.length === 0 ? (
              <p>Inga avslutsorsaker i den här kategorin.</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption>Avslutsorsaker: {CLOSURE_CATEGORY_LABELS[category].toLowerCase()}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Avslutsorsak</th>
                      <th scope="col">Används av</th>
                      <th scope="col">Åtgärder</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reasons.map((reason) => (
                      <ReasonRow key={reason.id} reason={reason} actionData={actionData} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}

      <h2>Lägg till avslutsorsak</h2>
      <Form method="post" className="card stack narrow" noValidate ref={createForm}>
        <FormMessage error={createFailed?.formError} />
        <input type="hidden" name="intent" value="create" />
        <TextField label="Avslutsorsak" name="label" required defaultValue={createFailed?.values.label} errors={createFailed?.fieldErrors.label} />
        <SelectField
          label="Kategori"
          name="category"
          required
          options={CATEGORY_OPTIONS}
          defaultValue={createFailed?.values.category}
          errors={createFailed?.fieldErrors.category}
        />
        <button type="submit" className="button">
          Lägg till avslutsorsak
        </button>
      </Form>
    </>
  );
}
