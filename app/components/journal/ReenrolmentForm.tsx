import type { ComponentProps } from "react";
import { useActionData } from "react-router";
import { EnrolmentFields } from "~/components/forms/EnrolmentForm";
import type { JournalView } from "~/data/journal/page.server";
import { failureFor, fieldState } from "~/utils/form-answer";
import { JournalForm } from "./JournalForm";

/** A new enrolment for a closed (or never enrolled) participant: its own history starts here. */
export function ReenrolmentForm({
  options,
  defaults,
  currentUserId,
  today,
}: {
  options: ComponentProps<typeof EnrolmentFields>["options"];
  /** The latest enrolment's answers, null for a participant never enrolled. */
  defaults: JournalView["enrolmentDefaults"];
  currentUserId: string;
  today: string;
}) {
  const failure = failureFor(useActionData(), "reenrol");
  const again = defaults !== null;
  const f = fieldState(failure, { enrolledDate: today, ...defaults });
  return (
    <section className="card" aria-labelledby="reenrol-heading">
      <h2 id="reenrol-heading">{again ? "Skriv in igen" : "Skriv in"}</h2>
      {again ? <p className="muted">En ny inskrivning får en egen historik; den tidigare finns kvar nedan.</p> : null}
      <JournalForm intent="reenrol" hidden={{}} failure={failure} submitLabel="Skriv in deltagaren">
        <EnrolmentFields
          options={options}
          currentUserId={currentUserId}
          today={today}
          failed={failure !== null}
          value={f.value}
          errors={failure?.fieldErrors ?? {}}
        />
      </JournalForm>
    </section>
  );
}
