// npm run db:setup [-- --org NAME]: create or migrate the database and add the default
// reference data. No demo participants. Safe to run twice.
import { databaseUrl } from "~/data/db.server";
import { setupDatabase } from "~/data/setup.server";
import { migrateSqlite } from "~/data/sqlite.server";
import { parseCliArgs } from "./args";

const USAGE = "Användning: npm run db:setup -- [--org NAMN]";

export async function main(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, { org: { type: "string" } }, USAGE);
  const applied = migrateSqlite(databaseUrl());
  const { created } = await setupDatabase(values.org);
  console.log(
    [
      applied.length ? `Migreringar körda: ${applied.join(", ")}` : "Databasen är redan migrerad.",
      created ? `Organisationen "${values.org ?? "Samordningsförbundet"}" skapades.` : "Organisationen fanns redan.",
      "Standardlistor (avslutsorsaker, åldersgrupper, Trappan, SKAPA, aktivitets- och stödinsatstyper) är på plats.",
    ].join("\n"),
  );
  return 0;
}
