// The deltagare sheet: one row per enrolment, which also gives the participant (by code) and
// the consent. Every enrolment is registered as a period, so that the events can be placed.
import { closureProblem, consentProblem } from "~/domain/enrolment-dates";
import { cleanFreeText } from "~/domain/text-safety";
import type { RawRow, RawTable } from "../types";
import { RowReader } from "../rows";
import { asText, displayValue, labelKey, parseGender } from "../values";
import { periodsOf, rowReference, tablesNamed, type ValidationContext } from "./context";
import { SEP } from "./keys";
import { intakeReference } from "./references";
import type { EnrolmentRow, ImportPlan } from "./types";

const MAX_NAME_LENGTH = 200;

type EnrolmentFields = Omit<EnrolmentRow, "id" | "participantId">;

/** What the deltagare rows share beyond the context: who is planned, consents, coordinators. */
interface DeltagareState {
  readonly ctx: ValidationContext;
  readonly plannedParticipants: Map<string, ImportPlan["participants"][number]>;
  /** participantId|date of every consent, stored or planned. */
  readonly consentKeys: Set<string>;
  /** A coordinator is named by e-mail or, when no two users share it, by name. */
  readonly coordinatorByKey: Map<string, string>;
  readonly unknownCoordinators: Map<string, number>;
}

export function validateDeltagare(ctx: ValidationContext): void {
  const state: DeltagareState = {
    ctx,
    plannedParticipants: new Map(),
    consentKeys: new Set(ctx.existing.consents.map((consent) => consent.participantId + SEP + consent.givenDate)),
    coordinatorByKey: coordinatorKeys(ctx.reference.users),
    unknownCoordinators: new Map(),
  };
  for (const table of tablesNamed(ctx, "deltagare")) for (const row of table.rows) deltagareRow(state, table, row);
  for (const [value, count] of state.unknownCoordinators) {
    ctx.warnings.add(
      "coordinator",
      `Koordinatorn "${value}" finns inte som användare i Stegvis: ${count} ${count === 1 ? "inskrivning importeras" : "inskrivningar importeras"} utan koordinator.`,
    );
  }
}

function coordinatorKeys(users: ReadonlyArray<{ id: string; name: string; email: string }>): Map<string, string> {
  const names = new Map<string, number>();
  for (const user of users) names.set(labelKey(user.name), (names.get(labelKey(user.name)) ?? 0) + 1);
  const keys = new Map<string, string>();
  for (const user of users) {
    keys.set(user.email.toLowerCase(), user.id);
    if (names.get(labelKey(user.name)) === 1) keys.set(labelKey(user.name), user.id);
  }
  return keys;
}

function deltagareRow(state: DeltagareState, table: RawTable, row: RawRow): void {
  const { ctx } = state;
  const r = new RowReader(ctx.report, table, row);
  const enrolment = readEnrolment(state, r);
  const { code, enrolledDate, closedDate } = enrolment;
  if (code === undefined) return;
  if (code.toUpperCase().startsWith("EXEMPEL-")) {
    ctx.warnings.add("example", `${table.sheet} rad ${row.rowNumber}: "${code}" är mallens exempelrad. Ta bort raden om den inte ska importeras.`);
  }
  if (!enrolledDate || closedDate === undefined) {
    ctx.codesWithUnknownPeriods.add(code);
    return;
  }

  const periods = periodsOf(ctx, code);
  const same = periods.find((period) => period.enrolledDate === enrolledDate);
  if (same?.row) {
    r.fail(
      "inskriven",
      `Deltagaren "${code}" med inskrivningsdatum ${enrolledDate} finns redan på ${rowReference(same.row, table.sheet)}. Varje inskrivning ska stå på en rad.`,
    );
    ctx.codesWithUnknownPeriods.add(code);
    return;
  }
  if (same) {
    // Already imported (or entered in Stegvis): skipped, never changed.
    same.row = { sheet: table.sheet, row: row.rowNumber };
    ctx.counts.tables.deltagare.existing += 1;
    if ((same.closedDate ?? null) !== closedDate) {
      ctx.warnings.add(
        "existing-enrolment",
        `${table.sheet} rad ${row.rowNumber}: inskrivningen av "${code}" ${enrolledDate} finns redan i Stegvis och ändras inte ` +
          `(avslutad i filen: ${closedDate ?? "tom"}, i Stegvis: ${same.closedDate ?? "tom"}). Ändra den i Stegvis vid behov.`,
      );
    }
    return;
  }

  // Registered even when the row has problems, so that its events are checked against it.
  const enrolmentId = ctx.options.newId();
  const at = { sheet: table.sheet, row: row.rowNumber };
  periods.push({ enrolmentId, insatsId: enrolment.insatsId, enrolledDate, closedDate, row: at, existing: false });
  if (r.ok && enrolment.fields && enrolment.consentDate) {
    planEnrolment(state, code, enrolmentId, enrolment.fields, enrolment.consentDate, enrolment.name);
  }
}

/** Every cell of a deltagare row; `fields` only when all the enrolment's values are valid. */
function readEnrolment(state: DeltagareState, r: RowReader) {
  const { ctx } = state;
  const code = r.code("deltagare", true);
  const insats = intakeReference(r, "insats", ctx.insatser);
  const kommun = intakeReference(r, "kommun", ctx.kommuner);
  const referrer = intakeReference(r, "remittent", ctx.referrers);
  const genderValue = r.required("kon");
  const gender = genderValue === undefined ? null : parseGender(genderValue);
  if (genderValue !== undefined && !gender) {
    r.fail("kon", `"${displayValue(genderValue)}" är inget giltigt kön. Förväntat kvinna, man eller annat (eller K, M, A).`);
  }
  const ageGroup = r.label("aldersgrupp", true, ctx.ageGroups, "åldersgrupper");
  const consentDate = r.date("samtycke", true);
  const enrolledDate = r.date("inskriven", true);
  const closedDate = r.date("avslutad", false);
  const closureReason = r.label("avslutsorsak", false, ctx.closureReasons, "avslutsorsaker");
  const planAfterClosure = r.yesNo("planering_efter_avslut");
  const incomeStart = r.label("forsorjning_start", false, ctx.incomeSources, "försörjningar");
  const incomeEnd = r.label("forsorjning_slut", false, ctx.incomeSources, "försörjningar");
  checkConsent(r, enrolledDate, consentDate);
  checkClosure(r, enrolledDate, closedDate);
  // A refused name has failed the row; the row is then not planned.
  const name = r.name("namn", MAX_NAME_LENGTH) ?? null;
  const coordinatorId = coordinator(state, r);

  const complete =
    insats &&
    kommun &&
    referrer &&
    gender &&
    ageGroup &&
    enrolledDate &&
    closedDate !== undefined &&
    closureReason !== undefined &&
    planAfterClosure !== undefined &&
    incomeStart !== undefined &&
    incomeEnd !== undefined;
  const fields: EnrolmentFields | null = complete
    ? {
        insatsId: insats.id,
        kommunId: kommun.id,
        coordinatorId,
        referrerId: referrer.id,
        gender,
        ageGroupId: ageGroup.id,
        incomeStartId: incomeStart?.id ?? null,
        enrolledDate,
        closedDate,
        closureReasonId: closureReason?.id ?? null,
        incomeEndId: incomeEnd?.id ?? null,
        planAfterClosure,
      }
    : null;
  return { code, enrolledDate, closedDate, consentDate, name, insatsId: insats?.id ?? null, fields };
}

/** The consent comes first: an enrolment on or after the day it was given (domain/enrolment-dates). */
function checkConsent(r: RowReader, enrolledDate: string | undefined, consentDate: string | undefined): void {
  if (!enrolledDate || !consentDate) return;
  const problem = consentProblem(enrolledDate, consentDate);
  if (problem?.code === "before-consent") {
    r.fail("inskriven", `Inskrivningsdatumet ${enrolledDate} är före samtycket ${problem.consentDate}. Förväntat samtycke samma dag eller tidigare.`);
  }
}

/** The closure's cells agree: a reason when closed, nothing about the closure when open. */
function checkClosure(r: RowReader, enrolledDate: string | undefined, closedDate: string | null | undefined): void {
  if (enrolledDate && closedDate && closureProblem({ enrolledDate, closedDate })?.code === "closure-before-enrolment") {
    r.fail("avslutad", `Avslutsdatumet ${closedDate} är före inskrivningsdatumet ${enrolledDate}. Förväntat samma dag eller senare.`);
  }
  if (closedDate && r.raw("avslutsorsak") === undefined) {
    r.fail("avslutsorsak", `Avslutsorsak saknas. Den måste fyllas i när avslutad är ifylld (${closedDate}).`);
  }
  if (closedDate !== null) return;
  for (const column of ["avslutsorsak", "planering_efter_avslut", "forsorjning_slut"]) {
    if (r.raw(column) !== undefined) r.fail(column, `${column} är ifylld men avslutad är tom. Fyll i avslutsdatum eller töm ${column}.`);
  }
}

function planEnrolment(state: DeltagareState, code: string, enrolmentId: string, fields: EnrolmentFields, consentDate: string, name: string | null): void {
  const { ctx } = state;
  let participantId = ctx.participantIds.get(code);
  if (!participantId) {
    participantId = ctx.options.newId();
    ctx.participantIds.set(code, participantId);
    const participant = { id: participantId, code, name };
    state.plannedParticipants.set(participantId, participant);
    ctx.plan.participants.push(participant);
  } else if (name) {
    // A re-enrolment row may be the one that carries the name.
    const planned = state.plannedParticipants.get(participantId);
    if (planned && planned.name === null) planned.name = name;
  }
  const consentKey = participantId + SEP + consentDate;
  if (!state.consentKeys.has(consentKey)) {
    state.consentKeys.add(consentKey);
    ctx.plan.consents.push({ participantId, givenDate: consentDate });
  }
  ctx.plan.enrolments.push({ id: enrolmentId, participantId, ...fields });
  ctx.counts.tables.deltagare.new += 1;
}

function coordinator(state: DeltagareState, r: RowReader): string | null {
  const value = r.raw("koordinator");
  if (value === undefined) return null;
  // Looked up, never stored; but the warning below shows it, so no control character may reorder it.
  const text = cleanFreeText(asText(value));
  const id = state.coordinatorByKey.get(text.toLowerCase()) ?? state.coordinatorByKey.get(labelKey(text));
  if (id) return id;
  // Former staff are not users: the enrolment is imported without a coordinator, with a warning.
  state.unknownCoordinators.set(text, (state.unknownCoordinators.get(text) ?? 0) + 1);
  return null;
}
