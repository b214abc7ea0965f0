import { Form, Link } from "react-router";
import { FormMessage } from "~/components/forms/fields";
import { failureFor, successFor, type FormAnswer } from "~/utils/form-answer";

export const USER_SECURITY_INTENTS = ["reset-two-factor", "end-sessions"] as const;

export interface UserSecurityView {
  twoFactor: "on" | "pending" | "off";
  twoFactorSince: string | null;
  activeSessions: number;
}

const TWO_FACTOR_TEXT = {
  on: (since: string | null) => `Påslagen sedan ${since}.`,
  pending: () => "Påbörjad men inte bekräftad.",
  off: () => "Inte påslagen.",
};

/** The user page's sign-in section: the user's second factor and sessions, and the buttons that reset and end them. */
export function UserSecurity({ view, isSelf, actionData }: { view: UserSecurityView; isSelf: boolean; actionData: FormAnswer | undefined }) {
  const failed = failureFor(actionData, USER_SECURITY_INTENTS);
  const succeeded = successFor(actionData, USER_SECURITY_INTENTS);
  return (
    <div className="card stack">
      <FormMessage error={failed?.formError} success={succeeded?.message} />
      <p>
        Tvåstegsverifiering: {TWO_FACTOR_TEXT[view.twoFactor](view.twoFactorSince)} Aktiva inloggningar: {view.activeSessions}.
      </p>
      {isSelf ? (
        <p>
          Dina egna inställningar finns under <Link to="/konto">Mitt konto</Link>.
        </p>
      ) : (
        <div className="stack-inline">
          {view.twoFactor !== "off" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reset-two-factor" />
              <button type="submit" className="button button--secondary">
                Återställ tvåstegsverifiering
              </button>
            </Form>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="end-sessions" />
            <button type="submit" className="button button--secondary">
              Avsluta alla inloggningar
            </button>
          </Form>
        </div>
      )}
    </div>
  );
}
