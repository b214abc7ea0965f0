/**
 * Every view a reader of the report can open by changing the insats and kommun filters: the
 * whole förbund, each insats, each kommun and each insats in each kommun, each with its
 * comparison period. Protected together, no view gives away what another hides.
 */
import type { GoalRow } from "../../goals";
import type { Period } from "../../period";
import { computeReport } from "../index";
import type { EnrolmentRecord, ReferralRecord, ReportFilters, ReportInput, StudyVisitRecord } from "../types";
import type { ReportSlice } from "./model";

type Filterable = EnrolmentRecord | ReferralRecord | StudyVisitRecord;

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function matching<T extends Filterable>(records: readonly T[], filters: ReportFilters): T[] {
  return records.filter((record) => (filters.insats === null || record.insats === filters.insats) && (filters.kommun === null || record.kommun === filters.kommun));
}

/**
 * The slices of `input` (whatever filters it carries: the records are taken unfiltered) for
 * every combination of insats and kommun found in the records. `goals` gives a slice's goal rows
 * (none for the whole förbund, where no insats is chosen).
 */
export function reportFamily(input: ReportInput, previousPeriod: Period, goals: (sliceInput: ReportInput) => readonly GoalRow[]): ReportSlice[] {
  const all = [...input.enrolments, ...input.referrals, ...input.studyVisits];
  const insatser: Array<string | null> = [null, ...distinct(all.map((record) => record.insats))];
  const kommuner: Array<string | null> = [null, ...distinct(all.map((record) => record.kommun))];
  const slices: ReportSlice[] = [];
  for (const insats of insatser) {
    const byInsats = {
      enrolments: matching(input.enrolments, { insats, kommun: null }),
      referrals: matching(input.referrals, { insats, kommun: null }),
      studyVisits: matching(input.studyVisits, { insats, kommun: null }),
    };
    for (const kommun of kommuner) {
      const filters = { insats, kommun };
      const sliceInput: ReportInput = {
        period: input.period,
        filters,
        enrolments: matching(byInsats.enrolments, filters),
        referrals: matching(byInsats.referrals, filters),
        studyVisits: matching(byInsats.studyVisits, filters),
      };
      slices.push({
        filters,
        now: computeReport(sliceInput),
        before: computeReport({ ...sliceInput, period: previousPeriod }),
        goals: insats === null ? [] : goals(sliceInput),
      });
    }
  }
  return slices;
}
