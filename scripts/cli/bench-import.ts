// node scripts/cli.mjs bench-import [-- --participants N] (also run by `npm run bench`)
//
// Generates an import workbook of 10,000 participants and 150,000 event rows, imports it into a
// fresh temporary database and prints how long parsing, validating and writing took. Aim: under
// 10 seconds in total.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { dateOfDayNumber, dayNumber } from "~/domain/period";

const USAGE = "Användning: node scripts/cli.mjs bench-import -- [--participants N] [--keep]";
const KOMMUNER = ["Växjö", "Alvesta", "Lessebo", "Tingsryd", "Uppvidinge"];
const INSATSER = ["Samverkansteam Värend", "SamSteg"];
const REFERRERS = ["Försäkringskassan", "Arbetsförmedlingen", "Socialtjänst", "Regionen"];
const AGE_GROUPS = ["16-19", "20-29", "30-39", "40-49", "50-59", "60-64"];
const GENDERS = ["kvinna", "man", "annat"];
const SKAPA_AREAS = ["Tro på att få arbete", "Jobbsökning", "Hälsa", "Vardagen", "Samarbete", "Kunskap om arbetsmarknaden", "Beslutsamhet"];
const ACTIVITY_TYPES = ["Individuellt samtal", "Gruppaktivitet", "Myndighetskontakt"];
const SUPPORT_TYPES = ["Kommunal arbetsträning", "Språkcafé eller dylikt", "Praktik Arbetsförmedlingen"];
const FOV = ["ja", "nej", "avböjt", "ej tillfrågad"];
const BASE_DAY = dayNumber("2023-01-02");

/** A day number (period.ts) as an Excel date cell; every participant's dates are derived from one. */
const day = (n: number) => new Date(`${dateOfDayNumber(n)}T00:00:00Z`);

interface Generated {
  participants: number;
  enrolments: number;
  events: number;
  rows: number;
}

/**
 * Every tenth participant was enrolled twice (a closed first period, then a new one); the
 * events belong to the latest enrolment: 3 Trappan placements, one SKAPA assessment of 7 areas,
 * one offer, one FOV screening, one stödinsats and two activities = 15 per participant.
 */
async function writeWorkbook(file: string, participants: number): Promise<Generated> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const sheet = (name: string, columns: string[]) => {
    const worksheet = workbook.addWorksheet(name);
    worksheet.columns = columns.map((key) => ({
      header: key,
      key,
      style: ["datum", "samtycke", "inskriven", "avslutad"].includes(key) ? { numFmt: "yyyy-mm-dd" } : {},
    }));
    return worksheet;
  };
  const deltagare = sheet("deltagare", [
    "deltagare",
    "insats",
    "kommun",
    "kon",
    "aldersgrupp",
    "remittent",
    "samtycke",
    "inskriven",
    "avslutad",
    "avslutsorsak",
    "planering_efter_avslut",
  ]);
  const trappan = sheet("trappan", ["deltagare", "datum", "steg"]);
  const skapa = sheet("skapa", ["deltagare", "datum", "omrade", "poang"]);
  const offers = sheet("skapa_erbjuden", ["deltagare", "datum"]);
  const fov = sheet("fov", ["deltagare", "datum", "svar"]);
  const support = sheet("stodinsatser", ["deltagare", "datum", "typ"]);
  const activities = sheet("aktiviteter", ["deltagare", "datum", "typ", "minuter"]);
  const referrals = sheet("remisser", ["datum", "remittent", "kommun", "insats", "beslut", "deltagare"]);
  const visits = sheet("studiebesok", ["datum", "kommun", "insats"]);

  let enrolments = 0;
  let events = 0;
  let rows = 0;
  const add = (worksheet: ExcelJS.Worksheet, values: unknown[]) => {
    worksheet.addRow(values).commit();
    rows += 1;
  };
  for (let n = 0; n < participants; n++) {
    const code = `B-${String(n + 1).padStart(5, "0")}`;
    const insats = INSATSER[n % INSATSER.length];
    const kommun = KOMMUNER[n % KOMMUNER.length];
    const referrer = REFERRERS[n % REFERRERS.length];
    const common = [code, insats, kommun, GENDERS[n % 3], AGE_GROUPS[n % AGE_GROUPS.length], referrer];
    let start = BASE_DAY + (n % 600);
    if (n % 10 === 0) {
      add(deltagare, [...common, day(start), day(start), day(start + 90), "Flytt", "ja"]);
      add(referrals, [day(start - 10), referrer, kommun, insats, "inskriven", code]);
      enrolments += 1;
      start += 120;
    }
    const closed = n % 3 === 0 ? start + 300 : null;
    add(deltagare, [
      ...common,
      day(start - 2),
      day(start),
      closed === null ? null : day(closed),
      closed === null ? null : "Studier",
      closed === null ? null : "ja",
    ]);
    add(referrals, [day(start - 14), referrer, kommun, insats, "inskriven", code]);
    enrolments += 1;
    for (let k = 0; k < 3; k++) add(trappan, [code, day(start + k * 30), 1 + ((n + k) % 6)]);
    SKAPA_AREAS.forEach((area, k) => add(skapa, [code, day(start + 14), area, 1 + ((n + k) % 10)]));
    add(offers, [code, day(start + 7)]);
    add(fov, [code, day(start + 21), FOV[n % FOV.length]]);
    add(support, [code, day(start + 60), SUPPORT_TYPES[n % SUPPORT_TYPES.length]]);
    add(activities, [code, day(start + 3), ACTIVITY_TYPES[n % ACTIVITY_TYPES.length], 60]);
    add(activities, [code, day(start + 10), ACTIVITY_TYPES[(n + 1) % ACTIVITY_TYPES.length], 45]);
    events += 15;
    // Anonymous intake: referrals that did not lead to an enrolment, and study visits.
    if (n % 5 === 0) add(referrals, [day(start - 20), referrer, kommun, insats, "konsultation", null]);
    if (n % 3 === 0) add(visits, [day(start - 30), kommun, insats]);
  }
  for (const worksheet of [deltagare, trappan, skapa, offers, fov, support, activities, referrals, visits]) worksheet.commit();
  await workbook.commit();
  return { participants, enrolments, events, rows };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2).replace(".", ",")} s`;
}

export async function main(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { participants: { type: "string" }, keep: { type: "boolean" } }, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const participants = Number(values.participants ?? 10_000);
  if (!Number.isInteger(participants) || participants < 1) {
    console.error(`--participants ska vara ett positivt heltal.\n\n${USAGE}`);
    return 2;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "stegvis-bench-import-"));
  const workbookFile = path.join(dir, "import.xlsx");
  const databaseFile = path.join(dir, "import.db");

  const generateStarted = performance.now();
  const generated = await writeWorkbook(workbookFile, participants);
  const generateMs = performance.now() - generateStarted;

  // The Prisma client reads DATABASE_URL when its module is first imported, so set it first
  // (and put it back afterwards: `npm run bench` calls main() inside its own process).
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${databaseFile}`;
  const [{ databaseUrl, disconnectDatabase }, { migrateSqlite }, { setupDatabase, createKommunerAndInsatser }, { importFiles }] = await Promise.all([
    import("~/data/db.server"),
    import("~/data/sqlite.server"),
    import("~/data/setup.server"),
    import("~/data/import-write.server"),
  ]);
  try {
    migrateSqlite(databaseUrl());
    const { organisationId } = await setupDatabase("Importbenchmark");
    await createKommunerAndInsatser(organisationId, KOMMUNER, INSATSER);

    const data = readFileSync(workbookFile);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await importFiles({ organisationId, files: [{ name: "import.xlsx", data }], dryRun: false, createMissing: false });
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    if (!result.ok) {
      console.error(`Importen misslyckades: ${result.problems.length} fel, t.ex. ${JSON.stringify(result.problems.slice(0, 3))}`);
      return 1;
    }
    const written = result.counts.tables;
    const imported = Object.values(written).reduce((sum, count) => sum + count.new, 0);
    console.log(
      [
        `Arbetsbok: ${generated.participants} deltagare, ${generated.enrolments} inskrivningar, ${generated.events} händelser, ` +
          `${generated.rows} rader, ${(statSync(workbookFile).size / 1e6).toFixed(1).replace(".", ",")} MB (genererad på ${seconds(generateMs)})`,
        `Importerade rader: ${imported}`,
        `  läsa filen (parse):      ${seconds(result.timings.parseMs)}`,
        `  kontrollera (validate):  ${seconds(result.timings.validateMs)}`,
        `  skriva (write):          ${seconds(result.timings.writeMs)}`,
        `  totalt:                  ${seconds(totalMs)}  (mål: under 10 s: ${totalMs < 10_000 ? "uppfyllt" : "EJ uppfyllt"})`,
        `  processortid:            ${seconds((cpu.user + cpu.system) / 1000)}`,
        // Wall-clock times on a busy machine say little; the load tells the reader how busy it was.
        ...(loadavg()[0] > availableParallelism() ? [`Obs: datorn var belastad under mätningen (load ${loadavg()[0].toFixed(1).replace(".", ",")}).`] : []),
      ].join("\n"),
    );
    return 0;
  } finally {
    await disconnectDatabase();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`Filerna finns kvar i ${dir}`);
  }
}
