import { z } from "zod";
import { FOV_OUTCOMES, TRAPPAN_STEPS } from "~/domain/reference-defaults";
import { checkbox, choice, emptyToUndefined, optionalChoice, optionalText, UNKNOWN_INTENT } from "./form";
import { pastDate } from "./participants";

// The forms of the participant page. Every form carries a hidden `intent`. A form that records an
// event also edits it: with `eventId` and `version` it updates that event, with `enrolmentId` it
// adds one to that enrolment. Rules that need the database (dates within the enrolment, a step
// change's motivation, ids from the förbund's lists) are checked by app/data/journal/*.server.ts.

/** A whole number typed into a form; empty is "not given". */
const optionalInteger = (label: string, min: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^-?\d+$/, { message: `${label} måste vara ett heltal.`, abort: true })
      .transform(Number)
      .refine((value) => value >= min && value <= max, `${label} måste vara mellan ${min} och ${max}.`)
      .optional()
      .transform((value) => value ?? null),
  );

export const STEP_MESSAGE = `Välj ett steg mellan 1 och ${TRAPPAN_STEPS.length}.`;

/** A Trappan step: the ladder's numbers stay 1–6 whatever the labels say. */
const step = z
  .string({ error: STEP_MESSAGE })
  .trim()
  .regex(/^-?\d+$/, STEP_MESSAGE)
  .transform(Number)
  .refine((value) => value >= 1 && value <= TRAPPAN_STEPS.length, STEP_MESSAGE);

const optionalStep = z.preprocess(emptyToUndefined, step.optional()).transform((value) => value ?? null);

/** ja / nej, or "" for a question left unanswered. */
const yesNoUnanswered = z
  .enum(["ja", "nej", ""], { error: "Välj ja, nej eller ej besvarat." })
  .optional()
  .transform((value) => (value === "ja" ? true : value === "nej" ? false : null));

/** "Höjd aktivitetsnivå": empty means "as the type says", so the type's default works without JavaScript. */
const raisesActivityLevel = z
  .enum(["ja", "nej", ""], { error: "Välj ja, nej eller enligt typen." })
  .optional()
  .transform((value) => (value === "ja" ? true : value === "nej" ? false : null));

const eventDate = pastDate("Datum");

/**
 * Which record a form writes: an existing event (`eventId` + the `version` the form was loaded
 * with) or a new one in `enrolmentId`. Both are checked against the user's access on the server.
 */
const target = {
  eventId: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  version: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  enrolmentId: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
};

const activityFields = {
  date: eventDate,
  activityTypeId: choice("Välj typ av möte eller aktivitet."),
  minutes: optionalInteger("Tiden", 1, 1440),
  note: optionalText("Anteckningen", 2000),
};

/** "Logga möte": a meeting, optionally with a step change and a stödinsats on the same date. */
export const MeetingSchema = z
  .object({
    intent: z.literal("meeting"),
    ...target,
    ...activityFields,
    step: optionalStep,
    motivation: optionalText("Motiveringen", 500),
    supportTypeId: optionalChoice("Välj en stödinsats i listan."),
    supportRaisesActivityLevel: raisesActivityLevel,
  })
  .refine((value) => value.step !== null || value.motivation === null, {
    path: ["step"],
    message: "Välj nytt steg, eller töm motiveringen.",
  });
export type MeetingInput = z.output<typeof MeetingSchema>;

/** Editing a logged meeting or activity on its own. */
export const ActivitySchema = z.object({ intent: z.literal("activity"), ...target, ...activityFields });
export type ActivityInput = z.output<typeof ActivitySchema>;

export const PlacementSchema = z.object({
  intent: z.literal("placement"),
  ...target,
  date: eventDate,
  step,
  motivation: optionalText("Motiveringen", 500),
});
export type PlacementInput = z.output<typeof PlacementSchema>;

export const SkapaOfferSchema = z.object({ intent: z.literal("skapa-offer"), ...target, date: eventDate });
export type SkapaOfferInput = z.output<typeof SkapaOfferSchema>;

export const FovSchema = z
  .object({
    intent: z.literal("fov"),
    ...target,
    date: eventDate,
    outcome: z.enum(FOV_OUTCOMES, { error: "Välj vad screeningen gav." }),
    notAskedReason: optionalText("Orsaken", 500),
    supportOffered: checkbox,
  })
  .refine((value) => value.outcome !== "ej_tillfragad" || value.notAskedReason !== null, {
    path: ["notAskedReason"],
    message: "Skriv varför frågorna inte ställdes.",
  })
  // A reason belongs only to "ej tillfrågad"; left over from a changed choice it would be stray free text.
  .transform((value) => ({ ...value, notAskedReason: value.outcome === "ej_tillfragad" ? value.notAskedReason : null }));
export type FovInput = z.output<typeof FovSchema>;

export const SupportSchema = z.object({
  intent: z.literal("support"),
  ...target,
  date: eventDate,
  supportTypeId: choice("Välj en stödinsats."),
  raisesActivityLevel,
  note: optionalText("Anteckningen", 2000),
});
export type SupportInput = z.output<typeof SupportSchema>;

export const IncomeChangeSchema = z.object({
  intent: z.literal("income"),
  ...target,
  date: eventDate,
  incomeSourceId: choice("Välj ny försörjning."),
});
export type IncomeChangeInput = z.output<typeof IncomeChangeSchema>;

/** Closing (or correcting the closure of) an enrolment; `version` is the enrolment's. */
export const ClosureSchema = z.object({
  intent: z.literal("closure"),
  enrolmentId: choice(UNKNOWN_INTENT),
  version: choice(UNKNOWN_INTENT),
  date: pastDate("Avslutsdatum"),
  closureReasonId: choice("Välj en avslutsorsak."),
  incomeEndId: choice("Välj försörjning vid avslut."),
  planAfterClosure: z.enum(["ja", "nej"], { error: "Ange om det finns en planering efter avslut." }).transform((value) => value === "ja"),
  surveySupport: yesNoUnanswered,
  surveyInfluence: yesNoUnanswered,
  surveyReadiness: yesNoUnanswered,
});
export type ClosureInput = z.output<typeof ClosureSchema>;

export const EVENT_KINDS = ["activity", "placement", "skapa-offer", "skapa-assessment", "fov", "support", "income", "closure"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Deleting an event; for "closure" the id is the enrolment's, and the enrolment is opened again. */
export const DeleteEventSchema = z.object({
  intent: z.literal("delete"),
  kind: z.enum(EVENT_KINDS, { error: UNKNOWN_INTENT }),
  eventId: choice(UNKNOWN_INTENT),
  version: choice(UNKNOWN_INTENT),
});
export type DeleteEventInput = z.output<typeof DeleteEventSchema>;

export const WithdrawConsentSchema = z.object({
  intent: z.literal("withdraw-consent"),
  version: choice(UNKNOWN_INTENT),
  date: pastDate("Datum för återkallelsen"),
  confirm: checkbox.refine((value) => value, "Bekräfta att deltagaren har återkallat sitt samtycke och att uppgifterna ska raderas."),
});
export type WithdrawConsentInput = z.output<typeof WithdrawConsentSchema>;

export interface SkapaInstrument {
  areas: ReadonlyArray<{ id: string; label: string }>;
  min: number;
  max: number;
}

/** Field names of one area's two ratings, e.g. "score.<areaId>" and "coordinatorScore.<areaId>". */
export const scoreField = (areaId: string) => `score.${areaId}`;
export const coordinatorScoreField = (areaId: string) => `coordinatorScore.${areaId}`;

/**
 * A SKAPA assessment: every area of the insats's instrument at once, the participant's rating and
 * optionally the coordinator's, each within the insats's scale. Areas may be left unanswered, but
 * an assessment without a single answer of the participant's is no assessment.
 */
export function skapaAssessmentSchema(instrument: SkapaInstrument) {
  const scores: Record<string, ReturnType<typeof optionalInteger>> = {};
  for (const area of instrument.areas) {
    scores[scoreField(area.id)] = optionalInteger(area.label, instrument.min, instrument.max);
    scores[coordinatorScoreField(area.id)] = optionalInteger(`Koordinatorns bedömning av ${area.label}`, instrument.min, instrument.max);
  }
  return z
    .object({ intent: z.literal("skapa-assessment"), ...target, date: eventDate, ...scores })
    .transform((value) => {
      const fields = value as unknown as Record<string, number | null>;
      return {
        intent: value.intent,
        eventId: value.eventId,
        version: value.version,
        enrolmentId: value.enrolmentId,
        date: value.date,
        scores: instrument.areas.map((area) => ({
          areaId: area.id,
          participantScore: fields[scoreField(area.id)] ?? null,
          coordinatorScore: fields[coordinatorScoreField(area.id)] ?? null,
        })),
      };
    })
    .refine((value) => value.scores.some((score) => score.participantScore !== null), {
      message: "Fyll i deltagarens skattning för minst ett område.",
    });
}
export type SkapaAssessmentInput = z.output<ReturnType<typeof skapaAssessmentSchema>>;

export const MOTIVATION_REQUIRED = "Skriv en kort motivering till stegbytet.";

/** The kinds of the timeline, as their URL values (Swedish, like every path of the app). */
export const TIMELINE_FILTERS = {
  mote: "Möten och aktiviteter",
  trappan: "Trappan",
  skapa: "SKAPA",
  fov: "FOV",
  stod: "Stödinsatser",
  forsorjning: "Försörjning",
  samtycke: "Samtycke",
  inskrivning: "Inskrivning och avslut",
} as const;
export type TimelineFilter = keyof typeof TIMELINE_FILTERS;

const TimelineQuery = z.object({
  typ: z
    .enum(Object.keys(TIMELINE_FILTERS) as [TimelineFilter, ...TimelineFilter[]])
    .optional()
    .catch(undefined),
  andra: z.enum(EVENT_KINDS).optional().catch(undefined),
  post: z.string().trim().min(1).max(100).optional().catch(undefined),
  klart: z.string().max(40).optional().catch(undefined),
});

/** The page's URL state: the timeline filter, the event being edited and the last saved form. */
export function parseJournalQuery(params: URLSearchParams) {
  const query = TimelineQuery.parse(Object.fromEntries(params));
  return {
    filter: query.typ ?? null,
    edit: query.andra && query.post ? { kind: query.andra, id: query.post } : null,
    saved: query.klart ?? null,
  };
}
export type JournalQuery = ReturnType<typeof parseJournalQuery>;
