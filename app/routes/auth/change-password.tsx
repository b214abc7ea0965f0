import { Form } from "react-router";
import type { Route } from "./+types/change-password";
import { requireUser } from "~/auth/guards.server";
import { FormMessage, TextField } from "~/components/forms/fields";
import { clientAddress } from "~/context";
import { changePassword } from "~/data/users.server";
import { ChangePasswordSchema } from "~/schemas/auth";
import { formAction, intent } from "~/utils/form-action.server";
import { DEFAULT_INTENT, failureFor, fieldState, successFor } from "~/utils/form-answer";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Byt lösenord – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  return formAction(request, {
    [DEFAULT_INTENT]: intent(ChangePasswordSchema, async (passwords) => {
      const result = await changePassword(user, passwords, clientAddress(context));
      return result.ok ? ok({ message: "Lösenordet är bytt. Dina andra inloggningar har loggats ut." }) : result;
    }),
  });
}

export default function ChangePassword({ actionData }: Route.ComponentProps) {
  const failed = failureFor(actionData, DEFAULT_INTENT);
  // Passwords are never sent back, so only the messages are refilled.
  const fields = fieldState(failed);
  return (
    <div className="narrow">
      <h1>Byt lösenord</h1>
      <Form method="post" className="card stack" noValidate>
        <FormMessage error={failed?.formError} success={successFor(actionData, DEFAULT_INTENT)?.message} />
        <TextField
          label="Nuvarande lösenord"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          errors={fields.errors("currentPassword")}
        />
        <TextField
          label="Nytt lösenord"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint="Minst 12 tecken."
          errors={fields.errors("newPassword")}
        />
        <TextField
          label="Upprepa nytt lösenord"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          errors={fields.errors("confirmPassword")}
        />
        <button type="submit" className="button">
          Byt lösenord
        </button>
      </Form>
    </div>
  );
}
