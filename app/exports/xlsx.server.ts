/**
 * The statistics as an Excel workbook: a first sheet on what the report covers and its summary
 * sentences, then one sheet per table with the column headers on row 1 and numbers as numbers
 * (counts as integers, shares as fractions shown with a percent format), so the förbund can go
 * on calculating with them, and last every value in long format for a pivot table. Hidden small
 * numbers stay text ("färre än 3"). Columns are as wide as their longest shown text.
 */
import ExcelJS from "exceljs";
import { type CellValue, cellFormat, formatCell, type ValueFormat } from "~/charts/cells";
import type { ReportDocument, ReportMeta, ReportSection } from "~/charts/sections";
import { type LongRow, longRows } from "./long-format";

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

// Excel shows these with the reader's own separators: "1 234", "81,4 %", "−0,5" in Swedish Excel.
const NUMBER_FORMATS: Record<ValueFormat, string | undefined> = {
  text: undefined,
  count: "#,##0",
  share: "0.0 %",
  change: '+0.0;"−"0.0;0.0',
};

export const LONG_SHEET = "Alla värden (långt format)";
const LONG_COLUMNS: ReadonlyArray<[key: keyof LongRow | "unit", label: string]> = [
  ["section", "Avsnitt"],
  ["grouping", "Indelning"],
  ["group", "Grupp"],
  ["measure", "Mått"],
  ["period", "Period"],
  ["value", "Värde"],
  ["unit", "Enhet"],
];
const UNITS: Record<ValueFormat, string> = { count: "antal", share: "andel", change: "förändring", text: "text" };

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** A column as wide as its longest text as Excel shows it, with a little air; longer text wraps. */
export function fittedWidth(texts: readonly string[]): number {
  const longest = Math.max(0, ...texts.map((text) => text.length));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** A number with its format; a hidden one as the text it is. */
function setValue(cell: ExcelJS.Cell, value: CellValue | undefined, format: ValueFormat): void {
  cell.value = value ?? null;
  const numFmt = NUMBER_FORMATS[format];
  if (typeof value === "number" && numFmt) cell.numFmt = numFmt;
}

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
  sheet.columns = [{ width: fittedWidth(["Avsnitt", ...sections.map((section) => section.title)]) }, { width: MAX_WIDTH * 2 }];
  sheet.addRow([`${meta.title} – ${meta.organisation}`]).font = { bold: true, size: 14 };
  for (const line of [meta.period, meta.comparison, meta.filters, meta.suppression]) sheet.addRow([line]);
  sheet.addRow([]);
  sheet.addRow(["Avsnitt", "Sammanfattning"]).font = { bold: true };
  for (const section of sections) sheet.addRow([section.title, section.summary]).alignment = { wrapText: true, vertical: "top" };
}

function addSectionSheet(workbook: ExcelJS.Workbook, section: ReportSection, name: string): void {
  const { columns, rows, footer } = section.table;
  const all = [...rows, ...footer];
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.label,
    key: column.key,
    width: fittedWidth([column.label, ...all.map((row) => formatCell(row[column.key], cellFormat(column, row)))]),
    style: { alignment: { horizontal: column.numeric ? "right" : "left", vertical: "top", wrapText: true } },
  }));
  sheet.getRow(1).font = { bold: true };
  all.forEach((row, index) => {
    const added = sheet.addRow([]);
    if (index >= rows.length) added.font = { bold: true };
    columns.forEach((column, at) => setValue(added.getCell(at + 1), row[column.key], cellFormat(column, row)));
  });
}

function addLongSheet(workbook: ExcelJS.Workbook, rows: readonly LongRow[]): void {
  const sheet = workbook.addWorksheet(LONG_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  const texts = (key: (typeof LONG_COLUMNS)[number][0]) =>
    rows.map((row) => (key === "unit" ? UNITS[row.format] : key === "value" ? formatCell(row.value, row.format) : String(row[key])));
  sheet.columns = LONG_COLUMNS.map(([key, label]) => ({
    header: label,
    key,
    width: fittedWidth([label, ...texts(key)]),
    style: { alignment: { horizontal: key === "value" ? "right" : "left", vertical: "top", wrapText: true } },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow([row.section, row.grouping, row.group, row.measure, row.period, null, UNITS[row.format]]);
    setValue(added.getCell(6), row.value, row.format);
  }
  // The filter buttons on the header row, so a reader can pick a section or period at once.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: LONG_COLUMNS.length } };
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
  addLongSheet(workbook, longRows(sections, meta));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
