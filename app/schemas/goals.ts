import { z } from "zod";
import { GOAL_METRIC_KEYS, GOAL_METRICS, OUTCOME_GROUP_SHARE, outcomeGroupGoalLabel, type GoalKind } from "~/domain/goals";

// The form of the goals page: whose targets (the whole förbund's, or an insats's), one calendar
// year (empty for every year) and a target per goal metric. Shares are typed in percent and
// stored as a ratio (0..1); counts as typed.

/** One field of the goals form: `metric` is the field's name (a metric key, or a group's goal key). */
export interface GoalField {
  metric: string;
  label: string;
  kind: GoalKind;
}

/** Every goal metric, in the report's order, as the förbund-wide form lists them. */
export const ORGANISATION_GOAL_METRICS: readonly GoalField[] = GOAL_METRIC_KEYS.map((metric) => ({
  metric,
  label: GOAL_METRICS[metric].label,
  kind: GOAL_METRICS[metric].kind,
}));

/** The field of a goal on an outcome group's share: named by the group's id, which a rename keeps. */
export function outcomeGroupGoalField(group: { id: string; name: string }): GoalField {
  return { metric: `${OUTCOME_GROUP_SHARE}:${group.id}`, label: outcomeGroupGoalLabel(group.name), kind: "share" };
}

/** The form's fields: every metric, then a share goal per outcome group of the förbund. */
export function goalFields(groups: ReadonlyArray<{ id: string; name: string }>): GoalField[] {
  return [...ORGANISATION_GOAL_METRICS, ...groups.map(outcomeGroupGoalField)];
}

export const TARGET_YEAR_MIN = 2000;
export const TARGET_YEAR_MAX = 2100;

/** The Swedish messages of a bad target, one per fault, so the user knows which to fix. */
export const targetMessages = (label: string) => ({
  notNumber: `${label} måste anges som ett tal, t.ex. 80.`,
  negative: `${label} kan inte vara mindre än 0.`,
  aboveHundred: `${label} kan inte vara mer än 100 %.`,
  notWhole: `${label} måste vara ett heltal.`,
});

/** An empty field is "no target"; a decimal comma is accepted ("82,5"). */
export function targetField(label: string, kind: GoalKind) {
  const messages = targetMessages(label);
  return z
    .string()
    .trim()
    .optional()
    .transform((text, context) => {
      if (!text) return null;
      const value = /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : Number.NaN;
      const fault = Number.isNaN(value)
        ? messages.notNumber
        : value < 0
          ? messages.negative
          : kind === "share" && value > 100
            ? messages.aboveHundred
            : kind === "count" && (!Number.isInteger(value) || value > 999_999)
              ? messages.notWhole
              : null;
      if (fault !== null) {
        context.addIssue({ code: "custom", message: fault });
        return z.NEVER;
      }
      return kind === "share" ? value / 100 : value;
    });
}

const yearField = z
  .string()
  .trim()
  .optional()
  .transform((text, context) => {
    if (!text) return null;
    const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isNaN(year) || year < TARGET_YEAR_MIN || year > TARGET_YEAR_MAX) {
      context.addIssue({ code: "custom", message: `Året måste vara ett årtal mellan ${TARGET_YEAR_MIN} och ${TARGET_YEAR_MAX}, eller tomt för alla år.` });
      return z.NEVER;
    }
    return year;
  });

/** An insats's id, or empty for the whole förbund; the server checks that the insats is the förbund's. */
const scopeField = z
  .string({ error: "Välj insatsen igen." })
  .trim()
  .max(100, "Välj insatsen igen.")
  .optional()
  .transform((text) => text || null);

/**
 * Saves one year's targets (or, with an empty year, the targets for every year): one field per
 * metric and per outcome group of the förbund (`goalFields`), so client and server build the
 * same schema from the same groups.
 */
export function goalTargetsSchema(fields: readonly GoalField[]) {
  const targetFields = Object.fromEntries(fields.map(({ metric, label, kind }) => [metric, targetField(label, kind)]));
  return z.object({ insatsId: scopeField, year: yearField, ...targetFields }).transform(({ insatsId, year, ...targets }) => ({
    scope: { insatsId: insatsId as string | null, year: year as number | null },
    targets: targets as Record<string, number | null>,
  }));
}

/** The schema for the metrics alone (a förbund without outcome groups). */
export const GoalTargetsSchema = goalTargetsSchema(ORGANISATION_GOAL_METRICS);
