import { Form, Link } from "react-router";
import type { Route } from "./+types/two-factor";
import { requireUser } from "~/auth/guards.server";
import { checkCode } from "~/auth/two-factor.server";
import { setupKeyView } from "~/auth/two-factor-setup.server";
import { CodeField, RecoveryCodes, recoveryCodesOf, SetupConfirm, SetupStart } from "~/components/account/TwoFactorSetup";
import { FormMessage } from "~/components/forms/fields";
import { clientAddress } from "~/context";
import { beginTwoFactorSetup, confirmTwoFactorSetup, replaceRecoveryCodes, turnOffTwoFactor, twoFactorStatus } from "~/data/two-factor.server";
import { CodeSchema, FirstCodeSchema, NoFieldsSchema } from "~/schemas/two-factor";
import { formAction, intent } from "~/utils/form-action.server";
import { failureFor, successFor, type FormAnswer } from "~/utils/form-answer";
import { formatDateTime, formatNumber } from "~/utils/format";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Tvåstegsverifiering – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const status = await twoFactorStatus(user.id);
  return {
    enabledAt: status.enabledAt ? formatDateTime(status.enabledAt) : null,
    recoveryCodesLeft: status.recoveryCodesLeft,
    required: status.required,
    // The key only while it waits for its first code; once confirmed it never reaches a page again.
    setup: status.pendingSecret ? await setupKeyView(user.email, status.pendingSecret) : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const address = clientAddress(context);
  return formAction(request, {
    start: intent(NoFieldsSchema, () => beginTwoFactorSetup(user.id)),
    confirm: intent(FirstCodeSchema, async ({ code }) => {
      const confirmed = await confirmTwoFactorSetup(user, code);
      if (!confirmed.ok) return confirmed;
      return ok({ message: "Tvåstegsverifiering är påslagen.", detail: { recoveryCodes: confirmed.recoveryCodes.join(" ") } });
    }),
    "recovery-codes": intent(CodeSchema, async ({ code }) => {
      const checked = await checkCode(user.id, code, address);
      if (!checked.ok) return checked.failure;
      const codes = await replaceRecoveryCodes(user);
      return ok({ message: "Nya reservkoder är skapade. De gamla fungerar inte längre.", detail: { recoveryCodes: codes.join(" ") } });
    }),
    "turn-off": intent(CodeSchema, async ({ code }) => {
      const checked = await checkCode(user.id, code, address);
      if (!checked.ok) return checked.failure;
      await turnOffTwoFactor(user);
      const { required } = await twoFactorStatus(user.id);
      // A role that requires two-factor sign-in cannot be without it: a new key is made at once.
      if (required) await beginTwoFactorSetup(user.id);
      return ok({ message: required ? "Den gamla appen fungerar inte längre. Lägg till den nya nyckeln nedan." : "Tvåstegsverifiering är avstängd." });
    }),
  });
}

function CodeForm({ intent, label, button, actionData }: { intent: string; label: string; button: string; actionData: FormAnswer | undefined }) {
  const failed = failureFor(actionData, intent);
  return (
    <Form method="post" className="card stack" noValidate>
      <h2>{label}</h2>
      <FormMessage error={failed?.formError} />
      <input type="hidden" name="intent" value={intent} />
      <CodeField recovery errors={failed?.fieldErrors.code} />
      <button type="submit" className="button">
        {button}
      </button>
    </Form>
  );
}

function Enabled({ loaderData, actionData }: Route.ComponentProps) {
  const { enabledAt, recoveryCodesLeft, required } = loaderData;
  return (
    <>
      <p>
        Tvåstegsverifiering är påslagen sedan {enabledAt}. Du har {formatNumber(recoveryCodesLeft)} av 10 reservkoder kvar.
      </p>
      <CodeForm intent="recovery-codes" label="Nya reservkoder" button="Skapa nya reservkoder" actionData={actionData} />
      {required ? (
        <CodeForm intent="turn-off" label="Byt till en ny app eller telefon" button="Byt app" actionData={actionData} />
      ) : (
        <CodeForm intent="turn-off" label="Stäng av tvåstegsverifiering" button="Stäng av" actionData={actionData} />
      )}
    </>
  );
}

export default function TwoFactor(props: Route.ComponentProps) {
  const { loaderData, actionData } = props;
  const codes = recoveryCodesOf(actionData);
  const message = successFor(actionData, ["confirm", "recovery-codes", "turn-off"])?.message ?? null;
  return (
    <div className="narrow">
      <p>
        <Link to="/konto">Mitt konto</Link>
      </p>
      <h1>Tvåstegsverifiering</h1>
      {codes ? (
        <RecoveryCodes codes={codes} message={message} next={{ to: "/konto", label: "Jag har sparat koderna" }} />
      ) : (
        <>
          <FormMessage success={message} />
          {loaderData.enabledAt ? (
            <Enabled {...props} />
          ) : loaderData.setup ? (
            <SetupConfirm setup={loaderData.setup} actionData={actionData} />
          ) : (
            <SetupStart required={loaderData.required} actionData={actionData} />
          )}
        </>
      )}
    </div>
  );
}
