import { Form, Link } from "react-router";
import { FormMessage, TextField } from "~/components/forms/fields";
import { failureFor, type FormAnswer } from "~/utils/form-answer";

/** The field of an authenticator code; `recovery` also invites a recovery code. */
export function CodeField({ errors, recovery = false, label = "Kod" }: { errors?: string[]; recovery?: boolean; label?: string }) {
  return (
    <TextField
      label={label}
      name="code"
      autoComplete="one-time-code"
      inputMode={recovery ? "text" : "numeric"}
      required
      hint={recovery ? "Sex siffror från appen, eller en av dina reservkoder." : "Sex siffror från appen."}
      errors={errors}
    />
  );
}

/** Before a key exists: what two-factor sign-in is, and the button that makes a key. */
export function SetupStart({ required, actionData }: { required: boolean; actionData: FormAnswer | undefined }) {
  const failed = failureFor(actionData, "start");
  return (
    <Form method="post" className="card stack">
      <FormMessage error={failed?.formError} />
      <input type="hidden" name="intent" value="start" />
      <p>
        Med tvåstegsverifiering loggar du in med lösenordet och en kod från en app i telefonen, till exempel Microsoft Authenticator, Google Authenticator eller
        FreeOTP. {required ? "Din roll kräver det." : "Det skyddar kontot om lösenordet kommer i fel händer."}
      </p>
      <button type="submit" className="button">
        Sätt upp tvåstegsverifiering
      </button>
    </Form>
  );
}

/** The new key as a QR code and as text, and the form of the first code that confirms it. */
export function SetupConfirm({ setup, actionData }: { setup: { qrSvg: string; manualKey: string }; actionData: FormAnswer | undefined }) {
  const failed = failureFor(actionData, "confirm");
  return (
    <div className="card stack">
      <ol className="stack">
        <li>Öppna appen i telefonen och välj att lägga till ett konto.</li>
        <li>
          Skanna QR-koden, eller skriv in nyckeln för hand.
          <div className="qr-code" role="img" aria-label="QR-kod med nyckeln till Stegvis" dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
          <p>
            Nyckel: <code data-testid="totp-key">{setup.manualKey}</code>
          </p>
        </li>
        <li>Skriv koden som appen visar, så att vi vet att allt fungerar.</li>
      </ol>
      <Form method="post" className="stack" noValidate>
        <FormMessage error={failed?.formError} />
        <input type="hidden" name="intent" value="confirm" />
        <CodeField label="Kod från appen" errors={failed?.fieldErrors.code} />
        <button type="submit" className="button">
          Slå på tvåstegsverifiering
        </button>
      </Form>
    </div>
  );
}

/** The ten recovery codes, shown once, right after they were made. */
export function RecoveryCodes({ codes, message, next }: { codes: string[]; message: string | null; next: { to: string; label: string } }) {
  return (
    <div className="card stack">
      <FormMessage success={message} />
      <h2>Dina reservkoder</h2>
      <p>
        Spara koderna nu, till exempel utskrivna eller i en lösenordshanterare. De visas bara den här gången. Varje kod kan användas en gång i stället för koden
        från appen, om du inte har telefonen.
      </p>
      <ol className="recovery-codes" aria-label="Reservkoder">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <Link to={next.to} className="button">
          {next.label}
        </Link>
      </p>
    </div>
  );
}

/** The recovery codes of a successful answer, if it carried any. */
export function recoveryCodesOf(actionData: FormAnswer | undefined): string[] | null {
  const codes = actionData?.ok ? actionData.detail.recoveryCodes : null;
  return typeof codes === "string" && codes ? codes.split(" ") : null;
}
