import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./helpers";

test("a failed sign-in shows in the förbundschef's audit log, in Swedish, without the password", async ({ page }) => {
  await page.goto("/logga-in");
  await page.getByLabel("E-post").fill(DEMO_USERS.koordinator);
  await page.getByLabel("Lösenord").fill("ett-hemligt-fel-lösen");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Fel e-post eller lösenord.");

  await signIn(page, DEMO_USERS.forbundschef);
  await page.goto("/admin/logg");
  await page.getByLabel("Händelse").selectOption({ label: "Misslyckad inloggning" });
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page).toHaveURL(/action=sign-in-failure/);
  const row = page
    .getByRole("row")
    .filter({ hasText: `e-post: ${DEMO_USERS.koordinator}, adress: ` })
    .first();
  await expect(row.getByRole("cell").nth(2)).toHaveText("Misslyckad inloggning");
  await expect(page.getByRole("table")).not.toContainText("ett-hemligt-fel-lösen");
  await expect(page.getByLabel("Händelse").getByRole("option", { name: "Nekad åtkomst" })).toHaveCount(1);
  await expectAccessible(page);
});
