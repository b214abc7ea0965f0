import { Form } from "react-router";
import { ROLE_LABELS, ROLES, type Role } from "~/auth/permissions";
import { CheckboxField, FormMessage } from "~/components/forms/fields";
import { failureFor, successFor, type FormAnswer } from "~/utils/form-answer";

export const TWO_FACTOR_POLICY_INTENT = "two-factor";

/** The administration's choice of the roles that must sign in with two-factor sign-in. */
export function TwoFactorPolicyForm({ required, actionData }: { required: readonly Role[]; actionData: FormAnswer | undefined }) {
  const failed = failureFor(actionData, TWO_FACTOR_POLICY_INTENT);
  // After a refused post the boxes show what was ticked, not what is stored.
  const ticked = failed ? new Set((failed.values.role ?? "").split(",")) : new Set<string>(required);
  return (
    <Form method="post" className="card stack narrow" noValidate>
      <FormMessage error={failed?.formError ?? failed?.fieldErrors.roles?.[0]} success={successFor(actionData, TWO_FACTOR_POLICY_INTENT)?.message} />
      <input type="hidden" name="intent" value={TWO_FACTOR_POLICY_INTENT} />
      <fieldset className="stack">
        <legend>Kräv tvåstegsverifiering för</legend>
        {ROLES.map((role) => (
          <CheckboxField key={role} label={ROLE_LABELS[role]} name="role" value={role} defaultChecked={ticked.has(role)} />
        ))}
      </fieldset>
      <p className="field__hint">
        Alla kan slå på tvåstegsverifiering själva under Mitt konto. Den som har en roll som kräver det och ännu inte har satt upp den gör det vid nästa
        inloggning – det gäller även dig.
      </p>
      <button type="submit" className="button">
        Spara kraven
      </button>
    </Form>
  );
}
