import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A migrated template database, named after the migrations so that a new migration gets a new file. */
export function templateDatabasePath(): string {
  const folder = path.resolve("prisma/migrations");
  const hash = createHash("sha256");
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith(".toml")) continue;
    hash.update(name).update(readFileSync(path.join(folder, name, "migration.sql")));
  }
  return path.join(tmpdir(), `stegvis-template-${hash.digest("hex").slice(0, 12)}.db`);
}
