import { data, redirect } from "react-router";
import { participantAccess, type AccessibleParticipant } from "~/data/access.server";
import { referralAccess, type AccessibleReferral } from "~/data/referrals.server";
import { FORBIDDEN_MESSAGE, type WriteFailure, type WriteResult } from "~/utils/write-result";
import { can, isRole, type Actor, type Permission, type Role } from "./permissions";
import { findSession } from "./session.server";

export interface CurrentUser extends Actor {
  organisationId: string;
  name: string;
  email: string;
  sessionId: string;
  /** The request the user acts through: a refused access is logged with it (data/access.server.ts). */
  request?: { method: string; path: string };
}

export function forbidden(message = FORBIDDEN_MESSAGE): never {
  throw data({ message }, { status: 403 });
}

export function notFound(message = "Sidan eller posten finns inte."): never {
  throw data({ message }, { status: 404 });
}

/** A refused access as the error page: 404 for what is not there, 403 for what is not the user's. */
export function throwAccessFailure(failure: WriteFailure): never {
  if (failure.reason === "gone") notFound(failure.formError);
  if (failure.reason === "forbidden") forbidden(failure.formError);
  throw data({ message: failure.formError }, { status: failure.reason === "conflict" ? 409 : 400 });
}

/** The value of an access check, or its error page. */
export function requireAccess<T extends object>(result: WriteResult<T>): T {
  if (!result.ok) throwAccessFailure(result);
  return result;
}

/** The participant of a page, or its 404/403 page. */
export async function requireParticipantAccess(user: CurrentUser, participantId: string): Promise<AccessibleParticipant> {
  return requireAccess(await participantAccess(user, participantId)).participant;
}

/** The refusal of a post from another site, as its page says it. */
export const FOREIGN_POST_MESSAGE = "Formuläret skickades från en annan webbplats och avvisades.";

/** A header value as one harmless log line: no control characters, at most 200 characters. */
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const loggable = (value: string) => value.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?").slice(0, 200);

/**
 * The referral of a page, or its 404/403 page. The referral page's action calls it before any
 * write: a refusal found inside a write's transaction would roll back with it, unlogged.
 */
export async function requireReferralAccess(user: CurrentUser, referralId: string): Promise<AccessibleReferral> {
  return requireAccess(await referralAccess(user, referralId)).referral;
}

/**
 * Why a form post comes from another site, or null when it does not. A browser sends Origin on
 * every cross-site post, so an Origin other than ours (`ownOrigin`: scheme, host and port as the
 * server sees them) means another site is submitting on the user's behalf; Sec-Fetch-Site says
 * so outright. The reason is for the log: the Origin as sent, beside the one we expected.
 */
export function crossSitePostReason(origin: string | null, fetchSite: string | null, ownOrigin: string): string | null {
  if (fetchSite === "cross-site") return `Sec-Fetch-Site cross-site, Origin ${loggable(origin ?? "saknas")}`;
  if (origin === null) return null;
  let sent: string | null = null;
  try {
    sent = new URL(origin).origin;
  } catch {
    /* not a URL, so not ours */
  }
  return sent !== null && sent !== "null" && sent === ownOrigin ? null : `Origin ${loggable(origin)}, väntad ${ownOrigin}`;
}

/** One line in the server's log for each refused cross-site post: no stack trace, no form content. */
export function logRefusedPost(pathname: string, reason: string): void {
  console.info(`Avvisad post från annan webbplats: ${loggable(pathname)} (${reason})`);
}

/**
 * Rejects cross-site form posts (403, the error page) and logs each refusal as one line. The
 * production server refuses them before React Router sees them (scripts/request-guards.mjs);
 * this keeps every action safe without it (the dev server, route tests).
 */
export function requireSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const url = new URL(request.url);
  const reason = crossSitePostReason(request.headers.get("Origin"), request.headers.get("Sec-Fetch-Site"), url.origin);
  if (!reason) return;
  logRefusedPost(url.pathname, reason);
  forbidden(FOREIGN_POST_MESSAGE);
}

/** The signed-in user, or a redirect to the sign-in page. Also checks the origin of posts. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  requireSameOrigin(request);
  const session = await findSession(request);
  if (!session || !isRole(session.user.role)) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/logga-in?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  const { user } = session;
  return {
    id: user.id,
    organisationId: user.organisationId,
    name: user.name,
    email: user.email,
    role: user.role as Role,
    assignments: user.assignments,
    sessionId: session.id,
    request: { method: request.method, path: new URL(request.url).pathname },
  };
}

export async function optionalUser(request: Request): Promise<CurrentUser | null> {
  try {
    return await requireUser(request);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 302) return null;
    throw thrown;
  }
}

export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** Control characters (tab and newline included, which browsers drop from URLs) and backslashes. */
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const UNSAFE_IN_REDIRECT = /[\u0000-\u001f\u007f-\u009f\\]/;
const OWN = "http://stegvis.invalid";

/**
 * A path inside this app to go to after sign-in, normalised; anything else becomes "/". Refused:
 * what is not a path ("https://evil", "javascript:…"), control characters and backslashes, raw or
 * percent-encoded (a browser drops a tab from "/\t/evil.example" and goes to //evil.example),
 * and whatever would name another host once a browser has resolved it ("//evil", "/.//evil").
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return "/";
  }
  if (UNSAFE_IN_REDIRECT.test(value) || UNSAFE_IN_REDIRECT.test(decoded) || decoded.startsWith("//")) return "/";
  const url = new URL(value, OWN);
  const path = url.pathname + url.search + url.hash;
  return url.origin === OWN && !path.startsWith("//") ? path : "/";
}
