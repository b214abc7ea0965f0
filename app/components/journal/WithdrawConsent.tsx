import { useActionData } from "react-router";
import { CheckboxField } from "~/components/forms/fields";
import { failureFor, fieldState } from "~/utils/form-answer";
import { DateField } from "./event-fields";
import { JournalForm } from "./JournalForm";

/**
 * The danger zone. Withdrawal erases the person's identifying data for good, so it takes an
 * explicit confirmation; the audit log records only that it happened.
 */
export function WithdrawConsent({ version, today }: { version: string; today: string }) {
  const failure = failureFor(useActionData(), "withdraw-consent");
  const f = fieldState(failure, { date: today });
  return (
    <section className="card danger-zone" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">Återkalla samtycke</h2>
      <details open={failure !== null || undefined}>
        <summary>Deltagaren har återkallat sitt samtycke</summary>
        <p>
          Namn, deltagarkod och all fritext (anteckningar, motiveringar) raderas, och kopplingen till remisser och studiebesök tas bort. Kvar blir bara anonyma
          uppgifter (datum, steg, skattningar) för statistik som redan redovisats. Sidan försvinner för alla. Det går inte att ångra.
        </p>
        <JournalForm intent="withdraw-consent" hidden={{ version }} failure={failure} submitLabel="Återkalla samtycket och radera uppgifterna" danger>
          <DateField f={f} today={today} label="Datum då samtycket återkallades" />
          <CheckboxField
            label="Jag bekräftar att deltagaren har återkallat sitt samtycke och att uppgifterna ska raderas."
            name="confirm"
            defaultChecked={false}
            errors={f.errors("confirm")}
          />
        </JournalForm>
      </details>
    </section>
  );
}
