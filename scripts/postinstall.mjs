// After `npm install`: generate the Prisma client (its own install script is denied because
// it tries to download engines) and build the app, so `npm start` starts at once.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");
if (!existsSync(prismaCli)) {
  console.log("postinstall: prisma saknas (produktionsinstallation?), hoppar över generate och build.");
  process.exit(0);
}
execFileSync(process.execPath, [prismaCli, "generate"], { cwd: root, stdio: "inherit" });
if (process.env.STEGVIS_SKIP_BUILD !== "1") {
  execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });
}
