/**
 * An independent reader for the protection tests: plain repeated passes over every sum and
 * order until nothing changes (no work list, no shared code with attacker.ts), so a mistake in
 * the production propagation is not repeated here.
 */
import type { CellState } from "./shown";
import type { CellSystem } from "./attacker";

export function naiveBounds(system: CellSystem, states: readonly CellState[], threshold: number): Array<[number, number]> {
  const bounds: Array<[number, number]> = system.values.map((value, i) => {
    if (states[i] === "shown") return [value, value];
    if (states[i] === "small") return [1, threshold - 1];
    return [0, Number.POSITIVE_INFINITY];
  });
  let changed = true;
  let passes = 0;
  const set = (i: number, lo: number, hi: number) => {
    const [oldLo, oldHi] = bounds[i]!;
    const next: [number, number] = [Math.max(oldLo, Math.ceil(lo)), Math.min(oldHi, Math.floor(hi))];
    if (next[0] !== oldLo || next[1] !== oldHi) {
      bounds[i] = next;
      changed = true;
    }
  };
  while (changed && passes++ < 100_000) {
    changed = false;
    for (const { total, parts } of system.sums) {
      const partLo = parts.map((p) => bounds[p]![0]);
      const partHi = parts.map((p) => bounds[p]![1]);
      set(
        total,
        partLo.reduce((a, b) => a + b, 0),
        partHi.reduce((a, b) => a + b, 0),
      );
      parts.forEach((p, k) => {
        const othersLo = partLo.reduce((a, b, j) => (j === k ? a : a + b), 0);
        const othersHi = partHi.reduce((a, b, j) => (j === k ? a : a + b), 0);
        set(p, bounds[total]![0] - othersHi, bounds[total]![1] - othersLo);
      });
    }
    for (const [a, b] of system.atMost) {
      set(a, bounds[a]![0], bounds[b]![1]);
      set(b, bounds[a]![0], bounds[b]![1]);
    }
  }
  return bounds;
}

/** Indices of the small counts kept back that the independent reader nevertheless pins. */
export function naiveRecovered(system: CellSystem, states: readonly CellState[], threshold: number): number[] {
  const bounds = naiveBounds(system, states, threshold);
  return system.values.flatMap((value, i) => (states[i] !== "shown" && value >= 1 && value < threshold && bounds[i]![0] === bounds[i]![1] ? [i] : []));
}
