import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, formatShortDate, formatRatio, formatShare, formatSmallCount } from "./format";

describe("format", () => {
  it("writes shares with one decimal and a decimal comma", () => {
    expect(formatShare(35, 43)).toBe("81,4 %");
    expect(formatRatio(0.5)).toBe("50,0 %");
  });
  it("shows a dash instead of a share without a denominator", () => {
    expect(formatShare(0, 0)).toBe("–");
  });
  it("groups thousands the Swedish way", () => {
    expect(formatNumber(12345)).toBe("12\u00a0345");
  });
  it("writes calendar dates in Swedish without shifting the day", () => {
    expect(formatDate("2025-03-07")).toBe("7 mars 2025");
    expect(formatDate(null)).toBe("–");
  });
  it("writes the short form of a calendar date the Swedish way, for narrow columns", () => {
    expect(formatShortDate("2025-03-07")).toBe("2025-03-07");
    expect(formatShortDate("2025-12-31")).toBe("2025-12-31");
    expect(formatShortDate(null)).toBe("–");
  });
  it("hides small counts behind 'färre än N'", () => {
    expect(formatSmallCount(2, 3)).toBe("färre än 3");
    expect(formatSmallCount(0, 3)).toBe("0");
    expect(formatSmallCount(3, 3)).toBe("3");
  });
});
