// The import, from files to rows: parses, loads what Stegvis holds, validates, and writes the
// plan inside ONE transaction, so that a problem found anywhere (or a crash halfway) leaves
// nothing behind, and the rows judged "already there" are judged on the same data the writes go
// to. Serves the /import page and `npm run import` alike.
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { DEFAULT_TRAPPAN_LABELS } from "~/domain/reference-defaults";
import { TABLE_NAMES } from "~/import/columns";
import { parseFiles } from "~/import/parse";
import type { ImportFile, ImportResult, RawTable } from "~/import/types";
import { emptyCounts, validateImport, type ImportPlan, type ValidationResult } from "~/import/validate";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";
import { loadExistingData, loadReferenceLists } from "./import-load.server";

// 150,000 rows take seconds; the default 5 s would abort a large import halfway.
const TRANSACTION_OPTIONS = { timeout: 10 * 60_000, maxWait: 60_000 } as const;
// SQLite allows 32,766 bound values per statement (PostgreSQL 65,535).
const MAX_BOUND_VALUES = 30_000;

export interface ImportOptions {
  organisationId: string;
  files: readonly ImportFile[];
  /** Validate and count, write nothing. */
  dryRun: boolean;
  /** Create the insatser, kommuner and remittenter the förbund lacks ("skapa saknade"). */
  createMissing: boolean;
  /** Who imports, for the audit log; null from the command line. */
  userId?: string | null;
}

/**
 * Reads the files, checks every row and, when nothing is wrong and it is not a dry run, writes
 * everything in one transaction. Problems in any file mean nothing at all is written.
 */
export async function importFiles(options: ImportOptions): Promise<ImportResult> {
  const parseStarted = performance.now();
  const parsed = await parseFiles(options.files);
  const parseMs = performance.now() - parseStarted;

  if (parsed.tables.every((table) => table.rows.length === 0) && parsed.problems.length === 0) {
    parsed.problems.push({
      sheet: options.files.map((file) => file.name).join(", "),
      row: null,
      column: null,
      value: "",
      message: "Filerna innehåller inga rader att importera. Förväntat blad eller CSV-filer som heter som tabellerna (deltagare, trappan, …) med en rubrikrad och minst en rad under den.",
    });
  }
  if (parsed.problems.length > 0 && parsed.tables.length === 0) {
    return {
      ok: false, dryRun: options.dryRun, written: false, counts: emptyCounts(), warnings: parsed.warnings,
      problems: parsed.problems, missing: { insatser: [], kommuner: [], remittenter: [] },
      timings: { parseMs, validateMs: 0, writeMs: 0 },
    };
  }

  // Problems of the files' shape do not stop the rows from being checked: the user gets one
  // report with everything. They do stop the writing.
  const result = await runImport({
    organisationId: options.organisationId,
    tables: parsed.tables,
    createMissing: options.createMissing,
    dryRun: options.dryRun || parsed.problems.length > 0,
    userId: options.userId ?? null,
    fileNames: options.files.map((file) => file.name),
  });
  const problems = [...parsed.problems, ...result.problems];
  return {
    ok: problems.length === 0,
    dryRun: options.dryRun,
    written: result.written,
    counts: result.counts,
    warnings: [...parsed.warnings, ...result.warnings],
    problems,
    missing: result.missing,
    timings: { parseMs, validateMs: result.validateMs, writeMs: result.writeMs },
  };
}

interface RunOptions {
  organisationId: string;
  tables: readonly RawTable[];
  createMissing: boolean;
  dryRun: boolean;
  userId: string | null;
  /** For the audit entry: the names of the files. */
  fileNames: readonly string[];
}

interface RunResult extends ValidationResult {
  written: boolean;
  validateMs: number;
  writeMs: number;
}

/** Validates against the database and, unless it is a dry run or anything is wrong, writes. */
async function runImport(options: RunOptions): Promise<RunResult> {
  if (options.dryRun) {
    const started = performance.now();
    const result = await planImport(prisma, options);
    return { ...result, written: false, validateMs: performance.now() - started, writeMs: 0 };
  }
  return prisma.$transaction(async (tx) => {
    const started = performance.now();
    const result = await planImport(tx, options);
    const validateMs = performance.now() - started;
    if (result.problems.length > 0) return { ...result, written: false, validateMs, writeMs: 0 };
    const writeStarted = performance.now();
    await writePlan(tx, options.organisationId, result.plan);
    await audit(
      {
        organisationId: options.organisationId,
        userId: options.userId,
        action: "import",
        entity: "import",
        detail: auditDetail(options.fileNames, result),
      },
      tx,
    );
    return { ...result, written: true, validateMs, writeMs: performance.now() - writeStarted };
  }, TRANSACTION_OPTIONS);
}

async function planImport(db: Tx, options: RunOptions): Promise<ValidationResult> {
  const [reference, existing] = await Promise.all([
    loadReferenceLists(db, options.organisationId),
    loadExistingData(db, options.organisationId, options.tables),
  ]);
  return validateImport(options.tables, reference, existing, { createMissing: options.createMissing, newId: randomUUID });
}

/** The counts, without any participant's data: the audit log never holds sensitive values. */
function auditDetail(fileNames: readonly string[], { counts, plan }: ValidationResult): string {
  const tables = TABLE_NAMES.filter((name) => counts.tables[name].rows > 0)
    .map((name) => `${name}: ${counts.tables[name].new} nya, ${counts.tables[name].existing} fanns redan`)
    .join("; ");
  const created = [
    ...plan.create.insatser.map((i) => `insats ${i.name}`),
    ...plan.create.kommuner.map((k) => `kommun ${k.name}`),
    ...plan.create.referrers.map((r) => `remittent ${r.name}`),
  ];
  return [
    `Filer: ${fileNames.join(", ")}`,
    tables,
    `nya deltagare: ${counts.participants}`,
    created.length ? `skapade: ${created.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join(". ")
    .slice(0, 2000);
}

/**
 * Multi-row INSERTs through the transaction. createMany costs about 150 µs a row in Prisma's
 * query compiler (25 s for the 10,000-participant benchmark); one parameterised statement per
 * chunk costs about 20 µs. Prisma.Sql keeps the placeholders right for SQLite and PostgreSQL.
 * Table and column names are constants of this module, never input.
 */
async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): Promise<void> {
  if (rows.length === 0) return;
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (`;
  const chunkSize = Math.floor(MAX_BOUND_VALUES / columns.length);
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const strings: string[] = [];
    const values: unknown[] = [];
    chunk.forEach((row, index) => {
      strings.push(index === 0 ? head : "), (");
      for (let i = 1; i < row.length; i++) strings.push(", ");
      values.push(...row);
    });
    strings.push(")");
    await tx.$executeRaw(new Prisma.Sql(strings, values as Prisma.Sql["values"]));
  }
}

/** Parents before children, so that the foreign keys hold at every statement. */
async function writePlan(tx: Tx, organisationId: string, plan: ImportPlan): Promise<void> {
  const org = { organisationId };
  for (const insats of plan.create.insatser) {
    await tx.insats.create({ data: { id: insats.id, ...org, name: insats.name } });
    await tx.trappanStep.createMany({ data: DEFAULT_TRAPPAN_LABELS.map((label, index) => ({ insatsId: insats.id, step: index + 1, label })) });
    await tx.skapaArea.createMany({ data: insats.areas.map((area) => ({ ...area, insatsId: insats.id })) });
  }
  if (plan.create.kommuner.length) await tx.kommun.createMany({ data: plan.create.kommuner.map((k) => ({ ...k, ...org })) });
  if (plan.create.referrers.length) await tx.referrer.createMany({ data: plan.create.referrers.map((r) => ({ ...r, ...org })) });

  // One timestamp for the whole import: the rows were created together.
  const now = new Date();
  const id = randomUUID;
  await insertRows(tx, "Participant", ["id", "organisationId", "code", "name", "createdAt"],
    plan.participants.map((p) => [p.id, organisationId, p.code, p.name, now]));
  await insertRows(tx, "Consent", ["id", "participantId", "givenDate", "createdAt"],
    plan.consents.map((c) => [id(), c.participantId, c.givenDate, now]));
  await insertRows(
    tx,
    "Enrolment",
    ["id", "organisationId", "participantId", "insatsId", "kommunId", "coordinatorId", "referrerId", "gender", "ageGroupId",
      "incomeStartId", "enrolledDate", "closedDate", "closureReasonId", "incomeEndId", "planAfterClosure", "createdAt", "updatedAt"],
    plan.enrolments.map((e) => [
      e.id, organisationId, e.participantId, e.insatsId, e.kommunId, e.coordinatorId, e.referrerId, e.gender, e.ageGroupId,
      e.incomeStartId, e.enrolledDate, e.closedDate, e.closureReasonId, e.incomeEndId, e.planAfterClosure, now, now,
    ]),
  );
  await insertRows(tx, "TrappanPlacement", ["id", "enrolmentId", "date", "step", "createdAt"],
    plan.placements.map((p) => [id(), p.enrolmentId, p.date, p.step, now]));
  await insertRows(tx, "SkapaOffer", ["id", "enrolmentId", "date", "createdAt"],
    plan.skapaOffers.map((o) => [id(), o.enrolmentId, o.date, now]));
  await insertRows(tx, "SkapaAssessment", ["id", "enrolmentId", "date", "createdAt"],
    plan.assessments.map((a) => [a.id, a.enrolmentId, a.date, now]));
  await insertRows(tx, "SkapaScore", ["id", "assessmentId", "areaId", "participantScore", "coordinatorScore"],
    plan.scores.map((s) => [id(), s.assessmentId, s.areaId, s.participantScore, s.coordinatorScore ?? null]));
  // Ratings filled in on stored score rows (the validator checked that the column is empty).
  for (const u of plan.scoreUpdates) {
    await tx.$executeRaw`UPDATE "SkapaScore"
      SET "participantScore" = COALESCE("participantScore", ${u.participantScore ?? null}),
          "coordinatorScore" = COALESCE("coordinatorScore", ${u.coordinatorScore ?? null})
      WHERE "assessmentId" = ${u.assessmentId} AND "areaId" = ${u.areaId}`;
  }
  await insertRows(tx, "FovScreening", ["id", "enrolmentId", "date", "outcome", "createdAt"],
    plan.fovScreenings.map((f) => [id(), f.enrolmentId, f.date, f.outcome, now]));
  await insertRows(tx, "SupportIntervention", ["id", "enrolmentId", "date", "supportTypeId", "raisesActivityLevel", "createdAt"],
    plan.support.map((s) => [id(), s.enrolmentId, s.date, s.supportTypeId, s.raisesActivityLevel, now]));
  await insertRows(tx, "Activity", ["id", "enrolmentId", "date", "activityTypeId", "minutes", "createdAt"],
    plan.activities.map((a) => [id(), a.enrolmentId, a.date, a.activityTypeId, a.minutes, now]));
  await insertRows(tx, "Referral", ["id", "organisationId", "date", "referrerId", "kommunId", "insatsId", "decision", "participantId", "createdAt"],
    plan.referrals.map((r) => [id(), organisationId, r.date, r.referrerId, r.kommunId, r.insatsId, r.decision, r.participantId, now]));
  await insertRows(tx, "StudyVisit", ["id", "organisationId", "date", "kommunId", "insatsId", "participantId", "createdAt"],
    plan.studyVisits.map((v) => [id(), organisationId, v.date, v.kommunId, v.insatsId, v.participantId, now]));
  await insertRows(tx, "IncomeChange", ["id", "enrolmentId", "date", "incomeSourceId", "createdAt"],
    plan.incomeChanges.map((c) => [id(), c.enrolmentId, c.date, c.incomeSourceId, now]));
}
