import type { Page, Response } from "@playwright/test";
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./helpers";

// The production server's headers on the real pages: a Content-Security-Policy whose nonce is on
// every script React Router writes, and under which no page (charts included) is refused
// anything; no-store on every page and data request; a foreign site's post refused in Swedish.

declare global {
  interface Window {
    cspViolations: string[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
});

/** Refused by the browser: what the listener saw, and the console's "Refused to …" lines. */
function refusals(page: Page): string[] {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

/** The page's document answer has the policy and no-store, every script carries the nonce, and nothing was refused. */
async function expectGuarded(page: Page, response: Response | null, refused: string[]) {
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce, `CSP på ${page.url()}`).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["cache-control"]).toBe("no-store");
  const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((scriptNonce) => scriptNonce === nonce)).toBe(true);
  // Give the charts and late scripts time to run before counting what was refused.
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => window.cspViolations), `CSP-överträdelser på ${page.url()}`).toEqual([]);
  expect(refused).toEqual([]);
}

test("no main page, charts included, is refused anything by the CSP, and every page and data request is no-store", async ({ page }) => {
  const refused = refusals(page);
  await expectGuarded(page, await page.goto("/logga-in"), refused);
  await signIn(page, DEMO_USERS.forbundschef);

  for (const path of ["/", "/deltagare", "/statistik", "/statistik/utskrift", "/import", "/admin", "/admin/anvandare"]) {
    const response = await page.goto(path);
    if (path === "/statistik") await expect(page.locator(".chart canvas").first()).toBeVisible();
    await expectGuarded(page, response, refused);
  }

  // A participant's page draws Trappan (and SKAPA) with chart.js.
  await page.goto("/deltagare");
  const participant = page.locator("table a[href^='/deltagare/']").first();
  const href = await participant.getAttribute("href");
  const response = await page.goto(href!);
  await expect(page.locator("canvas").first()).toBeVisible();
  await expectGuarded(page, response, refused);

  // A client-side navigation fetches the next page's data: no-store as well, and still nothing refused.
  await page.goto("/");
  const [data] = await Promise.all([
    page.waitForResponse((answer) => new URL(answer.url()).pathname === "/statistik.data"),
    page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Statistik" }).click(),
  ]);
  expect(data.headers()["cache-control"]).toBe("no-store");
  await expect(page.locator(".chart canvas").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  expect(refused).toEqual([]);
});

test("the static assets keep their long cache", async ({ page, request }) => {
  await page.goto("/logga-in");
  const script = await page.locator("link[rel=modulepreload]").first().getAttribute("href");
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});

test("a form posted from another site gets the Swedish refusal page, and nothing is signed in", async ({ page, baseURL }) => {
  // The other site's page, with a form that posts to Stegvis as a CSRF attack would.
  await page.route("https://evil.example/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!DOCTYPE html><html lang="en"><title>Evil</title><form method="post" action="${baseURL}/logga-in">
        <input name="email" value="${DEMO_USERS.forbundschef}"><input name="password" value="stegvis-demo"><button>Go</button></form></html>`,
    }),
  );
  await page.goto("https://evil.example/");
  const [response] = await Promise.all([page.waitForResponse(`${baseURL}/logga-in`), page.getByRole("button", { name: "Go" }).click()]);
  expect(response.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Åtkomst nekad" })).toBeVisible();
  await expect(page.getByText("Formuläret skickades från en annan webbplats och avvisades.")).toBeVisible();
  await expect(page).toHaveTitle("Åtkomst nekad – Stegvis");
  await expectAccessible(page);
  expect(response.headers()["set-cookie"]).toBeUndefined();
});

test("a 60 MB sign-in post is refused at once, unread, with a Swedish page", async ({ request }) => {
  const started = Date.now();
  const answer = await request.post("/logga-in", {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: Buffer.alloc(60 * 1024 * 1024, "a"),
  });
  expect(answer.status()).toBe(413);
  expect(await answer.text()).toContain("Formuläret är för stort: högst 1 MB kan skickas på en gång.");
  expect(Date.now() - started).toBeLessThan(10_000);
});
