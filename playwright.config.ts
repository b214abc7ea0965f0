import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Browser tests run against the production build on their own port with their own fresh
// database (demo data included), never the development one.
const port = Number(process.env.E2E_PORT ?? 3100);
const runDir = process.env.E2E_RUN_DIR ?? path.join(tmpdir(), `stegvis-e2e-${process.pid}`);
process.env.E2E_RUN_DIR = runDir;

export default defineConfig({
  testDir: "test/e2e",
  globalTeardown: "./test/e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${port}/logga-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: `file:${path.join(runDir, "e2e.db")}`,
      SESSION_SECRET_FILE: path.join(runDir, "session-secret"),
      STEGVIS_DEMO: "1",
      NODE_ENV: "production",
    },
  },
});
