import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/user-new";
import { requirePermission } from "~/auth/guards.server";
import { ROLE_LABELS, ROLES } from "~/auth/permissions";
import { AssignmentFields, useChosenRole } from "~/components/admin/AssignmentFields";
import { FormMessage, SelectField, TextField } from "~/components/forms/fields";
import { assignmentOptions } from "~/data/reference.server";
import { assignmentsBelongTo, createUser, emailTaken } from "~/data/users.server";
import { ASSIGNMENTS_INVALID, EMAIL_TAKEN, failure, failureFor, formContext, UserCreateSchema, userFormInput } from "~/schemas/admin";
import { parseForm } from "~/schemas/form";
import { reply } from "./actions.server";

export const meta: Route.MetaFunction = () => [{ title: "Ny användare – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { options: await assignmentOptions(user.organisationId) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  const formData = await request.formData();
  const context = { ...formContext(formData), intent: "create" };
  const parsed = parseForm(UserCreateSchema, formData, userFormInput(formData));
  if (!parsed.ok) return reply(failure(context, parsed));
  const input = parsed.data;
  if (await emailTaken(input.email)) return reply(failure(context, { fieldErrors: { email: [EMAIL_TAKEN] } }));
  if (!(await assignmentsBelongTo(user.organisationId, input.assignments))) {
    return reply(failure(context, { fieldErrors: { assignments: [ASSIGNMENTS_INVALID] } }));
  }
  const created = await createUser(user, input);
  throw redirect(`/admin/anvandare?skapad=${encodeURIComponent(created.id)}`);
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export default function UserNew({ loaderData, actionData }: Route.ComponentProps) {
  const failed = failureFor(actionData, "create");
  const values = failed?.values ?? {};
  const { role, onChange } = useChosenRole(values.role ?? "koordinator");
  const checked = new Set(values.assignment?.split(",") ?? []);

  return (
    <div className="admin-narrow">
      <p>
        <Link to="/admin">Administration</Link> / <Link to="/admin/anvandare">Användare</Link>
      </p>
      <h1>Ny användare</h1>
      <Form
        method="post"
        className="card stack"
        noValidate
        onChange={onChange}
      >
        <FormMessage error={failed?.formError} />
        <TextField label="Namn" name="name" required autoComplete="off" defaultValue={values.name} errors={failed?.fieldErrors.name} />
        <TextField label="E-post" name="email" type="email" required autoComplete="off" defaultValue={values.email} errors={failed?.fieldErrors.email} />
        <SelectField label="Roll" name="role" required options={ROLE_OPTIONS} placeholder={null} defaultValue={role} errors={failed?.fieldErrors.role} />
        <TextField
          label="Lösenord"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="Minst 12 tecken. Lämna lösenordet till användaren på ett säkert sätt; hen kan byta det efter inloggning."
          errors={failed?.fieldErrors.password}
        />
        <AssignmentFields
          options={loaderData.options}
          checked={checked}
          role={role}
          hint="En koordinator arbetar med deltagarna i de insatser och kommuner som är ikryssade. Styrgrupp och förbundschef behöver inga tilldelningar."
          errors={failed?.fieldErrors.assignments}
          empty="Lägg först till insatser och kommuner."
        />
        <button type="submit" className="button">
          Skapa användare
        </button>
      </Form>
    </div>
  );
}
