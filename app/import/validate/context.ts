// The state one validation shares across its table groups: the förbund's lists as lookups, the
// plan being built, the counts, and the problems and warnings reported so far. Each table group
// (deltagare.ts, events.ts, skapa.ts, intake.ts) reads rows through it.
import { TABLE_NAMES, type TableName } from "../columns";
import type { ImportCounts, ImportProblem, MissingReferences, RawTable } from "../types";
import { lookupOf, RowReader, Warnings, type Lookup, type ProblemReport } from "../rows";
import type { ExistingData, ImportPlan, InsatsItem, NamedItem, ReferenceLists, ValidateOptions, ValidationResult } from "./types";

type GrowingLookup<T> = Lookup<T> & { add(item: T): void };

/** One enrolment of a participant code, from the files or already in Stegvis. */
export interface Period {
  enrolmentId: string;
  insatsId: string | null;
  enrolledDate: string;
  closedDate: string | null;
  /** Where it came from: a file row, or null for one already in Stegvis. */
  row: { sheet: string; row: number } | null;
  existing: boolean;
}

/** Rows already seen, by key, for finding duplicates. */
export type Seen = Map<string, { sheet: string; row: number }>;

export interface ValidationContext {
  readonly tables: readonly RawTable[];
  readonly reference: ReferenceLists;
  readonly existing: ExistingData;
  readonly options: ValidateOptions;
  readonly report: ProblemReport;
  readonly problems: ImportProblem[];
  readonly warnings: Warnings;
  readonly plan: ImportPlan;
  readonly counts: ImportCounts;
  readonly missing: MissingReferences;

  readonly insatser: GrowingLookup<InsatsItem>;
  readonly kommuner: GrowingLookup<NamedItem>;
  readonly referrers: GrowingLookup<NamedItem>;
  readonly ageGroups: Lookup<NamedItem>;
  readonly closureReasons: Lookup<NamedItem>;
  readonly supportTypes: Lookup<NamedItem & { raisesActivityLevel: boolean }>;
  readonly activityTypes: Lookup<NamedItem>;
  readonly incomeSources: Lookup<NamedItem>;
  readonly insatsById: Map<string, InsatsItem>;

  /** Participant code → id, for codes already in Stegvis and codes the file adds. */
  readonly participantIds: Map<string, string>;
  readonly periodsByCode: Map<string, Period[]>;
  /**
   * Codes with a deltagare row whose period is unknown (a bad date, a duplicate, an overlap):
   * their events cannot be placed, and are not blamed a second time for it.
   */
  readonly codesWithUnknownPeriods: Set<string>;
}

function emptyPlan(): ImportPlan {
  return {
    create: { insatser: [], kommuner: [], referrers: [] },
    participants: [],
    consents: [],
    enrolments: [],
    placements: [],
    skapaOffers: [],
    assessments: [],
    scores: [],
    scoreUpdates: [],
    fovScreenings: [],
    support: [],
    activities: [],
    referrals: [],
    studyVisits: [],
    incomeChanges: [],
  };
}

export function emptyCounts(): ImportCounts {
  const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, { rows: 0, new: 0, existing: 0 }])) as ImportCounts["tables"];
  return { tables, participants: 0, consents: 0, assessments: 0 };
}

export function createContext(tables: readonly RawTable[], reference: ReferenceLists, existing: ExistingData, options: ValidateOptions): ValidationContext {
  const problems: ImportProblem[] = [];
  const counts = emptyCounts();
  for (const table of tables) counts.tables[table.table].rows += table.rows.length;
  return {
    tables,
    reference,
    existing,
    options,
    report: (sheet, row, column, value, message) => {
      problems.push({ sheet, row, column, value, message });
    },
    problems,
    warnings: new Warnings(),
    plan: emptyPlan(),
    counts,
    missing: { insatser: [], kommuner: [], remittenter: [] },
    insatser: lookupOf(reference.insatser),
    kommuner: lookupOf(reference.kommuner),
    referrers: lookupOf(reference.referrers),
    ageGroups: lookupOf(reference.ageGroups),
    closureReasons: lookupOf(reference.closureReasons),
    supportTypes: lookupOf(reference.supportTypes),
    activityTypes: lookupOf(reference.activityTypes),
    incomeSources: lookupOf(reference.incomeSources),
    insatsById: new Map(reference.insatser.map((insats) => [insats.id, insats])),
    participantIds: new Map(),
    periodsByCode: new Map(),
    codesWithUnknownPeriods: new Set(),
  };
}

/** The result, with the problems in the order of the files: sheet by sheet, row by row. */
export function finish(ctx: ValidationContext): ValidationResult {
  ctx.counts.participants = ctx.plan.participants.length;
  ctx.counts.consents = ctx.plan.consents.length;
  const sheetOrder = new Map(ctx.tables.map((table, index) => [table.sheet, index]));
  const rowOrder = (problem: ImportProblem) => problem.row ?? 0;
  ctx.problems.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || rowOrder(a) - rowOrder(b));
  return { plan: ctx.plan, problems: ctx.problems, warnings: ctx.warnings.list(), missing: ctx.missing, counts: ctx.counts };
}

export function tablesNamed(ctx: ValidationContext, name: TableName): RawTable[] {
  return ctx.tables.filter((table) => table.table === name);
}

/** Every row of the tables of one name, each with its own reader. */
export function* rowsOf(ctx: ValidationContext, name: TableName): Generator<RowReader> {
  for (const table of tablesNamed(ctx, name)) for (const row of table.rows) yield new RowReader(ctx.report, table, row);
}

export function periodsOf(ctx: ValidationContext, code: string): Period[] {
  let periods = ctx.periodsByCode.get(code);
  if (!periods) ctx.periodsByCode.set(code, (periods = []));
  return periods;
}

/**
 * Shared tail of every event row: a duplicate within the files is a problem; a row already in
 * Stegvis is skipped; otherwise it is planned.
 */
export function keep(
  ctx: ValidationContext,
  r: RowReader,
  table: TableName,
  row: { key: string; seen: Seen; stored: boolean; what: string },
  add: () => void,
): void {
  const first = row.seen.get(row.key);
  if (first !== undefined) {
    r.fail(null, `Raden är en dubblett av ${rowReference(first, r.table.sheet)} (samma deltagare, datum och ${row.what}). Ta bort den ena.`);
    return;
  }
  row.seen.set(row.key, { sheet: r.table.sheet, row: r.row.rowNumber });
  if (!r.ok) return;
  if (row.stored) {
    ctx.counts.tables[table].existing += 1;
    return;
  }
  ctx.counts.tables[table].new += 1;
  add();
}

/** "rad 5", or "rad 5 i trappan.csv" when the row is in another sheet or file than the one reported. */
export function rowReference(at: { sheet: string; row: number }, currentSheet: string): string {
  return at.sheet === currentSheet ? `rad ${at.row}` : `rad ${at.row} i ${at.sheet}`;
}

export function describePeriod(period: { enrolledDate: string; closedDate: string | null }): string {
  return `inskriven ${period.enrolledDate}, ${period.closedDate ? `avslutad ${period.closedDate}` : "pågår"}`;
}
