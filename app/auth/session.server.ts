import { randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { createSession, deleteSession, findSessionWithUser, touchSession } from "~/data/sessions.server";
import { userAgentSummary } from "~/domain/user-agent";
import { env, sessionSecret } from "~/env.server";

const COOKIE_NAME = "stegvis_session";
const ABSOLUTE_LIFETIME_SECONDS = 12 * 60 * 60;
// Touching the row at every request would write at every click; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

interface SessionCookie {
  sessionId: string;
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("Cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** A Set-Cookie header for one of our cookies: never readable by scripts, Secure in production. */
export function cookieHeader(name: string, value: string, maxAgeSeconds: number): string {
  const attributes = [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (env().NODE_ENV === "production") attributes.push("Secure");
  return attributes.join("; ");
}

/**
 * Creates a session row and returns the Set-Cookie header that points at it. `userAgent` is the
 * browser's header; only a short summary ("Chrome på Linux") is kept, for the sessions page.
 */
export async function startSession(userId: string, userAgent?: string | null): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await createSession(id, userId, new Date(Date.now() + ABSOLUTE_LIFETIME_SECONDS * 1000), userAgentSummary(userAgent));
  const sealed = await sealData({ sessionId: id } satisfies SessionCookie, {
    password: sessionSecret(),
    ttl: ABSOLUTE_LIFETIME_SECONDS,
  });
  return cookieHeader(COOKIE_NAME, sealed, ABSOLUTE_LIFETIME_SECONDS);
}

export function clearSessionCookie(): string {
  return cookieHeader(COOKIE_NAME, "", 0);
}

async function sessionIdFrom(request: Request): Promise<string | null> {
  const raw = readCookie(request, COOKIE_NAME);
  if (!raw) return null;
  try {
    const data = await unsealData<Partial<SessionCookie>>(raw, { password: sessionSecret(), ttl: ABSOLUTE_LIFETIME_SECONDS });
    return typeof data.sessionId === "string" ? data.sessionId : null;
  } catch {
    return null;
  }
}

/** The live session row of the request, or null when absent, expired, idle too long or its user is inactive. */
export async function findSession(request: Request) {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  const session = await findSessionWithUser(sessionId);
  if (!session) return null;
  const now = Date.now();
  const idleLimit = env().SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt.getTime() < now || now - session.lastSeenAt.getTime() > idleLimit || !session.user.active) {
    await deleteSession(session.id);
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(session.id, new Date(now));
  }
  return session;
}

/** Sessions that were used within the idle limit count as active (the sessions page). */
export function activeSince(now = Date.now()): Date {
  return new Date(now - env().SESSION_IDLE_MINUTES * 60_000);
}

export async function endSession(request: Request): Promise<void> {
  const sessionId = await sessionIdFrom(request);
  if (sessionId) await deleteSession(sessionId);
}
