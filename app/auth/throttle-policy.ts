// How fast a password may be guessed (docs/decisions/0008-sign-in-throttling.md). Pure: the
// history is read by auth/throttle.server.ts, the rule is here. Times are epoch milliseconds.

const MINUTE = 60_000;

/** An account and an address: five failures in 15 minutes stop that address for that account. */
export const PAIR_WINDOW_MS = 15 * MINUTE;
export const PAIR_LIMIT = 5;

/**
 * An account, from every address: ten failures a day are free, then an address the account has not
 * signed in from must wait after the latest failure, 30 seconds doubling up to 15 minutes.
 */
export const ACCOUNT_WINDOW_MS = 24 * 60 * MINUTE;
export const ACCOUNT_FREE_FAILURES = 10;
const ACCOUNT_FIRST_DELAY_MS = 30_000;
const ACCOUNT_MAX_DELAY_MS = 15 * MINUTE;

/** An address the account signed in from within this time is not slowed down by other addresses' failures. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * MINUTE;

export interface AttemptHistory {
  /** This account's failures from this address within PAIR_WINDOW_MS, oldest first. */
  pairFailures: readonly number[];
  /** This account's failures from every address within ACCOUNT_WINDOW_MS, oldest first. */
  accountFailures: readonly number[];
  /** The account signed in from this address within KNOWN_ADDRESS_MS. */
  knownAddress: boolean;
}

/** How long until the next attempt is allowed (ms); 0 when it is allowed now. */
export function attemptWait(history: AttemptHistory, now: number): number {
  const account = history.knownAddress ? 0 : accountWait(history.accountFailures, now);
  return Math.max(pairWait(history.pairFailures, now), account);
}

function pairWait(failures: readonly number[], now: number): number {
  if (failures.length < PAIR_LIMIT) return 0;
  // The pair may try again when the oldest failure that counts towards the limit leaves the window.
  return Math.max(0, failures[failures.length - PAIR_LIMIT] + PAIR_WINDOW_MS - now);
}

/** The pause an account's failures from everywhere ask for, counted from the latest one. */
export function accountDelay(failureCount: number): number {
  if (failureCount < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_MS, ACCOUNT_FIRST_DELAY_MS * 2 ** (failureCount - ACCOUNT_FREE_FAILURES));
}

function accountWait(failures: readonly number[], now: number): number {
  const delay = accountDelay(failures.length);
  return delay ? Math.max(0, failures[failures.length - 1] + delay - now) : 0;
}
