import { data, Form, useActionData } from "react-router";
import type { Route } from "./+types/change-password";
import { requireUser } from "~/auth/guards.server";
import { verifyPassword } from "~/auth/password.server";
import { FormMessage, TextField } from "~/components/forms/fields";
import { changePassword, findPasswordHash } from "~/data/users.server";
import { ChangePasswordSchema } from "~/schemas/auth";
import { parseForm, type FieldErrors } from "~/schemas/form";

export const meta: Route.MetaFunction = () => [{ title: "Byt lösenord – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const result = parseForm(ChangePasswordSchema, formData);
  // Passwords are never sent back to the page.
  if (!result.ok) return data({ ok: false as const, fieldErrors: result.fieldErrors, formError: result.formError }, { status: 400 });
  if (!(await verifyPassword(result.data.currentPassword, await findPasswordHash(user.id)))) {
    return data({ ok: false as const, fieldErrors: { currentPassword: ["Nuvarande lösenord stämmer inte."] }, formError: undefined }, { status: 400 });
  }
  await changePassword(user, result.data.newPassword);
  return { ok: true as const };
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData && !actionData.ok ? actionData.fieldErrors : {};
  return (
    <div className="narrow">
      <h1>Byt lösenord</h1>
      <Form method="post" className="card stack" noValidate>
        <FormMessage
          error={actionData && !actionData.ok ? actionData.formError : null}
          success={actionData?.ok ? "Lösenordet är bytt. Dina andra inloggningar har loggats ut." : null}
        />
        <TextField label="Nuvarande lösenord" name="currentPassword" type="password" autoComplete="current-password" required errors={errors.currentPassword} />
        <TextField label="Nytt lösenord" name="newPassword" type="password" autoComplete="new-password" required hint="Minst 12 tecken." errors={errors.newPassword} />
        <TextField label="Upprepa nytt lösenord" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
        <button type="submit" className="button">
          Byt lösenord
        </button>
      </Form>
    </div>
  );
}
