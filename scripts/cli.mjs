// Runs a command-line tool from its prebuilt bundle (build/cli/NAME.mjs), building it first
// only when it is missing, e.g. right after a clone without `npm install`'s build step.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const [name, ...args] = process.argv.slice(2);
const bundle = path.join(root, "build/cli", `${name}.mjs`);
if (!existsSync(bundle)) {
  const { buildCli } = await import("./build.mjs");
  await buildCli();
}
process.chdir(root);
const tool = await import(pathToFileURL(bundle).href);
const code = await tool.main(args);
process.exitCode = typeof code === "number" ? code : 0;
