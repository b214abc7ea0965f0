import { useId, useState } from "react";
import { Form } from "react-router";
import { CheckboxField, FormMessage, TextField } from "~/components/forms/fields";
import { NEW_CONSENT_DATE } from "~/schemas/participants";
import { fieldState, type FieldState, type FormFailure } from "~/utils/form-answer";

type IntakeChoice = "new" | "existing";

const CHOICES: Array<{ value: IntakeChoice; label: string }> = [
  { value: "new", label: "Ny deltagare" },
  { value: "existing", label: "Befintlig deltagare (inskriven tidigare)" },
];

/** Both boxes start ticked; a refused form keeps the user's choice. */
const CONSENT_SCOPE_DEFAULTS = { coversSharing: "on", coversStatistics: "on" };

/**
 * Before anything about the person is saved: a new participant (consent and code) or one enrolled
 * before and referred again (found by their code). A radio group chooses which form is shown.
 */
export function ParticipantIntake({ consent, link, today }: { consent: FormFailure | null; link: FormFailure | null; today: string }) {
  const [choice, setChoice] = useState<IntakeChoice>(link ? "existing" : "new");
  const id = useId();
  return (
    <section className="card stack" aria-labelledby="participant-heading">
      <h2 id="participant-heading">Deltagare</h2>
      <fieldset>
        <legend>Är personen ny eller redan deltagare?</legend>
        {CHOICES.map((option) => (
          <div key={option.value} className="field field--checkbox">
            <input
              id={`${id}-${option.value}`}
              type="radio"
              name="participantChoice"
              value={option.value}
              checked={choice === option.value}
              onChange={() => setChoice(option.value)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
      {choice === "new" ? <ConsentForm failure={consent} today={today} /> : <LinkParticipantForm failure={link} today={today} />}
    </section>
  );
}

function ConsentForm({ failure, today }: { failure: FormFailure | null; today: string }) {
  const f = fieldState(failure, { givenDate: today, ...CONSENT_SCOPE_DEFAULTS });
  return (
    <section className="stack" aria-labelledby="consent-heading">
      <h3 id="consent-heading">Ny deltagare: samtycke</h3>
      <p className="muted">
        Inget om personen utöver remissen sparas innan samtycket är registrerat. Använd en kod (pseudonym); namnet är frivilligt och visas bara för
        koordinatorerna.
      </p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="consent" />
        <FormMessage error={failure?.formError} />
        <div className="row">
          <TextField label="Deltagarkod" name="code" required defaultValue={f.value("code")} errors={f.errors("code")} autoComplete="off" />
          <TextField label="Namn (frivilligt)" name="name" defaultValue={f.value("name")} errors={f.errors("name")} autoComplete="off" />
          <TextField
            label="Datum för samtycket"
            name="givenDate"
            type="date"
            required
            max={today}
            defaultValue={f.value("givenDate")}
            errors={f.errors("givenDate")}
          />
        </div>
        <fieldset>
          <legend>Samtycket omfattar</legend>
          <ConsentScopeFields f={f} />
        </fieldset>
        <button type="submit" className="button">
          Registrera samtycke
        </button>
      </Form>
    </section>
  );
}

/** What the consent covers. */
function ConsentScopeFields({ f }: { f: FieldState }) {
  return (
    <>
      <CheckboxField
        label="Informationsutbyte mellan parterna (FK, AF, region, kommun)"
        name="coversSharing"
        defaultChecked={f.checked("coversSharing")}
        errors={f.errors("coversSharing")}
      />
      <CheckboxField
        label="Uppföljningsstatistik"
        name="coversStatistics"
        defaultChecked={f.checked("coversStatistics")}
        errors={f.errors("coversStatistics")}
      />
    </>
  );
}

function LinkParticipantForm({ failure, today }: { failure: FormFailure | null; today: string }) {
  const f = fieldState(failure, CONSENT_SCOPE_DEFAULTS);
  return (
    <section className="stack" aria-labelledby="link-heading">
      <h3 id="link-heading">Befintlig deltagare</h3>
      <p className="muted">
        För en person som har varit inskriven tidigare och remitteras igen. Remissen kopplas till deltagaren, och sedan kan deltagaren skrivas in på nytt.
      </p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="link" />
        <FormMessage error={failure?.formError} />
        <div className="row">
          <TextField label="Befintlig deltagares kod" name="code" required defaultValue={f.value("code")} errors={f.errors("code")} autoComplete="off" />
        </div>
        <fieldset>
          <legend>Nytt samtycke, om det behövs</legend>
          <div className="row">
            <TextField
              label={NEW_CONSENT_DATE}
              name="givenDate"
              type="date"
              max={today}
              defaultValue={f.value("givenDate")}
              errors={f.errors("givenDate")}
              hint="Fyll bara i om deltagarens samtycke har återkallats eller saknas. Annars gäller det tidigare samtycket."
            />
          </div>
          <ConsentScopeFields f={f} />
        </fieldset>
        <button type="submit" className="button">
          Koppla deltagaren till remissen
        </button>
      </Form>
    </section>
  );
}
