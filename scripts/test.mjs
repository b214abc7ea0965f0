// `npm test`: every test — type check, unit and integration tests (vitest, real temporary
// SQLite databases), then browser tests (Playwright driving Debian's Chromium against the
// production build). Installs what the tests need from Debian first when it is missing:
// Chromium for the browser tests, LibreOffice and Carlito (as wide as Calibri) for the test that
// counts the Word document's pages.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const e2eOnly = process.argv.includes("--e2e-only");
const skipE2e = process.argv.includes("--no-e2e") || process.env.STEGVIS_SKIP_E2E === "1";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const reports = mkdtempSync(path.join(tmpdir(), "stegvis-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) failedSteps.push(label);
  return result.status === 0;
}

const hasLibreOffice = () => spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;

/** The Debian packages the steps to run need, installed in one apt-get call when any is missing. */
function ensureSystemPackages() {
  const missing = [
    ...(!skipE2e && !existsSync(chromium) ? ["chromium"] : []),
    ...(!e2eOnly && !hasLibreOffice() ? ["libreoffice-writer-nogui", "fonts-crosextra-carlito"] : []),
  ];
  if (missing.length === 0) return;
  console.log(`Installerar Debians paket ${missing.join(", ")} (behövs för webbläsartesterna och Word-dokumentets sidantal) …`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args) =>
    spawnSync(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), ...args], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", ...missing, "fonts-dejavu-core"]);
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += stats.expected ?? 0;
  totals.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  totals.skipped += stats.skipped ?? 0;
}

const node = process.execPath;
ensureSystemPackages();
if (!e2eOnly) {
  // Lint first: a boundary crossed (the database client outside app/data, say) fails fast.
  if (run("Lint (ESLint)", node, ["node_modules/eslint/bin/eslint.js", "."])) {
    run("Formatering (Prettier)", node, ["node_modules/prettier/bin/prettier.cjs", "--check", "."]);
  }
  if (run("Typkontroll (react-router typegen && tsc)", node, ["node_modules/@react-router/dev/bin.js", "typegen"])) {
    run("Typkontroll: tsc", node, ["node_modules/typescript/bin/tsc"]);
  }
  const vitestReport = path.join(reports, "vitest.json");
  run("Enhets- och integrationstester (vitest)", node, [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${vitestReport}`,
  ]);
  countVitest(vitestReport);
}
if (!skipE2e) {
  if (!existsSync(chromium)) {
    console.error("Kunde inte installera Chromium; webbläsartesterna kan inte köras.");
    failedSteps.push("Chromium");
  } else if (run("Bygger produktionsversionen", node, ["scripts/build.mjs"])) {
    const playwrightReport = path.join(reports, "playwright.json");
    run("Webbläsartester (Playwright + Chromium)", node, ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
    });
    countPlaywright(playwrightReport);
  }
}

if (failedSteps.length) console.log(`\nMisslyckade steg: ${failedSteps.join(", ")}`);
if (failedSteps.length && totals.failed === 0) totals.failed = failedSteps.length;
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
