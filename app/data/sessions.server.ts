// The session rows behind the sign-in cookie. The cookie, its sealing and the timeouts are the
// policy of auth/session.server.ts; this module stores, finds, lists and ends the rows.
import { createHash } from "node:crypto";
import { formRefused, gone, ok, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma } from "./db.server";

export async function createSession(id: string, userId: string, expiresAt: Date, userAgent: string | null = null): Promise<void> {
  await prisma.session.create({ data: { id, userId, expiresAt, userAgent } });
}

/** The session with its user and the user's assignments, or null. */
export function findSessionWithUser(id: string) {
  return prisma.session.findUnique({
    where: { id },
    include: { user: { include: { assignments: { select: { insatsId: true, kommunId: true } } } } },
  });
}

export async function touchSession(id: string, lastSeenAt: Date): Promise<void> {
  await prisma.session.update({ where: { id }, data: { lastSeenAt } });
}

export async function deleteSession(id: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id } });
}

/**
 * What a page may name a session by. The id itself is what the cookie carries, so it never
 * leaves the server; a hash of it identifies the row in a form just as well.
 */
export function sessionHandle(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("base64url").slice(0, 22);
}

const activeWhere = (userId: string, activeSince: Date, now: Date) => ({ userId, expiresAt: { gt: now }, lastSeenAt: { gt: activeSince } });

export interface SessionSummary {
  handle: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  current: boolean;
}

/** The user's sessions that still work (not expired, used since `activeSince`), newest first. */
export async function listActiveSessions(
  user: { id: string; sessionId: string },
  activeSince: Date,
  now = new Date(),
): Promise<SessionSummary[]> {
  const rows = await prisma.session.findMany({
    where: activeWhere(user.id, activeSince, now),
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
  });
  return rows.map((row) => ({
    handle: sessionHandle(row.id),
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    userAgent: row.userAgent,
    current: row.id === user.sessionId,
  }));
}

export function countActiveSessions(userId: string, activeSince: Date, now = new Date()): Promise<number> {
  return prisma.session.count({ where: activeWhere(userId, activeSince, now) });
}

type SessionOwner = { id: string; organisationId: string; sessionId: string };

/** Ends one of the user's own sessions, named by its handle; `current` tells whether it was this one. */
export async function endOwnSession(user: SessionOwner, handle: string): Promise<WriteResult<{ current: boolean }>> {
  const rows = await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } });
  const row = rows.find((candidate) => sessionHandle(candidate.id) === handle);
  if (!row) return gone("Inloggningen är redan avslutad.");
  await prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: row.id, userId: user.id } });
    await audit({ organisationId: user.organisationId, userId: user.id, action: "sign-out", entity: "user", entityId: user.id, detail: "inloggning avslutad från Mina inloggningar" }, tx);
  });
  return ok({ current: row.id === user.sessionId });
}

/** Ends every session of the user but this one. */
export async function endOtherSessions(user: SessionOwner): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } });
    await audit({ organisationId: user.organisationId, userId: user.id, action: "sign-out", entity: "user", entityId: user.id, detail: `${count} andra inloggningar avslutade` }, tx);
    return count;
  });
}

export const SELF_END_SESSIONS = "Dina egna inloggningar avslutar du under Mitt konto → Mina inloggningar.";

/** The förbundschef ends all sessions of a user of the förbund (not their own: that is the account page). */
export async function endAllSessionsOf(editor: { id: string; organisationId: string }, userId: string): Promise<WriteResult<{ count: number }>> {
  if (userId === editor.id) return formRefused(SELF_END_SESSIONS);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, organisationId: editor.organisationId }, select: { id: true } });
    if (!user) return gone("Användaren finns inte.");
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await audit({ organisationId: editor.organisationId, userId: editor.id, action: "sign-out", entity: "user", entityId: userId, detail: `alla inloggningar avslutade av förbundschef (${count})` }, tx);
    return ok({ count });
  });
}
