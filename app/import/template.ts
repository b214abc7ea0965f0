// The template workbook the förbundschef downloads: one sheet per table with its header and one
// example row, and an "Instruktioner" sheet in Swedish that lists the förbund's own values.
import ExcelJS from "exceljs";
import { TABLES, type ColumnDef, type TableDef } from "./columns";

/** The förbund's own lists, so that the instructions and the example row use real values. */
export interface TemplateLists {
  insatser: readonly string[];
  kommuner: readonly string[];
  remittenter: readonly string[];
  aldersgrupper: readonly string[];
  avslutsorsaker: readonly string[];
  forsorjningar: readonly string[];
  stodinsatstyper: readonly string[];
  aktivitetstyper: readonly string[];
  /** The SKAPA areas of the first insats (each insats may have its own). */
  skapaOmraden: readonly string[];
}

const DATE_FORMAT = "yyyy-mm-dd";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };

// Small fixed enumerations get a drop-down in Excel; long lists are in the instructions.
const DROPDOWNS: Record<string, string> = {
  kon: '"kvinna,man,annat"',
  planering_efter_avslut: '"ja,nej"',
  hojd_aktivitetsniva: '"ja,nej"',
  svar: '"ja,nej,avböjt,ej tillfrågad"',
  beslut: '"inskriven,konsultation,ej aktuell,kö"',
  steg: '"1,2,3,4,5,6"',
  bedomare: '"deltagare,koordinator"',
};

function exampleValue(table: TableDef, column: ColumnDef, lists?: TemplateLists): string | number | Date | null {
  const first = (values: readonly string[] | undefined) => (values && values.length ? values[0] : null);
  const fromList: Record<string, string | null> = lists
    ? {
        insats: first(lists.insatser),
        kommun: first(lists.kommuner),
        remittent: first(lists.remittenter),
        aldersgrupp: first(lists.aldersgrupper),
        omrade: first(lists.skapaOmraden),
        typ: table.name === "stodinsatser" ? first(lists.stodinsatstyper) : first(lists.aktivitetstyper),
        forsorjning: first(lists.forsorjningar),
      }
    : {};
  const value = fromList[column.key] ?? column.example;
  if (column.kind === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return value;
}

export function buildTemplateWorkbook(lists?: TemplateLists): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Stegvis";
  addInstructions(workbook, lists);
  for (const table of TABLES) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: column.key,
      key: column.key,
      width: Math.max(14, column.key.length + 4),
      style: column.kind === "date" ? { numFmt: DATE_FORMAT } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = HEADER_FILL;
    table.columns.forEach((column, index) => {
      header.getCell(index + 1).note = `${column.required ? "Obligatorisk. " : "Frivillig. "}${column.description}`;
    });
    sheet.addRow(table.columns.map((column) => exampleValue(table, column, lists)));
    table.columns.forEach((column, index) => {
      const list = DROPDOWNS[column.key];
      if (!list) return;
      const letter = sheet.getColumn(index + 1).letter;
      // Whole columns below the header, so new rows get the drop-down too.
      for (let row = 2; row <= 2000; row++) {
        sheet.getCell(`${letter}${row}`).dataValidation = {
          type: "list",
          allowBlank: !column.required,
          formulae: [list],
          showErrorMessage: true,
          errorTitle: "Ogiltigt värde",
          error: `Välj ett av värdena i listan för ${column.key}.`,
        };
      }
    });
  }
  return workbook;
}

function addInstructions(workbook: ExcelJS.Workbook, lists?: TemplateLists): void {
  const sheet = workbook.addWorksheet("Instruktioner");
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 110;
  const line = (a: string, b = "", bold = false) => {
    const row = sheet.addRow([a, b]);
    row.alignment = { wrapText: true, vertical: "top" };
    if (bold) row.font = { bold: true };
  };
  line("Importmall för Stegvis", "", true);
  line("", "Fyll i ett blad per tabell. Rubrikraden (rad 1) ska stå kvar; ordningen på kolumnerna spelar ingen roll.");
  line("", "Varje blad har en exempelrad (rad 2) med koden EXEMPEL-001. Ta bort exempelraderna innan du importerar.");
  line("", "Datum skrivs ÅÅÅÅ-MM-DD (t.ex. 2025-03-14). ÅÅÅÅMMDD och datumceller i Excel går också bra.");
  line("", "Deltagare anges med en pseudonym kod, aldrig med personnummer. Samma kod i flera blad är samma person.");
  line("", "Rader i trappan, skapa, skapa_erbjuden, fov, stodinsatser, aktiviteter och forsorjning hör till den inskrivning som pågick på radens datum.");
  line(
    "",
    "I bladet skapa kan kolumnen bedomare ange koordinator: raden är då koordinatorns skattning av samma område samma dag. Statistiken bygger på deltagarens egen skattning.",
  );
  line("", "Allt eller inget: hittar Stegvis ett enda fel importeras ingenting, och du får en lista över alla fel med blad, rad och kolumn.");
  line("", "Samma fil kan importeras igen: rader som redan finns hoppas över, så bara nya rader läggs till.");
  line("", "En inskrivning som redan finns i Stegvis ändras inte av en import (t.ex. ett avslut som fyllts i senare): ändra den i Stegvis.");
  line("", "Du kan också spara varje blad som en CSV-fil med bladets namn, t.ex. deltagare.csv (semikolon eller komma).");
  line("");
  for (const table of TABLES) {
    line(`Bladet ${table.name}`, table.description, true);
    for (const column of table.columns) line(`  ${column.key}${column.required ? " *" : ""}`, column.description);
    line("");
  }
  line("* = obligatorisk kolumn.");
  if (!lists) return;
  line("");
  line("Förbundets värden", "Värdena nedan är de som finns i Stegvis just nu. Stavningen ska stämma; stora och små bokstäver spelar ingen roll.", true);
  const values: Array<[string, readonly string[]]> = [
    ["insats", lists.insatser],
    ["kommun", lists.kommuner],
    ["remittent", lists.remittenter],
    ["aldersgrupp", lists.aldersgrupper],
    ["avslutsorsak", lists.avslutsorsaker],
    ["forsorjning_start/_slut, forsorjning", lists.forsorjningar],
    ["stodinsatser: typ", lists.stodinsatstyper],
    ["aktiviteter: typ", lists.aktivitetstyper],
    ["skapa: omrade", lists.skapaOmraden],
  ];
  for (const [column, items] of values) line(column, items.length ? items.join("; ") : "(inga ännu)");
}

export async function templateBuffer(lists?: TemplateLists): Promise<Buffer> {
  const data = await buildTemplateWorkbook(lists).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

export const TEMPLATE_FILE_NAME = "stegvis-importmall.xlsx";
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
