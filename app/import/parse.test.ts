import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { normaliseHeader } from "./columns";
import { decodeText, parseFiles, sniffDelimiter } from "./parse";

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("normaliseHeader", () => {
  it.each([
    ["Åldersgrupp", "aldersgrupp"],
    ["  KÖN * ", "kon"],
    ["Höjd aktivitetsnivå", "hojd_aktivitetsniva"],
    ["Planering efter avslut", "planering_efter_avslut"],
    ["SKAPA-erbjuden", "skapa_erbjuden"],
    ["Studiebesök", "studiebesok"],
    ["poäng", "poang"],
  ])("reads %j as %s", (raw, expected) => {
    expect(normaliseHeader(raw)).toBe(expected);
  });
});

describe("decodeText and sniffDelimiter", () => {
  it("reads UTF-8 with a BOM, UTF-8 without, and Windows-1252 (Swedish Excel's CSV)", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("kön;Växjö")]))).toBe("kön;Växjö");
    expect(decodeText(utf8("kön;Växjö"))).toBe("kön;Växjö");
    expect(decodeText(new Uint8Array(iconv.encode("kön;Växjö;Åsa", "win1252")))).toBe("kön;Växjö;Åsa");
  });

  it("picks the delimiter of the header line, ignoring quoted ones", () => {
    expect(sniffDelimiter("deltagare;datum;steg\nP-1;2025-01-01;2")).toBe(";");
    expect(sniffDelimiter("deltagare,datum,steg\n")).toBe(",");
    expect(sniffDelimiter('"a;b;c",datum,steg\n')).toBe(",");
    expect(sniffDelimiter("\n\ndeltagare\tdatum\n")).toBe("\t");
  });
});

describe("CSV files", () => {
  it("reads a semicolon CSV in Windows-1252 with its row numbers, skipping blank lines", async () => {
    const text = "Deltagare;Datum;Steg\r\nP-1;2025-01-10;2\r\n;;\r\nP-2;20250111; 3 \r\n";
    const result = await parseFiles([{ name: "Trappan.csv", data: new Uint8Array(iconv.encode(text, "win1252")) }]);
    expect(result.problems).toEqual([]);
    expect(result.tables).toEqual([
      {
        table: "trappan",
        sheet: "Trappan.csv",
        columns: ["deltagare", "datum", "steg"],
        rows: [
          { rowNumber: 2, values: { deltagare: "P-1", datum: "2025-01-10", steg: "2" } },
          { rowNumber: 4, values: { deltagare: "P-2", datum: "20250111", steg: "3" } },
        ],
      },
    ]);
  });

  it("keeps quoted delimiters and Swedish letters, and warns about unknown columns", async () => {
    const text = '\uFEFFdeltagare,datum,svar,kommentar\nP-1,2025-02-01,"ej tillfrågad","sa ""nej, tack"""\n';
    const result = await parseFiles([{ name: "fov.csv", data: utf8(text) }]);
    expect(result.tables[0].rows).toEqual([{ rowNumber: 2, values: { deltagare: "P-1", datum: "2025-02-01", svar: "ej tillfrågad" } }]);
    expect(result.warnings).toEqual(['fov.csv: kolumnen "kommentar" känns inte igen och hoppas över.']);
  });

  it("reports a file named after no table, a missing required column and an unsupported file type", async () => {
    const result = await parseFiles([
      { name: "data.csv", data: utf8("a;b\n1;2\n") },
      { name: "trappan.csv", data: utf8("deltagare;steg\nP-1;2\n") },
      { name: "gammal.xls", data: utf8("x") },
    ]);
    expect(result.problems).toEqual([
      {
        sheet: "data.csv",
        row: null,
        column: null,
        value: "",
        message:
          "Filnamnet motsvarar ingen tabell. Döp filen efter tabellen den innehåller: deltagare.csv, trappan.csv, skapa.csv, " +
          "skapa_erbjuden.csv, fov.csv, stodinsatser.csv, aktiviteter.csv, remisser.csv, studiebesok.csv, forsorjning.csv.",
      },
      {
        sheet: "trappan.csv",
        row: 1,
        column: "datum",
        value: "",
        message: 'Kolumnen "datum" saknas i rubrikraden. Den måste finnas och vara ifylld på varje rad.',
      },
      {
        sheet: "gammal.xls",
        row: null,
        column: null,
        value: "",
        message: "Filtypen stöds inte. Förväntat en Excel-arbetsbok (.xlsx) eller CSV-filer (.csv).",
      },
    ]);
  });
});

describe("xlsx workbooks", () => {
  it("reads date cells as dates, numbers as numbers, rich text and formulas as their text and result", async () => {
    const data = await workbook((book) => {
      book.addWorksheet("Instruktioner").addRow(["Läs mig"]);
      const sheet = book.addWorksheet("Trappan");
      sheet.addRow(["Deltagare", "Datum", "Steg", "Anteckning"]);
      sheet.addRow([{ richText: [{ text: "P-" }, { text: "1" }] }, new Date(Date.UTC(2025, 0, 10)), 2, "x"]);
      sheet.addRow([1001, "2025-01-11", { formula: "1+2", result: 3 }]);
      sheet.addRow([]);
      book.addWorksheet("Anteckningar").addRow(["fritt"]);
    });
    const result = await parseFiles([{ name: "import.xlsx", data }]);
    expect(result.problems).toEqual([]);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0].sheet).toBe("Trappan");
    expect(result.tables[0].rows).toEqual([
      { rowNumber: 2, values: { deltagare: "P-1", datum: new Date(Date.UTC(2025, 0, 10)), steg: 2 } },
      { rowNumber: 3, values: { deltagare: 1001, datum: "2025-01-11", steg: 3 } },
    ]);
    expect(result.warnings).toEqual([
      'Trappan: kolumnen "Anteckning" känns inte igen och hoppas över.',
      'import.xlsx: bladet "Anteckningar" motsvarar ingen tabell och hoppas över. Tabellerna heter deltagare, trappan, skapa, skapa_erbjuden, fov, stodinsatser, aktiviteter, remisser, studiebesok, forsorjning.',
    ]);
  });

  it("reports a file that is not a workbook", async () => {
    const result = await parseFiles([{ name: "trasig.xlsx", data: utf8("inte en zip-fil") }]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ sheet: "trasig.xlsx", row: null });
    expect(result.problems[0].message).toMatch(/^Filen kunde inte läsas som en Excel-arbetsbok \(\.xlsx\)/);
  });
});
