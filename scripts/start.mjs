// `npm start`: build if needed, create/migrate the database, fill a fresh one with demo data
// (unless STEGVIS_DEMO=0), print the demo logins and serve on http://localhost:3000.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
process.env.NODE_ENV ??= "production";

if (!existsSync("build/server/index.js") || !existsSync("build/cli/first-start.mjs")) {
  console.log("Bygger appen (första start) …");
  if (!existsSync("app/generated/prisma/client.ts")) {
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit" });
  }
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}

const firstStart = await import(pathToFileURL(path.resolve("build/cli/first-start.mjs")).href);
await firstStart.main([]);

const { startServer } = await import("./server.mjs");
const port = Number(process.env.PORT ?? 3000);
await startServer({ port, root });
console.log(`Stegvis körs på http://localhost:${port}`);
