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

/**
 * `cost[i]` orders the cells to keep back when several would do (lower first): the report's own
 * cells cost more than cells seen only in a narrower view, so the whole report stays readable.
 */
export function protectCells(system: CellSystem, sensitive: readonly boolean[], threshold: number, cost: readonly number[] = []): ProtectionResult {
  const states: CellState[] = system.values.map((_, i) => (sensitive[i] ? "small" : "shown"));
  if (!sensitive.some(Boolean)) return { states, rounds: 0 };
  const relations: Relation[] = system.sums.map((sum) => ({ members: [sum.total, ...sum.parts], total: sum.total }));
  const relationsOf: Relation[][] = system.values.map(() => []);
  for (const relation of relations) for (const member of new Set(relation.members)) relationsOf[member]!.push(relation);

  // A non-zero cell before a zero, a cheap cell before a costly one, a part before its total,
  // the smallest first; ties by position, so the same counts always give the same cells.
  type Rank = [number, number, number, number, number];
  const rank = (cell: number, relation: Relation): Rank => {
    const value = system.values[cell]!;
    return [value === 0 ? 1 : 0, cost[cell] ?? 0, cell === relation.total ? 1 : 0, value, cell];
  };
  const better = (a: Rank, b: Rank) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
    return false;
  };

  pairUp(relations, relationsOf, states, rank, better);
  let rounds = 0;
  for (;;) {
    rounds++;
    const prior = priorBounds(system, states, threshold);
    const bounds = propagate(system, priorBounds(system, states, threshold));
    const recovered = recoveredCells(states, sensitive, bounds);
    if (recovered.length === 0) return { states, rounds };
    const pinned = (cell: number) => bounds.lo[cell] === bounds.hi[cell];
    // Repair several cells per round, but never two through the same relation: the first repair
    // may already free the second cell, which the next round's attack will tell.
    const touched = new Set<Relation>();
    let repaired = 0;
    for (const cell of recovered) {
      const pinningOf = (target: number) => {
        const pinning = pinningRelations(relationsOf[target]!, target, bounds, prior);
        return pinning.length > 0 ? pinning : relationsOf[target]!;
      };
      const near = pinningOf(cell);
      if (near.some((relation) => touched.has(relation))) continue;
      // A pinned cell is as good as shown to the reader: search through kept-back but pinned
      // cells for the shown cells the pin rests on, nearest first.
      const visited = new Set<number>([cell]);
      let frontier = [cell];
      let best: { cell: number; key: Rank } | null = null;
      let via: Relation[] = [];
      while (frontier.length > 0 && best === null) {
        const next: number[] = [];
        for (const target of frontier) {
          for (const relation of pinningOf(target)) {
            for (const member of relation.members) {
              if (states[member] === "shown") {
                const key = rank(member, relation);
                if (best === null || better(key, best.key)) {
                  best = { cell: member, key };
                  via = [relation];
                }
              } else if (!visited.has(member) && pinned(member)) {
                visited.add(member);
                next.push(member);
              }
            }
          }
        }
        frontier = next;
      }
      const changed = best?.cell ?? relabelCandidate(near, cell, states);
      if (changed === null) continue;
      states[changed] = "hidden";
      for (const relation of [...near, ...via, ...relationsOf[changed]!]) touched.add(relation);
      repaired++;
    }
    if (repaired === 0) {
      // Nothing left to change near the pinned cells. With consistent counts this cannot happen
      // (cells all shown as "dolt" pin nothing); stop rather than loop, and let tests tell.
      return { states, rounds };
    }
  }
}

/**
 * The classic first step: a relation with exactly one kept-back cell gives it away by
 * subtraction, so keep back a second one, the cheapest; repeat until every relation has none or
 * at least two. Cheap, and it sends the cascade into the narrow views rather than the report.
 */
function pairUp<R>(
  relations: readonly Relation[],
  relationsOf: readonly Relation[][],
  states: CellState[],
  rank: (cell: number, relation: Relation) => R,
  better: (a: R, b: R) => boolean,
): void {
  const queue = [...relations];
  const queued = new Set(queue);
  while (queue.length > 0) {
    const relation = queue.shift()!;
    queued.delete(relation);
    const members = [...new Set(relation.members)];
    if (members.filter((member) => states[member] !== "shown").length !== 1) continue;
    let best: { cell: number; key: R } | null = null;
    for (const member of members) {
      if (states[member] !== "shown") continue;
      const key = rank(member, relation);
      if (best === null || better(key, best.key)) best = { cell: member, key };
    }
    if (best === null) continue;
    states[best.cell] = "hidden";
    for (const next of relationsOf[best.cell]!) {
      if (queued.has(next)) continue;
      queued.add(next);
      queue.push(next);
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
