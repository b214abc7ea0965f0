// Everything that is specific to SQLite lives here: the connection pragmas and the migrator.
// A PostgreSQL install swaps this module for `prisma migrate deploy` and the pg adapter.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const CONNECTION_PRAGMAS = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

/** Turns a `file:` URL (relative paths are relative to the working directory) into a path. */
export function sqliteFilePath(databaseUrl: string): string {
  const raw = databaseUrl.replace(/^file:/, "");
  return raw === ":memory:" ? raw : path.resolve(raw);
}

export function migrationsFolder(): string {
  return path.resolve(process.env.STEGVIS_MIGRATIONS ?? "prisma/migrations");
}

/**
 * Applies the committed migrations in order, recording them in Prisma's own bookkeeping table
 * so that `prisma migrate status` agrees. Prisma's `migrate deploy` would do the same, but it
 * is a dev tool and costs a second at every start.
 */
export function migrateSqlite(databaseUrl: string, folder = migrationsFolder()): string[] {
  const file = sqliteFilePath(databaseUrl);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const applied = new Set(
      db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const pending = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !applied.has(entry.name))
      .map((entry) => entry.name)
      .sort();
    for (const name of pending) {
      const sql = readFileSync(path.join(folder, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      db.transaction(() => {
        db.exec(sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES (?, ?, current_timestamp, ?, 1)`,
        ).run(randomUUID(), checksum, name);
      })();
    }
    return pending;
  } finally {
    db.close();
  }
}
