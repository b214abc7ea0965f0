import { Form } from "react-router";
import { TextField } from "~/components/forms/fields";
import type { InsatsForEdit } from "~/data/insatser.server";
import { TRAPPAN_STEPS } from "~/domain/reference-defaults";
import { ADMIN_GOAL_METRICS } from "~/schemas/admin";
import { failureFor, fieldState, type FieldState, type FormAnswer } from "~/utils/form-answer";
import { GoalTargetFields } from "./GoalTargetFields";
import { SectionMessage, WholeNumberField } from "./SectionMessage";

// The forms of an insats's settings page, one section each; every form posts its own intent.

interface SectionProps {
  insats: InsatsForEdit;
  actionData: FormAnswer | undefined;
}

/** A ratio as the percentage typed in the form: 0.8 → "80". */
function percentText(ratio: number): string {
  return String(Number((ratio * 100).toFixed(2)));
}

/** An insats's name and start date: the fields of the add form and of its settings. */
export function InsatsDetailsFields({ fields }: { fields: FieldState }) {
  return (
    <>
      <TextField label="Namn" name="name" required defaultValue={fields.value("name")} errors={fields.errors("name")} />
      <TextField
        label="Startdatum"
        name="startDate"
        type="date"
        hint="Frivilligt. Rapporten ”sedan start” börjar här."
        defaultValue={fields.value("startDate")}
        errors={fields.errors("startDate")}
      />
    </>
  );
}

export function DetailsSection({ insats, actionData }: SectionProps) {
  const fields = fieldState(failureFor(actionData, "details"), { name: insats.name, startDate: insats.startDate ?? undefined });
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">Namn och startdatum</h2>
      <Form method="post" className="card stack narrow" noValidate preventScrollReset>
        <SectionMessage actionData={actionData} intents={["details"]} />
        <input type="hidden" name="intent" value="details" />
        <InsatsDetailsFields fields={fields} />
        <button type="submit" className="button">
          Spara namn och startdatum
        </button>
      </Form>
    </section>
  );
}

export function TrappanSection({ insats, actionData }: SectionProps) {
  const fields = fieldState(failureFor(actionData, "steps"), Object.fromEntries(insats.trappanSteps.map((step) => [`step${step.step}`, step.label])));
  return (
    <section aria-labelledby="trappan-heading">
      <h2 id="trappan-heading">Trappans steg</h2>
      <Form method="post" className="card stack" noValidate preventScrollReset>
        <p className="field__hint">Stegens nummer är fasta (1–3 är trappans nedre del, 4–6 den övre); bara beskrivningarna kan ändras.</p>
        <SectionMessage actionData={actionData} intents={["steps"]} />
        <input type="hidden" name="intent" value="steps" />
        {TRAPPAN_STEPS.map((step) => (
          <TextField
            key={step}
            label={`Steg ${step}`}
            name={`step${step}`}
            required
            defaultValue={fields.value(`step${step}`) ?? ""}
            errors={fields.errors(`step${step}`)}
          />
        ))}
        <button type="submit" className="button">
          Spara Trappans steg
        </button>
      </Form>
    </section>
  );
}

export function ScaleSection({ insats, actionData }: SectionProps) {
  const fields = fieldState(failureFor(actionData, "scale"), {
    skapaScaleMin: String(insats.skapaScaleMin),
    skapaScaleMax: String(insats.skapaScaleMax),
  });
  return (
    <section aria-labelledby="scale-heading">
      <h2 id="scale-heading">SKAPA-skala</h2>
      <Form method="post" className="card stack narrow" noValidate preventScrollReset>
        <p className="field__hint">Deltagaren skattar varje område på skalan. Svar som redan är registrerade måste rymmas i en ny skala.</p>
        <SectionMessage actionData={actionData} intents={["scale"]} />
        <input type="hidden" name="intent" value="scale" />
        <div className="row">
          <WholeNumberField fields={fields} label="Lägsta värde" name="skapaScaleMin" max={100} required />
          <WholeNumberField fields={fields} label="Högsta värde" name="skapaScaleMax" max={100} required />
        </div>
        <button type="submit" className="button">
          Spara skalan
        </button>
      </Form>
    </section>
  );
}

export function TargetsSection({ insats, actionData }: SectionProps) {
  const stored = ADMIN_GOAL_METRICS.map(({ metric, kind }) => {
    const value = insats.targets[metric];
    return [metric, value === undefined ? "" : kind === "share" ? percentText(value) : String(value)];
  });
  const fields = fieldState(failureFor(actionData, "targets"), Object.fromEntries(stored));
  return (
    <section aria-labelledby="targets-heading">
      <h2 id="targets-heading">Målvärden</h2>
      <Form method="post" className="card stack narrow" noValidate preventScrollReset>
        <p className="field__hint">
          Målen visas i rapportens måluppföljning med utfall och ”uppnått / ej uppnått”. Andelar skrivs i procent, antal som heltal. Ett tomt fält betyder inget
          mål.
        </p>
        <SectionMessage actionData={actionData} intents={["targets"]} />
        <input type="hidden" name="intent" value="targets" />
        <GoalTargetFields metrics={ADMIN_GOAL_METRICS} fields={fields} />
        <button type="submit" className="button">
          Spara målvärden
        </button>
      </Form>
    </section>
  );
}
