// Builds the web app (React Router + Vite) and the command-line tools (esbuild), so that no
// command compiles TypeScript when it starts.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const only = process.argv[2];

export async function buildCli() {
  const entries = readdirSync(path.join(root, "scripts/cli"))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => path.join(root, "scripts/cli", file));
  await build({
    entryPoints: entries,
    outdir: path.join(root, "build/cli"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Split so that the JSON report path does not load exceljs, docx and resvg at start-up.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    sourcemap: true,
    logLevel: "warning",
    // Bundled CommonJS dependencies expect require(); give them one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

function buildWeb() {
  execFileSync(process.execPath, [path.join(root, "node_modules/@react-router/dev/bin.js"), "build"], { cwd: root, stdio: "inherit" });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (only !== "--cli") buildWeb();
  if (only !== "--web") await buildCli();
}
