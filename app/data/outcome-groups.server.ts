// The förbund's outcome groups: named groups of closure reasons the report counts besides the two
// categories ("Arbete eller studier"). A reason may be in several groups. Every query is scoped
// by organisation id, also for the reason ids a form posts.
import type { CurrentUser } from "~/auth/guards.server";
import { DEFAULT_OUTCOME_GROUPS } from "~/domain/reference-defaults";
import type { OutcomeGroupDefinition } from "~/domain/statistics";
import { fieldRefused, gone, ok, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";
import { auditEntry, nameTaken, withUniqueName } from "./reference.server";

export interface OutcomeGroupInput {
  name: string;
  reasonIds: string[];
}

const groupTaken = (name: string) => fieldRefused("name", `Det finns redan en utfallsgrupp som heter ${name}.`);
const unknownReason = fieldRefused("reasonIds", "Ett av de valda avslutsskälen finns inte längre. Ladda om sidan och välj igen.");

const order = [{ sortOrder: "asc" }, { name: "asc" }] as const;

/** The groups in their order, each with its reasons' labels in the reasons' own order: what computeReport reads. */
export async function outcomeGroupDefinitions(organisationId: string): Promise<OutcomeGroupDefinition[]> {
  const groups = await prisma.outcomeGroup.findMany({
    where: { organisationId },
    orderBy: [...order],
    select: { name: true, reasons: { select: { closureReason: { select: { label: true, sortOrder: true } } } } },
  });
  return groups.map((group) => ({
    name: group.name,
    reasons: group.reasons
      .map((row) => row.closureReason)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.label.localeCompare(b.label, "sv"))
      .map((reason) => reason.label),
  }));
}

/** The admin page: the groups with their reason ids, and every reason to choose from. */
export async function listOutcomeGroups(organisationId: string) {
  const [groups, reasons] = await Promise.all([
    prisma.outcomeGroup.findMany({
      where: { organisationId },
      orderBy: [...order],
      select: { id: true, name: true, reasons: { select: { closureReasonId: true } } },
    }),
    prisma.closureReason.findMany({ where: { organisationId }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, label: true } }),
  ]);
  return {
    groups: groups.map((group) => ({ id: group.id, name: group.name, reasonIds: group.reasons.map((row) => row.closureReasonId) })),
    reasons,
  };
}

/** The labels of the chosen reasons, or null when one of them is not the förbund's. */
async function reasonLabels(tx: Tx, organisationId: string, reasonIds: readonly string[]): Promise<string[] | null> {
  const unique = [...new Set(reasonIds)];
  const rows = await tx.closureReason.findMany({ where: { organisationId, id: { in: unique } }, orderBy: [{ sortOrder: "asc" }], select: { label: true } });
  return rows.length === unique.length ? rows.map((row) => row.label) : null;
}

async function groupNames(tx: Tx, organisationId: string) {
  return tx.outcomeGroup.findMany({ where: { organisationId }, select: { id: true, name: true } });
}

const reasonsDetail = (labels: string[]) => (labels.length === 0 ? "inga avslutsskäl" : labels.join(", "));

export async function createOutcomeGroup(user: CurrentUser, input: OutcomeGroupInput): Promise<WriteResult<{ id: string }>> {
  return withUniqueName(groupTaken(input.name), () =>
    prisma.$transaction(async (tx) => {
      if (nameTaken(await groupNames(tx, user.organisationId), input.name)) return groupTaken(input.name);
      const labels = await reasonLabels(tx, user.organisationId, input.reasonIds);
      if (labels === null) return unknownReason;
      const last = await tx.outcomeGroup.aggregate({ where: { organisationId: user.organisationId }, _max: { sortOrder: true } });
      const group = await tx.outcomeGroup.create({
        data: {
          organisationId: user.organisationId,
          name: input.name,
          sortOrder: (last._max.sortOrder ?? -1) + 1,
          reasons: { create: [...new Set(input.reasonIds)].map((closureReasonId) => ({ closureReasonId })) },
        },
        select: { id: true },
      });
      await audit(auditEntry(user, "create", "outcome-group", group.id, `namn: ${input.name}, avslutsskäl: ${reasonsDetail(labels)}`), tx);
      return ok({ id: group.id });
    }),
  );
}

export async function updateOutcomeGroup(user: CurrentUser, id: string, input: OutcomeGroupInput): Promise<WriteResult> {
  return withUniqueName(groupTaken(input.name), () =>
    prisma.$transaction(async (tx) => {
      const existing = await groupNames(tx, user.organisationId);
      const current = existing.find((row) => row.id === id);
      if (!current) return gone();
      if (nameTaken(existing, input.name, id)) return groupTaken(input.name);
      const labels = await reasonLabels(tx, user.organisationId, input.reasonIds);
      if (labels === null) return unknownReason;
      await tx.outcomeGroupReason.deleteMany({ where: { groupId: id } });
      await tx.outcomeGroup.update({
        where: { id },
        data: { name: input.name, reasons: { create: [...new Set(input.reasonIds)].map((closureReasonId) => ({ closureReasonId })) } },
      });
      const renamed = current.name !== input.name ? `namn: ${current.name} → ${input.name}, ` : "";
      await audit(auditEntry(user, "update", "outcome-group", id, `${renamed}avslutsskäl: ${reasonsDetail(labels)}`), tx);
      return ok();
    }),
  );
}

/** A group is only a way of counting: deleting it changes no closure. */
export async function deleteOutcomeGroup(user: CurrentUser, id: string): Promise<WriteResult<{ name: string }>> {
  return prisma.$transaction(async (tx) => {
    const group = await tx.outcomeGroup.findFirst({ where: { id, organisationId: user.organisationId }, select: { name: true } });
    if (!group) return gone();
    await tx.outcomeGroup.delete({ where: { id } });
    await audit(auditEntry(user, "delete", "outcome-group", id, `namn: ${group.name}`), tx);
    return ok({ name: group.name });
  });
}

/**
 * Gives a förbund without outcome groups the default ones, each with those of its reasons the
 * förbund has (by label). A förbund that has any group is left alone.
 */
export async function ensureDefaultOutcomeGroups(organisationId: string, tx: Tx = prisma): Promise<void> {
  if ((await tx.outcomeGroup.count({ where: { organisationId } })) > 0) return;
  const reasons = await tx.closureReason.findMany({ where: { organisationId }, select: { id: true, label: true } });
  const idOf = new Map(reasons.map((reason) => [reason.label, reason.id]));
  for (const [sortOrder, group] of DEFAULT_OUTCOME_GROUPS.entries()) {
    const ids = group.reasons.flatMap((label) => idOf.get(label) ?? []);
    await tx.outcomeGroup.create({
      data: { organisationId, name: group.name, sortOrder, reasons: { create: ids.map((closureReasonId) => ({ closureReasonId })) } },
    });
  }
}
