// The session rows behind the sign-in cookie. The cookie, its sealing and the timeouts are the
// policy of auth/session.server.ts; this module only stores and finds the rows.
import { prisma } from "./db.server";

export async function createSession(id: string, userId: string, expiresAt: Date): Promise<void> {
  await prisma.session.create({ data: { id, userId, expiresAt } });
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
