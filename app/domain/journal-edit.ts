// An event of the participant page opened for editing: the values its form starts from, as
// form fields, and the version the save is checked against. Pure: it reads plain rows and the
// user's access per enrolment.
import { coordinatorScoreField, scoreField, type EventKind, type JournalQuery, type SkapaInstrument } from "~/schemas/journal";
import type { DatedRow, EnrolmentAccess, SkapaScore, TrappanStep } from "./timeline";

export interface EditView {
  kind: EventKind;
  id: string;
  /** Sent back with the form; a save is refused when the record has changed since. */
  version: string;
  values: Record<string, string>;
  steps: readonly TrappanStep[];
  /** For a SKAPA assessment: its areas, including retired ones it has answers for. */
  instrument?: SkapaInstrument;
}

type Versioned = DatedRow & { version: number };

/** One enrolment with its editable records, as the edit form reads them. */
export interface EditEnrolment {
  id: string;
  closedDate: string | null;
  version: number;
  closureReasonId: string | null;
  incomeEndId: string | null;
  planAfterClosure: boolean | null;
  surveySupport: boolean | null;
  surveyInfluence: boolean | null;
  surveyReadiness: boolean | null;
  insats: {
    skapaScaleMin: number;
    skapaScaleMax: number;
    trappanSteps: readonly TrappanStep[];
    skapaAreas: ReadonlyArray<{ id: string; label: string; retired: boolean }>;
  };
  activities: ReadonlyArray<Versioned & { activityTypeId: string; minutes: number | null; note: string | null }>;
  placements: ReadonlyArray<Versioned & { step: number; motivation: string | null }>;
  skapaOffers: readonly DatedRow[];
  assessments: ReadonlyArray<Versioned & { scores: readonly SkapaScore[] }>;
  fovScreenings: ReadonlyArray<Versioned & { outcome: string; notAskedReason: string | null; supportOffered: boolean }>;
  support: ReadonlyArray<Versioned & { supportTypeId: string; raisesActivityLevel: boolean; note: string | null }>;
  incomeChanges: ReadonlyArray<DatedRow & { incomeSourceId: string }>;
}

/** A change of försörjning has no version column: its values are its version. */
export const incomeVersion = (row: { date: string; incomeSourceId: string }) => `${row.date}|${row.incomeSourceId}`;

const text = (value: string | number | null) => (value === null ? "" : String(value));
const choice = (value: boolean | null) => (value === null ? "" : value ? "ja" : "nej");

type Start = Pick<EditView, "version" | "values" | "instrument">;

function assessmentStart(enrolment: EditEnrolment, row: EditEnrolment["assessments"][number]): Start {
  const values: Record<string, string> = { date: row.date };
  for (const score of row.scores) {
    values[scoreField(score.areaId)] = text(score.participantScore);
    values[coordinatorScoreField(score.areaId)] = text(score.coordinatorScore);
  }
  const used = new Set(row.scores.map((score) => score.areaId));
  const instrument: SkapaInstrument = {
    areas: enrolment.insats.skapaAreas.filter((area) => !area.retired || used.has(area.id)).map(({ id, label }) => ({ id, label })),
    min: enrolment.insats.skapaScaleMin,
    max: enrolment.insats.skapaScaleMax,
  };
  return { version: String(row.version), values, instrument };
}

function closureStart(enrolment: EditEnrolment): Start | null {
  if (!enrolment.closedDate) return null;
  return {
    version: String(enrolment.version),
    values: {
      date: enrolment.closedDate,
      closureReasonId: text(enrolment.closureReasonId),
      incomeEndId: text(enrolment.incomeEndId),
      planAfterClosure: choice(enrolment.planAfterClosure),
      surveySupport: choice(enrolment.surveySupport),
      surveyInfluence: choice(enrolment.surveyInfluence),
      surveyReadiness: choice(enrolment.surveyReadiness),
    },
  };
}

const find = <T extends { id: string }>(rows: readonly T[], id: string, start: (row: T) => Start): Start | null => {
  const row = rows.find((r) => r.id === id);
  return row ? start(row) : null;
};

/** Where each kind's form starts, in one enrolment; null when the record is not in it. */
const START: Record<EventKind, (enrolment: EditEnrolment, id: string, access: EnrolmentAccess) => Start | null> = {
  activity: (e, id) =>
    find(e.activities, id, (row) => ({
      version: String(row.version),
      values: { date: row.date, activityTypeId: row.activityTypeId, minutes: text(row.minutes), note: text(row.note) },
    })),
  placement: (e, id) =>
    find(e.placements, id, (row) => ({ version: String(row.version), values: { date: row.date, step: String(row.step), motivation: text(row.motivation) } })),
  "skapa-offer": (e, id) => find(e.skapaOffers, id, (row) => ({ version: row.date, values: { date: row.date } })),
  "skapa-assessment": (e, id) => find(e.assessments, id, (row) => assessmentStart(e, row)),
  // Editing a screening shows its answer.
  fov: (e, id, access) =>
    access.seesFov
      ? find(e.fovScreenings, id, (row) => ({
          version: String(row.version),
          values: { date: row.date, outcome: row.outcome, notAskedReason: text(row.notAskedReason), supportOffered: row.supportOffered ? "on" : "" },
        }))
      : null,
  support: (e, id) =>
    find(e.support, id, (row) => ({
      version: String(row.version),
      values: { date: row.date, supportTypeId: row.supportTypeId, raisesActivityLevel: row.raisesActivityLevel ? "ja" : "nej", note: text(row.note) },
    })),
  income: (e, id) => find(e.incomeChanges, id, (row) => ({ version: incomeVersion(row), values: { date: row.date, incomeSourceId: row.incomeSourceId } })),
  closure: (e, id) => (e.id === id ? closureStart(e) : null),
};

/** The edit form's start, or null when the record is not this participant's or not the user's to edit. */
export function editView(
  enrolments: ReadonlyArray<{ enrolment: EditEnrolment; access: EnrolmentAccess }>,
  edit: NonNullable<JournalQuery["edit"]>,
): EditView | null {
  for (const { enrolment, access } of enrolments) {
    if (!access.editable) continue;
    const start = START[edit.kind](enrolment, edit.id, access);
    if (start) return { kind: edit.kind, id: edit.id, steps: enrolment.insats.trappanSteps, ...start };
  }
  return null;
}
