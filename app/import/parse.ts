// Reads the uploaded files into raw tables: an .xlsx workbook (one sheet per table) or CSV files
// named after the tables. Only shape is checked here (known tables, header row, columns); the
// values are the validator's business.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { isTableName, normaliseHeader, TABLE_BY_NAME, TABLE_NAMES, type TableName } from "./columns";
import type { ImportFile, ImportProblem, RawRow, RawTable, RawValue } from "./types";

export interface ParseResult {
  tables: RawTable[];
  warnings: string[];
  problems: ImportProblem[];
}

/** The template's own sheet of instructions is expected in a workbook and never read. */
const INSTRUCTIONS_SHEET = "instruktioner";

export async function parseFiles(files: readonly ImportFile[]): Promise<ParseResult> {
  const result: ParseResult = { tables: [], warnings: [], problems: [] };
  for (const file of files) {
    const extension = file.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
    if (extension === "xlsx") await parseWorkbook(file, result);
    else if (extension === "csv" || extension === "txt") parseCsvFile(file, result);
    else {
      result.problems.push(fileProblem(file.name, `Filtypen stöds inte. Förväntat en Excel-arbetsbok (.xlsx) eller CSV-filer (.csv).`));
    }
  }
  return result;
}

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function fileProblem(sheet: string, message: string): ImportProblem {
  return { sheet, row: null, column: null, value: "", message };
}

// ---------------------------------------------------------------------------------------------
// xlsx

async function parseWorkbook(file: ImportFile, result: ParseResult): Promise<void> {
  // Not ExcelJS's streaming reader, although it is faster: with the part order Excel writes and
  // more than a few sheets, it silently skips sheets and leaves shared strings unresolved.
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(asBuffer(file.data) as unknown as ArrayBuffer);
  } catch (error) {
    result.problems.push(
      fileProblem(
        file.name,
        `Filen kunde inte läsas som en Excel-arbetsbok (.xlsx): ${(error as Error).message}. Spara den som .xlsx i Excel och försök igen.`,
      ),
    );
    return;
  }
  for (const worksheet of workbook.worksheets) {
    const builder = sheetBuilder(file, worksheet.name, result);
    if (!builder) continue;
    worksheet.eachRow((row, rowNumber) => builder.add(rowNumber, rowCells(row.values)));
    builder.finish();
  }
}

/** The builder for a sheet, or null (with a warning) for a sheet that is no table. */
function sheetBuilder(file: ImportFile, sheetName: string, result: ParseResult): TableBuilder | null {
  const tableName = normaliseHeader(sheetName);
  if (tableName === INSTRUCTIONS_SHEET) return null;
  if (!isTableName(tableName)) {
    result.warnings.push(`${file.name}: bladet "${sheetName}" motsvarar ingen tabell och hoppas över. Tabellerna heter ${TABLE_NAMES.join(", ")}.`);
    return null;
  }
  return new TableBuilder(tableName, sheetName, result);
}

/** row.values is 1-based and sparse: index 0 is always empty. */
function rowCells(values: unknown): Array<RawValue | undefined> {
  const cells = Array.isArray(values) ? values : [];
  const out: Array<RawValue | undefined> = [];
  for (let i = 1; i < cells.length; i++) out.push(cellValue(cells[i]));
  return out;
}

/** An Excel cell's value as text, number or date; formulas give their result. */
export function cellValue(value: unknown): RawValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? undefined : text;
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === "object") {
    const cell = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown; formula?: unknown };
    if (Array.isArray(cell.richText)) return cellValue(cell.richText.map((part) => part.text).join(""));
    if ("formula" in cell || "sharedFormula" in cell) return cellValue(cell.result);
    if ("text" in cell) return cellValue(cell.text);
    if ("error" in cell) return String(cell.error);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// CSV

function parseCsvFile(file: ImportFile, result: ParseResult): void {
  const baseName = file.name.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const tableName = normaliseHeader(baseName);
  if (!isTableName(tableName)) {
    result.problems.push(
      fileProblem(
        file.name,
        `Filnamnet motsvarar ingen tabell. Döp filen efter tabellen den innehåller: ${TABLE_NAMES.map((name) => `${name}.csv`).join(", ")}.`,
      ),
    );
    return;
  }
  const text = decodeText(file.data);
  const parsed = Papa.parse<string[]>(text, { delimiter: sniffDelimiter(text), skipEmptyLines: false });
  for (const error of parsed.errors) {
    // Papa reports the record index (0-based); the user counts rows from 1.
    result.problems.push({
      sheet: file.name,
      row: typeof error.row === "number" ? error.row + 1 : null,
      column: null,
      value: "",
      message: `CSV-filen kunde inte läsas här (${error.message}). Kontrollera citattecknen på raden.`,
    });
  }
  const builder = new TableBuilder(tableName, file.name.replace(/^.*[\\/]/, ""), result);
  parsed.data.forEach((record, index) => {
    builder.add(
      index + 1,
      record.map((cell) => {
        const value = cell.trim();
        return value === "" ? undefined : value;
      }),
    );
  });
  builder.finish();
}

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise Windows-1252, which is
 * what Swedish Excel writes for "CSV (semikolonavgränsad)". UTF-16 with a BOM is Excel's
 * "Unicode text".
 */
export function decodeText(data: Uint8Array): string {
  const bytes = asBuffer(data);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), "utf16le");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "win1252");
  }
}

/** Semicolon (Swedish Excel), comma or tab: whichever the header line has most of, outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) {
      if (counts[";"] + counts[","] + counts["\t"] > 0) break;
    } else if (!quoted && char in counts) counts[char] += 1;
  }
  if (counts["\t"] > counts[";"] && counts["\t"] > counts[","]) return "\t";
  return counts[";"] >= counts[","] && counts[";"] > 0 ? ";" : ",";
}

// ---------------------------------------------------------------------------------------------
// Shared: header row, known columns, rows

class TableBuilder {
  private header: Array<string | null> | null = null;
  private headerRow = 1;
  private readonly rows: RawRow[] = [];
  private readonly columns: string[] = [];

  constructor(
    private readonly table: TableName,
    private readonly sheet: string,
    private readonly result: ParseResult,
  ) {}

  add(rowNumber: number, cells: ReadonlyArray<RawValue | undefined>): void {
    if (!cells.some((cell) => cell !== undefined)) return;
    if (!this.header) {
      this.headerRow = rowNumber;
      this.readHeader(cells);
      return;
    }
    const values: Record<string, RawValue> = {};
    let any = false;
    const header = this.header;
    for (let i = 0; i < header.length && i < cells.length; i++) {
      const key = header[i];
      const cell = cells[i];
      if (key !== null && cell !== undefined) {
        values[key] = cell;
        any = true;
      }
    }
    // A row with values only in unknown columns carries nothing to import.
    if (any) this.rows.push({ rowNumber, values });
  }

  private readHeader(cells: ReadonlyArray<RawValue | undefined>): void {
    const known = new Set(TABLE_BY_NAME.get(this.table)!.columns.map((column) => column.key));
    const unknown: string[] = [];
    this.header = cells.map((cell) => {
      if (cell === undefined) return null;
      const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
      const key = normaliseHeader(text);
      if (!known.has(key)) {
        unknown.push(text);
        return null;
      }
      if (this.columns.includes(key)) {
        this.result.problems.push({
          sheet: this.sheet,
          row: this.headerRow,
          column: key,
          value: text,
          message: `Kolumnen "${key}" finns två gånger i rubrikraden. Ta bort den ena.`,
        });
        return null;
      }
      this.columns.push(key);
      return key;
    });
    if (unknown.length) {
      this.result.warnings.push(
        `${this.sheet}: ${unknown.length === 1 ? "kolumnen" : "kolumnerna"} ${unknown.map((name) => `"${name}"`).join(", ")} känns inte igen och hoppas över.`,
      );
    }
  }

  finish(): void {
    const definition = TABLE_BY_NAME.get(this.table)!;
    if (!this.header) return; // an empty sheet: nothing to import, nothing wrong
    for (const column of definition.columns) {
      if (column.required && !this.columns.includes(column.key)) {
        this.result.problems.push({
          sheet: this.sheet,
          row: this.headerRow,
          column: column.key,
          value: "",
          message: `Kolumnen "${column.key}" saknas i rubrikraden. Den måste finnas och vara ifylld på varje rad.`,
        });
      }
    }
    this.result.tables.push({ table: this.table, sheet: this.sheet, columns: this.columns, rows: this.rows });
  }
}
