/**
 * Secondary suppression. The primary rule marks the sensitive counts (1..N−1) "färre än N";
 * then, while the reader of attacker.ts can still pin one of them, one more cell is kept back
 * from a relation that pins it: the smallest non-zero part first, a zero only when no non-zero
 * cell is left, a total last. Where every cell of the pinning relation is already kept back (two
 * small parts of a small total: 1 + 1 = "färre än 3" gives itself away), a small count is shown
 * as "dolt" instead, which says nothing of its size. The loop ends when nothing can be pinned.
 */
import { type Bounds, type CellSystem, priorBounds, propagate, recoveredCells } from "./attacker";
import type { CellState } from "./shown";

export interface ProtectionResult {
  states: CellState[];
  /** Rounds of attack and repair; for the benchmark and tests. */
  rounds: number;
}

interface Relation {
  members: number[];
  total: number;
}

/** The interval one relation alone gives `cell`, from the others' current bounds. */
function impliedByRelation(relation: Relation, cell: number, bounds: Bounds): [number, number] {
  const { lo, hi } = bounds;
  if (cell === relation.total) {
    let sumLo = 0;
    let sumHi = 0;
    for (const member of relation.members) {
      if (member === relation.total) continue;
      sumLo += lo[member]!;
      sumHi += hi[member]!;
    }
    return [sumLo, sumHi];
  }
  let othersLo = 0;
  let othersHi = 0;
  for (const member of relation.members) {
    if (member === relation.total || member === cell) continue;
    othersLo += lo[member]!;
    othersHi += hi[member]!;
  }
  return [lo[relation.total]! - othersHi, hi[relation.total]! - othersLo];
}

/**
 * Relations (sums) that on their own, from what the reader knows of the other cells, pin `cell`
 * within what its mark alone says (`prior`).
 */
function pinningRelations(relations: readonly Relation[], cell: number, bounds: Bounds, prior: Bounds): Relation[] {
  return relations.filter((relation) => {
    const [low, high] = impliedByRelation(relation, cell, bounds);
    return Math.max(low, prior.lo[cell]!) >= Math.min(high, prior.hi[cell]!);
  });
}

export function protectCells(system: CellSystem, sensitive: readonly boolean[], threshold: number): ProtectionResult {
  const states: CellState[] = system.values.map((_, i) => (sensitive[i] ? "small" : "shown"));
  if (!sensitive.some(Boolean)) return { states, rounds: 0 };
  const relations: Relation[] = system.sums.map((sum) => ({ members: [sum.total, ...sum.parts], total: sum.total }));
  const relationsOf: Relation[][] = system.values.map(() => []);
  for (const relation of relations) for (const member of new Set(relation.members)) relationsOf[member]!.push(relation);

  // Smallest non-zero part first, then a non-zero total, a zero only when nothing else is left;
  // ties by position, so the same counts always give the same cells.
  const rank = (cell: number, relation: Relation): [number, number, number, number] => {
    const value = system.values[cell]!;
    return [value === 0 ? 1 : 0, cell === relation.total ? 1 : 0, value, cell];
  };
  const better = (a: [number, number, number, number], b: [number, number, number, number]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
    return false;
  };

  let rounds = 0;
  for (;;) {
    rounds++;
    const prior = priorBounds(system, states, threshold);
    const bounds = propagate(system, priorBounds(system, states, threshold));
    const recovered = recoveredCells(states, sensitive, bounds);
    if (recovered.length === 0) return { states, rounds };
    // Repair several cells per round, but never two through the same relation: the first repair
    // may already free the second cell, which the next round's attack will tell.
    const touched = new Set<Relation>();
    let repaired = 0;
    for (const cell of recovered) {
      const pinning = pinningRelations(relationsOf[cell]!, cell, bounds, prior);
      const candidates = pinning.length > 0 ? pinning : relationsOf[cell]!;
      if (candidates.some((relation) => touched.has(relation))) continue;
      let best: { cell: number; key: [number, number, number, number] } | null = null;
      for (const relation of candidates) {
        for (const member of relation.members) {
          if (states[member] !== "shown") continue;
          const key = rank(member, relation);
          if (best === null || better(key, best.key)) best = { cell: member, key };
        }
      }
      let changed: number | null = best?.cell ?? null;
      if (changed === null) changed = relabelCandidate(candidates, cell, states);
      if (changed === null) changed = widerCandidate(relationsOf, candidates, states, system.values);
      if (changed === null) continue;
      states[changed] = "hidden";
      for (const relation of relationsOf[changed]!) touched.add(relation);
      for (const relation of candidates) touched.add(relation);
      repaired++;
    }
    if (repaired === 0) {
      // Nothing left to change near the pinned cells. With consistent counts this cannot happen
      // (cells all shown as "dolt" pin nothing); stop rather than loop, and let tests tell.
      return { states, rounds };
    }
  }
}

/** Every cell of the pinning relations is kept back: show a small one as "dolt", the total first. */
function relabelCandidate(relations: readonly Relation[], cell: number, states: readonly CellState[]): number | null {
  for (const relation of relations) if (states[relation.total] === "small") return relation.total;
  if (states[cell] === "small") return cell;
  for (const relation of relations) for (const member of relation.members) if (states[member] === "small") return member;
  return null;
}

/** One step further out: a shown cell in a relation of a kept-back neighbour. */
function widerCandidate(relationsOf: readonly Relation[][], relations: readonly Relation[], states: readonly CellState[], values: readonly number[]): number | null {
  let best: number | null = null;
  for (const relation of relations) {
    for (const member of relation.members) {
      for (const outer of relationsOf[member]!) {
        for (const candidate of outer.members) {
          if (states[candidate] !== "shown") continue;
          if (best === null || values[candidate]! < values[best]!) best = candidate;
        }
      }
    }
  }
  return best;
}
