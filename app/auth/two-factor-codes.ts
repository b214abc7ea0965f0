// The codes of two-factor sign-in: TOTP (RFC 6238, through otplib's authenticator: SHA-1,
// 6 digits, 30-second steps, as every authenticator app expects) and the one-time recovery
// codes. No database here; the time step a code belongs to is returned so that the caller can
// refuse a code used before.
import { createHash, randomBytes } from "node:crypto";
import { authenticator } from "otplib";

export const TOTP_STEP_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Stegvis";
// Crockford's base32: no i, l, o or u, so a code read off paper is not mistyped.
const RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const RECOVERY_LENGTH = 16; // 16 × 5 bits = 80 bits, enough that a plain SHA-256 cannot be reversed

/** A new shared secret: 20 random bytes (160 bits, as RFC 4226 recommends), in base32. */
export function generateTotpSecret(): string {
  return authenticator.generateSecret(20);
}

/** The otpauth:// address the QR code holds. */
export function totpUri(accountName: string, secret: string): string {
  return authenticator.keyuri(accountName, ISSUER, secret);
}

/** The key for typing by hand, in groups of four: "ABCD EFGH …". */
export function groupedKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export function timeStep(now: number): number {
  return Math.floor(now / 1000 / TOTP_STEP_SECONDS);
}

/** Six digits, spaces allowed ("123 456"): the shape of an authenticator code. */
export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ""));
}

/**
 * The time step a code is valid for, one step before or after now allowed for clock drift;
 * null when the code is wrong.
 */
export function totpStepOf(code: string, secret: string, now = Date.now()): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = authenticator.clone({ epoch: now, window: 1 }).checkDelta(token, secret);
  return delta === null ? null : timeStep(now) + delta;
}

/** The code of a time step (tests and the browser test compute codes this way). */
export function totpCodeAt(secret: string, now: number): string {
  return authenticator.clone({ epoch: now }).generate(secret);
}

/** Ten new recovery codes as shown to the user: "abcd-efgh-jkmn-pqrs". */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(RECOVERY_LENGTH);
    // 256 is a multiple of 32, so taking the low five bits keeps every character equally likely.
    const code = Array.from(bytes, (byte) => RECOVERY_ALPHABET[byte & 31]).join("");
    return code.match(/.{4}/g)!.join("-");
  });
}

/** A typed recovery code as stored: lower case, without dashes or spaces, look-alikes read as digits. */
export function normaliseRecoveryCode(code: string): string {
  return code
    .toLowerCase()
    .replace(/[^0-9a-z]/g, "")
    .replace(/[il]/g, "1")
    .replace(/o/g, "0");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}
