import type { ReactNode } from "react";
import { useActionData, useLocation } from "react-router";
import type { CurrentEnrolment, JournalOptions } from "~/data/journal/page.server";
import { failureFor, fieldState, type FieldState } from "~/utils/form-answer";
import { formatDate } from "~/utils/format";
import { AssessmentFields } from "./AssessmentFields";
import { ClosureFields } from "./ClosureFields";
import { DateField, FovFields, IncomeFields, MeetingFields, PlacementFields, SupportFields } from "./event-fields";
import { JournalForm } from "./JournalForm";

interface QuickFormSpec {
  intent: string;
  title: string;
  submitLabel: string;
  /** Folded out when the page opens. */
  open?: boolean;
  /** Defaults beyond today's date. */
  defaults?: Record<string, string>;
  fields: (f: FieldState) => ReactNode;
}

function QuickForm({ spec, hidden, today, savedForm }: { spec: QuickFormSpec; hidden: Record<string, string>; today: string; savedForm: string | null }) {
  const failure = failureFor(useActionData(), spec.intent);
  const location = useLocation();
  // A saved form starts over, empty and folded as at first; the others keep what the user has typed.
  const key = savedForm === spec.intent ? location.key : spec.intent;
  return (
    <details key={key} className="quick-form" open={spec.open || failure !== null || undefined}>
      <summary>{spec.title}</summary>
      <JournalForm intent={spec.intent} hidden={hidden} failure={failure} submitLabel={spec.submitLabel}>
        {spec.fields(fieldState(failure, { date: today, ...spec.defaults }))}
      </JournalForm>
    </details>
  );
}

function quickForms(current: CurrentEnrolment, options: JournalOptions, today: string): QuickFormSpec[] {
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
    forms.push({
      intent: "closure",
      title: "Avsluta inskrivningen",
      submitLabel: "Avsluta inskrivningen",
      fields: (f) => <ClosureFields f={f} options={options} today={today} />,
    });
  }
  return forms;
}

/** "Registrera": one folded form per kind of event, for the latest enrolment. */
export function QuickForms({
  current,
  options,
  today,
  savedForm,
}: {
  current: CurrentEnrolment;
  options: JournalOptions;
  today: string;
  savedForm: string | null;
}) {
  return (
    <section className="card journal-forms" aria-labelledby="register-heading">
      <h2 id="register-heading">Registrera</h2>
      {current.open ? null : (
        <p className="muted">Inskrivningen avslutades {formatDate(current.closedDate)}. Händelser kan efterregistreras fram till avslutsdatumet.</p>
      )}
      {quickForms(current, options, today).map((spec) => (
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
