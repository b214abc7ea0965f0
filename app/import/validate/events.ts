// The rows that attach to an enrolment by participant code and date: Trappan, SKAPA offers,
// FOV, stödinsatser, aktiviteter and changes of försörjning (SKAPA assessments are in skapa.ts).
import type { FovOutcome } from "~/domain/reference-defaults";
import { displayValue, parseFovOutcome, parseInteger } from "../values";
import { keep, rowsOf, type Seen, type ValidationContext } from "./context";
import { eventKeys } from "./keys";
import { attach } from "./periods";

const MAX_MINUTES = 24 * 60;

export function validateTrappan(ctx: ValidationContext): void {
  const seen: Seen = new Map();
  const stored = ctx.existing.events.trappan;
  for (const r of rowsOf(ctx, "trappan")) {
    const at = attach(ctx, r);
    const value = r.required("steg");
    let step: number | null = null;
    if (value !== undefined) {
      step = parseInteger(value);
      if (step === null || step < 1 || step > 6) {
        r.fail("steg", `"${displayValue(value)}" är inget giltigt steg. Förväntat ett heltal från 1 till 6.`);
        step = null;
      }
    }
    if (!at?.period || step === null) continue;
    const enrolmentId = at.period.enrolmentId;
    const date = at.date;
    const placed = step;
    const key = eventKeys.trappan(enrolmentId, date, placed);
    keep(ctx, r, "trappan", { key, seen, stored: stored.has(key), what: "steg" }, () => ctx.plan.placements.push({ enrolmentId, date, step: placed }));
  }
}

export function validateSkapaOffers(ctx: ValidationContext): void {
  const seen: Seen = new Map();
  for (const r of rowsOf(ctx, "skapa_erbjuden")) {
    const at = attach(ctx, r);
    if (!at?.period) continue;
    const enrolmentId = at.period.enrolmentId;
    const date = at.date;
    const key = eventKeys.skapaOffer(enrolmentId, date);
    keep(ctx, r, "skapa_erbjuden", { key, seen, stored: ctx.existing.events.skapaOffers.has(key), what: "erbjudande" }, () =>
      ctx.plan.skapaOffers.push({ enrolmentId, date }),
    );
  }
}

export function validateFov(ctx: ValidationContext): void {
  const seen: Seen = new Map();
  for (const r of rowsOf(ctx, "fov")) {
    const at = attach(ctx, r);
    const value = r.required("svar");
    let outcome: FovOutcome | null = null;
    if (value !== undefined) {
      outcome = parseFovOutcome(value);
      if (!outcome) r.fail("svar", `"${displayValue(value)}" är inget giltigt svar. Förväntat ja, nej, avböjt eller ej tillfrågad.`);
    }
    if (!at?.period || !outcome) continue;
    const enrolmentId = at.period.enrolmentId;
    const date = at.date;
    const result = outcome;
    const key = eventKeys.fov(enrolmentId, date, result);
    keep(ctx, r, "fov", { key, seen, stored: ctx.existing.events.fov.has(key), what: "svar" }, () =>
      ctx.plan.fovScreenings.push({ enrolmentId, date, outcome: result }),
    );
  }
}

export function validateSupport(ctx: ValidationContext): void {
  const seen: Seen = new Map();
  for (const r of rowsOf(ctx, "stodinsatser")) {
    const at = attach(ctx, r);
    const type = r.label("typ", true, ctx.supportTypes, "stödinsatstyper");
    const raised = r.yesNo("hojd_aktivitetsniva");
    if (!at?.period || !type || raised === undefined) continue;
    const enrolmentId = at.period.enrolmentId;
    const date = at.date;
    const key = eventKeys.support(enrolmentId, date, type.id);
    keep(ctx, r, "stodinsatser", { key, seen, stored: ctx.existing.events.support.has(key), what: "typ" }, () =>
      ctx.plan.support.push({ enrolmentId, date, supportTypeId: type.id, raisesActivityLevel: raised ?? type.raisesActivityLevel }),
    );
  }
}

export function validateActivities(ctx: ValidationContext): void {
  const seen: Seen = new Map();
  for (const r of rowsOf(ctx, "aktiviteter")) {
    const at = attach(ctx, r);
    const type = r.label("typ", true, ctx.activityTypes, "aktivitetstyper");
    const value = r.raw("minuter");
    let minutes: number | null = null;
    if (value !== undefined) {
      minutes = parseInteger(value);
      if (minutes === null || minutes < 1 || minutes > MAX_MINUTES) {
        r.fail("minuter", `"${displayValue(value)}" är inget giltigt antal minuter. Förväntat ett heltal från 1 till ${MAX_MINUTES}.`);
        continue;
      }
    }
    if (!at?.period || !type) continue;
    const enrolmentId = at.period.enrolmentId;
    const date = at.date;
    const key = eventKeys.activity(enrolmentId, date, type.id, minutes);
    const length = minutes;
    keep(ctx, r, "aktiviteter", { key, seen, stored: ctx.existing.events.activities.has(key), what: "typ och minuter" }, () =>
      ctx.plan.activities.push({ enrolmentId, date, activityTypeId: type.id, minutes: length }),
    );
  }
}

/** Changes of försörjning: the new försörjning must be on the förbund's list, as at start and end. */
export function validateIncomeChanges(ctx: ValidationContext): void {
  const seen: Seen = new Map();
  for (const r of rowsOf(ctx, "forsorjning")) {
    const at = attach(ctx, r);
    const source = r.label("forsorjning", true, ctx.incomeSources, "försörjningar");
    if (!at?.period || !source) continue;
    const enrolmentId = at.period.enrolmentId;
    const date = at.date;
    const key = eventKeys.incomeChange(enrolmentId, date, source.id);
    keep(ctx, r, "forsorjning", { key, seen, stored: ctx.existing.events.incomeChanges.has(key), what: "försörjning" }, () =>
      ctx.plan.incomeChanges.push({ enrolmentId, date, incomeSourceId: source.id }),
    );
  }
}
