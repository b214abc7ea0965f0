// Password attempts, stored as rows under a key: the failures of an account from one address
// ("pair:"), of an account from anywhere ("account:"), and the addresses an account signed in
// from ("known:"). How many count and for how long is auth/throttle-policy.ts; the flow is
// auth/throttle.server.ts.
import { randomUUID } from "node:crypto";
import type { AttemptHistory } from "~/auth/throttle-policy";
import { prisma } from "./db.server";

export interface AttemptKeys {
  pair: string;
  account: string;
  known: string;
}

const KNOWN = "known:";

/** An e-mail address has at most 254 characters; anything longer is no account's. */
const ACCOUNT_MAX_LENGTH = 254;

export function attemptKeys(account: string, address: string): AttemptKeys {
  const name = account.trim().toLowerCase().slice(0, ACCOUNT_MAX_LENGTH);
  return { pair: `pair:${name} ${address}`, account: `account:${name}`, known: `${KNOWN}${name} ${address}` };
}

/** From when each kind of row counts. */
export interface AttemptWindows {
  pair: Date;
  account: Date;
  known: Date;
}

// A sign-in waits behind any other write transaction (SQLite has one writer); an import can hold one for seconds.
const TRANSACTION_OPTIONS = { maxWait: 10_000 } as const;

/**
 * Reads the history of the keys and, unless `waitFor` asks for a wait, records the attempt as a
 * failure of the pair and of the account, all in one transaction. Transactions run one at a
 * time, so of two simultaneous attempts the second sees the first. Answers the wait (0 when
 * recorded) and the recorded rows, which a passed check takes back with `forgetAttempt`.
 */
export async function recordAttemptUnlessThrottled(
  keys: AttemptKeys,
  windows: AttemptWindows,
  at: Date,
  waitFor: (history: AttemptHistory) => number,
): Promise<{ waitMs: number; attemptIds: string[] }> {
  return prisma.$transaction(async (tx) => {
    const failures = async (key: string, since: Date) => {
      const rows = await tx.loginAttempt.findMany({ where: { key, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
      return rows.map((row) => row.createdAt.getTime());
    };
    const waitMs = waitFor({
      pairFailures: await failures(keys.pair, windows.pair),
      accountFailures: await failures(keys.account, windows.account),
      knownAddress: (await tx.loginAttempt.count({ where: { key: keys.known, createdAt: { gte: windows.known } } })) > 0,
    });
    if (waitMs > 0) return { waitMs, attemptIds: [] };
    const rows = [keys.pair, keys.account].map((key) => ({ id: randomUUID(), key, createdAt: at }));
    await tx.loginAttempt.createMany({ data: rows });
    return { waitMs: 0, attemptIds: rows.map((row) => row.id) };
  }, TRANSACTION_OPTIONS);
}

/**
 * A passed check: its attempt was no failure, the pair starts afresh and the address becomes one
 * the account signed in from. Rows that no longer count (`windows`) are deleted at the same time.
 */
export async function forgetAttempt(attemptIds: readonly string[], keys: AttemptKeys, windows: AttemptWindows, at: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.deleteMany({
      where: {
        OR: [
          { id: { in: [...attemptIds] } },
          { key: { in: [keys.pair, keys.known] } },
          { createdAt: { lt: windows.known } },
          { createdAt: { lt: windows.account }, NOT: { key: { startsWith: KNOWN } } },
        ],
      },
    });
    await tx.loginAttempt.create({ data: { key: keys.known, createdAt: at } });
  }, TRANSACTION_OPTIONS);
}
