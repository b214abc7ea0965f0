import { describe, expect, it } from "vitest";
import { columnWidths, textWidthPt } from "./table-columns";

const cells = (texts: string[], numeric = false) => texts.map((text, index) => ({ text, bold: index === 0, numeric: numeric && index > 0 }));

describe("columnWidths", () => {
  it("gives every column at least its longest word, so that no word breaks", () => {
    const label = cells(["Remittent", "Arbetsförmedlingen", "Försäkringskassan", "Socialtjänsten"]);
    const counts = ["Nyinskrivna", "Aktiva", "Avslutade", "Remisser", "Studiebesök", "Föregående period"].map((header) =>
      cells([header, "12", "färre än 3", "1 024"], true),
    );
    const { widths, wordsFit } = columnWidths([label, ...counts], 480, 9, 8);
    expect(wordsFit).toBe(true);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(480, 6);
    expect(widths[0]).toBeGreaterThanOrEqual(textWidthPt("Arbetsförmedlingen", 9) + 8);
    expect(widths[1]).toBeGreaterThanOrEqual(textWidthPt("Nyinskrivna", 9, true) + 8);
    // A mark in a number column stays on one line: "färre än 3" is one figure.
    for (const width of widths.slice(1)) expect(width).toBeGreaterThanOrEqual(textWidthPt("färre än 3", 9) + 8);
  });

  it("shares the room by how much each column wants when everything fits on one line", () => {
    const { widths } = columnWidths([cells(["Kön", "Kvinnor"]), cells(["Antal", "3"], true)], 400, 10, 8);
    const wanted = [textWidthPt("Kvinnor", 10) + 8, textWidthPt("Antal", 10, true) + 8];
    expect(widths[0]! / widths[1]!).toBeCloseTo(wanted[0]! / wanted[1]!, 6);
    expect(widths[0]! + widths[1]!).toBeCloseTo(400, 6);
  });

  it("says when even the words do not fit across, so the caller can take a smaller font", () => {
    const wide = Array.from({ length: 12 }, () => cells(["Nyinskrivna, föregående period", "1 234"], true));
    expect(columnWidths(wide, 450, 9, 8).wordsFit).toBe(false);
    expect(columnWidths(wide.slice(0, 4), 450, 9, 8).wordsFit).toBe(true);
  });
});

describe("textWidthPt", () => {
  it("measures wide letters wider and bold text wider than regular", () => {
    expect(textWidthPt("mmmm", 10)).toBeGreaterThan(textWidthPt("iiii", 10));
    expect(textWidthPt("Totalt", 10, true)).toBeGreaterThan(textWidthPt("Totalt", 10));
    expect(textWidthPt("", 10)).toBe(0);
  });
});
