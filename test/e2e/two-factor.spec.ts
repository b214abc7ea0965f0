import { authenticator } from "otplib";
import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./helpers";

// Two-factor sign-in in the browser, as a person with an authenticator app would do it: the
// test reads the key off the setup page and computes the codes from it, as the app does.

const PASSWORD = "tvåsteg-lösenord-123";

/** The code of the next 30-second step: accepted now (one step of drift is allowed) and never used before. */
const nextCode = (secret: string) => authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
const currentCode = (secret: string) => authenticator.clone({ epoch: Date.now() }).generate(secret);

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
}

/** The förbundschef creates an account for the test, so that the demo's own accounts stay as they are. */
async function createAccount(page: Page, name: string, email: string, role: string) {
  await page.goto("/admin/anvandare/ny");
  await page.getByLabel("Namn").fill(name);
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Roll").selectOption({ label: role });
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page).toHaveURL(/\/admin\/anvandare\?skapad=/);
}

async function passwordStep(page: Page, email: string) {
  await page.goto("/logga-in");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
}

/** Reads the key off the setup page and confirms it with its first code; the recovery codes shown. */
async function confirmKey(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page.getByRole("img", { name: "QR-kod med nyckeln till Stegvis" })).toBeVisible();
  const secret = (await page.getByTestId("totp-key").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessible(page);
  await page.getByLabel("Kod från appen").fill("000000");
  await page.getByRole("button", { name: "Slå på tvåstegsverifiering" }).click();
  await expect(page.getByText("Koden stämmer inte eller har redan använts.", { exact: false })).toBeVisible();
  await page.getByLabel("Kod från appen").fill(currentCode(secret));
  await page.getByRole("button", { name: "Slå på tvåstegsverifiering" }).click();
  const list = page.getByRole("list", { name: "Reservkoder" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  await expectAccessible(page);
  return { secret, recoveryCodes: await list.getByRole("listitem").allTextContents() };
}

test("a user sets up two-factor sign-in, signs in with a code and a recovery code, and ends a session", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_USERS.forbundschef);
  await createAccount(page, "Tove Tvåsteg", "tove.tvasteg@demo.stegvis.se", "Koordinator");
  await signOut(page);

  await passwordStep(page, "tove.tvasteg@demo.stegvis.se");
  await page.getByRole("link", { name: "Mitt konto" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mitt konto" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Tvåstegsverifiering" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sätt upp tvåstegsverifiering" }).click();
  const { secret, recoveryCodes } = await confirmKey(page);
  await page.getByRole("link", { name: "Jag har sparat koderna" }).click();
  await signOut(page);

  // The password alone is no longer enough: the code step comes first, and no page opens before it.
  await passwordStep(page, "tove.tvasteg@demo.stegvis.se");
  await expect(page).toHaveURL(/\/logga-in\/kod$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kod för inloggning" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/deltagare");
  await expect(page).toHaveURL(/\/logga-in\?redirectTo=/);
  await page.goto("/logga-in/kod");
  await page.getByLabel("Kod").fill("111111");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText("Koden stämmer inte eller har redan använts.")).toBeVisible();
  await page.getByLabel("Kod").fill(nextCode(secret));
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();

  // A second browser signs in with a recovery code; the first one sees it and ends it.
  const other = await browser.newPage();
  await passwordStep(other, "tove.tvasteg@demo.stegvis.se");
  await other.getByLabel("Kod").fill(recoveryCodes[0]);
  await other.getByRole("button", { name: "Logga in" }).click();
  await expect(other.getByRole("button", { name: "Logga ut" })).toBeVisible();

  await page.goto("/konto/inloggningar");
  await expect(page.getByRole("heading", { level: 1, name: "Mina inloggningar" })).toBeVisible();
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole("row", { name: /den här/ })).toContainText("Chrome på Linux");
  await expectAccessible(page);
  await page
    .getByRole("row")
    .filter({ hasNotText: "den här" })
    .filter({ has: page.getByRole("button", { name: "Avsluta" }) })
    .getByRole("button")
    .click();
  await expect(page.getByRole("status")).toHaveText("Inloggningen är avslutad.");
  await expect(rows).toHaveCount(2);
  await other.reload();
  await expect(other).toHaveURL(/\/logga-in\?redirectTo=/);
  await other.close();
});

test("a role that requires two-factor sign-in leads through setup at sign-in; the förbundschef resets it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_USERS.forbundschef);
  await createAccount(page, "Sixten Styrgrupp", "sixten.styrgrupp@demo.stegvis.se", "Styrgrupp/beredningsgrupp/styrelse");
  await page.goto("/admin");
  const policy = page.getByRole("group", { name: "Kräv tvåstegsverifiering för" });
  await expect(policy.getByLabel("Förbundschef")).not.toBeChecked();
  await policy.getByLabel("Styrgrupp/beredningsgrupp/styrelse").check();
  await page.getByRole("button", { name: "Spara kraven" }).click();
  await expect(page.getByText("Kraven på tvåstegsverifiering är sparade.")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  try {
    await passwordStep(page, "sixten.styrgrupp@demo.stegvis.se");
    await expect(page).toHaveURL(/\/logga-in\/tvastegsverifiering$/);
    await expect(page.getByText("Din roll kräver tvåstegsverifiering.")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/statistik");
    await expect(page).toHaveURL(/\/logga-in\?redirectTo=/);
    await page.goto("/logga-in/tvastegsverifiering");
    await page.getByRole("button", { name: "Sätt upp tvåstegsverifiering" }).click();
    await confirmKey(page);
    await page.getByRole("link", { name: "Jag har sparat koderna – fortsätt" }).click();
    await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
    await signOut(page);
  } finally {
    // The demo's own styrgrupp account signs in with the password again in the other tests.
    await signIn(page, DEMO_USERS.forbundschef);
    await page.goto("/admin");
    await page.getByRole("group", { name: "Kräv tvåstegsverifiering för" }).getByLabel("Styrgrupp/beredningsgrupp/styrelse").uncheck();
    await page.getByRole("button", { name: "Spara kraven" }).click();
    await expect(page.getByText("Kraven på tvåstegsverifiering är sparade.")).toBeVisible();
  }

  await page.goto("/admin/anvandare");
  await page.getByRole("link", { name: "Sixten Styrgrupp" }).click();
  await expect(page.getByText(/Tvåstegsverifiering: Påslagen sedan/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Återställ tvåstegsverifiering" }).click();
  await expect(page.getByText("Tvåstegsverifieringen är återställd.", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Avsluta alla inloggningar" }).click();
  await expect(page.getByText("Alla användarens inloggningar är avslutade.")).toBeVisible();
  await page.goto("/admin/logg");
  await expect(page.getByText("tvåstegsverifiering återställd av förbundschef")).toBeVisible();
  await signOut(page);

  // Reset and no longer required: the password alone signs in again.
  await passwordStep(page, "sixten.styrgrupp@demo.stegvis.se");
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
});
