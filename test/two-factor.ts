// Helpers of the two-factor tests: set up an authenticator through the account page, as a
// user would, and compute its codes.
import { expect } from "vitest";
import { totpCodeAt } from "~/auth/two-factor-codes";
import * as twoFactorRoute from "~/routes/account/two-factor";
import * as signInRoute from "~/routes/auth/sign-in";
import { callRoute, cookieFrom, getRequest, postRequest, type RouteResult } from "./route";

export const TWO_FACTOR_PATH = "/konto/tvastegsverifiering";

/** The key the setup page shows, without its spaces: what a person types into the app. */
export async function shownKey(cookie: string): Promise<string> {
  const page = await callRoute(twoFactorRoute.loader, getRequest(TWO_FACTOR_PATH, cookie));
  expect(page.data.setup).not.toBeNull();
  return (page.data.setup.manualKey as string).replace(/ /g, "");
}

/** Starts and confirms two-factor sign-in on the account page: the secret, the code that confirmed it and the recovery codes shown. */
export async function setUpTwoFactor(cookie: string): Promise<{ secret: string; firstCode: string; recoveryCodes: string[] }> {
  await callRoute(twoFactorRoute.action, postRequest(TWO_FACTOR_PATH, { intent: "start" }, { cookie }));
  const secret = await shownKey(cookie);
  const firstCode = totpCodeAt(secret, Date.now());
  const confirmed = await callRoute(twoFactorRoute.action, postRequest(TWO_FACTOR_PATH, { intent: "confirm", code: firstCode }, { cookie }));
  expect(confirmed.status).toBe(200);
  return { secret, firstCode, recoveryCodes: String(confirmed.data.detail.recoveryCodes).split(" ") };
}

/** The code of the next 30-second step: valid now (one step of drift is allowed) and not yet used. */
export const nextCode = (secret: string) => totpCodeAt(secret, Date.now() + 30_000);

/** Posts the password step of the sign-in. */
export function signInWithPassword(email: string, password: string, redirectTo = "/deltagare"): Promise<RouteResult> {
  return callRoute(signInRoute.action, postRequest("/logga-in", { email, password, redirectTo }));
}

/** The Set-Cookie headers of an answer, each as the Cookie value a browser would send back. */
export function cookiesOf(result: RouteResult): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const header of result.headers.getSetCookie()) {
    const pair = header.split(";")[0];
    cookies[pair.split("=")[0]] = pair;
  }
  return cookies;
}

export { cookieFrom };
