import { data, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/sign-in-setup";
import { requireSameOrigin } from "~/auth/guards.server";
import { PENDING_EXPIRED, SIGN_IN_DETAIL, signedInHeaders } from "~/auth/two-factor.server";
import { readPendingSignIn } from "~/auth/two-factor-pending.server";
import { setupKeyView } from "~/auth/two-factor-setup.server";
import { RecoveryCodes, recoveryCodesOf, SetupConfirm, SetupStart } from "~/components/account/TwoFactorSetup";
import { activeUserForSignIn, beginTwoFactorSetup, confirmTwoFactorSetup, twoFactorStatus } from "~/data/two-factor.server";
import { parseForm } from "~/schemas/form";
import { FirstCodeSchema } from "~/schemas/two-factor";
import { failureAnswer, type PostedForm } from "~/utils/form-action.server";
import { successFor, type FormAnswer } from "~/utils/form-answer";
import { formRefused, refused, type WriteFailure } from "~/utils/write-result";
import { requireFormData } from "~/utils/form-body.server";

// A sign-in whose role requires two-factor sign-in, by a user who has none yet: the password
// was right, and the user sets up an authenticator before any session exists. Confirming the
// first code signs in and shows the recovery codes once.

export const meta: Route.MetaFunction = () => [{ title: "Sätt upp tvåstegsverifiering – Stegvis" }];

async function pendingSetupUser(request: Request) {
  const pending = await readPendingSignIn(request);
  const user = pending?.stage === "setup" ? await activeUserForSignIn(pending.userId) : null;
  return pending && user ? { pending, user } : null;
}

export async function loader({ request }: Route.LoaderArgs) {
  const signingIn = await pendingSetupUser(request);
  if (!signingIn) throw redirect("/logga-in");
  const status = await twoFactorStatus(signingIn.user.id);
  return { setup: status.pendingSecret ? await setupKeyView(signingIn.user.email, status.pendingSecret) : null };
}

/**
 * After the confirming code the pending sign-in is over and this page's loader would send the
 * browser on; the page stays, so that the recovery codes can be saved. (The header still reloads.)
 */
export function shouldRevalidate({ actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (successFor(actionResult, "confirm")) return false;
  return defaultShouldRevalidate;
}

function answer(form: PostedForm, failure: WriteFailure) {
  return data<FormAnswer>(failureAnswer(form, failure), { status: failure.reason === "refused" ? 400 : 409 });
}

export async function action({ request }: Route.ActionArgs) {
  requireSameOrigin(request);
  const formData = await requireFormData(request);
  const posted = formData.get("intent");
  const form: PostedForm = { formData, intent: typeof posted === "string" ? posted : "", targetId: null };
  const signingIn = await pendingSetupUser(request);
  if (!signingIn) return answer(form, formRefused(PENDING_EXPIRED));
  const { pending, user } = signingIn;

  if (form.intent === "start") {
    const started = await beginTwoFactorSetup(user.id);
    return started.ok ? null : answer(form, started);
  }
  const parsed = parseForm(FirstCodeSchema, formData);
  if (!parsed.ok) return answer({ ...form, intent: "confirm" }, refused(parsed.fieldErrors, parsed.formError ?? null));
  const confirmed = await confirmTwoFactorSetup(user, parsed.data.code);
  if (!confirmed.ok) return answer({ ...form, intent: "confirm" }, confirmed);
  // Signed in from here; the page shows the recovery codes once, then goes on where the user was going.
  const headers = await signedInHeaders(request, user, SIGN_IN_DETAIL.setup);
  const success: FormAnswer = {
    ok: true,
    intent: "confirm",
    targetId: null,
    message: "Tvåstegsverifiering är påslagen och du är inloggad.",
    detail: { recoveryCodes: confirmed.recoveryCodes.join(" "), redirectTo: pending.redirectTo },
  };
  return data(success, { headers });
}

export default function SignInSetup({ loaderData, actionData }: Route.ComponentProps) {
  const codes = recoveryCodesOf(actionData ?? undefined);
  const done = successFor(actionData, "confirm");
  return (
    <div className="narrow">
      <h1>Sätt upp tvåstegsverifiering</h1>
      {codes && done ? (
        <RecoveryCodes codes={codes} message={done.message} next={{ to: String(done.detail.redirectTo ?? "/"), label: "Jag har sparat koderna – fortsätt" }} />
      ) : (
        <>
          <p>Din roll kräver tvåstegsverifiering. Sätt upp den nu för att logga in.</p>
          {loaderData?.setup ? (
            <SetupConfirm setup={loaderData.setup} actionData={actionData ?? undefined} />
          ) : (
            <SetupStart required actionData={actionData ?? undefined} />
          )}
          <p>
            <Link to="/logga-in">Avbryt</Link>
          </p>
        </>
      )}
    </div>
  );
}
