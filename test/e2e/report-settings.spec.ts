import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./helpers";

// The förbundschef's settings behind the report: outcome groups and goals. Each is edited with the
// keyboard-usable form it shows, answers a bad value in Swedish and is checked with axe.

test("the outcome groups page is accessible and lists the default groups", async ({ page }) => {
  await signIn(page, DEMO_USERS.forbundschef);
  await page.goto("/admin/utfallsgrupper");
  await expect(page.getByRole("heading", { level: 1, name: "Utfallsgrupper" })).toBeVisible();
  await expect(page.getByText("Arbete eller studier").first()).toBeVisible();
  await expectAccessible(page);
});

test("the förbundschef sets a goal on an outcome group's share, sees a Swedish message for a bad one, and finds it on the statistics page", async ({
  page,
}) => {
  await signIn(page, DEMO_USERS.forbundschef);
  await page.goto("/admin/mal");
  await expect(page.getByRole("heading", { level: 1, name: "Mål för hela förbundet" })).toBeVisible();
  await expectAccessible(page);
  const field = page.getByLabel("Avslutade: Arbete eller studier (%)");
  await field.fill("150");
  await page.getByRole("button", { name: "Spara målvärden" }).click();
  await expect(page.getByText("Avslutade: Arbete eller studier kan inte vara mer än 100 %.")).toBeVisible();
  await expect(page.getByLabel("Avslutade: Arbete eller studier (%)")).toHaveValue("150");
  await expectAccessible(page);
  await page.getByLabel("Avslutade: Arbete eller studier (%)").fill("40");
  await page.getByRole("button", { name: "Spara målvärden" }).click();
  await expect(page.getByText("Målvärdena för alla år är sparade.")).toBeVisible();
  await expect(page.getByRole("table").getByRole("rowheader", { name: "Avslutade: Arbete eller studier" })).toBeVisible();
  await page.goto("/statistik?period=helar");
  await expect(page.getByRole("region", { name: "Måluppfyllelse" }).getByRole("rowheader", { name: "Avslutade: Arbete eller studier" })).toBeVisible();
  // The later browser tests read the demo report as seeded: an empty field removes the goal.
  await page.goto("/admin/mal");
  await page.getByLabel("Avslutade: Arbete eller studier (%)").fill("");
  await page.getByRole("button", { name: "Spara målvärden" }).click();
  await expect(page.getByText("Målvärdena för alla år är sparade.")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Avslutade: Arbete eller studier" })).toHaveCount(0);
});
