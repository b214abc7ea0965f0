import { describe, expect, it } from "vitest";
import { compareSortValues, type SortValue } from "./DataTable";

describe("the data table's sort order", () => {
  it("sorts numbers by value, text in Swedish order, hidden small counts before numbers", () => {
    const values: SortValue[] = [12, "Älmhult", 3, "färre än 3", "Ljungby", 0, "Åseda", "Markaryd"];
    expect([...values].sort(compareSortValues)).toEqual(["färre än 3", "Ljungby", "Markaryd", "Åseda", "Älmhult", 0, 3, 12]);
  });

  it("compares numbers inside text as numbers", () => {
    expect(["60-64", "16-19", "20-29"].sort(compareSortValues)).toEqual(["16-19", "20-29", "60-64"]);
    expect(["Steg 10", "Steg 2"].sort(compareSortValues)).toEqual(["Steg 2", "Steg 10"]);
  });
});
