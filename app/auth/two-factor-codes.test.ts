import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  generateTotpSecret,
  groupedKey,
  hashRecoveryCode,
  normaliseRecoveryCode,
  totpCodeAt,
  totpStepOf,
  totpUri,
} from "./two-factor-codes";

// RFC 6238's SHA-1 test secret ("12345678901234567890") in base32, and its published values.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("computes the RFC 6238 test vectors (last six digits)", () => {
    expect(totpCodeAt(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCodeAt(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
    expect(totpCodeAt(RFC_SECRET, 1_234_567_890_000)).toBe("005924");
  });

  it("accepts the code of now and of one step either side, and says which step it was", () => {
    const now = 1_234_567_890_000;
    const step = Math.floor(now / 30_000);
    expect(totpStepOf(totpCodeAt(RFC_SECRET, now), RFC_SECRET, now)).toBe(step);
    expect(totpStepOf(totpCodeAt(RFC_SECRET, now - 30_000), RFC_SECRET, now)).toBe(step - 1);
    expect(totpStepOf(totpCodeAt(RFC_SECRET, now + 30_000), RFC_SECRET, now)).toBe(step + 1);
    expect(totpStepOf(totpCodeAt(RFC_SECRET, now - 60_000), RFC_SECRET, now)).toBeNull();
  });

  it("allows spaces inside a code and refuses anything but six digits", () => {
    const now = 1_234_567_890_000;
    expect(totpStepOf("005 924", RFC_SECRET, now)).not.toBeNull();
    expect(totpStepOf("05924", RFC_SECRET, now)).toBeNull();
    expect(totpStepOf("abcdef", RFC_SECRET, now)).toBeNull();
  });

  it("makes a 160-bit base32 secret, an otpauth address and a key grouped in fours", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri("kim@kommun.se", secret)).toBe(`otpauth://totp/Stegvis:kim%40kommun.se?secret=${secret}&period=30&digits=6&algorithm=SHA1&issuer=Stegvis`);
    expect(groupedKey("ABCDEFGHIJKLMNOPQR")).toBe("ABCD EFGH IJKL MNOP QR");
  });
});

describe("recovery codes", () => {
  it("makes ten different codes of four groups of four", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
  });

  it("reads a typed code whatever its case, spacing or look-alike letters", () => {
    expect(normaliseRecoveryCode(" ABCD-1O1L ")).toBe("abcd1011");
    expect(hashRecoveryCode("abcd-efgh-jkmn-pqr1")).toBe(hashRecoveryCode("ABCD EFGH JKMN PQRL"));
    expect(hashRecoveryCode("abcd-efgh-jkmn-pqr1")).toMatch(/^[0-9a-f]{64}$/);
  });
});
