import { useEffect, useRef } from "react";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/insatser";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage, TextField } from "~/components/forms/fields";
import { createInsats, deleteInsats, listInsatser } from "~/data/reference.server";
import { failure, failureFor, formContext, InsatsListFormSchema, outcomeResult, type AdminActionResult } from "~/schemas/admin";
import { parseForm } from "~/schemas/form";
import { formatDate } from "~/utils/format";

export const meta: Route.MetaFunction = () => [{ title: "Insatser – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { insatser: await listInsatser(user.organisationId) };
}

const reply = ({ result, status }: { result: AdminActionResult; status: number }) => data(result, { status });

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  const formData = await request.formData();
  const context = formContext(formData);
  const parsed = parseForm(InsatsListFormSchema, formData);
  if (!parsed.ok) return reply(failure(context, parsed));
  const input = parsed.data;
  switch (input.intent) {
    case "create": {
      const { name, startDate } = input;
      return reply(
        outcomeResult(context, await createInsats(user, { name, startDate }), () => `Insatsen ${name} är tillagd med Trappans och SKAPA:s standardinställningar.`),
      );
    }
    case "delete":
      return reply(outcomeResult(context, await deleteInsats(user, input.id), ({ name }) => `Insatsen ${name} är borttagen.`));
  }
}

export default function Insatser({ loaderData, actionData }: Route.ComponentProps) {
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
      <h1>Insatser</h1>
      <p>Varje insats har egna etiketter för Trappans steg, ett eget SKAPA-instrument och egna målvärden. Välj en insats för att ändra dem.</p>
      <FormMessage error={actionData && !actionData.ok && !createFailed ? actionData.formError : null} success={actionData?.ok ? actionData.message : null} />
      {loaderData.insatser.length === 0 ? (
        <p>Förbundet har inga insatser ännu.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Förbundets insatser</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Startdatum</th>
                <th scope="col">Används av</th>
                <th scope="col">Åtgärder</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.insatser.map((insats) => (
                <tr key={insats.id}>
                  <td>
                    <Link to={`/admin/insatser/${insats.id}`}>{insats.name}</Link>
                  </td>
                  <td>{insats.startDate ? formatDate(insats.startDate) : "Inte angivet"}</td>
                  <td>{insats.usage ?? "Används inte"}</td>
                  <td>
                    <div className="admin-actions">
                      <Link to={`/admin/insatser/${insats.id}`} className="button button--secondary">
                        Ändra<span className="visually-hidden"> {insats.name}</span>
                      </Link>
                      <Form
                        method="post"
                        className="inline-form"
                        onSubmit={(event) => {
                          if (!window.confirm(`Ta bort insatsen ${insats.name}?`)) event.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="id" value={insats.id} />
                        <button type="submit" className="button button--danger">
                          Ta bort<span className="visually-hidden"> {insats.name}</span>
                        </button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">En insats som används av inskrivningar, remisser, studiebesök eller tilldelningar kan inte tas bort.</p>

      <h2>Lägg till insats</h2>
      <Form method="post" className="card stack narrow" noValidate ref={createForm}>
        <FormMessage error={createFailed?.formError} />
        <input type="hidden" name="intent" value="create" />
        <TextField label="Namn" name="name" required defaultValue={createFailed?.values.name} errors={createFailed?.fieldErrors.name} />
        <TextField
          label="Startdatum"
          name="startDate"
          type="date"
          hint="Frivilligt. Rapporten ”sedan start” börjar här."
          defaultValue={createFailed?.values.startDate}
          errors={createFailed?.fieldErrors.startDate}
        />
        <button type="submit" className="button">
          Lägg till insats
        </button>
      </Form>
    </>
  );
}
