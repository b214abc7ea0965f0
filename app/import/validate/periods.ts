// The enrolment periods of each participant code, from Stegvis and from the deltagare sheet:
// one enrolment at a time (domain/enrolment-dates), and the period an event row belongs to.
import { eventDateProblem, overlapProblem } from "~/domain/enrolment-dates";
import { addDays } from "~/domain/period";
import type { RowReader } from "../rows";
import { describePeriod, periodsOf, rowReference, type Period, type ValidationContext } from "./context";

/** The participants and enrolments Stegvis holds, as codes and periods. */
export function loadExistingPeriods(ctx: ValidationContext): void {
  const codeById = new Map<string, string>();
  for (const participant of ctx.existing.participants) {
    ctx.participantIds.set(participant.code, participant.id);
    codeById.set(participant.id, participant.code);
  }
  for (const enrolment of ctx.existing.enrolments) {
    const code = codeById.get(enrolment.participantId);
    if (code === undefined) continue; // an erased participant: no code to match
    periodsOf(ctx, code).push({
      enrolmentId: enrolment.id,
      insatsId: enrolment.insatsId,
      enrolledDate: enrolment.enrolledDate,
      closedDate: enrolment.closedDate,
      row: null,
      existing: true,
    });
  }
}

/**
 * One person, one enrolment at a time: the periods of a code neither overlap nor share a day.
 * The file's row is blamed, never Stegvis's own data.
 */
export function checkOverlaps(ctx: ValidationContext): void {
  for (const [code, periods] of ctx.periodsByCode) {
    if (periods.length < 2) continue;
    periods.sort((a, b) => (a.enrolledDate < b.enrolledDate ? -1 : a.enrolledDate > b.enrolledDate ? 1 : 0));
    for (let i = 1; i < periods.length; i++) {
      const earlier = periods[i - 1];
      const later = periods[i];
      const problem = overlapProblem(later, [earlier]);
      if (!problem) continue;
      if (earlier.existing && later.existing) continue; // Stegvis's own data is not the file's fault
      const blamed = later.existing ? earlier : later;
      const other = blamed === later ? earlier : later;
      const at = blamed.row!;
      const where = other.row ? `på ${rowReference(other.row, at.sheet)}` : "i Stegvis";
      if (problem.code === "overlap") {
        ctx.report(
          at.sheet,
          at.row,
          "inskriven",
          blamed.enrolledDate,
          `Inskrivningen av "${code}" ${describePeriod(blamed)} överlappar inskrivningen ${describePeriod(other)} (${where}). ` +
            `En deltagare kan bara ha en inskrivning åt gången: den tidigare måste avslutas före nästa inskrivningsdatum.`,
        );
      } else if (blamed === later) {
        ctx.report(
          at.sheet,
          at.row,
          "inskriven",
          blamed.enrolledDate,
          `Inskrivningen av "${code}" ${describePeriod(blamed)} börjar samma dag som den förra inskrivningen avslutades ` +
            `(${describePeriod(other)}, ${where}). Förväntat inskrivningsdatum ${addDays(earlier.closedDate!, 1)} eller senare: ` +
            `en ny inskrivning börjar tidigast dagen efter avslutet.`,
        );
      } else {
        ctx.report(
          at.sheet,
          at.row,
          "avslutad",
          blamed.closedDate!,
          `Inskrivningen av "${code}" ${describePeriod(blamed)} avslutas samma dag som nästa inskrivning börjar ` +
            `(${describePeriod(other)}, ${where}). Förväntat avslutsdatum ${addDays(later.enrolledDate, -1)} eller tidigare: ` +
            `en ny inskrivning börjar tidigast dagen efter avslutet.`,
        );
      }
      ctx.codesWithUnknownPeriods.add(code);
    }
  }
}

/**
 * Reads deltagare and datum of an event row and finds the enrolment open on that date.
 * Undefined (with the problem reported) when there is none.
 */
export function attach(ctx: ValidationContext, r: RowReader): { code: string; date: string; period: Period } | undefined {
  const code = r.code("deltagare", true);
  const date = r.date("datum", true);
  if (code === undefined || date === undefined || date === null) return undefined;
  const periods = ctx.periodsByCode.get(code);
  if (!periods || periods.length === 0) {
    if (ctx.codesWithUnknownPeriods.has(code)) {
      r.ok = false;
      return undefined;
    }
    r.fail("deltagare", `Deltagaren "${code}" finns inte i bladet deltagare och inte heller i Stegvis. Lägg till deltagaren i bladet deltagare.`);
    return undefined;
  }
  const period = periods.find((p) => eventDateProblem(date, p) === null);
  if (!period) {
    if (ctx.codesWithUnknownPeriods.has(code)) {
      r.ok = false;
      return undefined;
    }
    r.fail(
      "datum",
      `Datumet ${date} ligger utanför inskrivningen för deltagaren "${code}" (${periods.map(describePeriod).join("; ")}). ` +
        `Förväntat ett datum inom en inskrivning.`,
    );
    return undefined;
  }
  return { code, date, period };
}
