// The förbund's closure reasons, each positive or negative for the report.
import type { CurrentUser } from "~/auth/guards.server";
import type { ClosureCategory } from "~/domain/reference-defaults";
import { fieldRefused, gone, ok, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";
import { auditEntry, deleteUnlessUsed, nameTaken, usageText, withUniqueName } from "./reference.server";

type ClosureReasonInput = { label: string; category: ClosureCategory };

const reasonTaken = (label: string) => fieldRefused("label", `Det finns redan en avslutsorsak som heter ${label}.`);

async function reasonNames(tx: Tx, organisationId: string) {
  const rows = await tx.closureReason.findMany({ where: { organisationId }, select: { id: true, label: true, category: true } });
  return rows.map((row) => ({ ...row, name: row.label }));
}

export async function listClosureReasons(organisationId: string) {
  const rows = await prisma.closureReason.findMany({
    where: { organisationId },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    select: { id: true, label: true, category: true, _count: { select: { enrolments: true } } },
  });
  return rows.map(({ _count, ...reason }) => ({ ...reason, usage: usageText({ closures: _count.enrolments }) }));
}

export async function createClosureReason(user: CurrentUser, input: ClosureReasonInput): Promise<WriteResult<{ id: string }>> {
  return withUniqueName(reasonTaken(input.label), () =>
    prisma.$transaction(async (tx) => {
      if (nameTaken(await reasonNames(tx, user.organisationId), input.label)) return reasonTaken(input.label);
      const last = await tx.closureReason.aggregate({ where: { organisationId: user.organisationId }, _max: { sortOrder: true } });
      const reason = await tx.closureReason.create({
        data: { organisationId: user.organisationId, ...input, sortOrder: (last._max.sortOrder ?? -1) + 1 },
        select: { id: true },
      });
      await audit(auditEntry(user, "create", "closure-reason", reason.id, `namn: ${input.label}, kategori: ${input.category}`), tx);
      return ok({ id: reason.id });
    }),
  );
}

export async function updateClosureReason(user: CurrentUser, id: string, input: ClosureReasonInput): Promise<WriteResult> {
  return withUniqueName(reasonTaken(input.label), () =>
    prisma.$transaction(async (tx) => {
      const existing = await reasonNames(tx, user.organisationId);
      const current = existing.find((row) => row.id === id);
      if (!current) return gone();
      if (nameTaken(existing, input.label, id)) return reasonTaken(input.label);
      await tx.closureReason.update({ where: { id }, data: input });
      const changed = [current.label !== input.label ? `namn: ${current.label} → ${input.label}` : null, current.category !== input.category ? `kategori: ${input.category}` : null];
      await audit(auditEntry(user, "update", "closure-reason", id, changed.filter(Boolean).join(", ") || "inga ändringar"), tx);
      return ok();
    }),
  );
}

export async function deleteClosureReason(user: CurrentUser, id: string) {
  return deleteUnlessUsed(user, {
    entity: "closure-reason",
    id,
    find: async (tx) => {
      const row = await tx.closureReason.findFirst({
        where: { id, organisationId: user.organisationId },
        select: { label: true, _count: { select: { enrolments: true } } },
      });
      return row && { name: row.label, usage: { closures: row._count.enrolments } };
    },
    remove: (tx) => tx.closureReason.delete({ where: { id } }),
    inUse: (name, usage) => `Avslutsorsaken ${name} kan inte tas bort: den används av ${usage}.`,
  });
}
