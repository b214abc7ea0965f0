/**
 * The statistics as an Excel workbook: a first sheet on what the report covers and its summary
 * sentences, then one sheet per table with the column headers on row 1 and numbers as numbers
 * (counts as integers, shares as fractions shown with a percent format), so the förbund can go
 * on calculating with them. Hidden small numbers stay text ("färre än 3").
 */
import ExcelJS from "exceljs";
import { cellFormat, type ValueFormat } from "~/charts/cells";
import type { ReportDocument, ReportMeta, ReportSection } from "~/charts/sections";

const MAX_SHEET_NAME = 31;

// Short names for the sheets whose titles do not fit Excel's 31 characters well.
const SHEET_NAMES: Record<string, string> = {
  oversikt: "Översikt",
  "uppfoljning-finsam": "Uppföljning Finsam",
  utveckling: "Utveckling över tid",
  kommuner: "Per kommun",
  koordinatorer: "Per koordinator och kommun",
  kon: "Per kön",
  alder: "Per åldersgrupp",
  trappan: "Trappan start och senaste",
  skapa: "SKAPA erbjudande, progression",
  "skapa-omraden": "SKAPA per område",
  avslut: "Avslutsskäl",
  "remittent-kommun": "Remisser remittent och kommun",
  "forsorjning-start-slut": "Försörjning start och slut",
  "forsorjning-byten": "Nytt försörjningsmedel",
  "trappan-forflyttning": "Förflyttning i Trappan",
  utfallsgrupper: "Utfallsgrupper",
  "avslut-kommun": "Avslutsskäl per kommun",
  "avslut-steg": "Avslut per sista steg",
  "deltagarnas-bedomning": "Deltagarnas bedömning",
  stodinsatser: "Stödinsatser",
  fov: "FOV per kön",
};

const NUMBER_FORMATS: Record<ValueFormat, string | undefined> = {
  text: undefined,
  count: "#,##0",
  share: "0.0%",
  change: "+0.0;-0.0;0.0",
};

/** Excel refuses [ ] : * ? / \ in a sheet name, more than 31 characters, and duplicates. */
export function sheetName(wanted: string, taken: ReadonlySet<string>): string {
  const clean =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "") || "Blad";
  let name = clean.slice(0, MAX_SHEET_NAME).trim();
  for (let n = 2; [...taken].some((other) => other.toLowerCase() === name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${clean.slice(0, MAX_SHEET_NAME - suffix.length).trim()}${suffix}`;
  }
  return name;
}

function addAboutSheet(workbook: ExcelJS.Workbook, meta: ReportMeta, sections: readonly ReportSection[]): void {
  const sheet = workbook.addWorksheet("Om rapporten");
  sheet.columns = [{ width: 34 }, { width: 110 }];
  sheet.addRow([`${meta.title} – ${meta.organisation}`]).font = { bold: true, size: 14 };
  for (const line of [meta.period, meta.comparison, meta.filters, meta.suppression]) sheet.addRow([line]);
  sheet.addRow([]);
  sheet.addRow(["Avsnitt", "Sammanfattning"]).font = { bold: true };
  for (const section of sections) sheet.addRow([section.title, section.summary]).alignment = { wrapText: true, vertical: "top" };
}

function addSectionSheet(workbook: ExcelJS.Workbook, section: ReportSection, name: string): void {
  const { columns, rows, footer } = section.table;
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({
    header: column.label,
    key: column.key,
    width: Math.min(60, Math.max(12, column.label.length + 2, ...rows.map((row) => String(row[column.key] ?? "").length + 2))),
    style: { alignment: { horizontal: column.numeric ? "right" : "left", wrapText: index === 0 } },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const [isFooter, list] of [
    [false, rows],
    [true, footer],
  ] as const) {
    for (const row of list) {
      const added = sheet.addRow(columns.map((column) => row[column.key] ?? null));
      if (isFooter) added.font = { bold: true };
      columns.forEach((column, index) => {
        const value = row[column.key];
        const format = NUMBER_FORMATS[cellFormat(column, row)];
        if (typeof value === "number" && format) added.getCell(index + 1).numFmt = format;
      });
    }
  }
}

export async function reportXlsx(document: ReportDocument): Promise<Buffer> {
  const { meta, sections } = document;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Stegvis";
  workbook.title = `${document.title} – ${meta.organisation}`;
  addAboutSheet(workbook, meta, sections);
  const taken = new Set(["Om rapporten"]);
  for (const section of sections) {
    const name = sheetName(SHEET_NAMES[section.id] ?? section.title, taken);
    taken.add(name);
    addSectionSheet(workbook, section, name);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
