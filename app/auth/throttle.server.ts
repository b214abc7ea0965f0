import { failureTimes, forgetFailures, recordFailures } from "~/data/sign-in-attempts.server";

// Sign-in attempts are counted per account and per address over a sliding window. The address
// limit is higher because many people may share one office address.
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

function keys(email: string, address: string) {
  return { account: `email:${email.trim().toLowerCase()}`, address: `ip:${address}` };
}

/** Minutes to wait before another attempt is allowed, or 0 when one is allowed now. */
export async function signInWaitMinutes(email: string, address: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const { account, address: addressKey } = keys(email, address);
  const [accountFailures, addressFailures] = await Promise.all([failureTimes(account, since), failureTimes(addressKey, since)]);
  const blockedBy = (failures: Date[], limit: number) => {
    if (failures.length < limit) return 0;
    // The window opens again when the oldest failure that counts towards the limit expires.
    const oldest = failures[failures.length - limit].getTime();
    return Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 60_000));
  };
  return Math.max(blockedBy(accountFailures, MAX_FAILURES_PER_ACCOUNT), blockedBy(addressFailures, MAX_FAILURES_PER_ADDRESS));
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  const { account, address: addressKey } = keys(email, address);
  await recordFailures([account, addressKey]);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  const { account } = keys(email, "");
  await forgetFailures(account, new Date(Date.now() - WINDOW_MS));
}
