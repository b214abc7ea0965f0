import { z } from "zod";
import { GENDERS, REFERRAL_DECISIONS } from "~/domain/reference-defaults";
import { isoDate } from "./form";

// The URL state of the intake lists (participants, referrals, study visits), so that a view is a
// link. Every value falls back to its default: a hand-edited or outdated bookmark still opens a view.

export const PAGE_SIZE = 25;

const optionalParam = z
  .preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined), z.string().max(100).optional())
  .catch(undefined);
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
  "name",
  "insats",
  "kommun",
  "coordinator",
  "gender",
  "ageGroup",
  "enrolled",
  "closed",
  "step",
  "activity",
  "flags",
] as const;
export type ParticipantColumn = (typeof PARTICIPANT_COLUMNS)[number];
// Few enough to fit a tablet held upright (768 px); the insats is a filter and an optional column.
export const DEFAULT_PARTICIPANT_COLUMNS: readonly ParticipantColumn[] = ["name", "kommun", "enrolled", "step", "activity", "flags"];
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
  const columns = chosen.length ? PARTICIPANT_COLUMNS.filter((column) => chosen.includes(column)) : [...DEFAULT_PARTICIPANT_COLUMNS];
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
    query.columns.length === DEFAULT_PARTICIPANT_COLUMNS.length && query.columns.every((column) => DEFAULT_PARTICIPANT_COLUMNS.includes(column));
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
