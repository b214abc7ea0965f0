/**
 * The statistics as one CSV file the way Swedish Excel reads it: UTF-8 with a byte-order mark,
 * semicolons, decimal commas. Each table is a block whose first column names its section, with
 * a blank line between blocks. Counts are plain integers; shares are written as "81,4 %", which
 * Excel reads as a percentage.
 */
import { cellFormat, formatCell, type CellValue, type TableColumn, type TableRow } from "~/charts/cells";
import type { ReportDocument } from "~/charts/sections";

const BOM = "\uFEFF";
const SEPARATOR = ";";

/** A text starting like a formula would run in a spreadsheet; an apostrophe keeps it text. */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(text: string): string {
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvValue(value: CellValue | undefined, column: TableColumn, row: TableRow): string {
  if (value === undefined) return "";
  if (typeof value === "string") return neutralise(value);
  switch (cellFormat(column, row)) {
    case "count":
      return String(value);
    case "share":
      return formatCell(value, "share");
    case "change":
      // Excel takes "-0,5" as a number; the typographic minus of the screen would be text.
      return value.toFixed(1).replace(".", ",");
    case "text":
      return neutralise(String(value));
  }
}

function line(fields: string[]): string {
  return fields.map(field).join(SEPARATOR);
}

export function reportCsv(document: ReportDocument): Buffer {
  const { meta, sections } = document;
  const lines: string[] = [
    line(["Rapport", neutralise(`${document.title} – ${meta.organisation}`)]),
    ...[meta.period, meta.comparison, meta.filters, meta.suppression].map((text) => line(["", neutralise(text)])),
    "",
  ];
  for (const section of sections) {
    const { columns, rows, footer } = section.table;
    lines.push(line(["Avsnitt", ...columns.map((column) => neutralise(column.label))]));
    for (const row of [...rows, ...footer]) {
      lines.push(line([neutralise(section.title), ...columns.map((column) => csvValue(row[column.key], column, row))]));
    }
    lines.push("");
  }
  return Buffer.from(BOM + lines.join("\r\n"), "utf8");
}
