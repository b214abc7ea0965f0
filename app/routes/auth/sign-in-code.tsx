import { Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/sign-in-code";
import { requireSameOrigin } from "~/auth/guards.server";
import { checkCode, PENDING_EXPIRED, SIGN_IN_DETAIL, signedInHeaders } from "~/auth/two-factor.server";
import { readPendingSignIn } from "~/auth/two-factor-pending.server";
import { CodeField } from "~/components/account/TwoFactorSetup";
import { FormMessage } from "~/components/forms/fields";
import { clientAddress } from "~/context";
import { activeUserForSignIn } from "~/data/two-factor.server";
import { parseForm } from "~/schemas/form";
import { CodeSchema } from "~/schemas/two-factor";
import { refusalWithStatus, type PostedForm } from "~/utils/form-action.server";
import { DEFAULT_INTENT, failureFor } from "~/utils/form-answer";
import { formRefused, refused } from "~/utils/write-result";
import { requireFormData } from "~/utils/form-body.server";

// The second step of a sign-in: the password was right, and a code from the user's
// authenticator app (or a recovery code) completes it. No session exists until then.

export const meta: Route.MetaFunction = () => [{ title: "Kod för inloggning – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const pending = await readPendingSignIn(request);
  if (pending?.stage !== "code") throw redirect("/logga-in");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  requireSameOrigin(request);
  const formData = await requireFormData(request);
  const form: PostedForm = { formData, intent: DEFAULT_INTENT, targetId: null };
  const pending = await readPendingSignIn(request);
  const user = pending?.stage === "code" ? await activeUserForSignIn(pending.userId) : null;
  if (!pending || !user) return refusalWithStatus(form, formRefused(PENDING_EXPIRED), 400);
  const parsed = parseForm(CodeSchema, formData);
  if (!parsed.ok) return refusalWithStatus(form, refused(parsed.fieldErrors, parsed.formError ?? null), 400);

  const checked = await checkCode(user.id, parsed.data.code, clientAddress(context));
  if (!checked.ok) return refusalWithStatus(form, checked.failure, checked.status);
  return redirect(pending.redirectTo, { headers: await signedInHeaders(request, user, SIGN_IN_DETAIL[checked.method]) });
}

export default function SignInCode({ actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const failed = failureFor(actionData, DEFAULT_INTENT);
  return (
    <div className="narrow">
      <h1>Kod för inloggning</h1>
      <p>Öppna appen för tvåstegsverifiering i telefonen och skriv koden som visas för Stegvis.</p>
      <Form method="post" className="card stack" noValidate>
        <FormMessage error={failed?.formError} />
        <CodeField recovery errors={failed?.fieldErrors.code} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Logga in
        </button>
      </Form>
      <p>Har du inte telefonen? Skriv en av dina reservkoder i stället. Har du inga reservkoder kvar kan förbundschefen återställa din tvåstegsverifiering.</p>
      <p>
        <Link to="/logga-in">Avbryt och börja om</Link>
      </p>
    </div>
  );
}
