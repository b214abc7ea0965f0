// npm run import -- [--dry-run] [--create-missing] [--org NAME] FILE...
// Exit 0: everything imported (or would be, with --dry-run). Exit 1: the full error report on
// stderr and nothing written. Exit 2: the command was used wrongly.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseUrl } from "~/data/db.server";
import { importFiles } from "~/data/import-write.server";
import { chooseOrganisation, type OrganisationChoice } from "~/data/organisations.server";
import { migrateSqlite } from "~/data/sqlite.server";
import { TABLE_NAMES, type ImportFile, type ImportResult } from "~/import";
import { formatNumber } from "~/utils/format";

const USAGE = [
  "Användning: npm run import -- [--dry-run] [--create-missing] [--org NAMN] FIL...",
  "  FIL               en Excel-arbetsbok (.xlsx) med ett blad per tabell, eller CSV-filer",
  "                    som heter som tabellerna (deltagare.csv, trappan.csv, ...)",
  "  --dry-run         kontrollera och räkna, men skriv ingenting",
  "  --create-missing  skapa insatser, kommuner och remittenter som förbundet saknar",
  "  --org NAMN        förbundet att importera till (krävs när databasen har flera)",
].join("\n");

function usageError(message: string): number {
  console.error(`${message}\n\n${USAGE}`);
  return 2;
}

export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    // Not parseCliArgs: it exits the process, and the tests call main() in-process.
    parsed = parseArgs({
      args,
      options: { "dry-run": { type: "boolean" }, "create-missing": { type: "boolean" }, org: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) return usageError("Ange minst en fil att importera.");

  const files: ImportFile[] = [];
  for (const file of positionals) {
    try {
      files.push({ name: path.basename(file), data: await readFile(file) });
    } catch (error) {
      return usageError(`Filen "${file}" kan inte läsas: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  }

  migrateSqlite(databaseUrl());
  const choice = await chooseOrganisation(values.org);
  if (!choice.ok) return usageError(organisationRefusal(choice, values.org));
  const { organisation } = choice;

  const result = await importFiles({
    organisationId: organisation.id,
    files,
    dryRun: values["dry-run"] ?? false,
    createMissing: values["create-missing"] ?? false,
    userId: null,
  });
  if (!result.ok) {
    console.error(errorReport(result));
    return 1;
  }
  console.log(summary(result, organisation.name));
  return 0;
}

/** Why --org (or its absence) names no förbund, in the words of the command line. */
function organisationRefusal(choice: Exclude<OrganisationChoice, { ok: true }>, name: string | undefined): string {
  if (choice.reason === "not-found") return `Det finns inget förbund som heter "${name}".`;
  if (choice.reason === "none") return "Databasen har inget förbund ännu. Kör först: npm run db:setup -- --org NAMN";
  return `Databasen har flera förbund; välj ett med --org: ${choice.names.map((n) => `"${n}"`).join(", ")}.`;
}

export function summary(result: ImportResult, organisationName: string): string {
  const lines = [
    result.dryRun ? `Torrkörning för ${organisationName}: inget har skrivits. Så här mycket skulle importeras:` : `Importen till ${organisationName} är klar.`,
  ];
  const width = Math.max(...TABLE_NAMES.map((name) => name.length));
  for (const name of TABLE_NAMES) {
    const count = result.counts.tables[name];
    if (count.rows === 0) continue;
    const existing = count.existing ? ` (${formatNumber(count.existing)} fanns redan och hoppades över)` : "";
    lines.push(`  ${name.padEnd(width)}  ${formatNumber(count.new).padStart(9)} ${result.dryRun ? "nya" : "importerade"}${existing}`);
  }
  lines.push(
    `  Nya deltagare: ${formatNumber(result.counts.participants)}, nya samtycken: ${formatNumber(result.counts.consents)}, nya SKAPA-bedömningar: ${formatNumber(result.counts.assessments)}.`,
  );
  const created = [
    ...result.missing.insatser.map((name) => `insats "${name}"`),
    ...result.missing.kommuner.map((name) => `kommun "${name}"`),
    ...result.missing.remittenter.map((name) => `remittent "${name}"`),
  ];
  if (created.length) lines.push(`${result.dryRun ? "Skulle skapas" : "Skapade"}: ${created.join(", ")}.`);
  if (result.warnings.length) lines.push("Anmärkningar:", ...result.warnings.map((warning) => `  - ${warning}`));
  return lines.join("\n");
}

export function errorReport(result: ImportResult): string {
  const count = result.problems.length;
  const lines = [`Importen avbröts: ${formatNumber(count)} fel hittades. Ingenting har skrivits.`];
  const missing = [
    ...result.missing.insatser.map((name) => `insats "${name}"`),
    ...result.missing.kommuner.map((name) => `kommun "${name}"`),
    ...result.missing.remittenter.map((name) => `remittent "${name}"`),
  ];
  if (missing.length) lines.push(`Saknas i förbundets listor: ${missing.join(", ")}. Lägg till dem eller kör med --create-missing.`);
  for (const problem of result.problems) {
    const where = [problem.sheet, problem.row !== null ? `rad ${problem.row}` : null, problem.column ? `kolumn ${problem.column}` : null]
      .filter(Boolean)
      .join(", ");
    lines.push(`${where}: ${problem.message}`);
  }
  if (result.warnings.length) lines.push("Anmärkningar:", ...result.warnings.map((warning) => `  - ${warning}`));
  return lines.join("\n");
}
