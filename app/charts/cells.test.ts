import { describe, expect, it } from "vitest";
import { cellFormat, formatCell, formatChange, suppressor } from "./cells";

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

describe("the small-number rule", () => {
  it("hides 1 to threshold − 1, shows zero and the threshold, and can be forced on", () => {
    const on = suppressor(3, true);
    expect([0, 1, 2, 3].map((n) => on.count(n))).toEqual([0, "färre än 3", "färre än 3", 3]);
    const off = suppressor(3, false);
    expect(off.count(2)).toBe(2);
    expect(off.count(2, true)).toBe("färre än 3");
  });

  it("hides a share when either of its counts is hidden, and has none without a denominator", () => {
    const on = suppressor(3, true);
    expect(on.share(2, 50)).toBe("–");
    expect(on.share(2, 2)).toBe("–");
    expect(on.share(5, 10)).toBe(0.5);
    expect(on.share(0, 0)).toBe("–");
    expect(on.mean(1.5, 2)).toBe("–");
    expect(on.mean(1.5, 3)).toBe(1.5);
    expect(on.shareText(35, 43)).toBe("81,4 %");
  });
});
