// The import's public API, shared by the /import page and `npm run import`.
import { createHash } from "node:crypto";
import { parseFiles } from "./parse";
import type { ImportFile, ImportResult } from "./types";
import { emptyCounts } from "./validate";
import { runImport } from "./write.server";

export type { ImportCounts, ImportFile, ImportProblem, ImportResult, MissingReferences, TableCount } from "./types";
export { TABLES, TABLE_NAMES, type TableName } from "./columns";

export interface ImportOptions {
  organisationId: string;
  files: readonly ImportFile[];
  /** Validate and count, write nothing. */
  dryRun: boolean;
  /** Create the insatser, kommuner and remittenter the förbund lacks ("skapa saknade"). */
  createMissing: boolean;
  /** Who imports, for the audit log; null from the command line. */
  userId?: string | null;
}

/**
 * Reads the files, checks every row and, when nothing is wrong and it is not a dry run, writes
 * everything in one transaction. Problems in any file mean nothing at all is written.
 */
export async function importFiles(options: ImportOptions): Promise<ImportResult> {
  const parseStarted = performance.now();
  const parsed = await parseFiles(options.files);
  const parseMs = performance.now() - parseStarted;

  if (parsed.tables.every((table) => table.rows.length === 0) && parsed.problems.length === 0) {
    parsed.problems.push({
      sheet: options.files.map((file) => file.name).join(", "),
      row: null,
      column: null,
      value: "",
      message: "Filerna innehåller inga rader att importera. Förväntat blad eller CSV-filer som heter som tabellerna (deltagare, trappan, …) med en rubrikrad och minst en rad under den.",
    });
  }
  if (parsed.problems.length > 0 && parsed.tables.length === 0) {
    return {
      ok: false, dryRun: options.dryRun, written: false, counts: emptyCounts(), warnings: parsed.warnings,
      problems: parsed.problems, missing: { insatser: [], kommuner: [], remittenter: [] },
      timings: { parseMs, validateMs: 0, writeMs: 0 },
    };
  }

  // Problems of the files' shape do not stop the rows from being checked: the user gets one
  // report with everything. They do stop the writing.
  const result = await runImport({
    organisationId: options.organisationId,
    tables: parsed.tables,
    createMissing: options.createMissing,
    dryRun: options.dryRun || parsed.problems.length > 0,
    userId: options.userId ?? null,
    fileNames: options.files.map((file) => file.name),
  });
  const problems = [...parsed.problems, ...result.problems];
  return {
    ok: problems.length === 0,
    dryRun: options.dryRun,
    written: result.written,
    counts: result.counts,
    warnings: [...parsed.warnings, ...result.warnings],
    problems,
    missing: result.missing,
    timings: { parseMs, validateMs: result.validateMs, writeMs: result.writeMs },
  };
}

/** Identifies a set of files and the "skapa saknade" choice: what a preview showed. */
export function filesFingerprint(files: readonly ImportFile[], createMissing: boolean): string {
  const hash = createHash("sha256").update(createMissing ? "create-missing" : "as-is");
  for (const file of files) hash.update("\0").update(file.name).update("\0").update(file.data);
  return hash.digest("hex");
}
