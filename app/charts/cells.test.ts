import { describe, expect, it } from "vitest";
import { cellFormat, chartValue, formatCell, formatChange, NO_VALUE } from "./cells";

describe("cells", () => {
  it("formats counts, shares and changes the Swedish way", () => {
    expect(formatCell(1234, "count")).toBe("1\u00a0234");
    expect(formatCell(35 / 43, "share")).toBe("81,4 %");
    expect(formatCell("färre än 3", "count")).toBe("färre än 3");
    expect(formatChange(1.25)).toBe("+1,3");
    expect(formatChange(-0.5)).toBe("−0,5");
    expect(formatChange(0.04)).toBe("0,0");
    expect(formatChange(-0.04)).toBe("0,0");
  });

  it("takes a cell's format from its row where the column mixes kinds", () => {
    const column = { key: "utfall", label: "Utfall", numeric: true, format: "share" as const, formatKey: "format" };
    expect(cellFormat(column, { utfall: 52, format: "count" })).toBe("count");
    expect(cellFormat(column, { utfall: 0.8, format: "share" })).toBe("share");
    expect(cellFormat(column, { utfall: 0.8 })).toBe("share");
  });
});

describe("marks", () => {
  it("shows the protection's marks as they are, in every format, and draws no value for them", () => {
    for (const format of ["count", "share", "change"] as const) {
      expect(["färre än 3", "dolt", NO_VALUE].map((mark) => formatCell(mark, format))).toEqual(["färre än 3", "dolt", "–"]);
    }
    expect(["färre än 3", "dolt", NO_VALUE, 0, 7].map(chartValue)).toEqual([null, null, null, 0, 7]);
  });
});
