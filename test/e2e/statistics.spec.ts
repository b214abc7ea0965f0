import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./helpers";

// What a participant's identity could look like on a page: a demo code, or a demo surname
// (every demo surname starts with "Demo", see prisma/seed/generate.ts).
const IDENTITY = /DEMO-|Demo(?:sson|berg|ström|lund|qvist|gren|dahl|holm|sjö|vik)\b/;

test("a styrgrupp user reads the charts and tables, picks jan–aug of last year, and sees no individual", async ({ page }) => {
  await signIn(page, DEMO_USERS.styrgrupp);
  await page.goto("/statistik");
  await expect(page.getByRole("heading", { level: 1, name: "Statistik" })).toBeVisible();
  await expect(page).toHaveTitle("Statistik – Stegvis");

  // Every section: a heading, a summary sentence, a chart (canvas) and its table.
  const sections = page.locator(".stat-section");
  expect(await sections.count()).toBeGreaterThanOrEqual(14);
  await expect(page.getByRole("heading", { level: 2, name: "Stegförflyttning per kön" })).toBeVisible();
  await expect(page.locator(".stat-summary").first()).toHaveText(/^Totalt har \d+ deltagare haft stöd under perioden, varav /);
  await expect(page.locator(".chart canvas").first()).toBeVisible();
  expect(await page.locator(".chart canvas").count()).toBeGreaterThanOrEqual(14);
  await expect(page.getByRole("img", { name: /^Diagram: Stegförflyttning per kön\./ })).toBeVisible();
  const genderTable = page.getByRole("table", { name: /^Positiv stegförflyttning i Trappan per kön/ });
  await expect(genderTable.getByRole("columnheader")).toHaveCount(5);
  for (const name of ["Kön", "Mätta deltagare", "Steg uppåt", "Andel", "Andel, föregående period"]) {
    await expect(genderTable.getByRole("columnheader", { name, exact: true })).toBeVisible();
  }
  await expect(genderTable.getByRole("rowheader", { name: "Totalt" })).toBeVisible();
  await expect(page.getByText("Små tal döljs alltid i styrgruppens vy.")).toBeVisible();

  // The period picker is an ordinary form: the view ends up in the URL.
  const lastYear = String(new Date().getFullYear() - 1);
  await page.getByLabel("Period", { exact: true }).selectOption("jan-aug");
  await page.getByLabel("År", { exact: true }).selectOption(lastYear);
  await page.getByRole("button", { name: "Visa statistik" }).click();
  await expect(page).toHaveURL(new RegExp(`period=jan-aug&ar=${lastYear}`));
  await expect(page.locator(".stat-meta")).toContainText(`Period: Jan–aug ${lastYear} (1 januari ${lastYear} – 31 augusti ${lastYear})`);
  await expect(page.locator(".stat-meta")).toContainText(`Jämförelse: jan–aug ${Number(lastYear) - 1}`);
  await expect(page.getByLabel("Period", { exact: true })).toHaveValue("jan-aug");

  // Sorting is a keyboard-operable button that announces its order; counts sort largest first.
  const sortButton = genderTable.getByRole("button", { name: "Mätta deltagare" });
  const header = genderTable.getByRole("columnheader", { name: "Mätta deltagare" });
  await expect(header).not.toHaveAttribute("aria-sort");
  await sortButton.focus();
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  // The total stays under the rows whatever the order.
  await expect(genderTable.locator("tfoot").getByRole("rowheader")).toHaveText("Totalt");

  await expectAccessible(page);

  const html = await page.content();
  expect(html).not.toMatch(IDENTITY);
  const search = new URL(page.url()).search;
  const loaderData = await page.request.get(`/statistik.data${search}`);
  expect(loaderData.status()).toBe(200);
  const body = await loaderData.text();
  expect(body).toContain("Stegförflyttning per kön");
  expect(body).not.toMatch(IDENTITY);
});

test("the report downloads as a Word file with a progress message, and prints as a clean page", async ({ page }) => {
  await signIn(page, DEMO_USERS.styrgrupp);
  await page.goto("/statistik?period=jan-aug&ar=2025");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Word (DOCX)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("stegvis-statistik-2025-01-01--2025-08-31.docx");
  await expect(page.getByRole("status").filter({ hasText: "Klart:" })).toHaveText("Klart: stegvis-statistik-2025-01-01--2025-08-31.docx har laddats ner.");

  await page.getByRole("link", { name: "Utskriftsvänlig version" }).click();
  await expect(page).toHaveURL(/\/statistik\/utskrift\?period=jan-aug&ar=2025/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Statistik jan–aug 2025 – /);
  await expect(page.getByRole("button", { name: "Skriv ut" })).toBeVisible();
  await expect(page.locator(".stat-chart-svg svg").first()).toBeVisible();
  await expectAccessible(page);
  expect(await page.content()).not.toMatch(IDENTITY);
});
