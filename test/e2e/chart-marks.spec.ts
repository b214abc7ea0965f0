import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./helpers";

// The demo förbund's half year has small numbers in it; which cells the protection hides depends
// on the demo data, so the test only asks that the hidden ones are marked in the tables and named
// in the charts' descriptions, never which ones.
test("a styrgrupp user sees hidden values marked, not drawn as zero", async ({ page }) => {
  await signIn(page, DEMO_USERS.styrgrupp);
  await page.goto("/statistik");
  await page.getByLabel("Period", { exact: true }).selectOption("jan-jun");
  await page.getByLabel("År", { exact: true }).selectOption(String(new Date().getFullYear() - 1));
  await page.getByRole("button", { name: "Visa statistik" }).click();
  await expect(page).toHaveURL(/period=jan-jun/);

  await expect(page.locator(".chart canvas").first()).toBeVisible();
  const marked = page.locator(".stat-table table").filter({ hasText: "färre än 3" });
  await expect(marked.first()).toBeVisible();
  await expect(marked.first().getByRole("cell", { name: "färre än 3", exact: true }).first()).toBeVisible();
  // A chart with a hidden value says in its description how it is marked.
  await expect(page.getByRole("img", { name: /Värden som inte visas är streckade i diagrammet och märkta ”/ }).first()).toBeVisible();

  await expectAccessible(page);

  // The print page draws the documents' SVG: the hidden values stand there as hatched bars too.
  await page.getByRole("link", { name: "Utskriftsvänlig version" }).click();
  await expect(page).toHaveURL(/\/statistik\/utskrift\?.*period=jan-jun/);
  const hatched = page.locator(".stat-chart-svg svg rect[fill^='url(#']");
  await expect(hatched.first()).toBeVisible();
  await expect(page.locator(".stat-chart-svg svg text", { hasText: "färre än 3" }).first()).toBeAttached();
  await expectAccessible(page);
});

test("a styrgrupp user is told why a narrow kommun view is not shown, and cannot choose own dates", async ({ page }) => {
  await signIn(page, DEMO_USERS.styrgrupp);
  await page.goto("/statistik");
  await expect(page.getByLabel("Period", { exact: true }).locator("option", { hasText: "Anpassad" })).toHaveCount(0);
  await expect(page.getByLabel("Från", { exact: true })).toHaveCount(0);
  // The demo's smallest kommun has fewer than 20 active participants.
  await page.getByLabel("Kommun", { exact: true }).selectOption("Älmhult");
  await page.getByRole("button", { name: "Visa statistik" }).click();
  await expect(page.getByText(/Statistik per kommun visas inte för styrgruppen/)).toBeVisible();
  await expect(page.getByText("Så skyddas små tal")).toHaveCount(0);
  await page.getByLabel("Kommun", { exact: true }).selectOption("");
  await page.getByRole("button", { name: "Visa statistik" }).click();
  await page.getByText("Så skyddas små tal").click();
  await expect(page.getByText(/men inte båda/)).toBeVisible();
  await expectAccessible(page);
});
