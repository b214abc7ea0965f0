// Wrong second-factor codes are slowed down exactly like wrong passwords: the same counters of
// auth/throttle.server.ts, under a key of their own ("2fa:<user id>") so that the two kinds of
// failure are counted apart. Only the throttle's exported functions are called, so its
// internals can change freely.
import { clearFailedSignIns, recordFailedSignIn, signInWaitMinutes } from "./throttle.server";

const keyOf = (userId: string) => `2fa:${userId}`;

/** Minutes to wait before another code may be tried, or 0. */
export function codeWaitMinutes(userId: string, address: string): Promise<number> {
  return signInWaitMinutes(keyOf(userId), address);
}

export function recordFailedCode(userId: string, address: string): Promise<void> {
  return recordFailedSignIn(keyOf(userId), address);
}

export function clearFailedCodes(userId: string): Promise<void> {
  return clearFailedSignIns(keyOf(userId));
}
