import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./helpers";

test("the sign-in page is Swedish and accessible, and a wrong password is refused", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/logga-in\?redirectTo=%2F$/);
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  await expect(page).toHaveTitle("Logga in – Stegvis");
  await expectAccessible(page);
  await page.getByLabel("E-post").fill(DEMO_USERS.koordinator);
  await page.getByLabel("Lösenord").fill("fel-lösenord");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Fel e-post eller lösenord.");
  await expect(page.getByLabel("E-post")).toHaveValue(DEMO_USERS.koordinator);
});

const navigationByRole = {
  koordinator: ["Översikt", "Deltagare", "Remisser"],
  styrgrupp: ["Översikt", "Statistik"],
  forbundschef: ["Översikt", "Deltagare", "Remisser", "Statistik", "Import", "Administration"],
} as const;

for (const [role, items] of Object.entries(navigationByRole)) {
  test(`${role} signs in, sees the navigation of the role and signs out`, async ({ page }) => {
    await signIn(page, DEMO_USERS[role as keyof typeof DEMO_USERS]);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(nav.getByRole("link")).toHaveText([...items]);
    await expect(page.getByText("demodata", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in/);
  });
}

test("a steering user is refused the administration with a Swedish 403 page", async ({ page }) => {
  await signIn(page, DEMO_USERS.styrgrupp);
  const response = await page.goto("/admin/anvandare");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Åtkomst nekad" })).toBeVisible();
  // The page says what to do next, inside the app's own header.
  await expect(page.getByText("be förbundschefen se över din roll")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeVisible();
  await expectAccessible(page);
});

test("an unknown address gives a Swedish 404 page with a way back", async ({ page }) => {
  await signIn(page, DEMO_USERS.koordinator);
  const response = await page.goto("/finns-inte");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Till startsidan" })).toBeVisible();
  await expect(page.getByText("Kontrollera adressen, eller gå vidare från startsidan.")).toBeVisible();
});

test("the skip link moves keyboard focus to the main content", async ({ page }) => {
  await signIn(page, DEMO_USERS.koordinator);
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
