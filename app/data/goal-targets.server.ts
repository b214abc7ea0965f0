// Goal targets per calendar year or for every year: the whole förbund's (OrganisationTarget) and
// an insats's (InsatsTarget). Every query is scoped by organisation id, also for a posted insats.
import type { CurrentUser } from "~/auth/guards.server";
import { GOAL_METRIC_KEYS, goalKey, isGoalMetric, OUTCOME_GROUP_SHARE, type YearlyGoalTarget } from "~/domain/goals";
import { gone, ok, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";
import { auditEntry } from "./reference.server";

/** Whose targets: the whole förbund's (`insatsId` null) or one insats's. */
export interface TargetScope {
  insatsId: string | null;
  year: number | null;
}

interface StoredTarget {
  metric: string;
  value: number;
  year: number | null;
  outcomeGroup: { name: string; sortOrder: number } | null;
}

/** Where a goal sorts: the metrics in the order of their list, then the outcome groups in theirs. */
function goalRank(target: StoredTarget): number {
  return target.outcomeGroup === null ? GOAL_METRIC_KEYS.indexOf(target.metric as never) : GOAL_METRIC_KEYS.length + target.outcomeGroup.sortOrder;
}

/**
 * Known goals (a metric, or an outcome group's share), the ones without a year first, then by
 * year, each in the order of the metric list, then of the groups.
 */
export function orderedTargets(rows: readonly StoredTarget[]): YearlyGoalTarget[] {
  return rows
    .filter((row) => (row.metric === OUTCOME_GROUP_SHARE ? row.outcomeGroup !== null : isGoalMetric(row.metric)))
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || goalRank(a) - goalRank(b) || (a.outcomeGroup?.name ?? "").localeCompare(b.outcomeGroup?.name ?? "", "sv"))
    .map(({ metric, value, year, outcomeGroup }) => ({
      metric: metric as YearlyGoalTarget["metric"],
      value,
      year,
      ...(outcomeGroup === null ? {} : { outcomeGroup: outcomeGroup.name }),
    }));
}

export const targetSelect = { metric: true, value: true, year: true, outcomeGroup: { select: { name: true, sortOrder: true } } } as const;

/** The whole förbund's targets. */
export async function organisationTargets(organisationId: string): Promise<YearlyGoalTarget[]> {
  return orderedTargets(await prisma.organisationTarget.findMany({ where: { organisationId }, select: targetSelect }));
}

/** The insatser whose goals the page can set, by name. */
export async function goalInsatser(organisationId: string): Promise<{ id: string; name: string }[]> {
  const rows = await prisma.insats.findMany({ where: { organisationId }, select: { id: true, name: true } });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/** The förbund's outcome groups, for a goal on each one's share. */
export async function goalOutcomeGroups(organisationId: string): Promise<{ id: string; name: string }[]> {
  return prisma.outcomeGroup.findMany({ where: { organisationId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } });
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

/** A goal as the form posts it: a metric key, or `outcome_group_share:<group id>`. */
export type PostedGoal = string;

/** The metric and group of a posted goal key. */
function goalOfKey(key: PostedGoal): { metric: string; outcomeGroupId: string | null } {
  const prefix = `${OUTCOME_GROUP_SHARE}:`;
  return key.startsWith(prefix) ? { metric: OUTCOME_GROUP_SHARE, outcomeGroupId: key.slice(prefix.length) } : { metric: key, outcomeGroupId: null };
}

interface TargetRows {
  find: (tx: Tx) => Promise<{ id: string; metric: string; outcomeGroupId: string | null; value: number }[]>;
  remove: (tx: Tx, ids: string[]) => Promise<unknown>;
  create: (tx: Tx, goal: { metric: string; outcomeGroupId: string | null }, value: number) => Promise<unknown>;
}

function rowsOf(organisationId: string, { insatsId, year }: TargetScope): TargetRows {
  const select = { id: true, metric: true, outcomeGroupId: true, value: true } as const;
  if (insatsId === null) {
    return {
      find: (tx) => tx.organisationTarget.findMany({ where: { organisationId, year }, select }),
      remove: (tx, ids) => tx.organisationTarget.deleteMany({ where: { id: { in: ids } } }),
      create: (tx, goal, value) => tx.organisationTarget.create({ data: { organisationId, ...goal, value, year } }),
    };
  }
  return {
    find: (tx) => tx.insatsTarget.findMany({ where: { insatsId, year }, select }),
    remove: (tx, ids) => tx.insatsTarget.deleteMany({ where: { id: { in: ids } } }),
    create: (tx, goal, value) => tx.insatsTarget.create({ data: { insatsId, ...goal, value, year } }),
  };
}

/**
 * Saves the targets of one scope for `year` (null: for every year without targets of its own);
 * null removes a target. Metrics not in the input are left alone. SQLite lets two rows without a
 * year share a unique key, so rows are replaced one by one inside the transaction, never upserted.
 * Gone when the insats is not this förbund's.
 */
export async function saveGoalTargets(user: CurrentUser, scope: TargetScope, targets: Partial<Record<PostedGoal, number | null>>): Promise<WriteResult> {
  const { organisationId } = user;
  return prisma.$transaction(async (tx) => {
    if (scope.insatsId !== null && !(await tx.insats.findFirst({ where: { id: scope.insatsId, organisationId }, select: { id: true } }))) return gone();
    const groups = new Map((await tx.outcomeGroup.findMany({ where: { organisationId }, select: { id: true, name: true } })).map((group) => [group.id, group.name]));
    const rows = rowsOf(organisationId, scope);
    const stored = await rows.find(tx);
    const changed: string[] = [];
    for (const [key, value] of Object.entries(targets) as [PostedGoal, number | null][]) {
      const goal = goalOfKey(key);
      // A group of another förbund, or one deleted since the form was loaded.
      if (goal.outcomeGroupId !== null && !groups.has(goal.outcomeGroupId)) return gone();
      const current = stored.filter((row) => row.metric === goal.metric && row.outcomeGroupId === goal.outcomeGroupId);
      if ((current[0]?.value ?? null) === value && current.length <= 1) continue;
      if (current.length > 0) await rows.remove(tx, current.map((row) => row.id));
      if (value !== null) await rows.create(tx, goal, value);
      changed.push(goal.outcomeGroupId === null ? goal.metric : goalKey({ metric: OUTCOME_GROUP_SHARE, outcomeGroup: groups.get(goal.outcomeGroupId) }));
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
