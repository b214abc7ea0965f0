// The förbund's insatser and their instruments: Trappan labels, the SKAPA scale and areas, and
// goal targets. Every write checks first that the insats (and area) is this förbund's.
import type { CurrentUser } from "~/auth/guards.server";
import type { AdminGoalMetric } from "~/schemas/admin";
import { formatNumber } from "~/utils/format";
import { conflict, fieldRefused, gone, ok, type WriteFailure, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";
import { auditEntry, deleteUnlessUsed, joinSwedish, nameTaken, placeUsageSelect, sortByName, usageText, withUniqueName } from "./reference.server";
import { ensureInsatsInstruments } from "./setup.server";

const insatsTaken = (name: string) => fieldRefused("name", `Det finns redan en insats som heter ${name}.`);

export async function listInsatser(organisationId: string) {
  const rows = await prisma.insats.findMany({ where: { organisationId }, select: { id: true, name: true, startDate: true, ...placeUsageSelect } });
  return sortByName(rows, (row) => row.name).map(({ _count, ...insats }) => ({ ...insats, usage: usageText(_count) }));
}

/** A new insats starts with the default Trappan labels and SKAPA areas, which can then be edited. */
export async function createInsats(user: CurrentUser, input: { name: string; startDate: string | null }): Promise<WriteResult<{ id: string }>> {
  return withUniqueName(insatsTaken(input.name), () =>
    prisma.$transaction(async (tx) => {
      const existing = await tx.insats.findMany({ where: { organisationId: user.organisationId }, select: { id: true, name: true } });
      if (nameTaken(existing, input.name)) return insatsTaken(input.name);
      const insats = await tx.insats.create({ data: { organisationId: user.organisationId, ...input }, select: { id: true } });
      await ensureInsatsInstruments(insats.id, tx);
      await audit(auditEntry(user, "create", "insats", insats.id, `namn: ${input.name}`), tx);
      return ok({ id: insats.id });
    }),
  );
}

export async function deleteInsats(user: CurrentUser, id: string) {
  return deleteUnlessUsed(user, {
    entity: "insats",
    id,
    find: async (tx) => {
      const row = await tx.insats.findFirst({ where: { id, organisationId: user.organisationId }, select: { name: true, ...placeUsageSelect } });
      return row && { name: row.name, usage: row._count };
    },
    // Its Trappan labels, SKAPA areas (unused: the insats has no enrolments) and targets go with it.
    remove: (tx) => tx.insats.delete({ where: { id } }),
    inUse: (name, usage) => `Insatsen ${name} kan inte tas bort: den används av ${usage}.`,
  });
}

export async function findInsatsForEdit(organisationId: string, insatsId: string) {
  const insats = await prisma.insats.findFirst({
    where: { id: insatsId, organisationId },
    select: {
      id: true,
      name: true,
      startDate: true,
      skapaScaleMin: true,
      skapaScaleMax: true,
      trappanSteps: { orderBy: { step: "asc" }, select: { step: true, label: true } },
      skapaAreas: {
        orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
        select: { id: true, label: true, sortOrder: true, retired: true, _count: { select: { scores: true } } },
      },
      targets: { where: { year: null }, select: { metric: true, value: true } },
    },
  });
  if (!insats) return null;
  const { skapaAreas, targets, ...rest } = insats;
  return {
    ...rest,
    skapaAreas: skapaAreas.map(({ _count, ...area }) => ({ ...area, usage: usageText({ scores: _count.scores }) })),
    targets: Object.fromEntries(targets.map((target) => [target.metric, target.value])) as Partial<Record<string, number>>,
  };
}

/** An insats as its settings page shows it. */
export type InsatsForEdit = NonNullable<Awaited<ReturnType<typeof findInsatsForEdit>>>;

/** Runs `write` when the insats is this förbund's; gone otherwise. */
async function withInsats<T extends object>(
  user: CurrentUser,
  insatsId: string,
  write: (tx: Tx, insats: { name: string; skapaScaleMin: number; skapaScaleMax: number; startDate: string | null }) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  return prisma.$transaction(async (tx) => {
    const insats = await tx.insats.findFirst({
      where: { id: insatsId, organisationId: user.organisationId },
      select: { name: true, startDate: true, skapaScaleMin: true, skapaScaleMax: true },
    });
    return insats ? write(tx, insats) : gone();
  });
}

export async function updateInsatsDetails(user: CurrentUser, insatsId: string, input: { name: string; startDate: string | null }): Promise<WriteResult> {
  return withUniqueName(insatsTaken(input.name), () =>
    withInsats(user, insatsId, async (tx, current) => {
      const existing = await tx.insats.findMany({ where: { organisationId: user.organisationId }, select: { id: true, name: true } });
      if (nameTaken(existing, input.name, insatsId)) return insatsTaken(input.name);
      await tx.insats.update({ where: { id: insatsId }, data: input });
      const changed = [current.name !== input.name ? "namn" : null, current.startDate !== input.startDate ? "startdatum" : null];
      await audit(auditEntry(user, "update", "insats", insatsId, `ändrat: ${changed.filter(Boolean).join(", ") || "inget"}`), tx);
      return ok();
    }),
  );
}

/** Saves the labels of steps 1–6; the step numbers never change. */
export async function updateTrappanLabels(user: CurrentUser, insatsId: string, labels: readonly string[]): Promise<WriteResult> {
  return withInsats(user, insatsId, async (tx) => {
    const current = new Map((await tx.trappanStep.findMany({ where: { insatsId }, select: { step: true, label: true } })).map((s) => [s.step, s.label]));
    const changed: number[] = [];
    for (const [index, label] of labels.entries()) {
      const step = index + 1;
      if (current.get(step) === label) continue;
      await tx.trappanStep.upsert({ where: { insatsId_step: { insatsId, step } }, create: { insatsId, step, label }, update: { label } });
      changed.push(step);
    }
    if (changed.length) await audit(auditEntry(user, "update", "insats", insatsId, `ändrat: Trappans steg ${joinSwedish(changed.map(String))}`), tx);
    return ok();
  });
}

/** Why a SKAPA scale cannot be narrowed: recorded scores lie outside it. A 409, like a row in use. */
async function scoresOutside(tx: Tx, insatsId: string, scale: { min: number; max: number }): Promise<WriteFailure | null> {
  const scores = { area: { insatsId } };
  const outsideCount = await tx.skapaScore.count({
    where: {
      ...scores,
      OR: [
        { participantScore: { lt: scale.min } },
        { participantScore: { gt: scale.max } },
        { coordinatorScore: { lt: scale.min } },
        { coordinatorScore: { gt: scale.max } },
      ],
    },
  });
  if (outsideCount === 0) return null;
  const range = await tx.skapaScore.aggregate({ where: scores, _min: { participantScore: true, coordinatorScore: true }, _max: { participantScore: true, coordinatorScore: true } });
  const lowest = Math.min(...[range._min.participantScore, range._min.coordinatorScore].filter((v): v is number => v !== null));
  const highest = Math.max(...[range._max.participantScore, range._max.coordinatorScore].filter((v): v is number => v !== null));
  return conflict(
    `Skalan kan inte ändras till ${scale.min}–${scale.max}: ${formatNumber(outsideCount)} redan registrerade SKAPA-svar ligger utanför den ` +
      `(svaren går från ${lowest} till ${highest}). Välj en skala som rymmer alla registrerade svar.`,
  );
}

/**
 * Changes the SKAPA scale. Scores already recorded must still fit: a score of 8 on a new 1–5
 * scale would make every mean and progression wrong.
 */
export async function updateSkapaScale(user: CurrentUser, insatsId: string, scale: { min: number; max: number }): Promise<WriteResult> {
  return withInsats(user, insatsId, async (tx, current) => {
    const outside = await scoresOutside(tx, insatsId, scale);
    if (outside) return outside;
    await tx.insats.update({ where: { id: insatsId }, data: { skapaScaleMin: scale.min, skapaScaleMax: scale.max } });
    await audit(
      auditEntry(user, "update", "insats", insatsId, `ändrat: SKAPA-skala ${current.skapaScaleMin}–${current.skapaScaleMax} → ${scale.min}–${scale.max}`),
      tx,
    );
    return ok();
  });
}

/**
 * Goal targets for every year (year null; a year's own targets are set on the förbund's goals
 * page); null removes the target. Metrics not in the input are left alone.
 */
export async function saveInsatsTargets(user: CurrentUser, insatsId: string, targets: Partial<Record<AdminGoalMetric, number | null>>): Promise<WriteResult> {
  return withInsats(user, insatsId, async (tx) => {
    const current = new Map(
      (await tx.insatsTarget.findMany({ where: { insatsId, year: null }, select: { metric: true, value: true } })).map((t) => [t.metric, t.value]),
    );
    const changed: string[] = [];
    for (const [metric, value] of Object.entries(targets) as [AdminGoalMetric, number | null][]) {
      if ((current.get(metric) ?? null) === value) continue;
      // SQLite lets rows without a year share a unique key: replace, never upsert.
      await tx.insatsTarget.deleteMany({ where: { insatsId, metric, year: null } });
      if (value !== null) await tx.insatsTarget.create({ data: { insatsId, metric, value } });
      changed.push(metric);
    }
    if (changed.length) await audit(auditEntry(user, "update", "insats", insatsId, `ändrat målvärden: ${changed.join(", ")}`), tx);
    return ok();
  });
}

// SKAPA areas belong to one insats; their labels are unique within it.
const areaTaken = (label: string) => fieldRefused("label", `Det finns redan ett område som heter ${label}.`);

async function areaNames(tx: Tx, insatsId: string) {
  return (await tx.skapaArea.findMany({ where: { insatsId }, select: { id: true, label: true } })).map((a) => ({ id: a.id, name: a.label }));
}

export async function createSkapaArea(user: CurrentUser, insatsId: string, input: { label: string; sortOrder?: number }): Promise<WriteResult<{ id: string }>> {
  return withUniqueName(areaTaken(input.label), () =>
    withInsats(user, insatsId, async (tx) => {
      if (nameTaken(await areaNames(tx, insatsId), input.label)) return areaTaken(input.label);
      const last = await tx.skapaArea.aggregate({ where: { insatsId }, _max: { sortOrder: true } });
      const area = await tx.skapaArea.create({
        data: { insatsId, label: input.label, sortOrder: input.sortOrder ?? (last._max.sortOrder ?? -1) + 1 },
        select: { id: true },
      });
      await audit(auditEntry(user, "create", "skapa-area", area.id, `namn: ${input.label}`), tx);
      return ok({ id: area.id });
    }),
  );
}

/** Runs `write` when the area belongs to this insats of this förbund; gone otherwise. */
async function withArea<T extends object>(
  user: CurrentUser,
  insatsId: string,
  areaId: string,
  write: (tx: Tx, area: { label: string; sortOrder: number; retired: boolean; scoreCount: number }) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  return prisma.$transaction(async (tx) => {
    const area = await tx.skapaArea.findFirst({
      where: { id: areaId, insatsId, insats: { organisationId: user.organisationId } },
      select: { label: true, sortOrder: true, retired: true, _count: { select: { scores: true } } },
    });
    return area ? write(tx, { ...area, scoreCount: area._count.scores }) : gone();
  });
}

export async function updateSkapaArea(user: CurrentUser, insatsId: string, areaId: string, input: { label: string; sortOrder: number }): Promise<WriteResult> {
  return withUniqueName(areaTaken(input.label), () =>
    withArea(user, insatsId, areaId, async (tx, current) => {
      if (nameTaken(await areaNames(tx, insatsId), input.label, areaId)) return areaTaken(input.label);
      await tx.skapaArea.update({ where: { id: areaId }, data: input });
      const changed = [current.label !== input.label ? `namn: ${current.label} → ${input.label}` : null, current.sortOrder !== input.sortOrder ? "ordning" : null];
      await audit(auditEntry(user, "update", "skapa-area", areaId, changed.filter(Boolean).join(", ") || "inga ändringar"), tx);
      return ok();
    }),
  );
}

/** A retired area is kept with its scores but is no longer offered in new assessments. */
export async function setSkapaAreaRetired(user: CurrentUser, insatsId: string, areaId: string, retired: boolean): Promise<WriteResult<{ label: string }>> {
  return withArea(user, insatsId, areaId, async (tx, area) => {
    await tx.skapaArea.update({ where: { id: areaId }, data: { retired } });
    await audit(auditEntry(user, "update", "skapa-area", areaId, retired ? "inaktiverat" : "återaktiverat"), tx);
    return ok({ label: area.label });
  });
}

export async function deleteSkapaArea(user: CurrentUser, insatsId: string, areaId: string): Promise<WriteResult<{ label: string }>> {
  return withArea(user, insatsId, areaId, async (tx, area) => {
    if (area.scoreCount > 0) {
      return conflict(
        `Området ${area.label} kan inte tas bort: det har ${usageText({ scores: area.scoreCount })}. ` +
          "Inaktivera det i stället, så finns svaren kvar.",
      );
    }
    await tx.skapaArea.delete({ where: { id: areaId } });
    await audit(auditEntry(user, "delete", "skapa-area", areaId, `namn: ${area.label}`), tx);
    return ok({ label: area.label });
  });
}
