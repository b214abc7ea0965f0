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

/**
 * The referral of a page, or its 404/403 page. The referral page's action calls it before any
 * write: a refusal found inside a write's transaction would roll back with it, unlogged.
 */
export async function requireReferralAccess(user: CurrentUser, referralId: string): Promise<AccessibleReferral> {
  return requireAccess(await referralAccess(user, referralId)).referral;
}

/**
 * Rejects cross-site form posts: a browser always sends Origin on a cross-site POST, so a
 * mismatch with our own host means another site is submitting on the user's behalf.
 */
export function requireSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("Origin");
  const fetchSite = request.headers.get("Sec-Fetch-Site");
  if (fetchSite === "cross-site") forbidden("Formuläret skickades från en annan webbplats och avvisades.");
  if (!origin) return;
  const host = request.headers.get("X-Forwarded-Host") ?? request.headers.get("Host") ?? new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    forbidden("Formuläret skickades från en annan webbplats och avvisades.");
  }
  if (originHost !== host) forbidden("Formuläret skickades från en annan webbplats och avvisades.");
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

/** A path inside this app to go to after sign-in; anything else (other hosts, //evil) becomes "/". */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
