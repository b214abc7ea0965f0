import { type Locator, type Page } from "@playwright/test";
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./helpers";

// The förbundschef moves a spreadsheet into Stegvis as a new user would: downloads the template,
// uploads a semicolon CSV (as Swedish Excel saves it), reads the preview, and imports. The upload
// goes with XMLHttpRequest to /import/skicka so that the page can show a real progress bar.

const CSV = [
  "deltagare;insats;kommun;kon;aldersgrupp;remittent;samtycke;inskriven",
  "E2E-IMP-1;SamSteg;Ljungby;K;30-39;Försäkringskassan;2026-03-02;2026-03-04",
  "E2E-IMP-2;SamSteg;Ljungby;K;30-39;Försäkringskassan;2026-03-09;2026-03-11",
].join("\r\n");

/** The cells of a row of the "Rader per tabell" table, after its row header, without spaces ("3000"). */
async function countsOf(table: Locator, name: string): Promise<string[]> {
  const rowHeader = table.page().getByRole("rowheader", { name, exact: true });
  const cells = await table.getByRole("row").filter({ has: rowHeader }).getByRole("cell").allInnerTexts();
  return cells.map((text) => text.replace(/\s/g, ""));
}

interface Seen {
  progress: string[];
  status: string[];
}

/** Records every value the progress bar takes ("value/max") and every status text, as shown. */
async function record(page: Page) {
  await page.evaluate(() => {
    const seen = { progress: [] as string[], status: [] as string[] };
    (window as unknown as { __importSeen: typeof seen }).__importSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector(".import-progress:not([hidden]) progress");
      if (bar) {
        const value = `${bar.getAttribute("value")}/${bar.getAttribute("max")}`;
        if (seen.progress.at(-1) !== value) seen.progress.push(value);
      }
      const status = document.querySelector(".import-status")?.textContent ?? "";
      if (status && seen.status.at(-1) !== status) seen.status.push(status);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __importSeen: Seen }).__importSeen);

/** Sends requests from the page at about `bytesPerSecond` up (-1: as fast as it goes). */
async function throttleUpload(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: bytesPerSecond > 0 ? 100 : 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

test("a förbundschef downloads the template, previews a CSV with a progress bar and imports it", async ({ page }) => {
  await signIn(page, DEMO_USERS.forbundschef);
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1, name: "Importera från Excel eller CSV" })).toBeVisible();
  await expect(page).toHaveTitle("Import – Stegvis");
  await expectAccessible(page);

  // 1. The template.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Ladda ner importmallen (.xlsx)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(await download.failure()).toBeNull();

  await record(page);
  // 2. Upload and preview.
  await page.getByLabel(/^Filer\b/).setInputFiles({ name: "deltagare.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
  const sent = page.waitForRequest((request) => request.url().endsWith("/import/skicka") && request.method() === "POST");
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  expect((await sent).headers()["content-type"]).toMatch(/^multipart\/form-data/);

  const previewHeading = page.getByRole("heading", { level: 2, name: "3. Förhandsgranskning" });
  await expect(previewHeading).toBeFocused();
  await expect(page.getByText("Inga fel hittades. 2 rader kan importeras; ingenting har sparats ännu.")).toBeVisible();
  const previewTable = page.getByRole("table", { name: "Rader per tabell" });
  await expect(previewTable.getByRole("columnheader", { name: "Nya" })).toBeVisible();
  expect(await countsOf(previewTable, "deltagare")).toEqual(["2", "2", "0"]);
  await expect(page.locator(".import-progress")).toBeHidden();

  // Determinate while the bytes go up (value and max: the size of the form), then the server's
  // indeterminate step. (So small a file goes up in one piece; the next test sees the steps.)
  const seen = await recorded(page);
  expect(seen.progress, seen.progress.join(", ")).toContainEqual(expect.stringMatching(/^\d+\/\d{3,}$/));
  expect(seen.status[0], seen.status.join(" | ")).toMatch(/^Laddar upp … \d+\u00a0%$/);
  await expectAccessible(page);

  // 3. Import what was previewed.
  await page.getByRole("button", { name: "Importera", exact: true }).click();
  const resultHeading = page.getByRole("heading", { level: 2, name: "3. Resultat" });
  await expect(resultHeading).toBeFocused();
  await expect(page.getByText("Importen är klar: 2 rader importerades.")).toBeVisible();
  const resultTable = page.getByRole("table", { name: "Rader per tabell" });
  await expect(resultTable.getByRole("columnheader", { name: "Importerade" })).toBeVisible();
  expect(await countsOf(resultTable, "deltagare")).toEqual(["2", "2", "0"]);
  await expect(page.getByRole("button", { name: "Importera", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // The imported participants are there, and the import is in the audit log.
  await page.getByRole("link", { name: "Gå till deltagarna" }).click();
  await expect(page).toHaveURL(/\/deltagare$/);
  await page.goto("/deltagare?q=E2E-IMP");
  await expect(page.getByRole("link", { name: "E2E-IMP-1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "E2E-IMP-2" })).toBeVisible();
  await page.goto("/admin/logg");
  await expect(page.getByText(/deltagare: 2 nya, 0 fanns redan/).first()).toBeVisible();
});

test("a larger file shows how far the upload has come, step by step", async ({ page }) => {
  await signIn(page, DEMO_USERS.forbundschef);
  await page.goto("/import");
  // 3,000 participants (about 240 kB) over a connection of 64 kB/s up: a few seconds of upload.
  const rows = Array.from({ length: 3000 }, (_, index) => `E2E-STOR-${index + 1};SamSteg;Ljungby;M;30-39;Försäkringskassan;2026-02-02;2026-02-03`);
  const csv = [CSV.split("\r\n")[0], ...rows].join("\r\n");
  await page.getByLabel(/^Filer\b/).setInputFiles({ name: "deltagare.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await record(page);
  await throttleUpload(page, 64 * 1024);
  await page.getByRole("button", { name: "Förhandsgranska" }).click();

  const bar = page.getByRole("progressbar", { name: "Uppladdning av filerna" });
  await expect(bar).toBeVisible();
  await expect(page.getByRole("button", { name: "Förhandsgranska" })).toBeDisabled();
  await expect(page.getByRole("status").filter({ hasText: /^Laddar upp … [1-9]\d?\u00a0%$/ })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("heading", { level: 2, name: "3. Förhandsgranskning" })).toBeFocused({ timeout: 30_000 });
  expect(await countsOf(page.getByRole("table", { name: "Rader per tabell" }), "deltagare")).toEqual(["3000", "3000", "0"]);

  const seen = await recorded(page);
  const values = seen.progress.filter((value) => value !== "null/null").map((value) => value.split("/").map(Number));
  const total = values[0][1];
  expect(total).toBeGreaterThan(200_000);
  // Rises from 0 through values in between, never falls.
  expect(
    values.some(([loaded]) => loaded > 0 && loaded < total),
    seen.progress.join(", "),
  ).toBe(true);
  expect(values.map(([loaded]) => loaded)).toEqual(values.map(([loaded]) => loaded).sort((a, b) => a - b));
  expect(
    seen.status.some((text) => /^Laddar upp … [1-9]\d?\u00a0%$/.test(text)),
    seen.status.join(" | "),
  ).toBe(true);
  expect(seen.status.at(-1)).toBe("Kontrollerar filen …");
});

test("without JavaScript the same form posts to /import and shows the preview", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.forbundschef);
  await page.goto("/import");
  await page.getByLabel(/^Filer\b/).setInputFiles({
    name: "deltagare.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(CSV.replaceAll("E2E-IMP-", "E2E-NOJS-"), "utf8"),
  });
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(page).toHaveURL(/\/import$/);
  await expect(page.getByRole("heading", { level: 2, name: "3. Förhandsgranskning" })).toBeVisible();
  expect(await countsOf(page.getByRole("table", { name: "Rader per tabell" }), "deltagare")).toEqual(["2", "2", "0"]);
  await context.close();
});
