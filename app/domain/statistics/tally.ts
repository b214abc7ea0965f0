import type { Gender, GenderMap } from "./types";

/** A share of two counts; 0 (never NaN) when nothing was counted, the counts tell the rest. */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

export function increment(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** The entry for `key`, created by `create` on first use. */
export function entry<T>(map: Map<string, T>, key: string, create: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

const collator = new Intl.Collator("sv");

/**
 * A plain object with keys in Swedish alphabetical order, so the JSON does not depend on the
 * order records arrived in. Built with fromEntries so labels such as "__proto__" stay data.
 */
export function toSortedRecord<T>(map: Map<string, T>): Record<string, T> {
  const entries = [...map.entries()].sort(([a], [b]) => collator.compare(a, b));
  return Object.fromEntries(entries);
}

export function genderTally<T>(create: () => T): Record<Gender, T> {
  return { kvinna: create(), man: create(), annat: create() };
}

/** Reports always show kvinnor and män; the rest only when there is something to show. */
export function toGenderMap<T>(tally: Record<Gender, T>, isEmpty: (value: T) => boolean): GenderMap<T> {
  const map: GenderMap<T> = { kvinna: tally.kvinna, man: tally.man };
  if (!isEmpty(tally.annat)) map.annat = tally.annat;
  return map;
}

export function toGenderCounts(tally: Record<Gender, number>): GenderMap<number> {
  return toGenderMap(tally, (count) => count === 0);
}
