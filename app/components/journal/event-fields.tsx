// The field groups of the journal's event forms, shared by the quick forms and the edit card.
import { CheckboxField, SelectField, TextAreaField, TextField } from "~/components/forms/fields";
import type { CurrentEnrolment, JournalOptions } from "~/data/journal/page.server";
import { FOV_OUTCOME_LABELS, FOV_OUTCOMES } from "~/domain/reference-defaults";
import type { FieldState } from "~/utils/form-answer";

type Steps = ReadonlyArray<{ step: number; label: string }>;

const stepOptions = (steps: Steps) => steps.map(({ step, label }) => ({ value: String(step), label: `${step} – ${label}` }));

const MOTIVATION_HINT = "Krävs när steget ändras.";

export function DateField({ f, today, label = "Datum" }: { f: FieldState; today: string; label?: string }) {
  return <TextField label={label} name="date" type="date" required max={today} defaultValue={f.value("date")} errors={f.errors("date")} />;
}

export function ActivityFields({ f, options, today }: { f: FieldState; options: JournalOptions; today: string }) {
  return (
    <>
      <div className="row">
        <DateField f={f} today={today} />
        <SelectField
          label="Typ av möte eller aktivitet"
          name="activityTypeId"
          required
          options={options.activityTypes}
          defaultValue={f.value("activityTypeId")}
          errors={f.errors("activityTypeId")}
        />
        <TextField
          label="Tid i minuter"
          name="minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          defaultValue={f.value("minutes")}
          errors={f.errors("minutes")}
        />
      </div>
      <TextAreaField
        label="Anteckning"
        name="note"
        rows={2}
        hint="Skriv kort och sakligt – deltagaren kan begära att få läsa."
        defaultValue={f.value("note")}
        errors={f.errors("note")}
      />
    </>
  );
}

/** "Logga möte": the meeting, and optionally a step change and a stödinsats on its date. */
export function MeetingFields({ f, options, current, today }: { f: FieldState; options: JournalOptions; current: CurrentEnrolment; today: string }) {
  return (
    <>
      <ActivityFields f={f} options={options} today={today} />
      <fieldset>
        <legend>Stegbyte i Trappan (valfritt)</legend>
        <div className="row">
          <SelectField
            label="Nytt steg"
            name="step"
            options={stepOptions(current.steps)}
            placeholder="Inget stegbyte"
            hint={current.currentStep ? `Nu: steg ${current.currentStep.step}` : "Inte placerad ännu"}
            defaultValue={f.value("step")}
            errors={f.errors("step")}
          />
          <TextField label="Motivering" name="motivation" hint={MOTIVATION_HINT} defaultValue={f.value("motivation")} errors={f.errors("motivation")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Stödinsats (valfritt)</legend>
        <div className="row">
          <SelectField
            label="Stödinsats"
            name="supportTypeId"
            options={options.supportTypes}
            placeholder="Ingen"
            defaultValue={f.value("supportTypeId")}
            errors={f.errors("supportTypeId")}
          />
          <RaisesField name="supportRaisesActivityLevel" f={f} />
        </div>
      </fieldset>
    </>
  );
}

function RaisesField({ name, f }: { name: string; f: FieldState }) {
  return (
    <SelectField
      label="Höjd aktivitetsnivå"
      name={name}
      options={[
        { value: "ja", label: "Ja" },
        { value: "nej", label: "Nej" },
      ]}
      placeholder="Enligt typen"
      defaultValue={f.value(name)}
      errors={f.errors(name)}
    />
  );
}

export function PlacementFields({ f, steps, today, currentStep }: { f: FieldState; steps: Steps; today: string; currentStep?: number | null }) {
  return (
    <div className="row">
      <DateField f={f} today={today} />
      <SelectField
        label="Steg"
        name="step"
        required
        options={stepOptions(steps)}
        hint={currentStep === undefined ? undefined : currentStep ? `Nu: steg ${currentStep}` : "Inte placerad ännu"}
        defaultValue={f.value("step")}
        errors={f.errors("step")}
      />
      <TextField label="Motivering" name="motivation" hint={MOTIVATION_HINT} defaultValue={f.value("motivation")} errors={f.errors("motivation")} />
    </div>
  );
}

export function FovFields({ f, today }: { f: FieldState; today: string }) {
  return (
    <>
      <div className="row">
        <DateField f={f} today={today} />
        <SelectField
          label="Svar"
          name="outcome"
          required
          options={FOV_OUTCOMES.map((outcome) => ({ value: outcome, label: FOV_OUTCOME_LABELS[outcome] }))}
          hint="Ja = har varit eller är utsatt för våld."
          defaultValue={f.value("outcome")}
          errors={f.errors("outcome")}
        />
      </div>
      <TextField
        label="Varför frågorna inte ställdes"
        name="notAskedReason"
        hint="Krävs för Ej tillfrågad."
        defaultValue={f.value("notAskedReason")}
        errors={f.errors("notAskedReason")}
      />
      <CheckboxField
        label="Stöd eller hänvisning erbjöds"
        name="supportOffered"
        defaultChecked={f.checked("supportOffered")}
        errors={f.errors("supportOffered")}
      />
    </>
  );
}

export function SupportFields({ f, options, today }: { f: FieldState; options: JournalOptions; today: string }) {
  return (
    <>
      <div className="row">
        <DateField f={f} today={today} />
        <SelectField
          label="Stödinsats"
          name="supportTypeId"
          required
          options={options.supportTypes}
          defaultValue={f.value("supportTypeId")}
          errors={f.errors("supportTypeId")}
        />
        <RaisesField name="raisesActivityLevel" f={f} />
      </div>
      <TextAreaField label="Anteckning" name="note" rows={2} defaultValue={f.value("note")} errors={f.errors("note")} />
    </>
  );
}

export function IncomeFields({ f, options, today }: { f: FieldState; options: JournalOptions; today: string }) {
  return (
    <div className="row">
      <DateField f={f} today={today} />
      <SelectField
        label="Ny försörjning"
        name="incomeSourceId"
        required
        options={options.incomeSources}
        defaultValue={f.value("incomeSourceId")}
        errors={f.errors("incomeSourceId")}
      />
    </div>
  );
}
