// The steps of a sign-in after the password. A user with an authenticator enters a code at
// /logga-in/kod; a user whose role requires one and who has none sets it up at
// /logga-in/tvastegsverifiering. Until then there is no session, only the sealed pending cookie
// (two-factor-pending.server.ts), so nothing else of the app is reachable.
import { redirect } from "react-router";
import { audit } from "~/data/audit.server";
import { secondStepOf, spendSecondFactor, WRONG_CODE } from "~/data/two-factor.server";
import { fieldRefused, formRefused, type WriteFailure } from "~/utils/write-result";
import { clearPendingSignInCookie, pendingSignInCookie } from "./two-factor-pending.server";
import { throttledCheck, waitAndRetry } from "./throttle.server";
import { startSession } from "./session.server";

export const CODE_STEP_PATH = "/logga-in/kod";
export const SETUP_STEP_PATH = "/logga-in/tvastegsverifiering";

interface SigningIn {
  id: string;
  organisationId: string;
}

/**
 * Starts the session and logs the sign-in; the Set-Cookie headers of the answer (the pending
 * sign-in, if any, is ended with it). `detail` says how the second step was passed.
 */
export async function signedInHeaders(request: Request, user: SigningIn, detail: string | null = null): Promise<Headers> {
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(user.id, request.headers.get("User-Agent")));
  if (detail) headers.append("Set-Cookie", clearPendingSignInCookie());
  await audit({ organisationId: user.organisationId, userId: user.id, action: "sign-in", entity: "user", entityId: user.id, detail });
  return headers;
}

/**
 * What follows a right password: the session at once, or the second step when the user has an
 * authenticator or their role requires one. `redirectTo` must already be a safe path.
 */
export async function signInAfterPassword(request: Request, user: SigningIn, redirectTo: string): Promise<Response> {
  const step = await secondStepOf(user.id);
  if (step === "none") return redirect(redirectTo, { headers: await signedInHeaders(request, user) });
  const cookie = await pendingSignInCookie({ userId: user.id, stage: step, redirectTo });
  return redirect(step === "code" ? CODE_STEP_PATH : SETUP_STEP_PATH, { headers: { "Set-Cookie": cookie } });
}

export type CodeCheck = { ok: true; method: "totp" | "recovery" } | { ok: false; failure: WriteFailure; status: 401 | 429 };

export function tooManyCodes(waitMs: number) {
  return formRefused(`För många felaktiga koder. ${waitAndRetry(waitMs)}`);
}

/**
 * Checks a second-factor code through the password throttle (docs/decisions/0008), counted
 * under its own key ("2fa:<user id>"): while the throttle holds, not even a right code is tried.
 */
export async function checkCode(userId: string, code: string, address: string): Promise<CodeCheck> {
  const attempt = await throttledCheck(`2fa:${userId}`, address, () => spendSecondFactor(userId, code));
  if (attempt.outcome === "throttled") return { ok: false, failure: tooManyCodes(attempt.waitMs), status: 429 };
  if (attempt.outcome === "failed") return { ok: false, failure: fieldRefused("code", WRONG_CODE), status: 401 };
  return { ok: true, method: attempt.value };
}

export const SIGN_IN_DETAIL = { totp: "med kod från app", recovery: "med reservkod", setup: "med ny tvåstegsverifiering" } as const;

export const PENDING_EXPIRED = "Tiden för inloggningen har gått ut. Logga in igen med e-post och lösenord.";
