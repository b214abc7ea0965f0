import { SelectField } from "~/components/forms/fields";
import type { JournalOptions } from "~/data/journal/page.server";
import type { FieldState } from "~/utils/form-answer";
import { DateField } from "./event-fields";

const YES_NO = [
  { value: "ja", label: "Ja" },
  { value: "nej", label: "Nej" },
];

/** Closing an enrolment: its date, reason, försörjning at the end and the participant's own view. */
export function ClosureFields({ f, options, today }: { f: FieldState; options: JournalOptions; today: string }) {
  const survey = (name: string, label: string) => (
    <SelectField label={label} name={name} options={YES_NO} placeholder="Ej besvarat" defaultValue={f.value(name)} errors={f.errors(name)} />
  );
  return (
    <>
      <div className="row">
        <DateField f={f} today={today} label="Avslutsdatum" />
        <SelectField
          label="Avslutsorsak"
          name="closureReasonId"
          required
          options={options.closureReasons}
          defaultValue={f.value("closureReasonId")}
          errors={f.errors("closureReasonId")}
        />
      </div>
      <div className="row">
        <SelectField
          label="Försörjning vid avslut"
          name="incomeEndId"
          required
          options={options.incomeSources}
          defaultValue={f.value("incomeEndId")}
          errors={f.errors("incomeEndId")}
        />
        <SelectField
          label="Planering efter avslut"
          name="planAfterClosure"
          required
          options={YES_NO}
          defaultValue={f.value("planAfterClosure")}
          errors={f.errors("planAfterClosure")}
        />
      </div>
      <fieldset>
        <legend>Deltagarens egen bedömning (valfri)</legend>
        <div className="row">
          {survey("surveySupport", "Upplevt stöd")}
          {survey("surveyInfluence", "Upplevt inflytande")}
          {survey("surveyReadiness", "Ökad beredskap för arbete eller studier")}
        </div>
      </fieldset>
    </>
  );
}
