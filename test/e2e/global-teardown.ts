import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The browser tests fail when the server logged an error or warning nobody expected.
export default function teardown() {
  const runDir = process.env.E2E_RUN_DIR;
  if (!runDir) return;
  const log = path.join(runDir, "server-errors.log");
  if (!existsSync(log)) return;
  const logged = readFileSync(log, "utf8").trim();
  if (logged) throw new Error(`Servern loggade oväntade fel under webbläsartesterna:\n${logged.slice(0, 4000)}`);
}
