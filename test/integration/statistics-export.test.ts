import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as exportRoute from "~/routes/statistics/export";
import * as statisticsRoute from "~/routes/statistics/index";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest } from "../route";

// A small förbund with known answers, built through the real database, exported through the
// real route, and read back from the DOCX and XLSX files.

const QUERY = "period=jan-aug&ar=2025&insats=SamSteg";
let organisationId: string;
const cookies: Record<"koordinator" | "styrgrupp" | "forbundschef", string> = { koordinator: "", styrgrupp: "", forbundschef: "" };

interface Person {
  kommun: string;
  gender: "kvinna" | "man";
  enrolled: string;
  closed?: { date: string; reason: string };
  steps?: Array<[string, number]>;
  fov?: Array<[string, "ja" | "nej"]>;
}

// Jan–aug 2025, SamSteg: six active (three kvinnor, three män), five newly enrolled, one closed;
// five measured in Trappan, four moved up (80,0 %); FOV: kvinnor 3 answered / 2 ja, män 1 / 1.
const PEOPLE: Person[] = [
  {
    kommun: "Ljungby",
    gender: "kvinna",
    enrolled: "2025-02-01",
    steps: [
      ["2025-02-01", 1],
      ["2025-06-01", 3],
    ],
    fov: [["2025-02-10", "ja"]],
  },
  {
    kommun: "Ljungby",
    gender: "kvinna",
    enrolled: "2025-02-01",
    steps: [
      ["2025-02-01", 2],
      ["2025-06-01", 4],
    ],
    fov: [["2025-02-10", "ja"]],
  },
  {
    kommun: "Ljungby",
    gender: "kvinna",
    enrolled: "2025-02-01",
    steps: [
      ["2025-02-01", 2],
      ["2025-06-01", 2],
    ],
    fov: [["2025-02-10", "nej"]],
  },
  {
    kommun: "Ljungby",
    gender: "man",
    enrolled: "2025-03-01",
    steps: [
      ["2025-03-01", 1],
      ["2025-07-01", 2],
    ],
    fov: [["2025-03-10", "ja"]],
  },
  {
    kommun: "Älmhult",
    gender: "man",
    enrolled: "2025-03-01",
    steps: [
      ["2025-03-01", 3],
      ["2025-07-01", 5],
    ],
  },
  { kommun: "Markaryd", gender: "man", enrolled: "2024-06-01", closed: { date: "2025-05-15", reason: "Arbete" } },
];

beforeAll(async () => {
  const org = await createOrganisation();
  organisationId = org.organisationId;
  const samSteg = org.insatser.find((insats) => insats.name === "SamSteg")!;
  await prisma.insatsTarget.create({ data: { insatsId: samSteg.id, metric: "trappan_share", value: 0.75 } });
  const referrer = await prisma.referrer.findFirstOrThrow({ where: { organisationId, name: "Försäkringskassan" } });
  const ageGroup = await prisma.ageGroup.findFirstOrThrow({ where: { organisationId, label: "30-39" } });
  const reasons = await prisma.closureReason.findMany({ where: { organisationId } });
  for (const [index, person] of PEOPLE.entries()) {
    const participant = await prisma.participant.create({
      data: { organisationId, code: `EXP-${index + 1}`, name: `Hemlig Person ${index + 1}`, consents: { create: { givenDate: person.enrolled } } },
    });
    await prisma.enrolment.create({
      data: {
        organisationId,
        participantId: participant.id,
        insatsId: samSteg.id,
        kommunId: org.kommuner.find((kommun) => kommun.name === person.kommun)!.id,
        referrerId: referrer.id,
        ageGroupId: ageGroup.id,
        gender: person.gender,
        enrolledDate: person.enrolled,
        closedDate: person.closed?.date ?? null,
        closureReasonId: person.closed ? reasons.find((reason) => reason.label === person.closed!.reason)!.id : null,
        planAfterClosure: person.closed ? true : null,
        placements: { create: (person.steps ?? []).map(([date, step]) => ({ date, step })) },
        fovScreenings: { create: (person.fov ?? []).map(([date, outcome]) => ({ date, outcome })) },
      },
    });
  }
  for (const role of ["koordinator", "styrgrupp", "forbundschef"] as const) {
    cookies[role] = await sessionCookie((await createUser(organisationId, role)).id);
  }
});

async function download(role: keyof typeof cookies, format: string, query = QUERY) {
  const response = (await exportRoute.loader({
    request: getRequest(`/statistik/export?format=${format}&${query}`, cookies[role]),
    params: {},
    context: { clientAddress: "127.0.0.1" },
  } as never)) as Response;
  return response;
}

/** Each table of a Word document as rows of cell texts. */
async function docxTables(buffer: ArrayBuffer): Promise<{ xml: string; text: string; tables: string[][][]; media: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  const texts = (fragment: string) => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]!).join("");
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) => [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => texts(cell[1]!))),
  );
  const text = [...xml.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)].map((p) => texts(p[1]!)).join("\n");
  const media = Object.keys(zip.files).filter((name) => name.startsWith("word/media/"));
  return { xml, text, tables, media };
}

async function workbook(response: Response): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

describe("the statistics export", () => {
  it("gives the förbundschef a Word document with headings, summary sentences, charts and exact table cells", async () => {
    const response = await download("forbundschef", "docx", `${QUERY}&dolj=0`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="stegvis-statistik-2025-01-01--2025-08-31.docx"');
    const { xml, text, tables, media } = await docxTables(await response.arrayBuffer());

    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading2"\/>[\s\S]*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]);
    expect(headings).toEqual([
      "Deltagare under perioden",
      "Måluppfyllelse",
      "Uppföljning Finsam: deltagare per insats",
      "Utveckling över tid",
      "Deltagare per kommun",
      "Deltagare och personer",
      "Deltagare den sista dagen",
      "Aktiva deltagare per kön",
      "Aktiva deltagare per åldersgrupp",
      "Aktiva deltagare per koordinator och kommun",
      "Stegförflyttning per kön",
      "Stegförflyttning per kommun",
      "Trappan vid start och senaste placering",
      "Förflyttning i Trappan",
      "SKAPA: erbjudande och progression",
      "SKAPA: förändring per område",
      "Remisser per remittent",
      "Remisser per kommun",
      "Remisser per remittent och kommun",
      "Nyinskrivna per remittent",
      "Remissbeslut per kommun",
      "Kö till insatsen",
      "Avslut och avslutsskäl",
      "Avslut per utfallsgrupp",
      "Avslutsskäl per kommun",
      "Avslut efter sista steget i Trappan",
      "Deltagarnas egen bedömning vid avslut",
      "Försörjning vid inskrivning",
      "Försörjning vid avslut",
      "Försörjning före och efter, avslutade deltagare",
      "Nytt försörjningsmedel under perioden",
      "Stödinsatser och höjd aktivitetsnivå",
      "Frågor om våld (FOV) per kön",
    ]);
    expect(text).toContain("Statistik jan–aug 2025 – Testförbundet");
    expect(text).toContain("Insats: SamSteg. Kommun: alla kommuner.");
    expect(text).toContain("Totalt har 6 deltagare haft stöd under perioden, varav 5 nyinskrivna och 1 avslutad.");
    expect(text).toContain(
      "Av 5 deltagare med minst två placeringar i Trappan har 4 (80,0 %) gjort en positiv stegförflyttning (kvinnor 66,7 %, män 100,0 %).",
    );
    expect(text).toContain("Målet ”Stegförflyttning” är uppnått under perioden.");
    expect(media).toHaveLength(30); // 30 of the 33 sections have a chart here

    // One table per section, in the order of the headings.
    const tableOf = (heading: string) => tables[headings.indexOf(heading)];
    const [overview, goals, byGender, closures, fov] = [
      "Deltagare under perioden",
      "Måluppfyllelse",
      "Stegförflyttning per kön",
      "Avslut och avslutsskäl",
      "Frågor om våld (FOV) per kön",
    ].map(tableOf);
    expect(overview).toEqual([
      ["Mått", "Antal", "Föregående period"],
      ["Aktiva deltagare", "6", "1"],
      ["Nyinskrivna", "5", "1"],
      ["Avslutade", "1", "0"],
      ["Avslutade med planering efter avslut", "1", "0"],
      ["Avslutade på steg 4–6 i Trappan", "0", "0"],
      ["Remisser", "0", "0"],
      ["Studiebesök", "0", "0"],
    ]);
    expect(goals).toEqual([
      ["Mål", "Målvärde", "Utfall", "Kvinnor", "Män", "Föregående period", "Kvinnor, föregående period", "Män, föregående period", "Bedömning"],
      ["Stegförflyttning", "75,0 %", "80,0 %", "66,7 %", "100,0 %", "–", "–", "–", "Uppnått"],
    ]);
    expect(byGender).toEqual([
      ["Kön", "Mätta deltagare", "Steg uppåt", "Andel", "Andel, föregående period"],
      ["Kvinnor", "3", "2", "66,7 %", "–"],
      ["Män", "2", "2", "100,0 %", "–"],
      ["Totalt", "5", "4", "80,0 %", "–"],
    ]);
    expect(closures?.[1]).toEqual(["Arbete", "Positiv eller potentiellt positiv förändring", "1", "0"]);
    // FOV by kön stays hidden below 3 even when the förbundschef shows small numbers, and a second
    // cell is kept back so that the totals can stay: 4 − 3 would otherwise give Män away.
    expect(fov).toEqual([
      ["Kön", "Besvarat (ja eller nej)", "Svarat ja"],
      ["Kvinnor", "dolt", "färre än 3"],
      ["Män", "färre än 3", "färre än 3"],
      ["Totalt", "4", "3"],
    ]);
    expect(xml).not.toMatch(/EXP-|Hemlig Person/);
  });

  it("gives the förbundschef a workbook with one sheet per table and numbers as numbers", async () => {
    const response = await download("forbundschef", "xlsx", `${QUERY}&dolj=0`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="stegvis-statistik-2025-01-01--2025-08-31.xlsx"');
    const book = await workbook(response);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      "Om rapporten",
      "Översikt",
      "Måluppfyllelse",
      "Uppföljning Finsam",
      "Utveckling över tid",
      "Per kommun",
      "Deltagare och personer",
      "Deltagare den sista dagen",
      "Per kön",
      "Per åldersgrupp",
      "Per koordinator och kommun",
      "Stegförflyttning per kön",
      "Stegförflyttning per kommun",
      "Trappan start och senaste",
      "Förflyttning i Trappan",
      "SKAPA erbjudande, progression",
      "SKAPA per område",
      "Remisser per remittent",
      "Remisser per kommun",
      "Remisser remittent och kommun",
      "Nyinskrivna per remittent",
      "Remissbeslut per kommun",
      "Kö till insatsen",
      "Avslutsskäl",
      "Utfallsgrupper",
      "Avslutsskäl per kommun",
      "Avslut per sista steg",
      "Deltagarnas bedömning",
      "Försörjning vid inskrivning",
      "Försörjning vid avslut",
      "Försörjning start och slut",
      "Nytt försörjningsmedel",
      "Stödinsatser",
      "FOV per kön",
      "Alla värden (långt format)",
    ]);
    const overview = book.getWorksheet("Översikt")!;
    expect(rowValues(overview, 1)).toEqual(["Mått", "Antal", "Föregående period"]);
    expect(rowValues(overview, 2)).toEqual(["Aktiva deltagare", 6, 1]);
    expect(rowValues(overview, 4)).toEqual(["Avslutade", 1, 0]);

    const byGender = book.getWorksheet("Stegförflyttning per kön")!;
    expect(rowValues(byGender, 2)).toEqual(["Kvinnor", 3, 2, 2 / 3, "–"]);
    expect(rowValues(byGender, 4)).toEqual(["Totalt", 5, 4, 0.8, "–"]);
    expect(byGender.getCell("D4").numFmt).toBe("0.0 %");

    const kommun = book.getWorksheet("Per kommun")!;
    expect(rowValues(kommun, 1)).toEqual(["Kommun", "Aktiva", "Nyinskrivna", "Avslutade", "Studiebesök", "Aktiva, föregående period"]);
    expect(rowValues(kommun, 2)).toEqual(["Ljungby", 4, 4, 0, 0, 0]);
    expect(rowValues(kommun, 3)).toEqual(["Markaryd", 1, 0, 1, 0, 1]);
    expect(rowValues(kommun, 5)).toEqual(["Totalt", 6, 5, 1, 0, 1]);

    const goals = book.getWorksheet("Måluppfyllelse")!;
    expect(rowValues(goals, 2)).toEqual(["Stegförflyttning", 0.75, 0.8, 2 / 3, 1, "–", "–", "–", "Uppnått"]);

    const about = book.getWorksheet("Om rapporten")!;
    expect(about.getCell("A1").value).toBe("Statistik jan–aug 2025 – Testförbundet");
    expect(about.getCell("A2").value).toBe("Period: Jan–aug 2025 (1 januari 2025 – 31 augusti 2025)");
  });

  it("fits each column to its longest shown text and lays every value out in long format for a pivot table", async () => {
    const book = await workbook(await download("forbundschef", "xlsx", `${QUERY}&dolj=0`));
    // "Aktiva, föregående period" is the longest text of its column, "Markaryd" of the first,
    // and a share is as wide as Excel shows it ("100,0 %"), not as its raw fraction.
    const kommun = book.getWorksheet("Per kommun")!;
    expect(kommun.columns.map((column) => column.width)).toEqual([10, 8, 13, 11, 13, 27]);
    const byGender = book.getWorksheet("Stegförflyttning per kön")!;
    expect(byGender.getColumn(4).width).toBe(9);

    const long = book.getWorksheet("Alla värden (långt format)")!;
    expect(rowValues(long, 1)).toEqual(["Avsnitt", "Indelning", "Grupp", "Mått", "Period", "Värde", "Enhet"]);
    const rows = Array.from({ length: long.rowCount - 1 }, (_, index) => rowValues(long, index + 2));
    expect(rows.filter((row) => row[0] === "Deltagare per kommun" && row[2] === "Markaryd")).toEqual([
      ["Deltagare per kommun", "Kommun", "Markaryd", "Aktiva", "Jan–aug 2025", 1, "antal"],
      ["Deltagare per kommun", "Kommun", "Markaryd", "Nyinskrivna", "Jan–aug 2025", 0, "antal"],
      ["Deltagare per kommun", "Kommun", "Markaryd", "Avslutade", "Jan–aug 2025", 1, "antal"],
      ["Deltagare per kommun", "Kommun", "Markaryd", "Studiebesök", "Jan–aug 2025", 0, "antal"],
      ["Deltagare per kommun", "Kommun", "Markaryd", "Aktiva", "Jan–aug 2024", 1, "antal"],
    ]);
    const share = rows.findIndex((row) => row[0] === "Stegförflyttning per kön" && row[2] === "Totalt" && row[3] === "Andel" && row[4] === "Jan–aug 2025");
    expect(rows[share]).toEqual(["Stegförflyttning per kön", "Kön", "Totalt", "Andel", "Jan–aug 2025", 0.8, "andel"]);
    expect(long.getCell(share + 2, 6).numFmt).toBe("0.0 %");
    // The text columns are as wide as their longest text (8 to 60 characters, with 2 of air).
    const fitted = (at: number) => Math.min(60, Math.max(8, ...[rowValues(long, 1), ...rows].map((row) => String(row[at]).length + 2)));
    expect([1, 2, 3, 4, 5, 7].map((column) => long.getColumn(column).width)).toEqual([0, 1, 2, 3, 4, 6].map(fitted));
    expect(long.autoFilter).toBe("A1:G" + long.rowCount);
  });

  it("hides small numbers for the styrgrupp, whatever the link asks for, and logs the export", async () => {
    const before = await prisma.auditEvent.count({ where: { organisationId, action: "export" } });
    const response = await download("styrgrupp", "xlsx", `${QUERY}&dolj=0`);
    expect(response.status).toBe(200);
    const book = await workbook(response);
    expect(rowValues(book.getWorksheet("Översikt")!, 4)).toEqual(["Avslutade", "färre än 3", 0]);
    expect(rowValues(book.getWorksheet("Per kommun")!, 3)).toEqual(["Markaryd", "färre än 3", "dolt", "färre än 3", 0, "färre än 3"]);
    expect(rowValues(book.getWorksheet("Stegförflyttning per kön")!, 3)).toEqual(["Män", "dolt", "färre än 3", "–", "–"]);
    // In the pivot sheet too, a hidden count is its mark as text: never 0, never an empty cell.
    const long = book.getWorksheet("Alla värden (långt format)")!;
    const markaryd = Array.from({ length: long.rowCount - 1 }, (_, index) => rowValues(long, index + 2)).filter(
      (row) => row[0] === "Deltagare per kommun" && row[2] === "Markaryd",
    );
    expect(markaryd.map((row) => row[5])).toEqual(["färre än 3", "dolt", "färre än 3", 0, "färre än 3"]);
    expect(long.getCell(2 + long.getColumn(6).values.slice(2).indexOf("dolt"), 6).type).toBe(ExcelJS.ValueType.String);
    expect(book.getWorksheet("Om rapporten")!.getCell("A5").value).toBe(
      "Små tal skyddas: ”färre än 3” är 1 eller 2; ”dolt” är ett tal som inte visas, eftersom ett litet tal annars skulle gå att räkna fram; – är ingen andel (den bygger på ett dolt tal eller har inget att dela med).",
    );

    const docx = await docxTables(await (await download("styrgrupp", "docx")).arrayBuffer());
    expect(docx.text).toContain("Totalt har ett dolt antal deltagare haft stöd under perioden, varav ett dolt antal nyinskrivna och färre än 3 avslutade.");

    const events = await prisma.auditEvent.findMany({ where: { organisationId, action: "export" }, orderBy: { at: "asc" }, skip: before });
    expect(events.map((event) => [event.entity, event.detail])).toEqual([
      ["statistics", "XLSX 2025-01-01–2025-08-31, insats: SamSteg, kommun: alla, små tal dolda"],
      ["statistics", "DOCX 2025-01-01–2025-08-31, insats: SamSteg, kommun: alla, små tal dolda"],
    ]);
  });

  it("writes a CSV that Swedish Excel opens", async () => {
    const response = await download("forbundschef", "csv", `${QUERY}&dolj=0`);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("\r\nStegförflyttning per kön;Totalt;5;4;80,0 %;–\r\n");
  });

  it("refuses the koordinator, an unknown format and an unknown insats", async () => {
    const refused = await callRoute(exportRoute.loader, getRequest(`/statistik/export?format=docx&${QUERY}`, cookies.koordinator));
    expect(refused.status).toBe(403);
    expect(refused.data).toEqual({ message: "Du har inte behörighet till den här sidan eller åtgärden." });
    const badFormat = await download("forbundschef", "pdf");
    expect(badFormat.status).toBe(400);
    expect(await badFormat.text()).toBe("Okänt filformat. Välj DOCX, XLSX eller CSV.");
    const badInsats = await download("forbundschef", "docx", "period=jan-aug&ar=2025&insats=Finns%20inte");
    expect(badInsats.status).toBe(400);
    expect(await badInsats.text()).toBe('Statistiken kunde inte tas fram: Insatsen "Finns inte" finns inte i förbundet.');
  });
});

describe("the statistics page loader", () => {
  it("returns aggregates only: no participant code, name or id", async () => {
    const result = await callRoute(statisticsRoute.loader, getRequest(`/statistik?${QUERY}`, cookies.styrgrupp));
    expect(result.status).toBe(200);
    const json = JSON.stringify(result.data);
    // Six participants: the protection keeps even the total back (the styrgrupp's view).
    expect(json).toContain("Totalt har ett dolt antal deltagare haft stöd under perioden");
    const ids = await prisma.participant.findMany({ where: { organisationId }, select: { id: true } });
    const enrolments = await prisma.enrolment.findMany({ where: { organisationId }, select: { id: true } });
    for (const forbidden of ["EXP-", "Hemlig Person", ...ids.map((row) => row.id), ...enrolments.map((row) => row.id)]) {
      expect(json).not.toContain(forbidden);
    }
    expect(Object.keys(result.data).sort()).toEqual(["canShowSmallNumbers", "document", "errors", "options", "search", "threshold", "values"]);
    expect(result.data.canShowSmallNumbers).toBe(false);
    // The caseload names koordinatorer: the förbundschef's alone.
    expect(result.data.document.sections.map((s: { id: string }) => s.id)).not.toContain("koordinatorer");
    const chef = await callRoute(statisticsRoute.loader, getRequest(`/statistik?${QUERY}`, cookies.forbundschef));
    expect(chef.data.document.sections.map((s: { id: string }) => s.id)).toContain("koordinatorer");
  });

  it("explains a custom period with its dates the wrong way round", async () => {
    const result = await callRoute(statisticsRoute.loader, getRequest("/statistik?period=anpassad&fran=2025-08-31&till=2025-01-01", cookies.forbundschef));
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({ till: "Till-datumet får inte vara före från-datumet." });
    expect(result.data.document).toBeNull();
  });
});
