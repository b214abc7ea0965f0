import { z } from "zod";
import { GENDERS, REFERRAL_DECISIONS, TRAPPAN_STEPS } from "~/domain/reference-defaults";
import { todayInSweden } from "~/domain/period";
import { checkbox, choice, isoDate, optionalChoice, optionalText, requiredText } from "./form";

// The forms of referral intake and enrolment, and the URL state of the intake lists.

/** A calendar date that has already happened: events are recorded, not planned. */
export const pastDate = (label: string) =>
  isoDate(label).refine((value) => value <= todayInSweden(), {
    message: `${label} kan inte ligga i framtiden.`,
    // A malformed date already has its message; a second one would only confuse.
    when: (payload) => payload.issues.length === 0,
  });

// ── Remiss ─────────────────────────────────────────────────────────────────

export const ReferralSchema = z.object({
  date: pastDate("Remissdatum"),
  referrerId: choice("Välj en remittent."),
  kommunId: choice("Välj en kommun."),
  insatsId: choice("Välj en insats."),
});
export type ReferralInput = z.output<typeof ReferralSchema>;

export const DecisionSchema = z.object({
  decision: z.enum(REFERRAL_DECISIONS, { error: "Välj ett beslut i listan." }),
  version: z.coerce.number({ error: "Ladda om sidan och försök igen." }).int(),
});
export type DecisionInput = z.output<typeof DecisionSchema>;

// ── Studiebesök ────────────────────────────────────────────────────────────

export const StudyVisitSchema = z.object({
  date: pastDate("Datum för studiebesöket"),
  kommunId: choice("Välj en kommun."),
  insatsId: choice("Välj en insats."),
  // The visitor is usually not a participant yet; when they are, the coordinator types the code.
  participantCode: optionalText("Deltagarkoden", 40),
});
export type StudyVisitInput = z.output<typeof StudyVisitSchema>;

// ── Samtycke ───────────────────────────────────────────────────────────────

export const ConsentSchema = z
  .object({
    code: requiredText("Deltagarkoden", 40),
    name: optionalText("Namnet", 200),
    givenDate: pastDate("Datum för samtycket"),
    coversSharing: checkbox,
    coversStatistics: checkbox,
  })
  .refine((value) => value.coversSharing || value.coversStatistics, {
    path: ["coversSharing"],
    message: "Ange vad samtycket omfattar: informationsutbyte mellan parterna, uppföljningsstatistik eller båda.",
  });
export type ConsentInput = z.output<typeof ConsentSchema>;

/** Label of the optional consent date when an existing participant is linked to a referral. */
export const NEW_CONSENT_DATE = "Datum för nytt samtycke";

/**
 * A person enrolled before, referred again: the referral is linked to them by their code. A new
 * consent date is needed only when their latest consent is withdrawn or missing; the server
 * decides that, so the date is optional here.
 */
export const LinkParticipantSchema = z
  .object({
    code: requiredText("Deltagarkoden", 40),
    givenDate: z
      .preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), pastDate(NEW_CONSENT_DATE).optional())
      .transform((value) => value ?? null),
    coversSharing: checkbox,
    coversStatistics: checkbox,
  })
  .refine((value) => value.givenDate === null || value.coversSharing || value.coversStatistics, {
    path: ["coversSharing"],
    message: "Ange vad samtycket omfattar: informationsutbyte mellan parterna, uppföljningsstatistik eller båda.",
  });
export type LinkParticipantInput = z.output<typeof LinkParticipantSchema>;

// ── Inskrivning ────────────────────────────────────────────────────────────

const firstStep = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.coerce
    .number({ error: "Välj ett steg mellan 1 och 6." })
    .int("Välj ett steg mellan 1 och 6.")
    .min(1, "Välj ett steg mellan 1 och 6.")
    .max(TRAPPAN_STEPS.length, "Välj ett steg mellan 1 och 6.")
    .optional(),
);

export const EnrolmentSchema = z.object({
  insatsId: choice("Välj en insats."),
  kommunId: choice("Välj en kommun."),
  coordinatorId: optionalChoice("Välj en koordinator i listan."),
  referrerId: choice("Välj en remittent."),
  gender: z.enum(GENDERS, { error: "Välj kön." }),
  ageGroupId: choice("Välj en åldersgrupp."),
  incomeStartId: optionalChoice("Välj en försörjning i listan."),
  enrolledDate: pastDate("Inskrivningsdatum"),
  /** The initial Trappan placement, dated on the enrolment date. */
  firstStep,
});
export type EnrolmentInput = z.output<typeof EnrolmentSchema>;

// ── URL state of the lists ─────────────────────────────────────────────────
// Every value falls back to its default: a hand-edited or outdated bookmark still opens a view.

export const PAGE_SIZE = 25;

const optionalParam = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined),
  z.string().max(100).optional(),
).catch(undefined);
const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const dateParam = z.preprocess((value) => (value === "" ? undefined : value), isoDate("Datum").optional()).catch(undefined);

export const PARTICIPANT_STATUSES = ["aktiv", "avslutad", "alla"] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
export const PARTICIPANT_STATUS_LABELS: Record<ParticipantStatus, string> = {
  aktiv: "Aktiva",
  avslutad: "Avslutade",
  alla: "Alla",
};

/** The current Trappan step to filter on; "ingen" is a participant not yet placed. */
export const STEP_FILTERS = ["1", "2", "3", "4", "5", "6", "ingen"] as const;
export type StepFilter = (typeof STEP_FILTERS)[number];

export const PARTICIPANT_SORTS = ["code", "name", "enrolled", "step", "activity"] as const;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];

/** The columns a user can show or hide; the code (the link to the page) is always shown. */
export const PARTICIPANT_COLUMNS = [
  "name", "insats", "kommun", "coordinator", "gender", "ageGroup", "enrolled", "closed", "step", "activity", "flags",
] as const;
export type ParticipantColumn = (typeof PARTICIPANT_COLUMNS)[number];
// Few enough to fit a tablet held upright (768 px); the insats is a filter and an optional column.
export const DEFAULT_PARTICIPANT_COLUMNS: readonly ParticipantColumn[] = [
  "name", "kommun", "enrolled", "step", "activity", "flags",
];
/** Sent with every column choice, so "no optional column" differs from "no choice made". */
export const ALWAYS_SHOWN_COLUMN = "code";

const ParticipantListParams = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  insats: optionalParam,
  kommun: optionalParam,
  status: z.enum(PARTICIPANT_STATUSES).catch("aktiv"),
  step: z.enum(STEP_FILTERS).optional().catch(undefined),
  gender: z.enum(GENDERS).optional().catch(undefined),
  sort: z.enum(PARTICIPANT_SORTS).catch("code"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: pageParam,
});

export type ParticipantListQuery = z.output<typeof ParticipantListParams> & { columns: ParticipantColumn[] };

export function parseParticipantListQuery(params: URLSearchParams): ParticipantListQuery {
  const single = Object.fromEntries([...params.keys()].map((key) => [key, params.get(key) ?? undefined]));
  const chosen = params.getAll("cols");
  const columns = chosen.length
    ? PARTICIPANT_COLUMNS.filter((column) => chosen.includes(column))
    : [...DEFAULT_PARTICIPANT_COLUMNS];
  return { ...ParticipantListParams.parse(single), columns };
}

/** The query as URL parameters, leaving out defaults so that links stay short. */
export function participantListParams(query: ParticipantListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.insats) params.set("insats", query.insats);
  if (query.kommun) params.set("kommun", query.kommun);
  if (query.status !== "aktiv") params.set("status", query.status);
  if (query.step) params.set("step", query.step);
  if (query.gender) params.set("gender", query.gender);
  if (query.sort !== "code") params.set("sort", query.sort);
  if (query.dir !== "asc") params.set("dir", query.dir);
  if (query.page !== 1) params.set("page", String(query.page));
  const isDefault =
    query.columns.length === DEFAULT_PARTICIPANT_COLUMNS.length &&
    query.columns.every((column) => DEFAULT_PARTICIPANT_COLUMNS.includes(column));
  if (!isDefault) {
    params.append("cols", ALWAYS_SHOWN_COLUMN);
    for (const column of query.columns) params.append("cols", column);
  }
  return params;
}

/** Referrals not yet decided are filtered as "obeslutad". */
export const DECISION_FILTERS = [...REFERRAL_DECISIONS, "obeslutad"] as const;
export type DecisionFilter = (typeof DECISION_FILTERS)[number];

const ReferralListParams = z.object({
  insats: optionalParam,
  kommun: optionalParam,
  decision: z.enum(DECISION_FILTERS).optional().catch(undefined),
  from: dateParam,
  to: dateParam,
  page: pageParam,
});
export type ReferralListQuery = z.output<typeof ReferralListParams>;

export function parseReferralListQuery(params: URLSearchParams): ReferralListQuery {
  return ReferralListParams.parse(Object.fromEntries(params));
}

const StudyVisitListParams = ReferralListParams.omit({ decision: true });
export type StudyVisitListQuery = z.output<typeof StudyVisitListParams>;

export function parseStudyVisitListQuery(params: URLSearchParams): StudyVisitListQuery {
  return StudyVisitListParams.parse(Object.fromEntries(params));
}
