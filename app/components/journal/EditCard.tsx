import { useEffect, useRef, useState } from "react";
import { Form, Link, useActionData } from "react-router";
import type { JournalOptions, JournalView } from "~/data/journal/page.server";
import type { EventKind, TimelineFilter } from "~/schemas/journal";
import { failureFor, fieldState } from "~/utils/form-answer";
import { AssessmentFields } from "./AssessmentFields";
import { ClosureFields } from "./ClosureFields";
import { ActivityFields, DateField, FovFields, IncomeFields, PlacementFields, SupportFields } from "./event-fields";
import { JournalForm, SubmitButton } from "./JournalForm";
import { pageLink } from "./page-link";

type Editing = NonNullable<JournalView["editing"]>;

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

/**
 * An event opened for editing, and its deletion. Both forms post the event's id, which is how
 * the page tells their answers from the quick form of the same kind.
 */
export function EditCard({ editing, options, filter, today }: { editing: Editing; options: JournalOptions; filter: TimelineFilter | null; today: string }) {
  const isClosure = editing.kind === "closure";
  const intent = editing.kind;
  const failure = failureFor(useActionData(), [intent, "delete"], editing.id);
  // The version the form was loaded with; after a conflict, the version just shown instead.
  const [version, setVersion] = useState(editing.version);
  if (failure?.reason === "conflict" && version !== editing.version) setVersion(editing.version);
  const f = fieldState(failure, editing.values);
  const hidden: Record<string, string> = isClosure ? { eventId: editing.id, enrolmentId: editing.id, version } : { eventId: editing.id, version };
  // The edit card opens from a link far down the timeline: keyboard focus follows it.
  const card = useRef<HTMLElement>(null);
  useEffect(() => card.current?.focus(), []);
  return (
    <section className="card journal-edit" aria-labelledby="edit-heading" id="andra" ref={card} tabIndex={-1}>
      <h2 id="edit-heading">{EDIT_TITLES[editing.kind]}</h2>
      <JournalForm intent={intent} hidden={hidden} failure={failure} submitLabel="Spara ändringen">
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
