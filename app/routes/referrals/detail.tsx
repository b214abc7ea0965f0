import { useId, useState } from "react";
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from "react-router";
import type { Route } from "./+types/detail";
import { requirePermission } from "~/auth/guards.server";
import { CheckboxField, FormMessage, SelectField, TextField } from "~/components/forms/fields";
import { EnrolmentFields, type EnrolmentField } from "~/components/forms/EnrolmentForm";
import {
  createEnrolment,
  enrolmentFormOptions,
  formFailure,
  linkParticipant,
  recordConsent,
  referralPage,
  referralParticipantId,
  refusalResponse,
  setReferralDecision,
  type EnrolmentFormOptions,
  type FormFailure,
} from "~/data/participants.server";
import { REFERRAL_DECISION_LABELS, REFERRAL_DECISIONS } from "~/domain/reference-defaults";
import { parseForm, UNKNOWN_INTENT } from "~/schemas/form";
import { ConsentSchema, DecisionSchema, EnrolmentSchema, LinkParticipantSchema, NEW_CONSENT_DATE } from "~/schemas/participants";
import { formatDate } from "~/utils/format";
import { todayInSweden } from "~/domain/period";

export const meta: Route.MetaFunction = () => [{ title: "Remiss – Stegvis" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "participants:work");
  const referral = await referralPage(user, params.referralId);
  // The enrolment form exists only once consent is recorded: before that nothing about the person is asked.
  const enrolable = referral.participant !== null && !referral.participant.hasOpenEnrolment;
  return {
    referral,
    enrolmentOptions: enrolable ? await enrolmentFormOptions(user) : null,
    currentUserId: user.id,
    today: todayInSweden(),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, "participants:work");
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    if (intent === "decision") {
      const result = parseForm(DecisionSchema, formData);
      if (!result.ok) return formFailure(formData, result.fieldErrors, result.formError);
      await setReferralDecision(user, params.referralId, result.data);
      return { ok: true as const, intent };
    }
    if (intent === "consent") {
      const result = parseForm(ConsentSchema, formData);
      if (!result.ok) return formFailure(formData, result.fieldErrors, result.formError);
      await recordConsent(user, params.referralId, result.data);
      return { ok: true as const, intent };
    }
    if (intent === "link") {
      const result = parseForm(LinkParticipantSchema, formData);
      if (!result.ok) return formFailure(formData, result.fieldErrors, result.formError);
      const { consentRecorded } = await linkParticipant(user, params.referralId, result.data);
      return { ok: true as const, intent, consentRecorded };
    }
    if (intent === "enrolment") {
      const participantId = await referralParticipantId(user, params.referralId);
      if (!participantId) return formFailure(formData, {}, "Registrera samtycket innan deltagaren skrivs in.");
      const result = parseForm(EnrolmentSchema, formData);
      if (!result.ok) return formFailure(formData, result.fieldErrors, result.formError);
      await createEnrolment(user, participantId, result.data);
      return redirect(`/deltagare/${participantId}`);
    }
    return formFailure(formData, {}, UNKNOWN_INTENT);
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

type Referral = Awaited<ReturnType<typeof loader>>["referral"];
type ActionResult = { ok: true; intent: string; consentRecorded?: boolean } | FormFailure | undefined;

/** The answer to this form, if the last submission was this form. */
function answerFor(result: ActionResult, intent: string) {
  if (!result || result.intent !== intent) return { failure: null, saved: false };
  return result.ok ? { failure: null, saved: true } : { failure: result, saved: false };
}

export default function ReferralDetail() {
  const { referral, enrolmentOptions, currentUserId, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const person = referral.participant;
  return (
    <div className="stack">
      <p>
        <Link to="/remisser">← Remisser</Link>
      </p>
      <h1>Remiss {formatDate(referral.date)}</h1>
      <dl className="journal-facts">
        <div>
          <dt>Remittent</dt>
          <dd>{referral.referrer}</dd>
        </div>
        <div>
          <dt>Insats</dt>
          <dd>{referral.insats}</dd>
        </div>
        <div>
          <dt>Kommun</dt>
          <dd>{referral.kommun}</dd>
        </div>
        <div>
          <dt>Beslut</dt>
          <dd>{referral.decision ? REFERRAL_DECISION_LABELS[referral.decision] : "Ej beslutad"}</dd>
        </div>
      </dl>

      <DecisionForm referral={referral} result={answerFor(result, "decision")} />

      {referral.erased ? (
        <p className="alert alert--info">
          Samtycket har återkallats och uppgifterna om personen är raderade. Remissen räknas fortfarande i statistiken.
        </p>
      ) : person ? (
        <PersonSection person={person} saved={personSavedMessage(result)} />
      ) : (
        <ParticipantIntake
          key={referral.id}
          consent={answerFor(result, "consent")}
          link={answerFor(result, "link")}
          today={today}
        />
      )}

      {person && enrolmentOptions ? (
        <EnrolmentForm
          referral={referral}
          options={enrolmentOptions}
          currentUserId={currentUserId}
          today={today}
          failure={answerFor(result, "enrolment").failure}
          reEnrolment={person.enrolmentCount > 0}
        />
      ) : null}
    </div>
  );
}

function DecisionForm({ referral, result }: { referral: Referral; result: ReturnType<typeof answerFor> }) {
  const errors = result.failure?.fieldErrors ?? {};
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
          options={REFERRAL_DECISIONS.map((decision) => ({ value: decision, label: REFERRAL_DECISION_LABELS[decision] }))}
          defaultValue={result.failure?.values.decision ?? referral.decision}
          placeholder="Ej beslutad"
          errors={errors.decision}
        />
        <button type="submit" className="button">
          Spara beslut
        </button>
      </Form>
      <FormMessage error={result.failure?.formError} success={result.saved ? "Beslutet är sparat." : null} />
    </section>
  );
}

/** What the person section says after consent was recorded or an existing participant linked. */
function personSavedMessage(result: ActionResult): string | null {
  if (answerFor(result, "consent").saved) return "Samtycket är registrerat. Fyll i inskrivningen nedan.";
  if (result?.ok && result.intent === "link") {
    return result.consentRecorded
      ? "Remissen är kopplad till deltagaren och det nya samtycket är registrerat. Fyll i den nya inskrivningen nedan."
      : "Remissen är kopplad till deltagaren. Deltagarens tidigare samtycke gäller. Fyll i den nya inskrivningen nedan.";
  }
  return null;
}

type IntakeChoice = "new" | "existing";

/**
 * Before anything about the person is saved: a new participant (consent and code) or one enrolled
 * before and referred again (found by their code). A radio group chooses which form is shown.
 */
function ParticipantIntake({
  consent, link, today,
}: {
  consent: ReturnType<typeof answerFor>;
  link: ReturnType<typeof answerFor>;
  today: string;
}) {
  const [choice, setChoice] = useState<IntakeChoice>(link.failure ? "existing" : "new");
  const id = useId();
  const options: Array<{ value: IntakeChoice; label: string }> = [
    { value: "new", label: "Ny deltagare" },
    { value: "existing", label: "Befintlig deltagare (inskriven tidigare)" },
  ];
  return (
    <section className="card stack" aria-labelledby="participant-heading">
      <h2 id="participant-heading">Deltagare</h2>
      <fieldset>
        <legend>Är personen ny eller redan deltagare?</legend>
        {options.map((option) => (
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
      {choice === "new" ? <ConsentForm result={consent} today={today} /> : <LinkParticipantForm result={link} today={today} />}
    </section>
  );
}

function ConsentForm({ result, today }: { result: ReturnType<typeof answerFor>; today: string }) {
  const errors = result.failure?.fieldErrors ?? {};
  const values = result.failure?.values;
  return (
    <section className="stack" aria-labelledby="consent-heading">
      <h3 id="consent-heading">Ny deltagare: samtycke</h3>
      <p className="muted">
        Inget om personen utöver remissen sparas innan samtycket är registrerat. Använd en kod (pseudonym); namnet är
        frivilligt och visas bara för koordinatorerna.
      </p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="consent" />
        <FormMessage error={result.failure?.formError} />
        <div className="row">
          <TextField label="Deltagarkod" name="code" required defaultValue={values?.code} errors={errors.code} autoComplete="off" />
          <TextField label="Namn (frivilligt)" name="name" defaultValue={values?.name} errors={errors.name} autoComplete="off" />
          <TextField label="Datum för samtycket" name="givenDate" type="date" required max={today} defaultValue={values?.givenDate ?? today} errors={errors.givenDate} />
        </div>
        <fieldset>
          <legend>Samtycket omfattar</legend>
          <ConsentScopeFields values={values} errors={errors} />
        </fieldset>
        <button type="submit" className="button">
          Registrera samtycke
        </button>
      </Form>
    </section>
  );
}

/** What the consent covers; both boxes start ticked, and a refused form keeps the user's choice. */
function ConsentScopeFields({ values, errors }: { values?: Record<string, string>; errors: Record<string, string[] | undefined> }) {
  return (
    <>
      <CheckboxField
        label="Informationsutbyte mellan parterna (FK, AF, region, kommun)"
        name="coversSharing"
        defaultChecked={values ? values.coversSharing === "on" : true}
        errors={errors.coversSharing}
      />
      <CheckboxField
        label="Uppföljningsstatistik"
        name="coversStatistics"
        defaultChecked={values ? values.coversStatistics === "on" : true}
        errors={errors.coversStatistics}
      />
    </>
  );
}

function LinkParticipantForm({ result, today }: { result: ReturnType<typeof answerFor>; today: string }) {
  const errors = result.failure?.fieldErrors ?? {};
  const values = result.failure?.values;
  return (
    <section className="stack" aria-labelledby="link-heading">
      <h3 id="link-heading">Befintlig deltagare</h3>
      <p className="muted">
        För en person som har varit inskriven tidigare och remitteras igen. Remissen kopplas till deltagaren, och sedan kan
        deltagaren skrivas in på nytt.
      </p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="link" />
        <FormMessage error={result.failure?.formError} />
        <div className="row">
          <TextField
            label="Befintlig deltagares kod"
            name="code"
            required
            defaultValue={values?.code}
            errors={errors.code}
            autoComplete="off"
          />
        </div>
        <fieldset>
          <legend>Nytt samtycke, om det behövs</legend>
          <div className="row">
            <TextField
              label={NEW_CONSENT_DATE}
              name="givenDate"
              type="date"
              max={today}
              defaultValue={values?.givenDate}
              errors={errors.givenDate}
              hint="Fyll bara i om deltagarens samtycke har återkallats eller saknas. Annars gäller det tidigare samtycket."
            />
          </div>
          <ConsentScopeFields values={values} errors={errors} />
        </fieldset>
        <button type="submit" className="button">
          Koppla deltagaren till remissen
        </button>
      </Form>
    </section>
  );
}

function PersonSection({ person, saved }: { person: NonNullable<Referral["participant"]>; saved: string | null }) {
  const consent = person.consent;
  return (
    <section className="card" aria-labelledby="person-heading">
      <h2 id="person-heading">Deltagare</h2>
      <FormMessage success={saved} />
      <dl className="journal-facts">
        <div>
          <dt>Kod</dt>
          <dd>{person.code}</dd>
        </div>
        {person.name ? (
          <div>
            <dt>Namn</dt>
            <dd>{person.name}</dd>
          </div>
        ) : null}
        {consent ? (
          <>
            <div>
              <dt>Samtycke lämnat</dt>
              <dd>{formatDate(consent.givenDate)}</dd>
            </div>
            <div>
              <dt>Samtycket omfattar</dt>
              <dd>
                {[consent.coversSharing ? "Informationsutbyte" : null, consent.coversStatistics ? "Uppföljningsstatistik" : null]
                  .filter(Boolean)
                  .join(", ")}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      {person.enrolmentCount > 0 ? (
        <p>
          <Link to={`/deltagare/${person.id}`}>Till deltagarens sida</Link>
        </p>
      ) : null}
    </section>
  );
}

function EnrolmentForm({
  referral, options, currentUserId, today, failure, reEnrolment,
}: {
  referral: Referral;
  options: EnrolmentFormOptions;
  currentUserId: string;
  today: string;
  failure: FormFailure | null;
  reEnrolment: boolean;
}) {
  const values = failure?.values;
  // The referral's own insats, kommun and remittent, unless the user has changed them.
  const defaults: Partial<Record<EnrolmentField, string>> = {
    insatsId: referral.insatsId,
    kommunId: referral.kommunId,
    referrerId: referral.referrerId,
    enrolledDate: today,
  };
  return (
    <section className="card" aria-labelledby="enrolment-heading">
      <h2 id="enrolment-heading">{reEnrolment ? "Ny inskrivning" : "Inskrivning"}</h2>
      <Form method="post" className="stack intake-form" noValidate>
        <input type="hidden" name="intent" value="enrolment" />
        <FormMessage error={failure?.formError} />
        <EnrolmentFields
          options={options}
          currentUserId={currentUserId}
          today={today}
          failed={values !== undefined}
          value={(name) => values?.[name] ?? defaults[name]}
          errors={failure?.fieldErrors ?? {}}
        />
        <SubmitButton label="Skriv in deltagaren" />
      </Form>
    </section>
  );
}

function SubmitButton({ label }: { label: string }) {
  const saving = useNavigation().state === "submitting";
  return (
    <button type="submit" className="button" disabled={saving}>
      {label}
    </button>
  );
}
