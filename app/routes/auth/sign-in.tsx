import { data, Form, redirect, useActionData, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/sign-in";
import { optionalUser, requireSameOrigin, safeRedirectPath } from "~/auth/guards.server";
import { dummyPasswordHash, verifyPassword } from "~/auth/password.server";
import { startSession } from "~/auth/session.server";
import { clearFailedSignIns, recordFailedSignIn, signInWaitMinutes } from "~/auth/throttle.server";
import { FormMessage, TextField } from "~/components/forms/fields";
import { clientAddress } from "~/context";
import { audit } from "~/data/audit.server";
import { findUserByEmail } from "~/data/users.server";
import { SignInSchema } from "~/schemas/auth";
import { parseForm, type FieldErrors } from "~/schemas/form";

export const meta: Route.MetaFunction = () => [{ title: "Logga in – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await optionalUser(request);
  if (user) throw redirect("/");
  return null;
}

const WRONG_CREDENTIALS = "Fel e-post eller lösenord.";

export async function action({ request, context }: Route.ActionArgs) {
  requireSameOrigin(request);
  const formData = await request.formData();
  const result = parseForm(SignInSchema, formData);
  if (!result.ok) return data({ ...result, values: { email: result.values.email ?? "" } }, { status: 400 });
  const { email, password, redirectTo } = result.data;
  const address = clientAddress(context);

  const waitMinutes = await signInWaitMinutes(email, address);
  if (waitMinutes > 0) {
    return data(
      {
        ok: false as const,
        fieldErrors: {},
        formError: `För många misslyckade inloggningsförsök. Vänta ${waitMinutes} ${waitMinutes === 1 ? "minut" : "minuter"} och försök igen.`,
        values: { email },
      },
      { status: 429 },
    );
  }

  const user = await findUserByEmail(email);
  // Verify against a dummy hash for unknown addresses so timing does not reveal which e-mails exist.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid || !user.active) {
    await recordFailedSignIn(email, address);
    return data({ ok: false as const, fieldErrors: {}, formError: WRONG_CREDENTIALS, values: { email } }, { status: 401 });
  }

  await clearFailedSignIns(email);
  const cookie = await startSession(user.id);
  await audit({ organisationId: user.organisationId, userId: user.id, action: "sign-in", entity: "user", entityId: user.id });
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const errors: FieldErrors = actionData && !actionData.ok ? actionData.fieldErrors : {};
  return (
    <div className="narrow">
      <h1>Logga in</h1>
      <p>Stegvis följer deltagarnas väg mot arbete och studier i förbundets insatser.</p>
      <Form method="post" className="card stack" noValidate>
        <FormMessage error={actionData && !actionData.ok ? actionData.formError : null} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField
          label="E-post"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={actionData && !actionData.ok ? actionData.values.email : undefined}
          errors={errors.email}
        />
        <TextField label="Lösenord" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Logga in
        </button>
      </Form>
    </div>
  );
}
