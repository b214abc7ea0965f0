import { useEffect, useRef } from "react";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/referrers";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage, TextField } from "~/components/forms/fields";
import { createReferrer, deleteReferrer, listReferrers, renameReferrer } from "~/data/reference.server";
import { failure, failureFor, formContext, ReferrerFormSchema, outcomeResult, type AdminActionResult } from "~/schemas/admin";
import { parseForm } from "~/schemas/form";

export const meta: Route.MetaFunction = () => [{ title: "Remittenter – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { referrers: await listReferrers(user.organisationId) };
}

const reply = ({ result, status }: { result: AdminActionResult; status: number }) => data(result, { status });

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  const formData = await request.formData();
  const context = formContext(formData);
  const parsed = parseForm(ReferrerFormSchema, formData);
  if (!parsed.ok) return reply(failure(context, parsed));
  const input = parsed.data;
  switch (input.intent) {
    case "create":
      return reply(outcomeResult(context, await createReferrer(user, input.name), () => `Remittenten ${input.name} är tillagd.`));
    case "rename":
      return reply(outcomeResult(context, await renameReferrer(user, input.id, input.name), () => `Remittenten heter nu ${input.name}.`));
    case "delete":
      return reply(outcomeResult(context, await deleteReferrer(user, input.id), ({ name }) => `Remittenten ${name} är borttagen.`));
  }
}

export default function Referrers({ loaderData, actionData }: Route.ComponentProps) {
  const createFailed = failureFor(actionData, "create");
  const createForm = useRef<HTMLFormElement>(null);
  // A remittent that was just added should leave an empty form for the next one.
  useEffect(() => {
    if (actionData?.ok && actionData.intent === "create") createForm.current?.reset();
  }, [actionData]);

  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Remittenter</h1>
      <p>De som skickar remisser till insatserna: Försäkringskassan, Arbetsförmedlingen, regionen, kommunens verksamheter, andra insatser eller deltagaren själv.</p>
      <FormMessage error={actionData && !actionData.ok && !createFailed ? actionData.formError : null} success={actionData?.ok ? actionData.message : null} />
      {loaderData.referrers.length === 0 ? (
        <p>Förbundet har inga remittenter ännu.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Förbundets remittenter</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Används av</th>
                <th scope="col">Åtgärder</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.referrers.map((referrer) => {
                const renameFailed = failureFor(actionData, "rename", referrer.id);
                return (
                  <tr key={referrer.id}>
                    <td>{referrer.name}</td>
                    <td>{referrer.usage ?? "Används inte"}</td>
                    <td>
                      <div className="admin-actions">
                        <details open={!!renameFailed}>
                          <summary>
                            Byt namn<span className="visually-hidden"> på {referrer.name}</span>
                          </summary>
                          <Form method="post" className="stack admin-inline-edit" noValidate>
                            <input type="hidden" name="intent" value="rename" />
                            <input type="hidden" name="id" value={referrer.id} />
                            <TextField
                              label={`Nytt namn på ${referrer.name}`}
                              name="name"
                              required
                              defaultValue={renameFailed?.values.name ?? referrer.name}
                              errors={renameFailed?.fieldErrors.name}
                            />
                            <button type="submit" className="button button--secondary">
                              Spara namnet
                            </button>
                          </Form>
                        </details>
                        <Form
                            method="post"
                            className="inline-form"
                            onSubmit={(event) => {
                              if (!window.confirm(`Ta bort remittenten ${referrer.name}?`)) event.preventDefault();
                            }}
                          >
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="id" value={referrer.id} />
                            <button type="submit" className="button button--danger">
                              Ta bort<span className="visually-hidden"> {referrer.name}</span>
                            </button>
                          </Form>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">En remittent som används av inskrivningar eller remisser kan inte tas bort.</p>

      <h2>Lägg till remittent</h2>
      <Form method="post" className="card stack narrow" noValidate ref={createForm}>
        <FormMessage error={createFailed?.formError} />
        <input type="hidden" name="intent" value="create" />
        <TextField label="Namn" name="name" required defaultValue={createFailed?.values.name} errors={createFailed?.fieldErrors.name} />
        <button type="submit" className="button">
          Lägg till remittent
        </button>
      </Form>
    </>
  );
}
