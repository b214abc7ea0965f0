import { useEffect, useRef } from "react";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/kommuner";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage, TextField } from "~/components/forms/fields";
import { createKommun, deleteKommun, listKommuner, renameKommun } from "~/data/reference.server";
import { failure, failureFor, formContext, KommunFormSchema, outcomeResult, type AdminActionResult } from "~/schemas/admin";
import { parseForm } from "~/schemas/form";

export const meta: Route.MetaFunction = () => [{ title: "Kommuner – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { kommuner: await listKommuner(user.organisationId) };
}

const reply = ({ result, status }: { result: AdminActionResult; status: number }) => data(result, { status });

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  const formData = await request.formData();
  const context = formContext(formData);
  const parsed = parseForm(KommunFormSchema, formData);
  if (!parsed.ok) return reply(failure(context, parsed));
  const input = parsed.data;
  switch (input.intent) {
    case "create":
      return reply(outcomeResult(context, await createKommun(user, input.name), () => `Kommunen ${input.name} är tillagd.`));
    case "rename":
      return reply(outcomeResult(context, await renameKommun(user, input.id, input.name), () => `Kommunen heter nu ${input.name}.`));
    case "delete":
      return reply(outcomeResult(context, await deleteKommun(user, input.id), ({ name }) => `Kommunen ${name} är borttagen.`));
  }
}

export default function Kommuner({ loaderData, actionData }: Route.ComponentProps) {
  const createFailed = failureFor(actionData, "create");
  const createForm = useRef<HTMLFormElement>(null);
  // A kommun that was just added should leave an empty form for the next one.
  useEffect(() => {
    if (actionData?.ok && actionData.intent === "create") createForm.current?.reset();
  }, [actionData]);

  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Kommuner</h1>
      <FormMessage error={actionData && !actionData.ok && !createFailed ? actionData.formError : null} success={actionData?.ok ? actionData.message : null} />
      {loaderData.kommuner.length === 0 ? (
        <p>Förbundet har inga kommuner ännu.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Förbundets kommuner</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Används av</th>
                <th scope="col">Åtgärder</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.kommuner.map((kommun) => {
                const renameFailed = failureFor(actionData, "rename", kommun.id);
                return (
                  <tr key={kommun.id}>
                    <td>{kommun.name}</td>
                    <td>{kommun.usage ?? "Används inte"}</td>
                    <td>
                      <div className="admin-actions">
                        <details open={!!renameFailed}>
                          <summary>
                            Byt namn<span className="visually-hidden"> på {kommun.name}</span>
                          </summary>
                          <Form method="post" className="stack admin-inline-edit" noValidate>
                            <input type="hidden" name="intent" value="rename" />
                            <input type="hidden" name="id" value={kommun.id} />
                            <TextField
                              label={`Nytt namn på ${kommun.name}`}
                              name="name"
                              required
                              defaultValue={renameFailed?.values.name ?? kommun.name}
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
                              if (!window.confirm(`Ta bort kommunen ${kommun.name}?`)) event.preventDefault();
                            }}
                          >
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="id" value={kommun.id} />
                            <button type="submit" className="button button--danger">
                              Ta bort<span className="visually-hidden"> {kommun.name}</span>
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
      <p className="muted">En kommun som används av inskrivningar, remisser, studiebesök eller tilldelningar kan inte tas bort.</p>

      <h2>Lägg till kommun</h2>
      <Form method="post" className="card stack narrow" noValidate ref={createForm}>
        <FormMessage error={createFailed?.formError} />
        <input type="hidden" name="intent" value="create" />
        <TextField label="Namn" name="name" required defaultValue={createFailed?.values.name} errors={createFailed?.fieldErrors.name} />
        <button type="submit" className="button">
          Lägg till kommun
        </button>
      </Form>
    </>
  );
}
