import { Form, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/sign-in";
import { optionalUser, requireSameOrigin, safeRedirectPath } from "~/auth/guards.server";
import { dummyPasswordHash, verifyPassword } from "~/auth/password.server";
import { throttledCheck, waitAndRetry } from "~/auth/throttle.server";
import { signInAfterPassword } from "~/auth/two-factor.server";
import { FormMessage, TextField } from "~/components/forms/fields";
import { clientAddress } from "~/context";
import { auditFailedSignIn } from "~/data/audit.server";
import { findUserByEmail } from "~/data/users.server";
import { SignInSchema } from "~/schemas/auth";
import { parseForm } from "~/schemas/form";
import { refusalWithStatus, type PostedForm } from "~/utils/form-action.server";
import { requireFormData } from "~/utils/form-body.server";
import { DEFAULT_INTENT, failureFor, fieldState } from "~/utils/form-answer";
import { formRefused, refused } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Logga in – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await optionalUser(request);
  if (user) throw redirect("/");
  return null;
}

const WRONG_CREDENTIALS = "Fel e-post eller lösenord.";

/**
 * The active account the password opens, or null. An unknown e-mail is verified against a dummy
 * hash so that timing does not reveal which e-mails exist; a failure for a known account is
 * logged in its förbund's audit log (an unknown e-mail belongs to no förbund's log).
 */
async function passwordSignIn(email: string, password: string, address: string) {
  const user = await findUserByEmail(email);
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (user && valid && user.active) return user;
  if (user) await auditFailedSignIn(user, email, address);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  requireSameOrigin(request);
  const formData = await requireFormData(request);
  const form: PostedForm = { formData, intent: DEFAULT_INTENT, targetId: null };
  const parsed = parseForm(SignInSchema, formData);
  if (!parsed.ok) return refusalWithStatus(form, refused(parsed.fieldErrors, parsed.formError ?? null), 400);
  const { email, password, redirectTo } = parsed.data;
  const address = clientAddress(context);

  const attempt = await throttledCheck(email, address, () => passwordSignIn(email, password, address));
  if (attempt.outcome === "throttled")
    return refusalWithStatus(form, formRefused(`För många misslyckade inloggningsförsök. ${waitAndRetry(attempt.waitMs)}`), 429);
  if (attempt.outcome === "failed") return refusalWithStatus(form, formRefused(WRONG_CREDENTIALS), 401);
  const user = attempt.value;

  // The session, or the second step when the user has or needs two-factor sign-in.
  return signInAfterPassword(request, user, safeRedirectPath(redirectTo));
}

export default function SignIn({ actionData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const failed = failureFor(actionData, DEFAULT_INTENT);
  const fields = fieldState(failed);
  return (
    <div className="narrow">
      <h1>Logga in</h1>
      <p>Stegvis följer deltagarnas väg mot arbete och studier i förbundets insatser.</p>
      <Form method="post" className="card stack" noValidate>
        <FormMessage error={failed?.formError} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField
          label="E-post"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={fields.value("email")}
          errors={fields.errors("email")}
        />
        <TextField label="Lösenord" name="password" type="password" autoComplete="current-password" required errors={fields.errors("password")} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Logga in
        </button>
      </Form>
    </div>
  );
}
