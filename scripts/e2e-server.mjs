// Starts the production server for the browser tests on a fresh database in E2E_RUN_DIR.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const runDir = process.env.E2E_RUN_DIR;
if (runDir) {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
}
await import(path.join(import.meta.dirname, "start.mjs"));
