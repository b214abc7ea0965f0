import { describe, expect, it } from "vitest";
import { accountDelay, attemptWait, type AttemptHistory } from "./throttle-policy";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** `count` failures, one a second, the latest `agoMs` before now. */
function failures(count: number, agoMs = 0): number[] {
  return Array.from({ length: count }, (_, index) => NOW - agoMs - (count - 1 - index) * SECOND);
}

const history = (overrides: Partial<AttemptHistory>): AttemptHistory => ({ pairFailures: [], accountFailures: [], knownAddress: false, ...overrides });

describe("attemptWait", () => {
  it("allows four failures of an account from one address, and stops the fifth until the first leaves the 15-minute window", () => {
    expect(attemptWait(history({ pairFailures: failures(4), accountFailures: failures(4) }), NOW)).toBe(0);
    // Five failures one second apart, the latest just now: the oldest is 4 s old.
    expect(attemptWait(history({ pairFailures: failures(5), accountFailures: failures(5) }), NOW)).toBe(15 * MINUTE - 4 * SECOND);
    expect(attemptWait(history({ pairFailures: failures(5, 15 * MINUTE - 4 * SECOND), accountFailures: failures(5) }), NOW)).toBe(0);
  });

  it("stops the pair even on an address the account signed in from", () => {
    expect(attemptWait(history({ pairFailures: failures(5), accountFailures: failures(5), knownAddress: true }), NOW)).toBe(15 * MINUTE - 4 * SECOND);
  });

  it("lets a new address try while the account has fewer than ten failures from everywhere", () => {
    expect(attemptWait(history({ accountFailures: failures(9) }), NOW)).toBe(0);
  });

  it("makes a new address wait 30 seconds after the latest failure once the account has ten", () => {
    expect(attemptWait(history({ accountFailures: failures(10) }), NOW)).toBe(30 * SECOND);
    expect(attemptWait(history({ accountFailures: failures(10, 20 * SECOND) }), NOW)).toBe(10 * SECOND);
    expect(attemptWait(history({ accountFailures: failures(10, 30 * SECOND) }), NOW)).toBe(0);
  });

  it("does not slow down an address the account signed in from, whatever other addresses did", () => {
    expect(attemptWait(history({ accountFailures: failures(500), knownAddress: true }), NOW)).toBe(0);
  });
});

describe("accountDelay", () => {
  it("doubles from 30 seconds after the tenth failure and stops at 15 minutes", () => {
    expect([9, 10, 11, 12, 13, 14, 15, 16, 1000].map(accountDelay)).toEqual([
      0,
      30 * SECOND,
      MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      8 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
    ]);
  });
});
