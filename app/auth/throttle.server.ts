import { attemptKeys, forgetAttempt, recordAttemptUnlessThrottled } from "~/data/sign-in-attempts.server";
import { formatNumber } from "~/utils/format";
import { ACCOUNT_WINDOW_MS, attemptWait, KNOWN_ADDRESS_MS, PAIR_WINDOW_MS } from "./throttle-policy";

// Every check of a password goes through here: signing in and the current password on
// /konto/losenord share one count per account (docs/decisions/0008-sign-in-throttling.md).

export type ThrottledCheck<T> = { outcome: "passed"; value: T } | { outcome: "failed" } | { outcome: "throttled"; waitMs: number };

/**
 * Runs `check` (a password check: the value it opens, or null when wrong) unless the account
 * (an e-mail) from this address must wait. The attempt is recorded as a failure before the
 * check, in one transaction with the look at earlier failures, so that simultaneous guesses
 * cannot all slip under the limit; a check that passes takes its attempt back.
 */
export async function throttledCheck<T>(account: string, address: string, check: () => Promise<T | null>, now = new Date()): Promise<ThrottledCheck<T>> {
  const keys = attemptKeys(account, address);
  const at = now.getTime();
  const windows = { pair: new Date(at - PAIR_WINDOW_MS), account: new Date(at - ACCOUNT_WINDOW_MS), known: new Date(at - KNOWN_ADDRESS_MS) };
  const { waitMs, attemptIds } = await recordAttemptUnlessThrottled(keys, windows, now, (history) => attemptWait(history, at));
  if (waitMs > 0) return { outcome: "throttled", waitMs };
  const value = await check();
  if (value === null) return { outcome: "failed" };
  await forgetAttempt(attemptIds, keys, windows, now);
  return { outcome: "passed", value };
}

/** "Vänta 30 sekunder och försök igen.", in whole seconds under a minute and whole minutes above. */
export function waitAndRetry(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  if (seconds < 60) return `Vänta ${formatNumber(seconds)} ${seconds === 1 ? "sekund" : "sekunder"} och försök igen.`;
  const minutes = Math.ceil(seconds / 60);
  return `Vänta ${formatNumber(minutes)} ${minutes === 1 ? "minut" : "minuter"} och försök igen.`;
}
