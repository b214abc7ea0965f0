import { Form, Link } from "react-router";
import type { Route } from "./+types/user-new";
import { requirePermission } from "~/auth/guards.server";
import { ROLE_LABELS, ROLES } from "~/auth/permissions";
import { AssignmentFields, useChosenRole } from "~/components/admin/AssignmentFields";
import { FormMessage, SelectField, TextField } from "~/components/forms/fields";
import { assignmentOptions } from "~/data/reference.server";
import { createUser } from "~/data/users.server";
import { UserCreateSchema, userFormInput } from "~/schemas/users";
import { formAction, intent } from "~/utils/form-action.server";
import { DEFAULT_INTENT, failureFor, fieldState } from "~/utils/form-answer";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Ny användare – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  return { options: await assignmentOptions(user.organisationId) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  return formAction(request, {
    [DEFAULT_INTENT]: intent(
      UserCreateSchema,
      async (input) => {
        const created = await createUser(user, input);
        // The list confirms the save, with the new user's id in the address.
        return created.ok ? ok({ redirectTo: `/admin/anvandare?skapad=${encodeURIComponent(created.id)}` }) : created;
      },
      { input: userFormInput },
    ),
  });
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export default function UserNew({ loaderData, actionData }: Route.ComponentProps) {
  const failed = failureFor(actionData, DEFAULT_INTENT);
  const fields = fieldState(failed);
  const { role, onChange } = useChosenRole(fields.value("role") || "koordinator");
  const checked = new Set(fields.value("assignment")?.split(",") ?? []);

  return (
    <div className="admin-narrow">
      <p>
        <Link to="/admin">Administration</Link> / <Link to="/admin/anvandare">Användare</Link>
      </p>
      <h1>Ny användare</h1>
      <Form method="post" className="card stack" noValidate onChange={onChange}>
        <FormMessage error={failed?.formError} />
        <TextField label="Namn" name="name" required autoComplete="off" defaultValue={fields.value("name")} errors={fields.errors("name")} />
        <TextField label="E-post" name="email" type="email" required autoComplete="off" defaultValue={fields.value("email")} errors={fields.errors("email")} />
        <SelectField label="Roll" name="role" required options={ROLE_OPTIONS} placeholder={null} defaultValue={role} errors={fields.errors("role")} />
        <TextField
          label="Lösenord"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="Minst 12 tecken. Lämna lösenordet till användaren på ett säkert sätt; hen kan byta det efter inloggning."
          errors={fields.errors("password")}
        />
        <AssignmentFields
          options={loaderData.options}
          checked={checked}
          role={role}
          hint="En koordinator arbetar med deltagarna i de insatser och kommuner som är ikryssade. Styrgrupp och förbundschef behöver inga tilldelningar."
          errors={fields.errors("assignments")}
          empty="Lägg först till insatser och kommuner."
        />
        <button type="submit" className="button">
          Skapa användare
        </button>
      </Form>
    </div>
  );
}
