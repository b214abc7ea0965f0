/**
 * A hand-made report bundle for the presentation tests: every count is stated by the test that
 * depends on it, on top of an all-zero report of the contract's shape.
 */
import type { GoalRow } from "~/domain/goals";
import { janAug } from "~/domain/period";
import type { ReportBundle } from "~/domain/report-bundle";
import { computeReport, type ReportJson } from "~/domain/statistics";
import type { ReportSlice } from "~/domain/statistics/disclosure";
import { reportInput } from "~/domain/statistics/testing";
import { DEFAULT_AGE_GROUPS, DEFAULT_CLOSURE_REASONS, DEFAULT_OUTCOME_GROUPS, DEFAULT_TRAPPAN_LABELS } from "~/domain/reference-defaults";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export function emptyReport(period = janAug(2025)): ReportJson {
  return computeReport(reportInput({ period }));
}

function merge<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    // Label maps are replaced whole, so a test's map is exactly the map the sections see.
    const isLabelMap = key.startsWith("by") || key.endsWith("ByGender") || key.startsWith("area");
    out[key] =
      value !== null && typeof value === "object" && !isLabelMap && current !== null && typeof current === "object"
        ? merge(current, value as DeepPartial<typeof current>)
        : value;
  }
  return out as T;
}

export function testBundle({
  report,
  previous,
  goals = [],
  suppressSmallNumbers = false,
  threshold = 3,
  insats = null,
  kommun = null,
  linked = [],
}: {
  report?: DeepPartial<ReportJson>;
  previous?: DeepPartial<ReportJson>;
  goals?: GoalRow[];
  suppressSmallNumbers?: boolean;
  threshold?: number;
  insats?: string | null;
  kommun?: string | null;
  /** The other filter views the same readers can open (see ReportBundle.linked). */
  linked?: ReportSlice[];
} = {}): ReportBundle {
  const period = janAug(2025);
  const previousPeriod = janAug(2024);
  return {
    organisationName: "Testförbundet",
    query: { period, insats, kommun },
    report: merge(emptyReport(period), report),
    previous: merge(emptyReport(previousPeriod), previous),
    previousPeriod,
    goals,
    smallNumberThreshold: threshold,
    suppressSmallNumbers,
    stepLabels: Object.fromEntries(DEFAULT_TRAPPAN_LABELS.map((label, i) => [String(i + 1), label])),
    ageGroupOrder: DEFAULT_AGE_GROUPS.map((group) => group.label),
    closureReasonCategories: Object.fromEntries(DEFAULT_CLOSURE_REASONS.map((reason) => [reason.label, reason.category])),
    outcomeGroups: DEFAULT_OUTCOME_GROUPS.map((group) => ({ name: group.name, reasons: [...group.reasons] })),
    linked,
    steeringRefusal: null,
    generatedAt: "2025-09-01T08:00:00.000Z",
  };
}
