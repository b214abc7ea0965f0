import { describe, expect, it } from "vitest";
import { protectCells } from "./protect";
import type { CellSystem, SumConstraint } from "./attacker";
import { naiveRecovered } from "./testing";

/** A deterministic generator, so a failing case can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/**
 * A random small report: a rows × columns table of counts 0–12 with row totals, column totals
 * and a grand total, the rows split into two subtotal groups, and optionally a second table
 * sharing the column totals (the same people counted by another breakdown).
 */
function randomReport(seed: number): CellSystem {
  const next = random(seed);
  const int = (max: number) => Math.floor(next() * (max + 1));
  const rows = 2 + int(4);
  const columns = 2 + int(3);
  const values: number[] = [];
  const cell = (value: number) => values.push(value) - 1;
  const sums: SumConstraint[] = [];
  // Many small counts: that is where protection is hard.
  const count = () => (next() < 0.5 ? int(3) : int(12));
  const grid = Array.from({ length: rows }, () => Array.from({ length: columns }, () => cell(count())));
  const rowTotals = grid.map((row) => cell(row.reduce((sum, i) => sum + values[i]!, 0)));
  grid.forEach((row, r) => sums.push({ total: rowTotals[r]!, parts: row }));
  const columnTotals = Array.from({ length: columns }, (_, c) => cell(grid.reduce((sum, row) => sum + values[row[c]!]!, 0)));
  columnTotals.forEach((total, c) => sums.push({ total, parts: grid.map((row) => row[c]!) }));
  const grand = cell(rowTotals.reduce((sum, i) => sum + values[i]!, 0));
  sums.push({ total: grand, parts: rowTotals }, { total: grand, parts: columnTotals });
  const split = 1 + int(rows - 2);
  for (const group of [grid.slice(0, split), grid.slice(split)]) {
    for (let c = 0; c < columns; c++) {
      const parts = group.map((row) => row[c]!);
      sums.push({ total: cell(parts.reduce((sum, i) => sum + values[i]!, 0)), parts });
    }
  }
  if (next() < 0.5) {
    // Another breakdown of the first column's people (e.g. the same closures by reason).
    const total = values[columnTotals[0]!]!;
    const parts: number[] = [];
    let left = total;
    const pieces = 2 + int(3);
    for (let k = 0; k < pieces - 1; k++) {
      const piece = int(left);
      parts.push(cell(piece));
      left -= piece;
    }
    parts.push(cell(left));
    sums.push({ total: columnTotals[0]!, parts });
  }
  return { values, sums, atMost: [] };
}

describe("protectCells", () => {
  it("keeps a second cell back where a row total would give the first away", () => {
    // Ljungby 6 + Markaryd 6 + Älmhult 2 = 14
    const system: CellSystem = { values: [6, 6, 2, 14], sums: [{ total: 3, parts: [0, 1, 2] }], atMost: [] };
    const { states } = protectCells(system, [false, false, true, false], 3);
    expect(states).toEqual(["hidden", "shown", "small", "shown"]);
    expect(naiveRecovered(system, states, 3)).toEqual([]);
  });

  it("uses the small counts' own range: four hidden cells of a residual of four are each 1", () => {
    // total 7, one shown 3, four cells below three: each must be 1 (the example from the issue)
    const system: CellSystem = { values: [3, 1, 1, 1, 1, 7], sums: [{ total: 5, parts: [0, 1, 2, 3, 4] }], atMost: [] };
    const { states } = protectCells(system, [false, true, true, true, true, false], 3);
    expect(naiveRecovered(system, states, 3)).toEqual([]);
    expect(states[5]).toBe("shown");
  });

  it("shows a small total as dolt when its small parts would otherwise give every cell away", () => {
    // 1 kvinna + 1 man = 2: "färre än 3" three times still says 1, 1 and 2
    const system: CellSystem = { values: [1, 1, 2], sums: [{ total: 2, parts: [0, 1] }], atMost: [] };
    const { states } = protectCells(system, [true, true, true], 3);
    expect(states).toEqual(["small", "small", "hidden"]);
    expect(naiveRecovered(system, states, 3)).toEqual([]);
  });

  it("prefers a non-zero cell to a zero", () => {
    // 0 + 2 + 5 = 7: hiding the zero would protect nothing; 5 is kept back instead
    const system: CellSystem = { values: [0, 2, 5, 7], sums: [{ total: 3, parts: [0, 1, 2] }], atMost: [] };
    const { states } = protectCells(system, [false, true, false, false], 3);
    expect(states).toEqual(["shown", "small", "hidden", "shown"]);
  });

  it("leaves nothing recoverable in thousands of random small reports", () => {
    let hidden = 0;
    let cells = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const system = randomReport(seed);
      const sensitive = system.values.map((value) => value >= 1 && value < 3);
      const { states } = protectCells(system, sensitive, 3);
      const recovered = naiveRecovered(system, states, 3);
      if (recovered.length > 0) throw new Error(`seed ${seed}: cells ${recovered.join(", ")} can be recovered`);
      // Every small count is kept back, and only those and the cells protecting them.
      sensitive.forEach((isSmall, i) => isSmall && expect(states[i]).not.toBe("shown"));
      cells += system.values.length;
      hidden += states.filter((state) => state !== "shown").length;
    }
    // Not everything: protection must leave a report worth reading.
    expect(hidden / cells).toBeLessThan(0.7);
  });

  it("protects with another threshold too", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const system = randomReport(seed * 7919);
      const sensitive = system.values.map((value) => value >= 1 && value < 5);
      const { states } = protectCells(system, sensitive, 5);
      expect(naiveRecovered(system, states, 5)).toEqual([]);
    }
  });
});
