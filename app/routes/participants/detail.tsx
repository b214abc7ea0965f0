// /deltagare/:participantId: a participant's journal. The loader shapes the page through
// data/journal/page.server.ts; every form posts here with its `intent`, is validated with its
// schema from schemas/journal.ts and written by data/journal/*.server.ts. A save redirects back
// with `?klart=<form>` (the timeline filter kept), so a reload never posts twice.
import type { ShouldRevalidateFunctionArgs } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/detail";
import { requireParticipantAccess, requirePermission, type CurrentUser } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms/fields";
import { EditCard } from "~/components/journal/EditCard";
import { EnrolmentHistory } from "~/components/journal/EnrolmentHistory";
import { JournalHeader } from "~/components/journal/JournalHeader";
import { ProgressCard } from "~/components/journal/ProgressCard";
import { QuickForms } from "~/components/journal/QuickForms";
import { ReenrolmentForm } from "~/components/journal/ReenrolmentForm";
import { Timeline } from "~/components/journal/Timeline";
import { WithdrawConsent } from "~/components/journal/WithdrawConsent";
import type { AccessibleParticipant } from "~/data/access.server";
import { saveClosure } from "~/data/journal/closure.server";
import { withdrawConsent } from "~/data/journal/consent-withdrawal.server";
import { loadJournal } from "~/data/journal/page.server";
import {
  deleteEvent,
  logMeeting,
  saveActivity,
  saveFovScreening,
  saveIncomeChange,
  savePlacement,
  saveSkapaAssessment,
  saveSkapaOffer,
  saveSupport,
  skapaInstrumentFor,
} from "~/data/journal/writes.server";
import { createEnrolment, enrolmentFormOptions } from "~/data/enrolments.server";
import {
  ActivitySchema,
  ClosureSchema,
  DeleteEventSchema,
  FovSchema,
  IncomeChangeSchema,
  MeetingSchema,
  parseJournalQuery,
  PlacementSchema,
  skapaAssessmentSchema,
  SkapaOfferSchema,
  SupportSchema,
  WithdrawConsentSchema,
} from "~/schemas/journal";
import { EnrolmentSchema } from "~/schemas/participants";
import { formAction, intent, type PostedForm, type Saved } from "~/utils/form-action.server";
import { ok, type WriteFailure, type WriteResult } from "~/utils/write-result";

/** What the page says after a save; the action redirects with `?klart=<key>`. */
const SAVED_MESSAGES = new Map<string, string>([
  ["meeting", "Mötet är sparat."],
  ["placement", "Placeringen i Trappan är sparad."],
  ["skapa-offer", "Att SKAPA har erbjudits är sparat."],
  ["skapa-assessment", "SKAPA-skattningen är sparad."],
  ["fov", "FOV-screeningen är sparad."],
  ["support", "Stödinsatsen är sparad."],
  ["income", "Den nya försörjningen är sparad."],
  ["closure", "Inskrivningen är avslutad."],
  ["reenrol", "Deltagaren är inskriven."],
  ["updated", "Ändringen är sparad."],
  ["deleted", "Händelsen är borttagen."],
  ["reopened", "Avslutet är borttaget – inskrivningen pågår igen."],
]);

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
    saved: query.saved ? (SAVED_MESSAGES.get(query.saved) ?? null) : null,
    savedForm: query.saved,
    // A closed (or never enrolled) participant can be enrolled again from here.
    enrolmentOptions: journal.current?.open ? null : await enrolmentFormOptions(user),
    currentUserId: user.id,
  };
}

type EventWrite<I> = (user: CurrentUser, participant: AccessibleParticipant, input: I) => Promise<WriteResult>;

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, "participants:work");
  const participant = await requireParticipantAccess(user, params.participantId);
  const filter = new URL(request.url).searchParams.get("typ");
  /** Back to the page, saying what was saved, with the timeline filter kept. */
  const back =
    (saved: string) =>
    (result: WriteResult): WriteResult<Saved> => {
      if (!result.ok) return result;
      const search = new URLSearchParams(filter ? { typ: filter } : {});
      search.set("klart", saved);
      return ok({ redirectTo: `/deltagare/${participant.id}?${search}` });
    };
  // An event form adds to `enrolmentId`; with the event's id (the edit card) it edits that event.
  const event = <S extends z.ZodType>(schema: S | ((form: PostedForm) => Promise<S | WriteFailure>), save: EventWrite<z.output<S>>) =>
    intent(schema, async (input, form) => back(form.targetId ? "updated" : form.intent)(await save(user, participant, input)));
  return formAction(
    request,
    {
      meeting: event(MeetingSchema, logMeeting),
      activity: event(ActivitySchema, saveActivity),
      placement: event(PlacementSchema, savePlacement),
      "skapa-offer": event(SkapaOfferSchema, saveSkapaOffer),
      // The fields depend on the insats's instrument, so the record is resolved first.
      "skapa-assessment": event<ReturnType<typeof skapaAssessmentSchema>>(async ({ formData }) => {
        const text = (name: string) => (formData.get(name) as string | null) || undefined;
        const found = await skapaInstrumentFor(user, participant, { eventId: text("eventId"), version: text("version"), enrolmentId: text("enrolmentId") });
        return found.ok ? skapaAssessmentSchema(found.instrument) : found;
      }, saveSkapaAssessment),
      fov: event(FovSchema, saveFovScreening),
      support: event(SupportSchema, saveSupport),
      income: event(IncomeChangeSchema, saveIncomeChange),
      closure: event(ClosureSchema, saveClosure),
      delete: intent(DeleteEventSchema, async (input) => back(input.kind === "closure" ? "reopened" : "deleted")(await deleteEvent(user, participant, input))),
      // The person is erased: their page no longer exists for anyone.
      "withdraw-consent": intent(WithdrawConsentSchema, async (input) => {
        const result = await withdrawConsent(user, participant, input);
        return result.ok ? ok({ redirectTo: "/deltagare" }) : result;
      }),
      reenrol: intent(EnrolmentSchema, async (input) => back("reenrol")(await createEnrolment(user, participant.id, input))),
    },
    // The edit card and the delete form post the event's id: the page tells their answers apart by it.
    { idField: "eventId" },
  );
}

/** After a conflict the page shows what the other person saved, beside the user's own input. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate;
}

export default function ParticipantPage({ loaderData: view }: Route.ComponentProps) {
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
      {view.editing ? (
        <EditCard key={`${view.editing.kind}:${view.editing.id}`} editing={view.editing} options={view.options} filter={view.filter} today={view.today} />
      ) : null}

      <div className="journal__columns">
        <div className="journal__main stack">
          {current?.editable ? <QuickForms current={current} options={view.options} today={view.today} savedForm={view.savedForm} /> : null}
          {view.enrolmentOptions ? (
            <ReenrolmentForm options={view.enrolmentOptions} defaults={view.enrolmentDefaults} currentUserId={view.currentUserId} today={view.today} />
          ) : null}
          <Timeline items={view.timeline} counts={view.counts} filter={view.filter} />
        </div>
        <div className="journal__side stack">
          <ProgressCard current={current} trappan={view.trappan} skapa={view.skapa} today={view.today} />
          <EnrolmentHistory enrolments={view.enrolments} />
          <WithdrawConsent version={participant.version} today={view.today} />
        </div>
      </div>
    </div>
  );
}
