/**
 * The views of one report a reader can open by changing the insats and kommun filters, and which
 * of them are open to the steering roles. Views of one filter (each kommun, each insats) add up
 * to the whole report, so a reader holding all of them can subtract; the protection therefore
 * covers the whole report and every open view together (protectReport's `linked`).
 *
 * Which views are open: an insats and a kommun together are never open to steering roles (those
 * views are a handful of people), and the views of one filter are open only when each of them has
 * at least MIN_VIEW_SIZE active participants in the period and in the comparison period (or none
 * then): one small kommun would otherwise force hidden cells into every other view and the whole
 * report. See docs/decisions/0009-small-number-protection.md.
 */
import type { GoalRow } from "../../goals";
import type { Period } from "../../period";
import { computeReport } from "../index";
import type { EnrolmentRecord, ReferralRecord, ReportFilters, ReportInput, StudyVisitRecord } from "../types";
import type { ReportSlice } from "./model";

/** Active participants a kommun or insats view needs, in each period, before steering roles may open it. */
export const MIN_VIEW_SIZE = 20;

type Filterable = EnrolmentRecord | ReferralRecord | StudyVisitRecord;
type Dimension = "insats" | "kommun";

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function matching<T extends Filterable>(records: readonly T[], filters: ReportFilters): T[] {
  return records.filter(
    (record) => (filters.insats === null || record.insats === filters.insats) && (filters.kommun === null || record.kommun === filters.kommun),
  );
}

/** The slice of `input` for one combination of filters (records taken unfiltered). */
export function reportSlice(
  input: ReportInput,
  filters: ReportFilters,
  previousPeriod: Period,
  goals: (sliceInput: ReportInput) => readonly GoalRow[],
): ReportSlice {
  const sliceInput: ReportInput = {
    ...input,
    filters,
    enrolments: matching(input.enrolments, filters),
    referrals: matching(input.referrals, filters),
    studyVisits: matching(input.studyVisits, filters),
  };
  return {
    filters,
    now: computeReport(sliceInput),
    // The trend belongs to the report period; the comparison period's report is the trend's year before.
    before: computeReport({ ...sliceInput, period: previousPeriod, trendPeriods: undefined }),
    goals: goals(sliceInput),
  };
}

export interface ReportFamily {
  /** The whole report (no filter). */
  whole: ReportSlice;
  /** The views of each filter, each kommun or each insats found in the records. */
  views: Record<Dimension, ReportSlice[]>;
  /** Whether the views of that filter are open to the steering roles. */
  open: Record<Dimension, boolean>;
}

function bigEnough(slice: ReportSlice): boolean {
  const { now, before } = slice;
  return now.active.total >= MIN_VIEW_SIZE && (before.active.total === 0 || before.active.total >= MIN_VIEW_SIZE);
}

/**
 * The whole report and the one-filter views of `input` (whatever filters it carries: the records
 * are taken unfiltered). `goals` gives a view's goal rows (the insats's targets, or the förbund's where no insats is chosen).
 */
export function reportFamily(input: ReportInput, previousPeriod: Period, goals: (sliceInput: ReportInput) => readonly GoalRow[]): ReportFamily {
  const all = [...input.enrolments, ...input.referrals, ...input.studyVisits];
  const slice = (filters: ReportFilters) => reportSlice(input, filters, previousPeriod, goals);
  const views = {
    insats: distinct(all.map((record) => record.insats)).map((insats) => slice({ insats, kommun: null })),
    kommun: distinct(all.map((record) => record.kommun)).map((kommun) => slice({ insats: null, kommun })),
  };
  return {
    whole: slice({ insats: null, kommun: null }),
    views,
    // One view alone is the whole report again: nothing to subtract, nothing to close.
    open: {
      insats: views.insats.length <= 1 || views.insats.every(bigEnough),
      kommun: views.kommun.length <= 1 || views.kommun.every(bigEnough),
    },
  };
}

/**
 * The views the protection covers together: the whole report and the open views. A filter with
 * one value only gives the whole report again, so its view adds nothing to protect.
 */
export function protectedViews(family: ReportFamily): ReportSlice[] {
  const add = (dimension: Dimension) => (family.open[dimension] && family.views[dimension].length > 1 ? family.views[dimension] : []);
  return [family.whole, ...add("insats"), ...add("kommun")];
}

/** The family's view for `filters`, or null for a view outside it (an insats in a kommun). */
export function familyView(family: ReportFamily, filters: ReportFilters): ReportSlice | null {
  if (filters.insats === null && filters.kommun === null) return family.whole;
  if (filters.insats !== null && filters.kommun !== null) return null;
  const dimension: Dimension = filters.insats !== null ? "insats" : "kommun";
  return family.views[dimension].find((view) => view.filters[dimension] === filters[dimension]) ?? null;
}

/**
 * Why steering roles may not open the view for `filters`, in Swedish, or null when they may.
 * The field is the filter to change.
 */
export function steeringRefusal(family: ReportFamily, filters: ReportFilters): { field: Dimension; message: string } | null {
  if (filters.insats !== null && filters.kommun !== null) {
    return { field: "kommun", message: "Styrgruppen kan välja en insats eller en kommun, inte båda: så små urval skulle kunna peka ut enskilda deltagare." };
  }
  for (const dimension of ["kommun", "insats"] as const) {
    if (filters[dimension] === null || family.open[dimension]) continue;
    const which = dimension === "kommun" ? "kommun" : "insats";
    return {
      field: dimension,
      message:
        `Statistik per ${which} visas inte för styrgruppen under den här perioden: minst en ${which} har färre än ${MIN_VIEW_SIZE} aktiva deltagare, ` +
        `och då skulle vyerna tillsammans kunna avslöja små tal. Se tabellerna per ${which} i rapporten för hela förbundet.`,
    };
  }
  return null;
}
