// The import's public, pure API: the table definitions, the result types and the fingerprint of
// a preview. Running an import (it reads and writes the database) is `importFiles` in
// app/data/import-write.server.ts, shared by the /import page and `npm run import`.
import { createHash } from "node:crypto";
import type { ImportFile } from "./types";

export type { ImportCounts, ImportFile, ImportProblem, ImportResult, MissingReferences, TableCount } from "./types";
export { TABLES, TABLE_NAMES, type TableName } from "./columns";

/** Identifies a set of files and the "skapa saknade" choice: what a preview showed. */
export function filesFingerprint(files: readonly ImportFile[], createMissing: boolean): string {
  const hash = createHash("sha256").update(createMissing ? "create-missing" : "as-is");
  for (const file of files) hash.update("\0").update(file.name).update("\0").update(file.data);
  return hash.digest("hex");
}
