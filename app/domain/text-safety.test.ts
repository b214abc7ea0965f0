import { describe, expect, it } from "vitest";
import { cleanFreeText, nameProblem } from "./text-safety";

const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

describe("nameProblem", () => {
  it.each([...BIDI, "\u0000", "\u0007", "\t", "\n", "\r", "\u007F"].map((char) => [char.codePointAt(0)!.toString(16), char]))(
    "refuses a name holding U+%s",
    (_, char) => {
      expect(nameProblem(`Anna${char}Andersson`)).toBe("unsafe-characters");
    },
  );

  it("accepts names in any script, with accents, hyphens and apostrophes", () => {
    for (const name of ["Åsa Öberg-Ängström", "O'Brien", "محمد علي", "שרה כהן", "Zoë Nguyễn", "SAM-0123"]) expect(nameProblem(name)).toBeNull();
  });

  it("accepts the bidirectional marks that are not overrides (LRM, RLM)", () => {
    expect(nameProblem("Anna\u200E\u200F")).toBeNull();
  });
});

describe("cleanFreeText", () => {
  it("removes NUL, other control characters and every bidirectional control", () => {
    expect(cleanFreeText(`Möte\u0000 i ${BIDI.join("")}Ljungby\u0007\u007F.`)).toBe("Möte i Ljungby.");
  });

  it("keeps tabs and line breaks", () => {
    expect(cleanFreeText("Rad ett\r\nRad två\n\tindragen")).toBe("Rad ett\r\nRad två\n\tindragen");
  });
});
