// Starts the production server for the browser tests on a fresh database in E2E_RUN_DIR.
// Whatever the server logs as an error or warning is also written to server-errors.log there;
// test/e2e/global-teardown.ts fails the run when that file is not empty.
import { appendFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { format } from "node:util";

const runDir = process.env.E2E_RUN_DIR;
if (runDir) {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const log = path.join(runDir, "server-errors.log");
  for (const level of ["error", "warn"]) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      appendFileSync(log, `console.${level}: ${format(...args)}\n`);
      original(...args);
    };
  }
}
await import(path.join(import.meta.dirname, "start.mjs"));
