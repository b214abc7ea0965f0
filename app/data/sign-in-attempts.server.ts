// Failed sign-in attempts, stored under a key (an account or an address). How many count and
// for how long is the policy of auth/throttle.server.ts.
import { prisma } from "./db.server";

/** When the failures under `key` since `since` happened, oldest first. */
export async function failureTimes(key: string, since: Date): Promise<Date[]> {
  const rows = await prisma.loginAttempt.findMany({
    where: { key, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return rows.map((row) => row.createdAt);
}

/** One failure under each key. */
export async function recordFailures(keys: readonly string[]): Promise<void> {
  await prisma.loginAttempt.createMany({ data: keys.map((key) => ({ key })) });
}

/** Forgets the failures under `key`, and every failure older than `before`. */
export async function forgetFailures(key: string, before: Date): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { OR: [{ key }, { createdAt: { lt: before } }] } });
}
