import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/data/db.server";
import { importFiles } from "~/data/import-write.server";
import { buildReport } from "~/data/statistics.server";
import type { ImportFile } from "~/import";
import * as importRoute from "~/routes/import/index";
import * as templateRoute from "~/routes/import/template";
import { main as importCli } from "../../scripts/cli/import";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest, ORIGIN } from "../route";

type Row = Record<string, string | number | Date | null>;
type Sheets = Record<string, Row[]>;

/** A workbook as a förbund would fill in the template: a header row, then rows. */
async function workbook(sheets: Sheets): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    sheet.addRow(columns);
    for (const row of rows) sheet.addRow(columns.map((column) => row[column] ?? null));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Two participants, one of them enrolled twice, with a row in every table. */
function cleanSheets(): Sheets {
  return {
    deltagare: [
      {
        deltagare: "A-1",
        insats: "SamSteg",
        kommun: "Ljungby",
        kon: "kvinna",
        aldersgrupp: "30-39",
        remittent: "Arbetsförmedlingen",
        samtycke: day("2025-01-08"),
        inskriven: day("2025-01-10"),
        avslutad: day("2025-04-30"),
        avslutsorsak: "Flytt",
        planering_efter_avslut: "ja",
        namn: "Anna Demosson",
      },
      {
        deltagare: "A-1",
        insats: "SamSteg",
        kommun: "Ljungby",
        kon: "kvinna",
        aldersgrupp: "30-39",
        remittent: "Socialtjänst",
        samtycke: "2025-06-01",
        inskriven: "20250601",
      },
      {
        deltagare: "A-2",
        insats: "Samverkansteam",
        kommun: "Markaryd",
        kon: "M",
        aldersgrupp: "20–29",
        remittent: "Regionen",
        samtycke: "2025-02-01",
        inskriven: "2025-02-03",
        forsorjning_start: "Sjukpenning",
      },
    ],
    trappan: [
      { deltagare: "A-1", datum: day("2025-01-10"), steg: 1 },
      { deltagare: "A-1", datum: "2025-06-01", steg: 3 },
      { deltagare: "A-2", datum: "2025-02-03", steg: 2 },
    ],
    skapa: [
      { deltagare: "A-2", datum: "2025-02-10", omrade: "Hälsa", poang: 4 },
      { deltagare: "A-2", datum: "2025-02-10", omrade: "Vardagen", poang: 6 },
    ],
    skapa_erbjuden: [{ deltagare: "A-2", datum: "2025-02-05" }],
    fov: [{ deltagare: "A-1", datum: "2025-06-10", svar: "avböjt" }],
    stodinsatser: [{ deltagare: "A-2", datum: "2025-03-01", typ: "Kommunal praktik", hojd_aktivitetsniva: "nej" }],
    aktiviteter: [{ deltagare: "A-1", datum: "2025-02-01", typ: "Individuellt samtal", minuter: 60 }],
    remisser: [
      { datum: "2024-12-20", remittent: "Arbetsförmedlingen", kommun: "Ljungby", insats: "SamSteg", beslut: "inskriven", deltagare: "A-1" },
      { datum: "2025-01-15", remittent: "Regionen", kommun: "Markaryd", insats: "Samverkansteam", beslut: "kö" },
    ],
    studiebesok: [{ datum: "2025-01-05", kommun: "Markaryd", insats: "Samverkansteam" }],
  };
}

/** Every table the import can write to, counted within one förbund. */
async function countAll(organisationId: string) {
  const org = { organisationId };
  const byEnrolment = { enrolment: org };
  return {
    participants: await prisma.participant.count({ where: org }),
    consents: await prisma.consent.count({ where: { participant: org } }),
    enrolments: await prisma.enrolment.count({ where: org }),
    placements: await prisma.trappanPlacement.count({ where: byEnrolment }),
    assessments: await prisma.skapaAssessment.count({ where: byEnrolment }),
    scores: await prisma.skapaScore.count({ where: { assessment: byEnrolment } }),
    offers: await prisma.skapaOffer.count({ where: byEnrolment }),
    fov: await prisma.fovScreening.count({ where: byEnrolment }),
    support: await prisma.supportIntervention.count({ where: byEnrolment }),
    activities: await prisma.activity.count({ where: byEnrolment }),
    referrals: await prisma.referral.count({ where: org }),
    studyVisits: await prisma.studyVisit.count({ where: org }),
    insatser: await prisma.insats.count({ where: org }),
    kommuner: await prisma.kommun.count({ where: org }),
    referrers: await prisma.referrer.count({ where: org }),
    auditImports: await prisma.auditEvent.count({ where: { ...org, action: "import" } }),
  };
}

let orgCounter = 0;
async function freshOrganisation() {
  orgCounter += 1;
  return createOrganisation(`Importförbund ${orgCounter}`);
}

const run = (organisationId: string, files: ImportFile[], options: { dryRun?: boolean; createMissing?: boolean } = {}) =>
  importFiles({ organisationId, files, dryRun: options.dryRun ?? false, createMissing: options.createMissing ?? false });

describe("a clean workbook", () => {
  it("imports every table with the right counts and values, and audits the import", async () => {
    const { organisationId } = await freshOrganisation();
    const before = await countAll(organisationId);
    const result = await run(organisationId, [{ name: "import.xlsx", data: await workbook(cleanSheets()) }]);

    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, written: true, warnings: [] });
    expect(result.counts).toEqual({
      tables: {
        deltagare: { rows: 3, new: 3, existing: 0 },
        trappan: { rows: 3, new: 3, existing: 0 },
        skapa: { rows: 2, new: 2, existing: 0 },
        skapa_erbjuden: { rows: 1, new: 1, existing: 0 },
        fov: { rows: 1, new: 1, existing: 0 },
        stodinsatser: { rows: 1, new: 1, existing: 0 },
        aktiviteter: { rows: 1, new: 1, existing: 0 },
        remisser: { rows: 2, new: 2, existing: 0 },
        studiebesok: { rows: 1, new: 1, existing: 0 },
        forsorjning: { rows: 0, new: 0, existing: 0 },
      },
      participants: 2,
      consents: 3,
      assessments: 1,
    });
    const after = await countAll(organisationId);
    expect(after).toEqual({
      ...before,
      participants: 2,
      consents: 3,
      enrolments: 3,
      placements: 3,
      assessments: 1,
      scores: 2,
      offers: 1,
      fov: 1,
      support: 1,
      activities: 1,
      referrals: 2,
      studyVisits: 1,
      auditImports: 1,
    });

    const anna = await prisma.participant.findFirstOrThrow({
      where: { organisationId, code: "A-1" },
      include: {
        enrolments: {
          orderBy: { enrolledDate: "asc" },
          include: { closureReason: true, referrer: true, ageGroup: true, placements: true, fovScreenings: true, activities: true },
        },
      },
    });
    expect(anna.name).toBe("Anna Demosson");
    const [first, second] = anna.enrolments;
    expect(first).toMatchObject({ enrolledDate: "2025-01-10", closedDate: "2025-04-30", gender: "kvinna", planAfterClosure: true });
    expect(first.closureReason?.label).toBe("Flytt");
    expect(first.ageGroup.label).toBe("30-39");
    expect(first.placements.map((p) => [p.date, p.step])).toEqual([["2025-01-10", 1]]);
    expect(first.activities.map((a) => [a.date, a.minutes])).toEqual([["2025-02-01", 60]]);
    expect(second).toMatchObject({ enrolledDate: "2025-06-01", closedDate: null });
    expect(second.referrer.name).toBe("Socialtjänst");
    expect(second.placements.map((p) => [p.date, p.step])).toEqual([["2025-06-01", 3]]);
    expect(second.fovScreenings.map((f) => f.outcome)).toEqual(["avbojt"]);

    const support = await prisma.supportIntervention.findFirstOrThrow({ where: { enrolment: { organisationId } }, include: { supportType: true } });
    expect(support).toMatchObject({ raisesActivityLevel: false, date: "2025-03-01" });
    expect(support.supportType.label).toBe("Kommunal praktik");
    const assessment = await prisma.skapaAssessment.findFirstOrThrow({
      where: { enrolment: { organisationId } },
      include: { scores: { include: { area: true }, orderBy: { participantScore: "asc" } } },
    });
    expect(assessment.scores.map((s) => [s.area.label, s.participantScore])).toEqual([
      ["Hälsa", 4],
      ["Vardagen", 6],
    ]);
    const referrals = await prisma.referral.findMany({ where: { organisationId }, orderBy: { date: "asc" }, include: { participant: true } });
    expect(referrals.map((r) => [r.date, r.decision, r.participant?.code ?? null])).toEqual([
      ["2024-12-20", "inskriven", "A-1"],
      ["2025-01-15", "ko", null],
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { organisationId, action: "import" } });
    expect(audit.detail).toContain("deltagare: 3 nya, 0 fanns redan");
    expect(audit.detail).not.toContain("Anna");
  });

  it("with --dry-run semantics counts the same rows and writes nothing", async () => {
    const { organisationId } = await freshOrganisation();
    const before = await countAll(organisationId);
    const result = await run(organisationId, [{ name: "import.xlsx", data: await workbook(cleanSheets()) }], { dryRun: true });
    expect(result).toMatchObject({ ok: true, dryRun: true, written: false });
    expect(result.counts.tables.trappan).toEqual({ rows: 3, new: 3, existing: 0 });
    expect(await countAll(organisationId)).toEqual(before);
  });
});

describe("bad rows", () => {
  it("reports each problem with sheet, row and column as Excel shows them, and writes nothing", async () => {
    const { organisationId } = await freshOrganisation();
    const sheets = cleanSheets();
    sheets.deltagare[2].kon = "x";
    sheets.trappan.push({ deltagare: "A-1", datum: "2025-05-15", steg: 2 }); // between the two enrolments
    sheets.skapa.push({ deltagare: "A-2", datum: "2025-02-10", omrade: "Hälsa", poang: 12 });
    sheets.aktiviteter.push({ deltagare: "A-9", datum: "2025-02-01", typ: "Individuellt samtal" });
    sheets.fov.push({ deltagare: "A-1", datum: "2025-13-01", svar: "ja" });
    sheets.remisser.push({ datum: "2025-01-15", remittent: "Kronofogden", kommun: "Ljungby", insats: "SamSteg" });
    const before = await countAll(organisationId);
    const result = await run(organisationId, [{ name: "import.xlsx", data: await workbook(sheets) }]);

    expect(result.ok).toBe(false);
    expect(result.written).toBe(false);
    expect(result.problems.map((p) => [p.sheet, p.row, p.column, p.value])).toEqual([
      ["deltagare", 4, "kon", "x"],
      ["trappan", 5, "datum", "2025-05-15"],
      ["skapa", 4, "poang", "12"],
      ["fov", 3, "datum", "2025-13-01"],
      ["aktiviteter", 3, "deltagare", "A-9"],
      ["remisser", 4, "remittent", "Kronofogden"],
    ]);
    expect(result.problems[1].message).toBe(
      'Datumet 2025-05-15 ligger utanför inskrivningen för deltagaren "A-1" (inskriven 2025-01-10, avslutad 2025-04-30; inskriven 2025-06-01, pågår). Förväntat ett datum inom en inskrivning.',
    );
    expect(result.missing).toEqual({ insatser: [], kommuner: [], remittenter: ["Kronofogden"] });
    expect(await countAll(organisationId)).toEqual(before);
  });

  it("writes nothing from a mixed file where only one row of many is wrong", async () => {
    const { organisationId } = await freshOrganisation();
    const sheets = cleanSheets();
    sheets.studiebesok.push({ datum: "2025-01-06", kommun: "Ljungby", insats: "SamSteg", deltagare: "19800101-1234" });
    const before = await countAll(organisationId);
    const result = await run(organisationId, [{ name: "import.xlsx", data: await workbook(sheets) }]);
    expect(result.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([["studiebesok", 3, "deltagare"]]);
    expect(result.counts.tables.deltagare.new).toBe(3);
    expect(await countAll(organisationId)).toEqual(before);
  });

  it("refuses workbook dates past 2100, whether a date cell or a bare Excel day number, and writes nothing", async () => {
    const { organisationId } = await freshOrganisation();
    const sheets = cleanSheets();
    sheets.studiebesok.push({ datum: day("2150-01-01"), kommun: "Ljungby", insats: "SamSteg" }, { datum: 99999, kommun: "Ljungby", insats: "SamSteg" });
    const before = await countAll(organisationId);
    const result = await run(organisationId, [{ name: "import.xlsx", data: await workbook(sheets) }]);
    const outside = (date: string) => `Datumet ${date} ligger utanför de år Stegvis tar emot. Förväntat ett datum mellan 1900-01-01 och 2100-12-31.`;
    expect(result.problems.map((p) => [p.sheet, p.row, p.column, p.value, p.message])).toEqual([
      ["studiebesok", 3, "datum", "2150-01-01", outside("2150-01-01")],
      ["studiebesok", 4, "datum", "99999", outside("2173-10-13")],
    ]);
    expect(await countAll(organisationId)).toEqual(before);
  });

  it("creates a missing kommun only when asked to", async () => {
    const { organisationId } = await freshOrganisation();
    const sheets = { studiebesok: [{ datum: "2025-01-06", kommun: "Växjö", insats: "SamSteg" }] };
    const refused = await run(organisationId, [{ name: "import.xlsx", data: await workbook(sheets) }]);
    expect(refused.ok).toBe(false);
    expect(await prisma.kommun.count({ where: { organisationId, name: "Växjö" } })).toBe(0);
    const created = await run(organisationId, [{ name: "import.xlsx", data: await workbook(sheets) }], { createMissing: true });
    expect(created).toMatchObject({ ok: true, written: true, missing: { kommuner: ["Växjö"] } });
    const visit = await prisma.studyVisit.findFirstOrThrow({ where: { organisationId }, include: { kommun: true } });
    expect(visit.kommun.name).toBe("Växjö");
  });
});

describe("importing again", () => {
  it("changes nothing the second time, and a later file with one more row adds only that row", async () => {
    const { organisationId } = await freshOrganisation();
    const file = { name: "import.xlsx", data: await workbook(cleanSheets()) };
    expect((await run(organisationId, [file])).ok).toBe(true);
    const afterFirst = await countAll(organisationId);

    const again = await run(organisationId, [file]);
    expect(again.ok).toBe(true);
    expect(Object.values(again.counts.tables).every((count) => count.new === 0)).toBe(true);
    expect(again.counts.tables.deltagare).toEqual({ rows: 3, new: 0, existing: 3 });
    expect(again.counts.tables.remisser).toEqual({ rows: 2, new: 0, existing: 2 });
    expect(await countAll(organisationId)).toEqual({ ...afterFirst, auditImports: afterFirst.auditImports + 1 });

    const later = cleanSheets();
    later.trappan.push({ deltagare: "A-2", datum: "2025-05-01", steg: 4 });
    const third = await run(organisationId, [{ name: "import-2.xlsx", data: await workbook(later) }]);
    expect(third.counts.tables.trappan).toEqual({ rows: 4, new: 1, existing: 3 });
    expect(await countAll(organisationId)).toEqual({ ...afterFirst, placements: afterFirst.placements + 1, auditImports: afterFirst.auditImports + 2 });
    const placements = await prisma.trappanPlacement.findMany({
      where: { enrolment: { organisationId, participant: { code: "A-2" } } },
      orderBy: { date: "asc" },
    });
    expect(placements.map((p) => [p.date, p.step])).toEqual([
      ["2025-02-03", 2],
      ["2025-05-01", 4],
    ]);
  });
});

describe("CSV files", () => {
  it("imports a semicolon CSV in Windows-1252 with å, ä and ö intact", async () => {
    const { organisationId } = await freshOrganisation();
    const text = [
      "Deltagare;Insats;Kommun;Kön;Åldersgrupp;Remittent;Samtycke;Inskriven;Avslutad;Avslutsorsak;Namn",
      "Ö-1;SamSteg;Älmhult;kvinna;50-59;Försäkringskassan;2025-01-02;2025-01-03;2025-03-31;Övergång till gruppverksamhet;Åsa Öberg",
    ].join("\r\n");
    const result = await run(organisationId, [{ name: "deltagare.csv", data: new Uint8Array(iconv.encode(text, "win1252")) }]);
    expect(result.problems).toEqual([]);
    const enrolment = await prisma.enrolment.findFirstOrThrow({
      where: { organisationId },
      include: { participant: true, kommun: true, referrer: true, closureReason: true },
    });
    expect(enrolment.participant).toMatchObject({ code: "Ö-1", name: "Åsa Öberg" });
    expect(enrolment.kommun.name).toBe("Älmhult");
    expect(enrolment.referrer.name).toBe("Försäkringskassan");
    expect(enrolment.closureReason?.label).toBe("Övergång till gruppverksamhet");
  });

  it("attaches CSV events to an enrolment that comes from a workbook sheet", async () => {
    const { organisationId } = await freshOrganisation();
    const { deltagare } = cleanSheets();
    const trappan = "deltagare,datum,steg\nA-2,2025-02-03,2\nA-2,2025-03-03,3\n";
    const aktiviteter = "\uFEFFdeltagare;datum;typ;minuter\nA-2;2025-02-04;Gruppaktivitet;120\n";
    const result = await run(organisationId, [
      { name: "deltagare.xlsx", data: await workbook({ deltagare }) },
      { name: "trappan.csv", data: new Uint8Array(Buffer.from(trappan)) },
      { name: "aktiviteter.csv", data: new Uint8Array(Buffer.from(aktiviteter)) },
    ]);
    expect(result.problems).toEqual([]);
    const enrolment = await prisma.enrolment.findFirstOrThrow({
      where: { organisationId, participant: { code: "A-2" } },
      include: { placements: { orderBy: { date: "asc" } }, activities: true },
    });
    expect(enrolment.placements.map((p) => p.step)).toEqual([2, 3]);
    expect(enrolment.activities.map((a) => a.minutes)).toEqual([120]);
  });
});

describe("npm run import", () => {
  let dir: string;
  let errors: string[];
  let output: string[];
  let organisationName: string;
  let organisationId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "stegvis-import-cli-"));
    ({ organisationId } = await freshOrganisation());
    organisationName = `Importförbund ${orgCounter}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  function capture() {
    errors = [];
    output = [];
    vi.spyOn(console, "error").mockImplementation((...args) => void errors.push(args.join(" ")));
    vi.spyOn(console, "log").mockImplementation((...args) => void output.push(args.join(" ")));
  }

  async function file(name: string, sheets: Sheets): Promise<string> {
    const target = path.join(dir, name);
    writeFileSync(target, await workbook(sheets));
    return target;
  }

  it("exits 0 and prints the counts per table", async () => {
    const workbookFile = await file("ok.xlsx", cleanSheets());
    capture();
    expect(await importCli(["--org", organisationName, workbookFile])).toBe(0);
    expect(errors).toEqual([]);
    expect(output.join("\n")).toContain(`Importen till ${organisationName} är klar.`);
    expect(output.join("\n")).toMatch(/deltagare\s+3 importerade/);
    expect((await countAll(organisationId)).enrolments).toBe(3);
  });

  it("exits 0 with --dry-run and writes nothing", async () => {
    const sheets = cleanSheets();
    sheets.deltagare[0].deltagare = "A-3";
    const workbookFile = await file("dry.xlsx", sheets);
    const before = await countAll(organisationId);
    capture();
    expect(await importCli(["--dry-run", "--org", organisationName, workbookFile])).toBe(0);
    expect(output.join("\n")).toMatch(/deltagare\s+1 nya \(2 fanns redan och hoppades över\)/);
    expect(await countAll(organisationId)).toEqual(before);
  });

  it("exits 1 with the full error report on stderr and nothing written", async () => {
    const sheets = cleanSheets();
    sheets.deltagare.push({ ...sheets.deltagare[2], deltagare: "A-4", kon: "?" });
    sheets.trappan.push({ deltagare: "A-2", datum: "2025-02-04", steg: 9 });
    const workbookFile = await file("bad.xlsx", sheets);
    const before = await countAll(organisationId);
    capture();
    expect(await importCli(["--org", organisationName, workbookFile])).toBe(1);
    expect(errors.join("\n")).toBe(
      [
        "Importen avbröts: 2 fel hittades. Ingenting har skrivits.",
        'deltagare, rad 5, kolumn kon: "?" är inget giltigt kön. Förväntat kvinna, man eller annat (eller K, M, A).',
        'trappan, rad 5, kolumn steg: "9" är inget giltigt steg. Förväntat ett heltal från 1 till 6.',
      ].join("\n"),
    );
    expect(await countAll(organisationId)).toEqual(before);
  });

  it("exits 2 on usage errors", async () => {
    capture();
    expect(await importCli([])).toBe(2);
    expect(errors[0]).toMatch(/^Ange minst en fil att importera\.\n\nAnvändning: npm run import/);
    expect(await importCli(["--bogus", "x.xlsx"])).toBe(2);
    expect(await importCli(["--org", "Finns inte", path.join(dir, "ok.xlsx")])).toBe(2);
    expect(errors[2]).toMatch(/^Det finns inget förbund som heter "Finns inte"\./);
    expect(await importCli(["--org", organisationName, path.join(dir, "saknas.xlsx")])).toBe(2);
    // Several förbund in this database: without --org the tool cannot guess.
    expect(await importCli([path.join(dir, "ok.xlsx")])).toBe(2);
    expect(errors[4]).toMatch(/^Databasen har flera förbund; välj ett med --org:/);
  });
});

describe("the /import page", () => {
  let organisationId: string;
  let cookies: Record<"forbundschef" | "koordinator" | "styrgrupp", string>;

  beforeAll(async () => {
    ({ organisationId } = await freshOrganisation());
    const [chef, koordinator, styrgrupp] = await Promise.all([
      createUser(organisationId, "forbundschef"),
      createUser(organisationId, "koordinator"),
      createUser(organisationId, "styrgrupp"),
    ]);
    cookies = {
      forbundschef: await sessionCookie(chef.id),
      koordinator: await sessionCookie(koordinator.id),
      styrgrupp: await sessionCookie(styrgrupp.id),
    };
  });

  function upload(fields: Record<string, string>, files: Array<{ name: string; data: Uint8Array }>, cookie = cookies.forbundschef) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    for (const file of files) form.append("files", new File([new Uint8Array(file.data)], file.name));
    return new Request(`${ORIGIN}/import`, { method: "POST", body: form, headers: { Cookie: cookie, Origin: ORIGIN } });
  }

  it("lets the förbundschef in and keeps koordinator and styrgrupp out, page, upload and template alike", async () => {
    expect((await callRoute(importRoute.loader, getRequest("/import", cookies.forbundschef))).status).toBe(200);
    for (const role of ["koordinator", "styrgrupp"] as const) {
      expect((await callRoute(importRoute.loader, getRequest("/import", cookies[role]))).status).toBe(403);
      expect((await callRoute(templateRoute.loader, getRequest("/import/mall.xlsx", cookies[role]))).status).toBe(403);
      const post = await callRoute(importRoute.action, upload({ intent: "import" }, [{ name: "x.csv", data: new Uint8Array() }], cookies[role]));
      expect(post.status).toBe(403);
    }
  });

  it("previews first, imports the same files on Importera, and audits the import with the user", async () => {
    const user = await prisma.user.findFirstOrThrow({ where: { organisationId, role: "forbundschef" } });
    const files = [{ name: "import.xlsx", data: await workbook(cleanSheets()) }];
    const before = await countAll(organisationId);

    const preview = await callRoute(importRoute.action, upload({ intent: "preview" }, files));
    expect(preview.status).toBe(200);
    expect(preview.data.kind).toBe("result");
    expect(preview.data.result).toMatchObject({ ok: true, dryRun: true, written: false, problemCount: 0 });
    expect(preview.data.result.counts.tables.deltagare).toEqual({ rows: 3, new: 3, existing: 0 });
    expect(await countAll(organisationId)).toEqual(before);

    // "Importera" with other files than the previewed ones only previews them.
    const changed = [{ name: "import.xlsx", data: await workbook({ ...cleanSheets(), fov: [] }) }];
    const refused = await callRoute(importRoute.action, upload({ intent: "import", previewed: preview.data.fingerprint }, changed));
    expect(refused.data).toMatchObject({ changedSincePreview: true, result: { written: false } });
    expect(await countAll(organisationId)).toEqual(before);

    const imported = await callRoute(importRoute.action, upload({ intent: "import", previewed: preview.data.fingerprint }, files));
    expect(imported.data).toMatchObject({ changedSincePreview: false, result: { ok: true, written: true } });
    expect((await countAll(organisationId)).enrolments).toBe(before.enrolments + 3);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { organisationId, action: "import" } });
    expect(audit.userId).toBe(user.id);
  });

  it("shows the error report with sheet, row, column, value and problem", async () => {
    const sheets = { trappan: [{ deltagare: "Z-1", datum: "2025-01-01", steg: 3 }] };
    const result = await callRoute(importRoute.action, upload({ intent: "preview" }, [{ name: "fel.xlsx", data: await workbook(sheets) }]));
    expect(result.data.result.problems).toEqual([
      {
        sheet: "trappan",
        row: 2,
        column: "deltagare",
        value: "Z-1",
        message: 'Deltagaren "Z-1" finns inte i bladet deltagare och inte heller i Stegvis. Lägg till deltagaren i bladet deltagare.',
      },
    ]);
  });

  it("asks for a file when none was chosen", async () => {
    const result = await callRoute(importRoute.action, upload({ intent: "preview" }, []));
    expect(result.status).toBe(400);
    expect(result.data).toEqual({ kind: "error", message: "Välj minst en fil: en Excel-arbetsbok (.xlsx) eller CSV-filer (.csv)." });
  });

  it("serves a template with the förbund's values whose example rows import as they are", async () => {
    const response = await templateRoute.loader({ request: getRequest("/import/mall.xlsx", cookies.forbundschef), params: {}, context: {} } as never);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="stegvis-importmall.xlsx"');
    const data = new Uint8Array(await response.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      "Instruktioner",
      "deltagare",
      "trappan",
      "skapa",
      "skapa_erbjuden",
      "fov",
      "stodinsatser",
      "aktiviteter",
      "remisser",
      "studiebesok",
      "forsorjning",
    ]);
    expect(book.getWorksheet("trappan")!.getRow(1).values).toEqual([undefined, "deltagare", "datum", "steg"]);
    expect(book.getWorksheet("skapa")!.getRow(1).values).toEqual([undefined, "deltagare", "datum", "omrade", "poang", "bedomare"]);
    expect(book.getWorksheet("forsorjning")!.getRow(1).values).toEqual([undefined, "deltagare", "datum", "forsorjning"]);

    const { organisationId: other } = await freshOrganisation();
    const result = await run(other, [{ name: "stegvis-importmall.xlsx", data }], { dryRun: true });
    expect(result.problems).toEqual([]);
    expect(Object.values(result.counts.tables).map((count) => count.new)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(result.warnings).toEqual(['deltagare rad 2: "EXEMPEL-001" är mallens exempelrad. Ta bort raden om den inte ska importeras.']);
  });
});

describe("changes of försörjning and the koordinator's SKAPA rating", () => {
  function sheets(): Sheets {
    const base = cleanSheets();
    return {
      deltagare: base.deltagare,
      skapa: [
        { deltagare: "A-2", datum: "2025-02-10", omrade: "Hälsa", poang: 4 },
        { deltagare: "A-2", datum: "2025-02-10", omrade: "Hälsa", poang: 6, bedomare: "koordinator" },
        { deltagare: "A-2", datum: "2025-02-10", omrade: "Vardagen", poang: 7, bedomare: "Koordinator" },
      ],
      forsorjning: [
        { deltagare: "A-2", datum: day("2025-03-01"), forsorjning: "Lön" },
        { deltagare: "A-1", datum: "2025-07-01", forsorjning: "studiemedel" },
      ],
    };
  }

  it("writes both into the database, counts them in the report, and changes nothing on a second import", async () => {
    const { organisationId } = await freshOrganisation();
    const file = async () => [{ name: "import.xlsx", data: await workbook(sheets()) }];
    const result = await run(organisationId, await file());
    expect(result.problems).toEqual([]);
    expect(result.counts.tables.forsorjning).toEqual({ rows: 2, new: 2, existing: 0 });
    expect(result.counts.tables.skapa).toEqual({ rows: 3, new: 3, existing: 0 });

    const changes = await prisma.incomeChange.findMany({
      where: { enrolment: { organisationId } },
      orderBy: { date: "asc" },
      include: { incomeSource: true, enrolment: { include: { participant: true } } },
    });
    expect(changes.map((c) => [c.enrolment.participant.code, c.enrolment.enrolledDate, c.date, c.incomeSource.label])).toEqual([
      ["A-2", "2025-02-03", "2025-03-01", "Lön"],
      ["A-1", "2025-06-01", "2025-07-01", "Studiemedel"],
    ]);
    const scores = await prisma.skapaScore.findMany({ where: { assessment: { enrolment: { organisationId } } }, include: { area: true } });
    expect(scores.map((s) => [s.area.label, s.participantScore, s.coordinatorScore]).sort()).toEqual([
      ["Hälsa", 4, 6],
      ["Vardagen", null, 7],
    ]);
    expect(await prisma.skapaAssessment.count({ where: { enrolment: { organisationId } } })).toBe(1);

    const report = await buildReport(organisationId, { period: { from: "2025-01-01", to: "2025-12-31" }, insats: null, kommun: null });
    expect(report.income).toEqual({
      atStart: { "ej angiven": 2, Sjukpenning: 1 },
      atEnd: { "ej angiven": 1 },
      startToEnd: { "ej angiven": { "ej angiven": 1 } },
      changes: { total: 2, bySource: { Lön: 1, Studiemedel: 1 } },
    });

    const again = await run(organisationId, await file());
    expect(again.problems).toEqual([]);
    expect(again.counts.tables.forsorjning).toEqual({ rows: 2, new: 0, existing: 2 });
    expect(again.counts.tables.skapa).toEqual({ rows: 3, new: 0, existing: 3 });
    expect(await prisma.incomeChange.count({ where: { enrolment: { organisationId } } })).toBe(2);
    expect(await prisma.skapaScore.count({ where: { assessment: { enrolment: { organisationId } } } })).toBe(2);
  });

  it("fills in the koordinator's rating on a stored assessment later, and refuses a different one", async () => {
    const { organisationId } = await freshOrganisation();
    const first = cleanSheets();
    expect((await run(organisationId, [{ name: "import.xlsx", data: await workbook(first) }])).problems).toEqual([]);

    const later: Sheets = {
      skapa: [
        { deltagare: "A-2", datum: "2025-02-10", omrade: "Hälsa", poang: 5, bedomare: "koordinator" },
        { deltagare: "A-2", datum: "2025-02-10", omrade: "Vardagen", poang: 6 },
      ],
    };
    const result = await run(organisationId, [{ name: "koordinator.xlsx", data: await workbook(later) }]);
    expect(result.problems).toEqual([]);
    expect(result.counts.tables.skapa).toEqual({ rows: 2, new: 1, existing: 1 });
    const scores = await prisma.skapaScore.findMany({ where: { assessment: { enrolment: { organisationId } } }, include: { area: true } });
    expect(scores.map((s) => [s.area.label, s.participantScore, s.coordinatorScore]).sort()).toEqual([
      ["Hälsa", 4, 5],
      ["Vardagen", 6, null],
    ]);

    const different: Sheets = { skapa: [{ deltagare: "A-2", datum: "2025-02-10", omrade: "Hälsa", poang: 8, bedomare: "koordinator" }] };
    const refused = await run(organisationId, [{ name: "andra.xlsx", data: await workbook(different) }]);
    expect(refused.written).toBe(false);
    expect(refused.problems.map((p) => [p.sheet, p.row, p.column, p.message])).toEqual([
      [
        "skapa",
        2,
        "poang",
        'Området "Hälsa" har redan poängen 5 i koordinatorns bedömning för "A-2" den 2025-02-10 i Stegvis. Förväntat samma poäng, eller ändra bedömningen i Stegvis.',
      ],
    ]);
  });

  it("lands whole or not at all: an unknown försörjning writes none of the other rows", async () => {
    const { organisationId } = await freshOrganisation();
    const bad = sheets();
    bad.forsorjning.push({ deltagare: "A-2", datum: "2025-04-01", forsorjning: "Lotteri" });
    const before = await countAll(organisationId);
    const result = await run(organisationId, [{ name: "import.xlsx", data: await workbook(bad) }]);
    expect(result.written).toBe(false);
    expect(result.problems.map((p) => [p.sheet, p.row, p.column, p.value])).toEqual([["forsorjning", 4, "forsorjning", "Lotteri"]]);
    expect(result.problems[0]!.message).toMatch(/^"Lotteri" är ingen av förbundets försörjningar\. Förväntat en av: Sjukpenning, /);
    expect(await countAll(organisationId)).toEqual(before);
    expect(await prisma.incomeChange.count({ where: { enrolment: { organisationId } } })).toBe(0);
  });
});
