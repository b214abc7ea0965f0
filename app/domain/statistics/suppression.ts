/**
 * Small numbers. Steering views and exports may hide counts below a threshold ("färre än 3") so
 * that no individual can be recognised. The report JSON itself stays numeric; these helpers
 * say which cells to hide and how to show them.
 */
import { GENDERS, type GenderMap, type ReportJson } from "./types";

export const DEFAULT_SUPPRESSION_THRESHOLD = 3;

/** A path into the report JSON, e.g. ["active", "byKommun", "Växjö"]. */
export type CellPath = string[];

/** Zero reveals nobody, so it is shown; 1..threshold−1 is hidden. */
export function isSuppressed(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

export function displayCount(count: number, threshold: number): string | number {
  return isSuppressed(count, threshold) ? `färre än ${threshold}` : count;
}

/** A stable string key for a cell path, for Set lookups (labels may contain any character). */
export function cellKey(path: CellPath): string {
  return JSON.stringify(path);
}

// Maps keyed by configured labels: every key inside is a label, never a field name.
const LABEL_MAPS = new Set([
  "byKommun",
  "byGender",
  "byAgeGroup",
  "byReferrer",
  "byReason",
  "byCategory",
  "byDecision",
  "byType",
  "answeredByGender",
  "yesByGender",
  "baseline",
  "current",
  "areaAnswered",
]);

// Fields that are not counts: echoes of the query, and values derived from counts (handled below).
const NOT_COUNTS = new Set(["period", "filters", "share", "offeredShare", "areaMeanChange"]);

function collectCounts(node: unknown, path: CellPath, keysAreLabels: boolean, threshold: number, out: CellPath[]): void {
  if (typeof node === "number") {
    if (isSuppressed(node, threshold)) out.push(path);
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (!keysAreLabels && NOT_COUNTS.has(key)) continue;
    const childKeysAreLabels = !keysAreLabels && LABEL_MAPS.has(key);
    collectCounts(value, [...path, key], childKeysAreLabels, threshold, out);
  }
}

/** Each derived value with the counts it is computed from: hidden when any of them is hidden. */
function derivedCells(report: ReportJson): Array<{ path: CellPath; parts: CellPath[] }> {
  const trappanShare = (base: CellPath) => ({
    path: [...base, "share"],
    parts: [
      [...base, "movedUp"],
      [...base, "measured"],
    ],
  });
  const cells = [
    trappanShare(["trappan"]),
    ...Object.keys(report.trappan.byGender).map((g) => trappanShare(["trappan", "byGender", g])),
    ...Object.keys(report.trappan.byKommun).map((k) => trappanShare(["trappan", "byKommun", k])),
    {
      path: ["skapa", "share"],
      parts: [
        ["skapa", "progressed"],
        ["skapa", "assessedTwice"],
      ],
    },
    {
      path: ["skapa", "offeredShare"],
      parts: [
        ["skapa", "offered"],
        ["skapa", "active"],
      ],
    },
  ];
  for (const area of Object.keys(report.skapa.areaMeanChange)) {
    cells.push({ path: ["skapa", "areaMeanChange", area], parts: [["skapa", "areaAnswered", area]] });
  }
  return cells;
}

/**
 * Every cell a steering view or export should hide at this threshold: counts from 1 to
 * threshold − 1, and the shares and means computed from such counts.
 */
export function suppressedCells(report: ReportJson, threshold: number): CellPath[] {
  const counts: CellPath[] = [];
  collectCounts(report, [], false, threshold, counts);
  const hidden = new Set(counts.map(cellKey));
  const derived = derivedCells(report)
    .filter((cell) => cell.parts.some((part) => hidden.has(cellKey(part))))
    .map((cell) => cell.path);
  return [...counts, ...derived];
}

export interface FovByGenderDisplay {
  answeredByGender: GenderMap<string | number>;
  yesByGender: GenderMap<string | number>;
}

function displayGenderCounts(counts: GenderMap<number>, threshold: number): GenderMap<string | number> {
  const shown: GenderMap<string | number> = { kvinna: 0, man: 0 };
  for (const gender of GENDERS) {
    const count = counts[gender];
    if (count !== undefined) shown[gender] = displayCount(count, threshold);
  }
  return shown;
}

/**
 * FOV by kön for display. Violence answers are the most sensitive data in the app, so these
 * cells are hidden below the threshold even where the förbund has switched suppression off.
 */
export function fovByGenderSafe(report: ReportJson, threshold: number): FovByGenderDisplay {
  return {
    answeredByGender: displayGenderCounts(report.fov.answeredByGender, threshold),
    yesByGender: displayGenderCounts(report.fov.yesByGender, threshold),
  };
}
