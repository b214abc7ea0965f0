import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { data, Form, Link, redirect, useActionData, useLocation, useNavigation, type ShouldRevalidateFunctionArgs } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/detail";
import { requireParticipantAccess, requirePermission, type CurrentUser } from "~/auth/guards.server";
import { SkapaRadar } from "~/charts/SkapaRadar";
import { TrappanChart } from "~/charts/TrappanChart";
import { CheckboxField, fieldAria, FieldMessages, FormMessage, SelectField, TextAreaField, TextField } from "~/components/forms/fields";
import { EnrolmentFields } from "~/components/forms/EnrolmentForm";
import {
  deleteEvent,
  loadJournal,
  logMeeting,
  saveActivity,
  saveClosure,
  saveFovScreening,
  saveIncomeChange,
  savePlacement,
  saveSkapaAssessment,
  saveSkapaOffer,
  saveSupport,
  skapaInstrumentFor,
  withdrawConsent,
  type AccessibleParticipant,
  type EditView,
  type JournalView,
  type TimelineItem,
  type WriteResult,
} from "~/data/journal.server";
import { createEnrolment, enrolmentFormOptions, type EnrolmentFormOptions } from "~/data/enrolments.server";
import { FOV_OUTCOME_LABELS, FOV_OUTCOMES } from "~/domain/reference-defaults";
import { formValues, parseForm, UNKNOWN_INTENT, type FieldErrors } from "~/schemas/form";
import {
  ActivitySchema,
  ClosureSchema,
  coordinatorScoreField,
  DeleteEventSchema,
  FovSchema,
  IncomeChangeSchema,
  MeetingSchema,
  parseJournalQuery,
  PlacementSchema,
  scoreField,
  skapaAssessmentSchema,
  SkapaOfferSchema,
  SupportSchema,
  TIMELINE_FILTERS,
  WithdrawConsentSchema,
  type EventKind,
  type SkapaInstrument,
  type TimelineFilter,
} from "~/schemas/journal";
import { EnrolmentSchema } from "~/schemas/participants";
import { formatDate, formatNumber } from "~/utils/format";

// ── Server ─────────────────────────────────────────────────────────────────

/** What the page says after a save; the action redirects with `?klart=<key>`. */
const SAVED_MESSAGES: Record<string, string> = {
  meeting: "Mötet är sparat.",
  placement: "Placeringen i Trappan är sparad.",
  "skapa-offer": "Att SKAPA har erbjudits är sparat.",
  "skapa-assessment": "SKAPA-skattningen är sparad.",
  fov: "FOV-screeningen är sparad.",
  support: "Stödinsatsen är sparad.",
  income: "Den nya försörjningen är sparad.",
  closure: "Inskrivningen är avslutad.",
  reenrol: "Deltagaren är inskriven.",
  updated: "Ändringen är sparad.",
  deleted: "Händelsen är borttagen.",
  reopened: "Avslutet är borttaget – inskrivningen pågår igen.",
};

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.participant.code ? `Deltagare ${loaderData.participant.code} – Stegvis` : "Deltagare – Stegvis" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "participants:work");
  const participant = await requireParticipantAccess(user, params.participantId);
  const query = parseJournalQuery(new URL(request.url).searchParams);
  const journal = await loadJournal(user, participant, query);
  return {
    ...journal,
    saved: query.saved ? (SAVED_MESSAGES[query.saved] ?? null) : null,
    savedForm: query.saved,
    // A closed (or never enrolled) participant can be enrolled again from here.
    enrolmentOptions: journal.current?.open ? null : await enrolmentFormOptions(user),
    currentUserId: user.id,
  };
}

interface Failure {
  ok: false;
  /** The form that was sent: the intent of a quick form, or "edit" for the edit card. */
  form: string;
  fieldErrors: FieldErrors;
  formError: string | null;
  values: Record<string, string>;
  conflict: boolean;
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, "participants:work");
  const participant = await requireParticipantAccess(user, params.participantId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const form = formData.get("eventId") ? "edit" : intent;
  const result = await perform(user, participant, intent, formData);
  if (!result.ok) {
    return data<Failure>(
      { ok: false, form, fieldErrors: result.fieldErrors, formError: result.formError ?? null, values: formValues(formData), conflict: result.status === 409 },
      { status: result.status },
    );
  }
  // The person is erased: their page no longer exists for anyone.
  if (intent === "withdraw-consent") return redirect("/deltagare");
  const search = new URLSearchParams();
  const filter = new URL(request.url).searchParams.get("typ");
  if (filter) search.set("typ", filter);
  search.set("klart", intent === "delete" ? (formData.get("kind") === "closure" ? "reopened" : "deleted") : form === "edit" ? "updated" : intent);
  return redirect(`/deltagare/${participant.id}?${search}`);
}

/** After a conflict the page shows what the other person saved, beside the user's own input. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate;
}

async function perform(user: CurrentUser, participant: AccessibleParticipant, intent: string, formData: FormData): Promise<WriteResult> {
  const run = async <S extends z.ZodType>(
    schema: S,
    save: (user: CurrentUser, participant: AccessibleParticipant, input: z.output<S>) => Promise<WriteResult>,
  ): Promise<WriteResult> => {
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return { ok: false, status: 400, fieldErrors: parsed.fieldErrors, formError: parsed.formError };
    return save(user, participant, parsed.data);
  };
  switch (intent) {
    case "meeting":
      return run(MeetingSchema, logMeeting);
    case "activity":
      return run(ActivitySchema, saveActivity);
    case "placement":
      return run(PlacementSchema, savePlacement);
    case "skapa-offer":
      return run(SkapaOfferSchema, saveSkapaOffer);
    case "skapa-assessment": {
      // The fields depend on the insats's instrument, so the record is resolved first.
      const text = (name: string) => (formData.get(name) as string | null) || undefined;
      const instrument = await skapaInstrumentFor(user, participant, { eventId: text("eventId"), version: text("version"), enrolmentId: text("enrolmentId") });
      if ("ok" in instrument) return instrument;
      return run(skapaAssessmentSchema(instrument), saveSkapaAssessment);
    }
    case "fov":
      return run(FovSchema, saveFovScreening);
    case "support":
      return run(SupportSchema, saveSupport);
    case "income":
      return run(IncomeChangeSchema, saveIncomeChange);
    case "closure":
      return run(ClosureSchema, saveClosure);
    case "delete":
      return run(DeleteEventSchema, deleteEvent);
    case "withdraw-consent":
      return run(WithdrawConsentSchema, withdrawConsent);
    case "reenrol":
      return run(EnrolmentSchema, async (actor, person, input) => {
        const result = await createEnrolment(actor, person.id, input);
        if (result.ok) return { ok: true };
        return { ok: false, status: 400, fieldErrors: result.reason === "refused" ? result.fieldErrors : {}, formError: result.formError ?? undefined };
      });
    default:
      return { ok: false, status: 400, fieldErrors: {}, formError: UNKNOWN_INTENT };
  }
}

// ── Page ───────────────────────────────────────────────────────────────────

type Options = JournalView["options"];
type Current = NonNullable<JournalView["current"]>;
type Values = Record<string, string>;

/** The last failed submission of this form, if that is what the action answered. */
function useAnswer(form: string): Failure | null {
  const answer = useActionData<typeof action>() as Failure | undefined;
  return answer && !answer.ok && answer.form === form ? answer : null;
}

/** A form's fields: the user's input after a failed save, otherwise the given defaults. */
interface FieldState {
  value(name: string): string | undefined;
  checked(name: string): boolean;
  errors(name: string): string[] | undefined;
}

function fieldState(answer: Failure | null, defaults: Values): FieldState {
  return {
    value: (name) => (answer ? (answer.values[name] ?? "") : defaults[name]),
    checked: (name) => (answer ? answer.values[name] === "on" : defaults[name] === "on"),
    errors: (name) => answer?.fieldErrors[name],
  };
}

export default function ParticipantPage({ loaderData }: Route.ComponentProps) {
  const view = loaderData;
  const { participant, current } = view;
  return (
    <div className="journal">
      <JournalHeader participant={participant} current={current} />
      <FormMessage success={view.saved} />
      {view.editMissing ? (
        <div className="alert alert--info" role="status">
          Händelsen finns inte längre, eller så får du inte ändra den.
        </div>
      ) : null}
      {view.editing ? <EditCard key={`${view.editing.kind}:${view.editing.id}`} editing={view.editing} options={view.options} filter={view.filter} today={view.today} /> : null}

      <div className="journal__columns">
        <div className="journal__main stack">
          {current?.editable ? <QuickForms current={current} options={view.options} today={view.today} savedForm={view.savedForm} /> : null}
          {view.enrolmentOptions ? (
            <EnrolmentForm options={view.enrolmentOptions} defaults={view.enrolmentDefaults} currentUserId={view.currentUserId} today={view.today} />
          ) : null}
          <Timeline items={view.timeline} counts={view.counts} filter={view.filter} />
        </div>
        <div className="journal__side stack">
          <Progress view={view} />
          <Enrolments enrolments={view.enrolments} />
          <WithdrawConsent version={participant.version} today={view.today} />
        </div>
      </div>
    </div>
  );
}

function JournalHeader({ participant, current }: { participant: JournalView["participant"]; current: JournalView["current"] }) {
  const status = !current ? "Ej inskriven" : current.open ? "Aktiv" : "Avslutad";
  return (
    <header className="journal-header card">
      <p className="journal-header__crumb">
        <Link to="/deltagare">← Deltagare</Link>
      </p>
      <h1>
        {participant.code ?? "Deltagare utan kod"}
        {participant.name ? <span className="journal-header__name"> – {participant.name}</span> : null}
      </h1>
      <dl className="journal-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge ${current?.open ? "badge--ok" : ""}`}>{status}</span>
          </dd>
        </div>
        <div>
          <dt>Aktuellt steg</dt>
          <dd>{current?.currentStep ? <span title={current.currentStep.text}>Steg {current.currentStep.step}</span> : "Inte placerad"}</dd>
        </div>
        {current ? (
          <>
            <div>
              <dt>{current.open ? "Dagar sedan inskrivning" : "Dagar i insatsen"}</dt>
              <dd>{formatNumber(current.daysEnrolled)}</dd>
            </div>
            <div>
              <dt>Inskriven</dt>
              <dd>
                {current.enrolledDate}
                {current.closedDate ? `, avslutad ${current.closedDate}` : ""}
              </dd>
            </div>
            <div>
              <dt>Insats</dt>
              <dd>
                {current.insats}, {current.kommun}
              </dd>
            </div>
            <div>
              <dt>Koordinator</dt>
              <dd>{current.coordinator ?? "Ingen vald"}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {current?.currentStep ? <p className="journal-header__step">{current.currentStep.text}</p> : null}
    </header>
  );
}

// ── Forms ──────────────────────────────────────────────────────────────────

function SubmitButton({ intent, label, danger = false }: { intent: string; label: string; danger?: boolean }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <button type="submit" className={`button${danger ? " button--danger" : ""}`} disabled={busy}>
      {busy ? "Sparar …" : label}
    </button>
  );
}

/** One form of the page: its intent and the ids it writes to travel as hidden fields. */
function JournalForm({
  intent, hidden, answer, submitLabel, children, danger,
}: {
  intent: string;
  hidden: Values;
  answer: Failure | null;
  submitLabel: string;
  children: ReactNode;
  danger?: boolean;
}) {
  return (
    <Form method="post" className="stack journal-form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage error={answer?.formError} />
      {children}
      <SubmitButton intent={intent} label={submitLabel} danger={danger} />
    </Form>
  );
}

const stepOptions = (steps: ReadonlyArray<{ step: number; label: string }>) => steps.map(({ step, label }) => ({ value: String(step), label: `${step} – ${label}` }));

function DateField({ f, today, label = "Datum" }: { f: FieldState; today: string; label?: string }) {
  return <TextField label={label} name="date" type="date" required max={today} defaultValue={f.value("date")} errors={f.errors("date")} />;
}

function ActivityFields({ f, options, today }: { f: FieldState; options: Options; today: string }) {
  return (
    <>
      <div className="row">
        <DateField f={f} today={today} />
        <SelectField label="Typ av möte eller aktivitet" name="activityTypeId" required options={options.activityTypes} defaultValue={f.value("activityTypeId")} errors={f.errors("activityTypeId")} />
        <TextField label="Tid i minuter" name="minutes" type="number" inputMode="numeric" min={1} max={1440} defaultValue={f.value("minutes")} errors={f.errors("minutes")} />
      </div>
      <TextAreaField label="Anteckning" name="note" rows={2} hint="Skriv kort och sakligt – deltagaren kan begära att få läsa." defaultValue={f.value("note")} errors={f.errors("note")} />
    </>
  );
}

const MOTIVATION_HINT = "Krävs när steget ändras.";

function MeetingFields({ f, options, current, today }: { f: FieldState; options: Options; current: Current; today: string }) {
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
          <SelectField label="Stödinsats" name="supportTypeId" options={options.supportTypes} placeholder="Ingen" defaultValue={f.value("supportTypeId")} errors={f.errors("supportTypeId")} />
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

function PlacementFields({ f, steps, today, currentStep }: { f: FieldState; steps: ReadonlyArray<{ step: number; label: string }>; today: string; currentStep?: number | null }) {
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

function ScoreSelect({ name, labelledBy, f, min, max }: { name: string; labelledBy: string; f: FieldState; min: number; max: number }) {
  const id = useId();
  const errors = f.errors(name);
  const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  return (
    <>
      <select
        id={id}
        name={name}
        defaultValue={f.value(name) ?? ""}
        aria-labelledby={labelledBy}
        {...fieldAria(id, undefined, errors)}
      >
        <option value="">–</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <FieldMessages id={id} errors={errors} />
    </>
  );
}

/** Every area of the instrument at once: the participant's rating and, beside it, the coordinator's. */
function AssessmentFields({ f, instrument, today }: { f: FieldState; instrument: SkapaInstrument; today: string }) {
  const id = useId();
  return (
    <>
      <DateField f={f} today={today} />
      <div className="table-wrap">
        <table className="skapa-form">
          <caption>
            Skattning per område, {instrument.min} (lågt) – {instrument.max} (högt). Lämna tomt om området inte besvarades.
          </caption>
          <thead>
            <tr>
              <th scope="col">Område</th>
              <th scope="col" id={`${id}-participant`}>
                Deltagarens skattning
              </th>
              <th scope="col" id={`${id}-coordinator`}>
                Koordinatorns bedömning (valfri)
              </th>
            </tr>
          </thead>
          <tbody>
            {instrument.areas.map((area, index) => (
              <tr key={area.id}>
                <th scope="row" id={`${id}-area-${index}`}>
                  {area.label}
                </th>
                <td>
                  <ScoreSelect name={scoreField(area.id)} labelledBy={`${id}-area-${index} ${id}-participant`} f={f} min={instrument.min} max={instrument.max} />
                </td>
                <td>
                  <ScoreSelect name={coordinatorScoreField(area.id)} labelledBy={`${id}-area-${index} ${id}-coordinator`} f={f} min={instrument.min} max={instrument.max} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function FovFields({ f, today }: { f: FieldState; today: string }) {
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
      <TextField label="Varför frågorna inte ställdes" name="notAskedReason" hint="Krävs för Ej tillfrågad." defaultValue={f.value("notAskedReason")} errors={f.errors("notAskedReason")} />
      <CheckboxField label="Stöd eller hänvisning erbjöds" name="supportOffered" defaultChecked={f.checked("supportOffered")} errors={f.errors("supportOffered")} />
    </>
  );
}

function SupportFields({ f, options, today }: { f: FieldState; options: Options; today: string }) {
  return (
    <>
      <div className="row">
        <DateField f={f} today={today} />
        <SelectField label="Stödinsats" name="supportTypeId" required options={options.supportTypes} defaultValue={f.value("supportTypeId")} errors={f.errors("supportTypeId")} />
        <RaisesField name="raisesActivityLevel" f={f} />
      </div>
      <TextAreaField label="Anteckning" name="note" rows={2} defaultValue={f.value("note")} errors={f.errors("note")} />
    </>
  );
}

function IncomeFields({ f, options, today }: { f: FieldState; options: Options; today: string }) {
  return (
    <div className="row">
      <DateField f={f} today={today} />
      <SelectField label="Ny försörjning" name="incomeSourceId" required options={options.incomeSources} defaultValue={f.value("incomeSourceId")} errors={f.errors("incomeSourceId")} />
    </div>
  );
}

const YES_NO = [
  { value: "ja", label: "Ja" },
  { value: "nej", label: "Nej" },
];

function ClosureFields({ f, options, today }: { f: FieldState; options: Options; today: string }) {
  const survey = (name: string, label: string) => (
    <SelectField label={label} name={name} options={YES_NO} placeholder="Ej besvarat" defaultValue={f.value(name)} errors={f.errors(name)} />
  );
  return (
    <>
      <div className="row">
        <DateField f={f} today={today} label="Avslutsdatum" />
        <SelectField label="Avslutsorsak" name="closureReasonId" required options={options.closureReasons} defaultValue={f.value("closureReasonId")} errors={f.errors("closureReasonId")} />
      </div>
      <div className="row">
        <SelectField label="Försörjning vid avslut" name="incomeEndId" required options={options.incomeSources} defaultValue={f.value("incomeEndId")} errors={f.errors("incomeEndId")} />
        <SelectField label="Planering efter avslut" name="planAfterClosure" required options={YES_NO} defaultValue={f.value("planAfterClosure")} errors={f.errors("planAfterClosure")} />
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

// ── Quick forms ────────────────────────────────────────────────────────────

interface QuickFormSpec {
  intent: string;
  title: string;
  submitLabel: string;
  /** Folded out when the page opens. */
  open?: boolean;
  /** Defaults beyond today's date. */
  defaults?: Values;
  fields: (f: FieldState) => ReactNode;
}

function QuickForm({ spec, hidden, today, savedForm }: { spec: QuickFormSpec; hidden: Values; today: string; savedForm: string | null }) {
  const answer = useAnswer(spec.intent);
  const location = useLocation();
  // A saved form starts over, empty and folded as at first; the others keep what the user has typed.
  const key = savedForm === spec.intent ? location.key : spec.intent;
  return (
    <details key={key} className="quick-form" open={spec.open || answer !== null || undefined}>
      <summary>{spec.title}</summary>
      <JournalForm intent={spec.intent} hidden={hidden} answer={answer} submitLabel={spec.submitLabel}>
        {spec.fields(fieldState(answer, { date: today, ...spec.defaults }))}
      </JournalForm>
    </details>
  );
}

function QuickForms({ current, options, today, savedForm }: { current: Current; options: Options; today: string; savedForm: string | null }) {
  const forms: QuickFormSpec[] = [
    {
      intent: "meeting",
      title: "Logga möte",
      submitLabel: "Spara möte",
      open: current.open,
      defaults: { activityTypeId: options.activityTypes[0]?.value ?? "" },
      fields: (f) => <MeetingFields f={f} options={options} current={current} today={today} />,
    },
    {
      intent: "placement",
      title: "Placering i Trappan",
      submitLabel: "Spara placering",
      fields: (f) => <PlacementFields f={f} steps={current.steps} today={today} currentStep={current.currentStep?.step ?? null} />,
    },
    {
      intent: "skapa-assessment",
      title: "SKAPA-skattning",
      submitLabel: "Spara skattning",
      fields: (f) => <AssessmentFields f={f} instrument={current.instrument} today={today} />,
    },
    {
      intent: "skapa-offer",
      title: "SKAPA erbjuden",
      submitLabel: "Spara att SKAPA erbjudits",
      fields: (f) => <DateField f={f} today={today} label="Datum då SKAPA erbjöds" />,
    },
    { intent: "fov", title: "FOV (frågor om våld)", submitLabel: "Spara FOV", fields: (f) => <FovFields f={f} today={today} /> },
    { intent: "support", title: "Stödinsats", submitLabel: "Spara stödinsats", fields: (f) => <SupportFields f={f} options={options} today={today} /> },
    { intent: "income", title: "Ändrad försörjning", submitLabel: "Spara försörjning", fields: (f) => <IncomeFields f={f} options={options} today={today} /> },
  ];
  if (current.open) {
    forms.push({ intent: "closure", title: "Avsluta inskrivningen", submitLabel: "Avsluta inskrivningen", fields: (f) => <ClosureFields f={f} options={options} today={today} /> });
  }
  return (
    <section className="card journal-forms" aria-labelledby="register-heading">
      <h2 id="register-heading">Registrera</h2>
      {current.open ? null : (
        <p className="muted">
          Inskrivningen avslutades {current.closedDate}. Händelser kan efterregistreras fram till avslutsdatumet.
        </p>
      )}
      {forms.map((spec) => (
        <QuickForm
          key={spec.intent}
          spec={spec}
          // The closure writes the enrolment itself, so it carries the enrolment's version.
          hidden={spec.intent === "closure" ? { enrolmentId: current.id, version: current.version } : { enrolmentId: current.id }}
          today={today}
          savedForm={savedForm}
        />
      ))}
    </section>
  );
}

// ── Edit ───────────────────────────────────────────────────────────────────

const EDIT_TITLES: Record<EventKind, string> = {
  activity: "Ändra möte eller aktivitet",
  placement: "Ändra placering i Trappan",
  "skapa-offer": "Ändra SKAPA erbjuden",
  "skapa-assessment": "Ändra SKAPA-skattning",
  fov: "Ändra FOV-screening",
  support: "Ändra stödinsats",
  income: "Ändra försörjning",
  closure: "Ändra avslut",
};

/** Link to a page state, keeping the timeline filter. */
function pageLink(filter: TimelineFilter | null, extra: Values = {}): string {
  const search = new URLSearchParams({ ...(filter ? { typ: filter } : {}), ...extra }).toString();
  return search ? `?${search}` : ".";
}

function EditCard({ editing, options, filter, today }: { editing: EditView; options: Options; filter: TimelineFilter | null; today: string }) {
  const answer = useAnswer("edit");
  // The version the form was loaded with; after a conflict, the version just shown instead.
  const [version, setVersion] = useState(editing.version);
  if (answer?.conflict && version !== editing.version) setVersion(editing.version);
  const f = fieldState(answer, editing.values);
  const isClosure = editing.kind === "closure";
  const hidden: Values = isClosure ? { eventId: editing.id, enrolmentId: editing.id, version } : { eventId: editing.id, version };
  const intent = isClosure ? "closure" : editing.kind;
  // The edit card opens from a link far down the timeline: keyboard focus follows it.
  const card = useRef<HTMLElement>(null);
  useEffect(() => card.current?.focus(), []);
  return (
    <section className="card journal-edit" aria-labelledby="edit-heading" id="andra" ref={card} tabIndex={-1}>
      <h2 id="edit-heading">{EDIT_TITLES[editing.kind]}</h2>
      <JournalForm intent={intent} hidden={hidden} answer={answer} submitLabel="Spara ändringen">
        {editing.kind === "activity" ? <ActivityFields f={f} options={options} today={today} /> : null}
        {editing.kind === "placement" ? <PlacementFields f={f} steps={editing.steps} today={today} /> : null}
        {editing.kind === "skapa-offer" ? <DateField f={f} today={today} /> : null}
        {editing.instrument ? <AssessmentFields f={f} instrument={editing.instrument} today={today} /> : null}
        {editing.kind === "fov" ? <FovFields f={f} today={today} /> : null}
        {editing.kind === "support" ? <SupportFields f={f} options={options} today={today} /> : null}
        {editing.kind === "income" ? <IncomeFields f={f} options={options} today={today} /> : null}
        {isClosure ? <ClosureFields f={f} options={options} today={today} /> : null}
      </JournalForm>
      <p>
        <Link to={pageLink(filter)}>Avbryt</Link>
      </p>
      <Form method="post" className="journal-delete" id="ta-bort" noValidate>
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="kind" value={editing.kind} />
        <input type="hidden" name="eventId" value={editing.id} />
        <input type="hidden" name="version" value={version} />
        <p>{isClosure ? "Tar du bort avslutet pågår inskrivningen igen." : "Borttagningen går inte att ångra, men den loggas."}</p>
        <SubmitButton intent="delete" label={isClosure ? "Ta bort avslutet" : "Ta bort händelsen"} danger />
      </Form>
    </section>
  );
}

// ── Timeline ───────────────────────────────────────────────────────────────

function Timeline({ items, counts, filter }: { items: TimelineItem[]; counts: Record<TimelineFilter, number>; filter: TimelineFilter | null }) {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const filters = Object.entries(TIMELINE_FILTERS) as [TimelineFilter, string][];
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Tidslinje</h2>
      <nav aria-label="Visa händelser av typ" className="timeline-filter">
        <ul>
          <li>
            <Link to="." aria-current={filter === null ? "page" : undefined} preventScrollReset>
              Alla ({total})
            </Link>
          </li>
          {filters.map(([key, label]) => (
            <li key={key}>
              <Link to={`?typ=${key}`} aria-current={filter === key ? "page" : undefined} preventScrollReset>
                {label} ({counts[key]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p className="muted">Inga händelser{filter ? " av den typen" : ""}.</p>
      ) : (
        <ol className="timeline">
          {items.map((item) => (
            <TimelineEntry key={item.key} item={item} filter={filter} />
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineEntry({ item, filter }: { item: TimelineItem; filter: TimelineFilter | null }) {
  const edit = pageLink(filter, { andra: item.kind, post: item.id });
  return (
    <li className={`timeline__item timeline__item--${item.kind}`}>
      <p className="timeline__date">
        <time dateTime={item.date}>{item.date}</time>
      </p>
      <div className="timeline__body">
        <h3 className="timeline__title">{item.title}</h3>
        {item.lines.map((line, index) => (
          <p key={index} className="timeline__line">
            {line}
          </p>
        ))}
        {item.scores ? (
          <details>
            <summary>Visa områden</summary>
            <table className="timeline__scores">
              <caption className="visually-hidden">SKAPA-skattning {item.date}</caption>
              <thead>
                <tr>
                  <th scope="col">Område</th>
                  <th scope="col" className="num">Deltagaren</th>
                  <th scope="col" className="num">Koordinatorn</th>
                </tr>
              </thead>
              <tbody>
                {item.scores.map((score) => (
                  <tr key={score.label}>
                    <th scope="row">{score.label}</th>
                    <td className="num">{score.participant ?? "–"}</td>
                    <td className="num">{score.coordinator ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
        {item.editable ? (
          <p className="timeline__actions">
            <Link to={`${edit}#andra`} aria-label={`Ändra: ${item.title}, ${item.date}`}>
              Ändra
            </Link>
            <Link to={`${edit}#ta-bort`} aria-label={`Ta bort: ${item.title}, ${item.date}`}>
              Ta bort
            </Link>
          </p>
        ) : null}
      </div>
    </li>
  );
}

// ── Charts, enrolments, consent ────────────────────────────────────────────

function Progress({ view }: { view: JournalView }) {
  const { current, trappan, skapa } = view;
  if (!current || !trappan) return null;
  return (
    <section className="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Utveckling</h2>
      <p className="muted">Inskrivningen från {current.enrolledDate}.</p>
      <TrappanChart points={trappan.points} steps={trappan.steps} enrolledDate={trappan.enrolledDate} endDate={current.closedDate ?? view.today} />
      {skapa ? <SkapaRadar {...skapa} /> : <p className="muted">Ingen SKAPA-skattning ännu.</p>}
    </section>
  );
}

function Enrolments({ enrolments }: { enrolments: JournalView["enrolments"] }) {
  if (enrolments.length === 0) return null;
  return (
    <section className="card" aria-labelledby="enrolments-heading">
      <h2 id="enrolments-heading">Inskrivningar</h2>
      <ol className="enrolment-list">
        {enrolments.map((enrolment, index) => (
          <li key={enrolment.id}>
            <h3>
              {index === 0 ? (enrolment.closedDate ? "Senaste" : "Pågående") : "Tidigare"}: {enrolment.insats}, {enrolment.kommun}
            </h3>
            <dl className="journal-facts journal-facts--compact">
              <div>
                <dt>Period</dt>
                <dd>
                  {formatDate(enrolment.enrolledDate)} – {enrolment.closedDate ? formatDate(enrolment.closedDate) : "pågår"}
                </dd>
              </div>
              {enrolment.closureReason ? (
                <div>
                  <dt>Avslutsorsak</dt>
                  <dd>{enrolment.closureReason}</dd>
                </div>
              ) : null}
              <div>
                <dt>Koordinator</dt>
                <dd>{enrolment.coordinator ?? "Ingen vald"}</dd>
              </div>
              <div>
                <dt>Remittent</dt>
                <dd>{enrolment.referrer}</dd>
              </div>
              <div>
                <dt>Kön, ålder</dt>
                <dd>
                  {enrolment.gender}, {enrolment.ageGroup}
                </dd>
              </div>
              <div>
                <dt>Försörjning vid start</dt>
                <dd>{enrolment.incomeStart ?? "Ej angiven"}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A new enrolment for a closed participant: its own history starts here. */
function EnrolmentForm({
  options, defaults, currentUserId, today,
}: {
  options: EnrolmentFormOptions;
  /** The latest enrolment's answers, null for a participant never enrolled. */
  defaults: JournalView["enrolmentDefaults"];
  currentUserId: string;
  today: string;
}) {
  const answer = useAnswer("reenrol");
  const again = defaults !== null;
  const f = fieldState(answer, { enrolledDate: today, ...defaults });
  return (
    <section className="card" aria-labelledby="reenrol-heading">
      <h2 id="reenrol-heading">{again ? "Skriv in igen" : "Skriv in"}</h2>
      {again ? <p className="muted">En ny inskrivning får en egen historik; den tidigare finns kvar nedan.</p> : null}
      <JournalForm intent="reenrol" hidden={{}} answer={answer} submitLabel="Skriv in deltagaren">
        <EnrolmentFields
          options={options}
          currentUserId={currentUserId}
          today={today}
          failed={answer !== null}
          value={f.value}
          errors={answer?.fieldErrors ?? {}}
        />
      </JournalForm>
    </section>
  );
}

/**
 * The danger zone. Withdrawal erases the person's identifying data for good, so it takes an
 * explicit confirmation; the audit log records only that it happened.
 */
function WithdrawConsent({ version, today }: { version: string; today: string }) {
  const answer = useAnswer("withdraw-consent");
  const f = fieldState(answer, { date: today });
  return (
    <section className="card danger-zone" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">Återkalla samtycke</h2>
      <details open={answer !== null || undefined}>
        <summary>Deltagaren har återkallat sitt samtycke</summary>
        <p>
          Namn, deltagarkod och all fritext (anteckningar, motiveringar) raderas, och kopplingen till remisser och
          studiebesök tas bort. Kvar blir bara anonyma uppgifter (datum, steg, skattningar) för statistik som redan
          redovisats. Sidan försvinner för alla. Det går inte att ångra.
        </p>
        <JournalForm intent="withdraw-consent" hidden={{ version }} answer={answer} submitLabel="Återkalla samtycket och radera uppgifterna" danger>
          <DateField f={f} today={today} label="Datum då samtycket återkallades" />
          <CheckboxField label="Jag bekräftar att deltagaren har återkallat sitt samtycke och att uppgifterna ska raderas." name="confirm" defaultChecked={false} errors={f.errors("confirm")} />
        </JournalForm>
      </details>
    </section>
  );
}
