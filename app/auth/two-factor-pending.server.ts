// Between a right password and the second step there is no session: only this sealed,
// five-minute cookie (iron-session, the session secret) naming the user and what is left to do.
// Its contents cannot be read or changed by the browser.
import { sealData, unsealData } from "iron-session";
import { sessionSecret } from "~/env.server";
import { cookieHeader, readCookie } from "./session.server";

const COOKIE_NAME = "stegvis_2fa";
export const PENDING_SIGN_IN_SECONDS = 5 * 60;

export interface PendingSignIn {
  userId: string;
  /** "code": enter a code of an authenticator set up before; "setup": set one up now (the role requires it). */
  stage: "code" | "setup";
  /** Where to go when signed in (already checked to be a path of this app). */
  redirectTo: string;
  expiresAt: number;
}

export async function pendingSignInCookie(pending: Omit<PendingSignIn, "expiresAt">, now = Date.now()): Promise<string> {
  const value: PendingSignIn = { ...pending, expiresAt: now + PENDING_SIGN_IN_SECONDS * 1000 };
  const sealed = await sealData(value, { password: sessionSecret(), ttl: PENDING_SIGN_IN_SECONDS });
  return cookieHeader(COOKIE_NAME, sealed, PENDING_SIGN_IN_SECONDS);
}

export function clearPendingSignInCookie(): string {
  return cookieHeader(COOKIE_NAME, "", 0);
}

/** The pending sign-in of the request, or null when there is none or it has expired. */
export async function readPendingSignIn(request: Request, now = Date.now()): Promise<PendingSignIn | null> {
  const raw = readCookie(request, COOKIE_NAME);
  if (!raw) return null;
  try {
    const data = await unsealData<Partial<PendingSignIn>>(raw, { password: sessionSecret(), ttl: PENDING_SIGN_IN_SECONDS });
    const { userId, stage, redirectTo, expiresAt } = data;
    if (typeof userId !== "string" || (stage !== "code" && stage !== "setup") || typeof redirectTo !== "string") return null;
    if (typeof expiresAt !== "number" || expiresAt < now) return null;
    return { userId, stage, redirectTo, expiresAt };
  } catch {
    return null;
  }
}
