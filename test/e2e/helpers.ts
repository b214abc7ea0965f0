import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

export const DEMO_PASSWORD = "stegvis-demo";
export const DEMO_USERS = {
  koordinator: "koordinator@demo.stegvis.se",
  styrgrupp: "styrgrupp@demo.stegvis.se",
  forbundschef: "forbundschef@demo.stegvis.se",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/logga-in");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
}

/** Fails on serious or critical WCAG 2.1 A/AA violations on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `axe på ${page.url()}`,
  ).toEqual([]);
}

/** Collects console errors, so a test can fail when React logs one. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    // A refused sign-in (401) or a denied page (403) is an answer the test expects, not an error
    // of the app; the browser still logs it as a failed resource load.
    if (message.type() === "error" && !/^Failed to load resource: the server responded with a status of (400|401|403|404|409|429)/.test(message.text())) {
      errors.push(message.text());
    }
  });
  page.on("response", (response) => {
    if (response.status() === 404 && !response.request().isNavigationRequest()) errors.push(`404: ${response.url()}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/**
 * Every browser test: fails when the page logs an error (React included) or a script fails,
 * whatever the test itself checks. The server's log is checked at teardown.
 */
export const test = base.extend<{ consoleTrap: void }>({
  consoleTrap: [
    async ({ page }, use) => {
      const errors = collectConsoleErrors(page);
      await use();
      expect(errors, "fel i webbläsarens konsol").toEqual([]);
    },
    { auto: true },
  ],
});
