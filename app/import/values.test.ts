import { describe, expect, it } from "vitest";
import { labelKey, parseDate, parseDecision, parseFovOutcome, parseGender, parseInteger, parseYesNo, readDate } from "./values";

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

describe("readDate", () => {
  it("tells a cell that is no date from a day that does not exist and a day outside 1900–2100", () => {
    expect(readDate("14/3/2025")).toEqual({ ok: false, problem: "not-a-date" });
    expect(readDate("2025-02-30")).toEqual({ ok: false, problem: "not-in-calendar" });
    expect(readDate(20250230)).toEqual({ ok: false, problem: "not-in-calendar" });
    expect(readDate("1899-12-31")).toEqual({ ok: false, problem: "implausible", date: "1899-12-31" });
    expect(readDate(21010101)).toEqual({ ok: false, problem: "implausible", date: "2101-01-01" });
  });

  it("holds date cells and Excel day numbers to the same years as typed dates", () => {
    expect(readDate(new Date(Date.UTC(2150, 0, 1)))).toEqual({ ok: false, problem: "implausible", date: "2150-01-01" });
    expect(readDate(99999)).toEqual({ ok: false, problem: "implausible", date: "2173-10-13" });
    expect(readDate(new Date(Date.UTC(2100, 11, 31)))).toEqual({ ok: true, date: "2100-12-31" });
    expect(readDate("1900-01-01")).toEqual({ ok: true, date: "1900-01-01" });
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
