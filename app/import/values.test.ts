import { describe, expect, it } from "vitest";
import { labelKey, parseDate, parseDecision, parseFovOutcome, parseGender, parseInteger, parseYesNo } from "./values";

describe("parseDate", () => {
  it.each([
    ["2025-03-14", "2025-03-14"],
    ["20250314", "2025-03-14"],
    ["2024-02-29", "2024-02-29"],
    ["2025-03-14 00:00:00", "2025-03-14"],
  ])("reads %s as %s", (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it("reads an Excel date cell (a UTC midnight Date) and a bare Excel day number", () => {
    expect(parseDate(new Date(Date.UTC(2025, 2, 14)))).toBe("2025-03-14");
    expect(parseDate(45730)).toBe("2025-03-14");
    expect(parseDate(20250314)).toBe("2025-03-14");
  });

  it.each(["2025-02-29", "2025-13-01", "2025-00-10", "14/3/2025", "2025-0314", "mars", "1899-12-31", "12"])("rejects %s", (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe("enumerations", () => {
  it("reads kön as kvinna/man/annat or K/M/A in any case", () => {
    expect(["Kvinna", "k", "MAN", "m", "annat", "A", "Annat/ej angivet", "kvinnor"].map(parseGender)).toEqual([
      "kvinna",
      "kvinna",
      "man",
      "man",
      "annat",
      "annat",
      "annat",
      null,
    ]);
  });

  it("reads FOV answers with or without å/ö and underscores", () => {
    expect(["Ja", "nej", "Avböjt", "avbojt", "ej tillfrågad", "ej_tillfragad", "kanske"].map(parseFovOutcome)).toEqual([
      "ja",
      "nej",
      "avbojt",
      "avbojt",
      "ej_tillfragad",
      "ej_tillfragad",
      null,
    ]);
  });

  it("reads referral decisions, ja/nej and whole numbers", () => {
    expect(["Inskriven", "konsultation", "Ej aktuell", "ej_aktuell", "Kö", "ko", "nej"].map(parseDecision)).toEqual([
      "inskriven",
      "konsultation",
      "ej_aktuell",
      "ej_aktuell",
      "ko",
      "ko",
      null,
    ]);
    expect(["ja", "Nej", "J", "n", "kanske"].map(parseYesNo)).toEqual([true, false, true, false, null]);
    expect([3, "4", " 5", 2.5, "2,5", "tre"].map(parseInteger)).toEqual([3, 4, null, null, null, null]);
  });

  it("compares labels without case, extra spaces or kind of dash", () => {
    expect(labelKey(" 30 – 39 ")).toBe("30-39");
    expect(labelKey("Kommunal   Arbetsträning")).toBe("kommunal arbetsträning");
  });
});
