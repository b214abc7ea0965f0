// Insats, kommun and remittent: values the förbund lacks are listed once each, and created only
// on request ("Skapa saknade", --create-missing), so that a misspelling never becomes a kommun.
import { DEFAULT_SKAPA_AREAS, DEFAULT_SKAPA_SCALE } from "~/domain/reference-defaults";
import { nameProblem } from "~/domain/text-safety";
import { unsafeCharactersMessage } from "~/schemas/form";
import type { TableName } from "../columns";
import type { Lookup, RowReader } from "../rows";
import { asText, labelKey } from "../values";
import { tablesNamed, type ValidationContext } from "./context";
import { SEP } from "./keys";
import type { InsatsItem, NamedItem } from "./types";

const KINDS = {
  insats: { singular: "Insatsen", missingKey: "insatser" },
  kommun: { singular: "Kommunen", missingKey: "kommuner" },
  remittent: { singular: "Remittenten", missingKey: "remittenter" },
} as const;
type CreatableKind = keyof typeof KINDS;

const SOURCES: ReadonlyArray<[TableName, string, CreatableKind]> = [
  ["deltagare", "insats", "insats"],
  ["deltagare", "kommun", "kommun"],
  ["deltagare", "remittent", "remittent"],
  ["remisser", "insats", "insats"],
  ["remisser", "kommun", "kommun"],
  ["remisser", "remittent", "remittent"],
  ["studiebesok", "insats", "insats"],
  ["studiebesok", "kommun", "kommun"],
];

/** Lists every value the förbund lacks; reports each once, or plans it when createMissing. */
export function resolveMissingReferences(ctx: ValidationContext): void {
  const found = new Map<string, { kind: CreatableKind; name: string; sheet: string; row: number; column: string; count: number }>();
  for (const [tableName, column, kind] of SOURCES) {
    const lookup = lookupFor(ctx, kind);
    for (const table of tablesNamed(ctx, tableName)) {
      for (const row of table.rows) {
        const value = row.values[column];
        if (value === undefined) continue;
        const name = asText(value);
        if (lookup.get(name)) continue;
        const key = `${kind}${SEP}${labelKey(name)}`;
        const entry = found.get(key);
        if (entry) entry.count += 1;
        else found.set(key, { kind, name, sheet: table.sheet, row: row.rowNumber, column, count: 1 });
      }
    }
  }
  for (const entry of found.values()) {
    if (nameProblem(entry.name)) {
      // Never created, whatever the choice: a name with a control character would lie in every list.
      ctx.report(entry.sheet, entry.row, entry.column, entry.name, unsafeCharactersMessage("Namnet"));
      continue;
    }
    ctx.missing[KINDS[entry.kind].missingKey].push(entry.name);
    if (ctx.options.createMissing) {
      createReference(ctx, entry.kind, entry.name);
      continue;
    }
    const rows = entry.count === 1 ? "1 rad" : `${entry.count} rader`;
    ctx.report(
      entry.sheet,
      entry.row,
      entry.column,
      entry.name,
      `${KINDS[entry.kind].singular} "${entry.name}" finns inte i förbundets lista (används på ${rows}). ` +
        `Rätta stavningen, lägg till den under Administration eller välj "Skapa saknade" (--create-missing på kommandoraden).`,
    );
  }
}

function lookupFor(ctx: ValidationContext, kind: CreatableKind): Lookup<NamedItem> {
  return kind === "insats" ? ctx.insatser : kind === "kommun" ? ctx.kommuner : ctx.referrers;
}

function createReference(ctx: ValidationContext, kind: CreatableKind, name: string): void {
  const id = ctx.options.newId();
  if (kind === "insats") {
    // A new insats gets the default instrument, as one created under Administration does.
    const areas = DEFAULT_SKAPA_AREAS.map((label, sortOrder) => ({ id: ctx.options.newId(), label, sortOrder }));
    const insats: InsatsItem = { id, name, skapaScaleMin: DEFAULT_SKAPA_SCALE.min, skapaScaleMax: DEFAULT_SKAPA_SCALE.max, areas };
    ctx.insatser.add(insats);
    ctx.insatsById.set(id, insats);
    ctx.plan.create.insatser.push({ id, name, areas });
  } else if (kind === "kommun") {
    ctx.kommuner.add({ id, name });
    ctx.plan.create.kommuner.push({ id, name });
  } else {
    ctx.referrers.add({ id, name });
    ctx.plan.create.referrers.push({ id, name });
  }
}

/** A required insats, kommun or remittent cell; a missing value was reported once, above. */
export function intakeReference<T extends NamedItem>(r: RowReader, column: string, lookup: Lookup<T>): T | undefined {
  const value = r.required(column);
  if (value === undefined) return undefined;
  const found = lookup.get(asText(value));
  if (!found) r.ok = false; // reported once per missing value by resolveMissingReferences
  return found;
}
