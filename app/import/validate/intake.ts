// Referrals and study visits: dated by themselves, optionally naming a participant.
import type { ReferralDecision } from "~/domain/reference-defaults";
import type { RowReader } from "../rows";
import { displayValue, parseDecision } from "../values";
import { keep, rowsOf, type Seen, type ValidationContext } from "./context";
import { eventKeys } from "./keys";
import { intakeReference } from "./references";

export function validateReferrals(ctx: ValidationContext): void {
  intake(ctx, "remisser", ctx.existing.events.referrals, ctx.plan.referrals, (r) => {
    const date = r.date("datum", true);
    const referrer = intakeReference(r, "remittent", ctx.referrers);
    const kommun = intakeReference(r, "kommun", ctx.kommuner);
    const insats = intakeReference(r, "insats", ctx.insatser);
    const decisionValue = r.raw("beslut");
    let decision: ReferralDecision | null = null;
    if (decisionValue !== undefined) {
      decision = parseDecision(decisionValue);
      if (!decision) r.fail("beslut", `"${displayValue(decisionValue)}" är inget giltigt beslut. Förväntat inskriven, konsultation, ej aktuell eller kö.`);
    }
    const participantId = optionalParticipant(ctx, r);
    if (!date || !referrer || !kommun || !insats || participantId === undefined) return undefined;
    return {
      key: eventKeys.referral(date, referrer.id, kommun.id, insats.id, participantId),
      row: { date, referrerId: referrer.id, kommunId: kommun.id, insatsId: insats.id, decision, participantId },
      named: participantId !== null,
    };
  });
}

export function validateStudyVisits(ctx: ValidationContext): void {
  intake(ctx, "studiebesok", ctx.existing.events.studyVisits, ctx.plan.studyVisits, (r) => {
    const date = r.date("datum", true);
    const kommun = intakeReference(r, "kommun", ctx.kommuner);
    const insats = intakeReference(r, "insats", ctx.insatser);
    const participantId = optionalParticipant(ctx, r);
    if (!date || !kommun || !insats || participantId === undefined) return undefined;
    return {
      key: eventKeys.studyVisit(date, kommun.id, insats.id, participantId),
      row: { date, kommunId: kommun.id, insatsId: insats.id, participantId },
      named: participantId !== null,
    };
  });
}

/**
 * Anonymous referrals and visits legitimately repeat (two referrals from AF the same day), so
 * they are counted: the file's n rows with one key add n minus the m already stored. Rows that
 * name a participant are unique like events.
 */
function intake<T>(
  ctx: ValidationContext,
  table: "remisser" | "studiebesok",
  stored: ReadonlyMap<string, number>,
  rows: T[],
  read: (r: RowReader) => { key: string; row: T; named: boolean } | undefined,
): void {
  const seen: Seen = new Map();
  const anonymous = new Map<string, { count: number; row: T }>();
  for (const r of rowsOf(ctx, table)) {
    const result = read(r);
    if (!result || !r.ok) continue;
    if (result.named) {
      keep(ctx, r, table, { key: result.key, seen, stored: (stored.get(result.key) ?? 0) > 0, what: "uppgifter" }, () => rows.push(result.row));
      continue;
    }
    const entry = anonymous.get(result.key);
    if (entry) entry.count += 1;
    else anonymous.set(result.key, { count: 1, row: result.row });
  }
  for (const [key, { count, row }] of anonymous) {
    const already = Math.min(count, stored.get(key) ?? 0);
    ctx.counts.tables[table].existing += already;
    ctx.counts.tables[table].new += count - already;
    for (let i = already; i < count; i++) rows.push(row);
  }
}

/** The participant named by an optional code; undefined (with a problem) when unknown. */
function optionalParticipant(ctx: ValidationContext, r: RowReader): string | null | undefined {
  const code = r.code("deltagare", false);
  if (code === undefined || code === null) return code;
  const id = ctx.participantIds.get(code);
  if (id) return id;
  if (ctx.codesWithUnknownPeriods.has(code) || ctx.periodsByCode.has(code)) {
    r.ok = false;
    return undefined;
  }
  r.fail("deltagare", `Deltagaren "${code}" finns inte i bladet deltagare och inte heller i Stegvis. Lämna cellen tom för en anonym rad.`);
  return undefined;
}
