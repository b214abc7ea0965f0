// The participant page's timeline: every enrolment, event and consent of one person as dated
// entries, newest first, with their filter counts. Pure: it reads plain rows and the user's
// access per enrolment, decided by the caller (auth/permissions).
import type { EventKind, TimelineFilter } from "~/schemas/journal";
import { formatDecimal } from "~/utils/format";
import { FOV_OUTCOME_LABELS, type FovOutcome } from "./reference-defaults";

export const FOV_HIDDEN_TEXT = "FOV registrerad – svaret visas bara för deltagarens koordinator och förbundschefen";

export type TimelineKind = EventKind | "enrolment" | "consent";

export const KIND_FILTER: Record<TimelineKind, TimelineFilter> = {
  activity: "mote",
  placement: "trappan",
  "skapa-offer": "skapa",
  "skapa-assessment": "skapa",
  fov: "fov",
  support: "stod",
  income: "forsorjning",
  consent: "samtycke",
  enrolment: "inskrivning",
  closure: "inskrivning",
};

// Within one day: closure last, then events, then enrolment, then the consent that preceded it.
const KIND_RANK: Record<TimelineKind, number> = {
  closure: 3,
  activity: 2,
  placement: 2,
  "skapa-offer": 2,
  "skapa-assessment": 2,
  fov: 2,
  support: 2,
  income: 2,
  enrolment: 1,
  consent: 0,
};

/** The order in which "Logga möte" writes its records. */
const WRITE_ORDER: readonly TimelineKind[] = ["activity", "placement", "support"];

export interface TimelineItem {
  key: string;
  kind: TimelineKind;
  id: string;
  date: string;
  title: string;
  lines: string[];
  /** Per area, for a SKAPA assessment. */
  scores?: { label: string; participant: number | null; coordinator: number | null }[];
  /** Whether this user may edit and delete it. */
  editable: boolean;
}

/** A timeline entry before sorting: when it was written breaks ties within a day. */
export type DatedItem = TimelineItem & { createdAt: Date };

/** A row of any event table: what dates and orders it. */
export interface DatedRow {
  id: string;
  date: string;
  createdAt: Date;
}

export interface TrappanStep {
  step: number;
  label: string;
}

export interface SkapaScore {
  areaId: string;
  participantScore: number | null;
  coordinatorScore: number | null;
}

/** One enrolment with everything recorded in it, as the timeline reads it. */
export interface TimelineEnrolment {
  id: string;
  enrolledDate: string;
  closedDate: string | null;
  createdAt: Date;
  updatedAt: Date;
  planAfterClosure: boolean | null;
  surveySupport: boolean | null;
  surveyInfluence: boolean | null;
  surveyReadiness: boolean | null;
  insats: {
    name: string;
    skapaScaleMin: number;
    skapaScaleMax: number;
    trappanSteps: readonly TrappanStep[];
    skapaAreas: ReadonlyArray<{ id: string; label: string; retired: boolean }>;
  };
  kommun: { name: string };
  coordinator: { name: string } | null;
  referrer: { name: string };
  incomeStart: { label: string } | null;
  incomeEnd: { label: string } | null;
  closureReason: { label: string } | null;
  activities: ReadonlyArray<DatedRow & { minutes: number | null; note: string | null; activityType: { label: string } }>;
  placements: ReadonlyArray<DatedRow & { step: number; motivation: string | null }>;
  skapaOffers: readonly DatedRow[];
  assessments: ReadonlyArray<DatedRow & { scores: readonly SkapaScore[] }>;
  fovScreenings: ReadonlyArray<DatedRow & { outcome: string; notAskedReason: string | null; supportOffered: boolean }>;
  support: ReadonlyArray<DatedRow & { raisesActivityLevel: boolean; note: string | null; supportType: { label: string } }>;
  incomeChanges: ReadonlyArray<DatedRow & { incomeSource: { label: string } }>;
}

/** What the user may do with one enrolment's records (auth/permissions decides). */
export interface EnrolmentAccess {
  /** Edit and delete its events. */
  editable: boolean;
  /** See its FOV answers. */
  seesFov: boolean;
}

export interface ConsentRow {
  id: string;
  givenDate: string;
  coversSharing: boolean;
  coversStatistics: boolean;
  createdAt: Date;
}

/** Oldest first; rows of one date in the order they were written. */
export const byDate = <T extends { date: string; createdAt: Date }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => (a.date === b.date ? a.createdAt.getTime() - b.createdAt.getTime() : a.date < b.date ? -1 : 1));

export function stepText(steps: readonly TrappanStep[], step: number): string {
  const label = steps.find((s) => s.step === step)?.label;
  return label ? `Steg ${step}: ${label}` : `Steg ${step}`;
}

const yesNo = (value: boolean | null) => (value === null ? "ej besvarat" : value ? "ja" : "nej");

function enrolmentItems(enrolment: TimelineEnrolment, item: ItemMaker): DatedItem[] {
  const items = [
    item(
      "enrolment",
      { id: enrolment.id, date: enrolment.enrolledDate, createdAt: enrolment.createdAt },
      `Inskriven i ${enrolment.insats.name}, ${enrolment.kommun.name}`,
      [
        `Remittent: ${enrolment.referrer.name}`,
        `Koordinator: ${enrolment.coordinator?.name ?? "ingen vald"}`,
        enrolment.incomeStart ? `Försörjning vid start: ${enrolment.incomeStart.label}` : "",
      ],
      false,
    ),
  ];
  if (enrolment.closedDate) {
    items.push(
      item(
        "closure",
        { id: enrolment.id, date: enrolment.closedDate, createdAt: enrolment.updatedAt },
        `Avslutad: ${enrolment.closureReason?.label ?? "orsak saknas"}`,
        [
          `Försörjning vid avslut: ${enrolment.incomeEnd?.label ?? "ej angiven"}`,
          `Planering efter avslut: ${yesNo(enrolment.planAfterClosure)}`,
          `Upplevt stöd: ${yesNo(enrolment.surveySupport)}, upplevt inflytande: ${yesNo(enrolment.surveyInfluence)}, ökad beredskap för arbete eller studier: ${yesNo(enrolment.surveyReadiness)}`,
        ],
      ),
    );
  }
  return items;
}

function placementItems(enrolment: TimelineEnrolment, item: ItemMaker): DatedItem[] {
  let previousStep: number | null = null;
  return byDate(enrolment.placements).map((row) => {
    const change = previousStep === null ? "Första placeringen" : previousStep === row.step ? "Oförändrat steg" : `Från steg ${previousStep}`;
    previousStep = row.step;
    return item("placement", row, `Trappan: steg ${row.step}`, [
      stepText(enrolment.insats.trappanSteps, row.step),
      change,
      row.motivation ? `Motivering: ${row.motivation}` : "",
    ]);
  });
}

function assessmentItem(enrolment: TimelineEnrolment, row: TimelineEnrolment["assessments"][number], item: ItemMaker): DatedItem {
  const { skapaScaleMin: min, skapaScaleMax: max, skapaAreas } = enrolment.insats;
  const answered = row.scores.filter((score) => score.participantScore !== null);
  const mean = answered.length ? answered.reduce((sum, score) => sum + score.participantScore!, 0) / answered.length : null;
  const assessment = item("skapa-assessment", row, "SKAPA-skattning", [
    mean === null
      ? "Deltagaren har inte skattat något område"
      : `Deltagarens medelvärde ${formatDecimal(mean)} (${answered.length} områden, skala ${min}–${max})`,
  ]);
  assessment.scores = skapaAreas
    .map((area) => ({ area, score: row.scores.find((score) => score.areaId === area.id) }))
    .filter(({ area, score }) => score || !area.retired)
    .map(({ area, score }) => ({ label: area.label, participant: score?.participantScore ?? null, coordinator: score?.coordinatorScore ?? null }));
  return assessment;
}

type ItemMaker = (kind: TimelineKind, row: DatedRow, title: string, lines: string[], editable?: boolean) => DatedItem;

/** Every record of one enrolment as the timeline shows it, FOV answers only to those who may see them. */
export function enrolmentTimeline(enrolment: TimelineEnrolment, access: EnrolmentAccess): DatedItem[] {
  const item: ItemMaker = (kind, row, title, lines, editable = access.editable) => ({
    key: `${kind}:${row.id}`,
    kind,
    id: row.id,
    date: row.date,
    createdAt: row.createdAt,
    title,
    lines: lines.filter(Boolean),
    editable,
  });
  return [
    ...enrolmentItems(enrolment, item),
    ...enrolment.activities.map((row) => item("activity", row, row.activityType.label, [row.minutes !== null ? `${row.minutes} minuter` : "", row.note ?? ""])),
    ...placementItems(enrolment, item),
    ...enrolment.skapaOffers.map((row) => item("skapa-offer", row, "SKAPA erbjuden", [])),
    ...enrolment.assessments.map((row) => assessmentItem(enrolment, row, item)),
    ...enrolment.fovScreenings.map((row) =>
      access.seesFov
        ? item("fov", row, `FOV: ${FOV_OUTCOME_LABELS[row.outcome as FovOutcome] ?? row.outcome}`, [
            row.notAskedReason ? `Varför inte tillfrågad: ${row.notAskedReason}` : "",
            row.supportOffered ? "Stöd eller hänvisning erbjöds" : "Inget stöd eller hänvisning erbjöds",
          ])
        : item("fov", row, FOV_HIDDEN_TEXT, [], false),
    ),
    ...enrolment.support.map((row) =>
      item("support", row, `Stödinsats: ${row.supportType.label}`, [row.raisesActivityLevel ? "Höjd aktivitetsnivå" : "", row.note ?? ""]),
    ),
    ...enrolment.incomeChanges.map((row) => item("income", row, `Ny försörjning: ${row.incomeSource.label}`, [])),
  ];
}

export function consentItem(consent: ConsentRow): DatedItem {
  const covers = [consent.coversSharing ? "informationsutbyte mellan parterna" : "", consent.coversStatistics ? "uppföljningsstatistik" : ""].filter(Boolean);
  return {
    key: `consent:${consent.id}`,
    kind: "consent",
    id: consent.id,
    date: consent.givenDate,
    createdAt: consent.createdAt,
    title: "Samtycke lämnat",
    lines: [`Omfattar ${covers.join(" och ")}`],
    editable: false,
  };
}

/** Newest first; within a day by kind, then by when it was written, newest first. */
export function sortTimeline(items: readonly DatedItem[]): TimelineItem[] {
  return [...items]
    .sort((a, b) => {
      if (a.date !== b.date) return a.date < b.date ? 1 : -1;
      if (KIND_RANK[a.kind] !== KIND_RANK[b.kind]) return KIND_RANK[b.kind] - KIND_RANK[a.kind];
      if (a.createdAt.getTime() !== b.createdAt.getTime()) return b.createdAt.getTime() - a.createdAt.getTime();
      // Saved in the same moment (a meeting with its step change and stödinsats): in the order written.
      return WRITE_ORDER.indexOf(b.kind) - WRITE_ORDER.indexOf(a.kind);
    })
    .map(({ createdAt: _createdAt, ...item }) => item);
}

/** The person's whole timeline, filtered by kind, and how many entries each filter has. */
export function journalTimeline(
  enrolments: ReadonlyArray<{ enrolment: TimelineEnrolment; access: EnrolmentAccess }>,
  consents: readonly ConsentRow[],
  filter: TimelineFilter | null,
): { timeline: TimelineItem[]; counts: Record<TimelineFilter, number> } {
  const items = [...enrolments.flatMap(({ enrolment, access }) => enrolmentTimeline(enrolment, access)), ...consents.map(consentItem)];
  const counts = Object.fromEntries(Object.values(KIND_FILTER).map((key) => [key, 0])) as Record<TimelineFilter, number>;
  for (const item of items) counts[KIND_FILTER[item.kind]] += 1;
  const shown = filter ? items.filter((item) => KIND_FILTER[item.kind] === filter) : items;
  return { timeline: sortTimeline(shown), counts };
}
