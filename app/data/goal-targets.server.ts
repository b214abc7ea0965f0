// Goal targets per calendar year or for every year: the whole förbund's (OrganisationTarget) and
// an insats's (InsatsTarget). Every query is scoped by organisation id, also for a posted insats.
import type { CurrentUser } from "~/auth/guards.server";
import { GOAL_METRIC_KEYS, isGoalMetric, type GoalMetric, type YearlyGoalTarget } from "~/domain/goals";
import { gone, ok, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";
import { auditEntry } from "./reference.server";

/** Whose targets: the whole förbund's (`insatsId` null) or one insats's. */
export interface TargetScope {
  insatsId: string | null;
  year: number | null;
}

/** Known metrics, the ones without a year first, then by year, each in the order of the metric list. */
export function orderedTargets(rows: readonly { metric: string; value: number; year: number | null }[]): YearlyGoalTarget[] {
  return rows
    .filter((row): row is YearlyGoalTarget => isGoalMetric(row.metric))
    .map(({ metric, value, year }) => ({ metric, value, year }))
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || GOAL_METRIC_KEYS.indexOf(a.metric) - GOAL_METRIC_KEYS.indexOf(b.metric));
}

const targetSelect = { metric: true, value: true, year: true } as const;

/** The whole förbund's targets. */
export async function organisationTargets(organisationId: string): Promise<YearlyGoalTarget[]> {
  return orderedTargets(await prisma.organisationTarget.findMany({ where: { organisationId }, select: targetSelect }));
}

/** The insatser whose goals the page can set, by name. */
export async function goalInsatser(organisationId: string): Promise<{ id: string; name: string }[]> {
  const rows = await prisma.insats.findMany({ where: { organisationId }, select: { id: true, name: true } });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/** The targets of `insatsId` (null: the whole förbund's); none for an insats of another förbund. */
export async function targetsOf(organisationId: string, insatsId: string | null): Promise<YearlyGoalTarget[]> {
  if (insatsId === null) return organisationTargets(organisationId);
  return orderedTargets(await prisma.insatsTarget.findMany({ where: { insatsId, insats: { organisationId } }, select: targetSelect }));
}

/** The years with targets of their own, in order; targets for every year are `null`, first when any. */
export function targetYears(targets: readonly YearlyGoalTarget[]): (number | null)[] {
  return [...new Set(targets.map((target) => target.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
}

interface TargetRows {
  find: (tx: Tx) => Promise<{ id: string; metric: string; value: number }[]>;
  remove: (tx: Tx, ids: string[]) => Promise<unknown>;
  create: (tx: Tx, metric: GoalMetric, value: number) => Promise<unknown>;
}

function rowsOf(organisationId: string, { insatsId, year }: TargetScope): TargetRows {
  const select = { id: true, metric: true, value: true } as const;
  if (insatsId === null) {
    return {
      find: (tx) => tx.organisationTarget.findMany({ where: { organisationId, year }, select }),
      remove: (tx, ids) => tx.organisationTarget.deleteMany({ where: { id: { in: ids } } }),
      create: (tx, metric, value) => tx.organisationTarget.create({ data: { organisationId, metric, value, year } }),
    };
  }
  return {
    find: (tx) => tx.insatsTarget.findMany({ where: { insatsId, year }, select }),
    remove: (tx, ids) => tx.insatsTarget.deleteMany({ where: { id: { in: ids } } }),
    create: (tx, metric, value) => tx.insatsTarget.create({ data: { insatsId, metric, value, year } }),
  };
}

/**
 * Saves the targets of one scope for `year` (null: for every year without targets of its own);
 * null removes a target. Metrics not in the input are left alone. SQLite lets two rows without a
 * year share a unique key, so rows are replaced one by one inside the transaction, never upserted.
 * Gone when the insats is not this förbund's.
 */
export async function saveGoalTargets(user: CurrentUser, scope: TargetScope, targets: Partial<Record<GoalMetric, number | null>>): Promise<WriteResult> {
  const { organisationId } = user;
  return prisma.$transaction(async (tx) => {
    if (scope.insatsId !== null && !(await tx.insats.findFirst({ where: { id: scope.insatsId, organisationId }, select: { id: true } }))) return gone();
    const rows = rowsOf(organisationId, scope);
    const stored = await rows.find(tx);
    const changed: string[] = [];
    for (const [metric, value] of Object.entries(targets) as [GoalMetric, number | null][]) {
      const current = stored.filter((row) => row.metric === metric);
      if ((current[0]?.value ?? null) === value && current.length <= 1) continue;
      if (current.length > 0) await rows.remove(tx, current.map((row) => row.id));
      if (value !== null) await rows.create(tx, metric, value);
      changed.push(metric);
    }
    if (changed.length) {
      const when = scope.year === null ? "alla år" : String(scope.year);
      const entry =
        scope.insatsId === null
          ? auditEntry(user, "update", "organisation", organisationId, `ändrat förbundets målvärden (${when}): ${changed.join(", ")}`)
          : auditEntry(user, "update", "insats", scope.insatsId, `ändrat målvärden (${when}): ${changed.join(", ")}`);
      await audit(entry, tx);
    }
    return ok();
  });
}
