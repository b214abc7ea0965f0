import type { TableName } from "./columns";

/** A cell as read: text (trimmed, never empty), a number, or a date from an Excel date cell. */
export type RawValue = string | number | Date;

export interface RawRow {
  /** The row number the user sees in Excel (the header is row 1 when it is the first row). */
  rowNumber: number;
  /** Keyed by normalised header; empty cells and unknown columns are left out. */
  values: Record<string, RawValue>;
}

export interface RawTable {
  table: TableName;
  /** Where the rows came from, as the user named it: the sheet name, or the CSV file name. */
  sheet: string;
  /** The known columns that the header row has (normalised). */
  columns: string[];
  rows: RawRow[];
}

/** One thing wrong with the files, in Swedish, pointing at the cell. */
export interface ImportProblem {
  sheet: string;
  /** null when the problem concerns the whole file or sheet. */
  row: number | null;
  column: string | null;
  /** The value found, as text ("" when empty). */
  value: string;
  message: string;
}

export interface ImportFile {
  name: string;
  data: Uint8Array;
}

export interface TableCount {
  /** Data rows in the files. */
  rows: number;
  /** Rows that are (or would be) written. */
  new: number;
  /** Rows that are already in Stegvis and are skipped. */
  existing: number;
}

export interface ImportCounts {
  tables: Record<TableName, TableCount>;
  /** New people (a participant code Stegvis did not have). */
  participants: number;
  consents: number;
  /** New SKAPA assessments (one per enrolment and date). */
  assessments: number;
}

/** Values of insats, kommun and remittent that the förbund does not have. */
export interface MissingReferences {
  insatser: string[];
  kommuner: string[];
  remittenter: string[];
}

export interface ImportResult {
  ok: boolean;
  dryRun: boolean;
  /** True when rows were written (ok and not a dry run). */
  written: boolean;
  counts: ImportCounts;
  warnings: string[];
  problems: ImportProblem[];
  /** Listed whether or not they were created; created only with createMissing. */
  missing: MissingReferences;
  timings: { parseMs: number; validateMs: number; writeMs: number };
}
