/**
 * The reader who tries to work a hidden count back out: interval propagation over everything a
 * view publishes. Each count starts from what its mark says (a shown number is exact, "färre än
 * N" is 1..N−1, "dolt" is any count from 0), and every published equality (a total is the sum of
 * its parts) and order (a part never exceeds its whole) narrows the intervals until nothing
 * changes. A hidden count whose interval has shrunk to one value has been recovered.
 */
import type { CellState } from "./shown";

/** total = Σ parts, as the report publishes it (a row and its total, a kommun and its report…). */
export interface SumConstraint {
  total: number;
  parts: number[];
}

/** A system of counts: each cell's true value and the relations between them, by cell index. */
export interface CellSystem {
  values: readonly number[];
  sums: readonly SumConstraint[];
  /** [smaller, larger]: e.g. "svarat ja" never exceeds "besvarat". */
  atMost: ReadonlyArray<readonly [number, number]>;
}

export interface Bounds {
  lo: Float64Array;
  hi: Float64Array;
}

/** What a reader knows of a cell before any arithmetic: from its value and its mark alone. */
export function priorBounds(system: CellSystem, states: readonly CellState[], threshold: number): Bounds {
  const n = system.values.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const state = states[i];
    if (state === "shown") lo[i] = hi[i] = system.values[i]!;
    else if (state === "small") {
      lo[i] = 1;
      hi[i] = threshold - 1;
    } else {
      lo[i] = 0;
      hi[i] = Infinity;
    }
  }
  return { lo, hi };
}

/** Constraint indices touching each cell: sums first (0..S−1), then orders (S..). */
function incidence(system: CellSystem): number[][] {
  const touching: number[][] = system.values.map(() => []);
  system.sums.forEach((sum, index) => {
    touching[sum.total]!.push(index);
    for (const part of sum.parts) touching[part]!.push(index);
  });
  system.atMost.forEach(([a, b], index) => {
    touching[a]!.push(system.sums.length + index);
    touching[b]!.push(system.sums.length + index);
  });
  return touching;
}

/**
 * Narrows `bounds` in place to the fixed point of all constraints. Every true value stays inside
 * its interval, since the constraints are facts about the true values.
 */
export function propagate(system: CellSystem, bounds: Bounds): Bounds {
  const { lo, hi } = bounds;
  const touching = incidence(system);
  const constraintCount = system.sums.length + system.atMost.length;
  const queued = new Uint8Array(constraintCount).fill(1);
  const queue: number[] = Array.from({ length: constraintCount }, (_, i) => i);
  const narrow = (cell: number, low: number, high: number) => {
    let changed = false;
    const l = Math.ceil(low);
    const h = Math.floor(high);
    if (l > lo[cell]!) {
      lo[cell] = l;
      changed = true;
    }
    if (h < hi[cell]!) {
      hi[cell] = h;
      changed = true;
    }
    if (!changed) return;
    for (const constraint of touching[cell]!) {
      if (queued[constraint]) continue;
      queued[constraint] = 1;
      queue.push(constraint);
    }
  };
  for (let head = 0; head < queue.length; head++) {
    const index = queue[head]!;
    queued[index] = 0;
    if (index >= system.sums.length) {
      const [a, b] = system.atMost[index - system.sums.length]!;
      narrow(a, lo[a]!, hi[b]!);
      narrow(b, lo[a]!, hi[b]!);
      continue;
    }
    const { total, parts } = system.sums[index]!;
    let sumLo = 0;
    let finiteHi = 0;
    let infinite = 0;
    for (const part of parts) {
      sumLo += lo[part]!;
      if (hi[part] === Infinity) infinite++;
      else finiteHi += hi[part]!;
    }
    narrow(total, sumLo, infinite > 0 ? Infinity : finiteHi);
    for (const part of parts) {
      const partInfinite = hi[part] === Infinity;
      const othersHi = infinite - (partInfinite ? 1 : 0) > 0 ? Infinity : finiteHi - (partInfinite ? 0 : hi[part]!);
      const othersLo = sumLo - lo[part]!;
      narrow(part, lo[total]! - othersHi, hi[total]! - othersLo);
    }
    // The queue only grows while some bound shrinks, and integer bounds cannot shrink forever,
    // but a cycle of parts can walk a bound down one step at a time: compact the queue.
    if (head > 4096 && head * 2 > queue.length) {
      queue.splice(0, head + 1);
      head = -1;
    }
  }
  return bounds;
}

/** What the reader can work out of every cell, given how each is shown. */
export function attack(system: CellSystem, states: readonly CellState[], threshold: number): Bounds {
  return propagate(system, priorBounds(system, states, threshold));
}

/**
 * The protected cells (`sensitive`: the small counts the rule hides) that are kept back and yet
 * pinned to one value by the reader.
 */
export function recoveredCells(states: readonly CellState[], sensitive: readonly boolean[], bounds: Bounds): number[] {
  const recovered: number[] = [];
  for (let i = 0; i < states.length; i++) {
    if (sensitive[i] && states[i] !== "shown" && bounds.lo[i] === bounds.hi[i]) recovered.push(i);
  }
  return recovered;
}
