// What a finished statistics report carries from the data layer to every presentation of it
// (statistics page, print page, DOCX, XLSX, CSV, CLI). Built by app/data/statistics.server.ts.
import type { GoalRow } from "./goals";
import type { ClosureCategory } from "./reference-defaults";
import type { Period } from "./period";
import type { ReportJson } from "./statistics";
import type { ReportSlice } from "./statistics/disclosure";

export interface ReportQuery {
  period: Period;
  insats: string | null; // insats name, as configured; null = all
  kommun: string | null; // kommun name; null = all
}

export interface ReportBundle {
  organisationName: string;
  query: ReportQuery;
  report: ReportJson;
  /** The same report for the period one year earlier, for comparison and goal follow-up. */
  previous: ReportJson;
  previousPeriod: Period;
  /** Goal follow-up rows; empty when no insats is chosen or it has no targets. */
  goals: GoalRow[];
  /** Counts below this are shown as "färre än N" in steering views and exports. */
  smallNumberThreshold: number;
  /** Whether counts below the threshold are hidden (always for FOV by kön). */
  suppressSmallNumbers: boolean;
  /** Trappan step labels of the chosen insats (or the defaults), keyed "1".."6". */
  stepLabels: Record<string, string>;
  /** Order of age groups and kommuner as configured, for stable tables. */
  ageGroupOrder: string[];
  /** The category of each of the förbund's closure reasons, keyed by label. */
  closureReasonCategories: Record<string, ClosureCategory>;
  /** The förbund's outcome groups in their configured order, each with its reason labels. */
  outcomeGroups: Array<{ name: string; reasons: string[] }>;
  /**
   * The same report for every other insats and kommun filter the reader could choose, with their
   * comparison periods: small-number protection covers them together (statistics/disclosure).
   */
  linked: ReportSlice[];
  /** Why the steering roles may not open this view (too narrow), or null. */
  steeringRefusal: { field: "insats" | "kommun"; message: string } | null;
  /**
   * Whether the reader is the förbundschef, who alone sees the caseload per koordinator (issue 13).
   * Absent or false: the reports carry no koordinator's name (see withoutCaseload).
   */
  caseload?: boolean;
  generatedAt: string; // ISO timestamp
}

export type ExportFormat = "json" | "csv" | "xlsx" | "docx";

/** A report without the koordinators' names: what every view but the förbundschef's carries. */
export function withoutCaseload(report: ReportJson): ReportJson {
  return { ...report, active: { ...report.active, byCoordinator: {}, byCoordinatorByKommun: {} } };
}
