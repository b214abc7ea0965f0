import { copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { installConsoleTrap } from "./console-trap";
import { templateDatabasePath } from "./template-db";

// Runs before every test file, before it imports the app: each file gets its own fresh,
// migrated SQLite database, so files never see each other's rows.
const file = path.join(tmpdir(), `stegvis-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
copyFileSync(templateDatabasePath(), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET = "test-secret-that-is-at-least-32-characters-long";

afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});

installConsoleTrap();
