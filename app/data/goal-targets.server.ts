// Goal targets for the whole förbund (OrganisationTarget), per calendar year or for every year.
// Every query is scoped by organisation id. The insats's own targets are in insatser.server.ts.
import type { CurrentUser } from "~/auth/guards.server";
import { GOAL_METRIC_KEYS, isGoalMetric, type GoalMetric, type YearlyGoalTarget } from "~/domain/goals";
import { ok, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma } from "./db.server";
import { auditEntry } from "./reference.server";

/** The förbund's targets in the order of the metric list, the ones without a year first. */
export async function organisationTargets(organisationId: string): Promise<YearlyGoalTarget[]> {
  const rows = await prisma.organisationTarget.findMany({ where: { organisationId }, select: { metric: true, value: true, year: true } });
  return rows
    .filter((row): row is YearlyGoalTarget => isGoalMetric(row.metric))
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || GOAL_METRIC_KEYS.indexOf(a.metric) - GOAL_METRIC_KEYS.indexOf(b.metric));
}

/** The years with targets of their own, in order; targets for every year are `null`, first when any. */
export function targetYears(targets: readonly YearlyGoalTarget[]): (number | null)[] {
  return [...new Set(targets.map((target) => target.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
}

/**
 * Saves the targets for `year` (null: for every year without targets of its own); null removes a
 * target. Metrics not in the input are left alone. SQLite lets two rows without a year share a
 * unique key, so rows are found and changed one by one inside the transaction.
 */
export async function saveOrganisationTargets(
  user: CurrentUser,
  year: number | null,
  targets: Partial<Record<GoalMetric, number | null>>,
): Promise<WriteResult> {
  const { organisationId } = user;
  return prisma.$transaction(async (tx) => {
    const rows = await tx.organisationTarget.findMany({ where: { organisationId, year }, select: { id: true, metric: true, value: true } });
    const changed: string[] = [];
    for (const [metric, value] of Object.entries(targets) as [GoalMetric, number | null][]) {
      const current = rows.filter((row) => row.metric === metric);
      if ((current[0]?.value ?? null) === value && current.length <= 1) continue;
      if (current.length > 0) await tx.organisationTarget.deleteMany({ where: { id: { in: current.map((row) => row.id) } } });
      if (value !== null) await tx.organisationTarget.create({ data: { organisationId, metric, value, year } });
      changed.push(metric);
    }
    if (changed.length) {
      const when = year === null ? "alla år" : String(year);
      await audit(auditEntry(user, "update", "organisation", organisationId, `ändrat förbundets målvärden (${when}): ${changed.join(", ")}`), tx);
    }
    return ok();
  });
}
