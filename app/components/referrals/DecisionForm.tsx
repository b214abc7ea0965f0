import { Form } from "react-router";
import { FormMessage, SelectField } from "~/components/forms/fields";
import { REFERRAL_DECISION_LABELS, REFERRAL_DECISIONS, type ReferralDecision } from "~/domain/reference-defaults";
import { fieldState, type FormFailure, type FormSuccess } from "~/utils/form-answer";

const DECISION_OPTIONS = REFERRAL_DECISIONS.map((decision) => ({ value: decision, label: REFERRAL_DECISION_LABELS[decision] }));

/** The remissteam's decision; the version makes a save of an outdated page a refusal, not an overwrite. */
export function DecisionForm({
  referral,
  failure,
  success,
}: {
  referral: { version: number; decision: ReferralDecision | null };
  failure: FormFailure | null;
  success: FormSuccess | null;
}) {
  const f = fieldState(failure, { decision: referral.decision ?? undefined });
  return (
    <section className="card" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Beslut</h2>
      <Form method="post" className="row" noValidate>
        <input type="hidden" name="intent" value="decision" />
        <input type="hidden" name="version" value={referral.version} />
        <SelectField
          label="Beslut i remissteamet"
          name="decision"
          required
          options={DECISION_OPTIONS}
          defaultValue={f.value("decision")}
          placeholder="Ej beslutad"
          errors={f.errors("decision")}
        />
        <button type="submit" className="button">
          Spara beslut
        </button>
      </Form>
      <FormMessage error={failure?.formError} success={success?.message} />
    </section>
  );
}
