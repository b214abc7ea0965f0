// `npm run dev`: prepare the database like `npm start`, then run the Vite dev server.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
execFileSync(process.execPath, ["scripts/build.mjs", "--cli"], { stdio: "inherit" });
execFileSync(process.execPath, ["scripts/cli.mjs", "first-start"], { stdio: "inherit" });
execFileSync(process.execPath, ["node_modules/@react-router/dev/bin.js", "dev", "--port", process.env.PORT ?? "3000"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "development" },
});
