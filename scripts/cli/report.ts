// npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--insats NAMN] [--kommun NAMN]
//                   [--format json|csv|xlsx|docx] [--out FIL] [--org NAMN]
//
// The report JSON of docs/report-json.md (or the statistics section as CSV, Excel or Word) for
// one period. Exit 0 on success, 1 when the förbund, insats or kommun does not exist, 2 when the
// arguments are wrong. The document libraries are imported only for csv, xlsx and docx, so the
// JSON path starts fast.
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { databaseUrl } from "~/data/db.server";
import { buildReport, buildReportBundle, findReportOrganisation, ReportQueryError } from "~/data/statistics.server";
import { migrateSqlite } from "~/data/sqlite.server";
import type { ReportQuery } from "~/domain/report-bundle";
import { isoDate } from "~/schemas/form";
import { parseCliArgs } from "./args";

const USAGE = `Användning: npm run report -- --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD [--insats NAMN] [--kommun NAMN]
                          [--format json|csv|xlsx|docx] [--out FIL] [--org NAMN]
Skriver rapporten som JSON till standard ut, eller till FIL med --out (se docs/report-json.md).
Omdirigera med npm run -s report -- ... > fil.json (utan -s skriver npm sin egen rubrik först).
Exempel: npm run report -- --from 2025-01-01 --to 2025-08-31 --insats SamSteg --format docx --out delar-2025.docx`;

const FORMATS = ["json", "csv", "xlsx", "docx"] as const;
const optionalName = (option: string) => z.string().trim().min(1, `${option} kräver ett namn.`).optional();

const reportArgs = z
  .object({
    from: isoDate("Från-datumet (--from)"),
    to: isoDate("Till-datumet (--to)"),
    insats: optionalName("--insats"),
    kommun: optionalName("--kommun"),
    format: z.enum(FORMATS, { error: "--format ska vara json, csv, xlsx eller docx." }).default("json"),
    out: z.string().trim().min(1, "--out kräver ett filnamn.").optional(),
    org: optionalName("--org"),
    positionals: z.array(z.string()).max(0, "Okända argument; alla värden anges med --namn."),
  })
  .refine((args) => args.from <= args.to, { path: ["to"], message: "Till-datumet (--to) får inte vara före från-datumet (--from)." })
  .refine((args) => args.out !== undefined || args.format === "json" || args.format === "csv" || !process.stdout.isTTY, {
    path: ["out"],
    message: "Word- och Excel-filer skrivs inte till terminalen: ange --out FIL.",
  });

type ReportArgs = z.output<typeof reportArgs>;

function parse(args: string[]): ReportArgs | null {
  const { values, positionals } = parseCliArgs(
    args,
    {
      from: { type: "string" },
      to: { type: "string" },
      insats: { type: "string" },
      kommun: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      org: { type: "string" },
    },
    USAGE,
  );
  const parsed = reportArgs.safeParse({ ...values, positionals });
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) => `Fel: ${issue.message}`);
  console.error(`${messages.join("\n")}\n\n${USAGE}`);
  return null;
}

async function render(args: ReportArgs, organisationId: string, query: ReportQuery): Promise<string | Buffer> {
  if (args.format === "json") {
    return `${JSON.stringify(await buildReport(organisationId, query), null, 2)}\n`;
  }
  // Exports hide small numbers, as the statistics page does by default.
  // The command line is the förbundschef's: its documents include the caseload, as its JSON does.
  const bundle = await buildReportBundle(organisationId, query, { suppressSmallNumbers: true, caseload: true });
  const { renderReportFile } = await import("~/exports/index.server");
  return renderReportFile(args.format, bundle);
}

export async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (args === null) return 2;
  migrateSqlite(databaseUrl());
  let output: string | Buffer;
  try {
    const organisation = await findReportOrganisation(args.org ?? null);
    const query: ReportQuery = {
      period: { from: args.from, to: args.to },
      insats: args.insats ?? null,
      kommun: args.kommun ?? null,
    };
    output = await render(args, organisation.id, query);
  } catch (error) {
    if (!(error instanceof ReportQueryError)) throw error;
    console.error(`Fel: ${error.message}`);
    return 1;
  }
  return write(args.out, output);
}

function write(file: string | undefined, output: string | Buffer): number {
  if (file === undefined) {
    process.stdout.write(output);
    return 0;
  }
  try {
    writeFileSync(file, output);
    return 0;
  } catch (error) {
    console.error(`Fel: Kunde inte skriva ${file}: ${(error as Error).message}`);
    return 1;
  }
}
