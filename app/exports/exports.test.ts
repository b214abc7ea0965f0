import { describe, expect, it } from "vitest";
import { testBundle } from "~/charts/testing";
import { renderReportFile } from "./index.server";
import { sheetName } from "./xlsx.server";

describe("sheet names", () => {
  it("drops the characters Excel refuses, keeps to 31 characters and never repeats a name", () => {
    expect(sheetName("SKAPA: förändring per område", new Set())).toBe("SKAPA förändring per område");
    expect(sheetName("Remisser [a/b] * ? \\ per kommun och remittent", new Set())).toBe("Remisser a b per kommun och rem");
    expect(sheetName("Per kommun", new Set(["per kommun"]))).toBe("Per kommun (2)");
    expect(sheetName("x".repeat(40), new Set(["x".repeat(31)]))).toBe(`${"x".repeat(27)} (2)`);
  });
});

describe("the CSV file", () => {
  it("is UTF-8 with a byte-order mark and semicolons, counts as plain numbers, shares with a decimal comma", async () => {
    const bundle = testBundle({
      report: {
        active: { total: 1234, byKommun: { Ljungby: 1234 }, byGender: { kvinna: 617, man: 617 } },
        closed: { total: 1, byReason: { '=HYPERLINK("x")': 1 }, byCategory: { positive: 0, negative: 0 } },
      },
    });
    const text = (await renderReportFile("csv", bundle)).toString("utf8");
    expect(text.startsWith("\uFEFFRapport;Statistik jan–aug 2025 – Testförbundet\r\n")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines).toContain("Avsnitt;Kön;Aktiva;Andel;Nyinskrivna;Aktiva, föregående period");
    expect(lines).toContain("Aktiva deltagare per kön;Kvinnor;617;50,0 %;0;0");
    expect(lines).toContain("Deltagare per kommun;Totalt;1234;0;1;0;0");
    // A label that looks like a formula stays text in Excel.
    expect(lines).toContain('Avslut och avslutsskäl;"\'=HYPERLINK(""x"")";Ej kategoriserad;1;0');
  });
});
