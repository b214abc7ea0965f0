// The förbund's reference data: kommuner, insatser (with their Trappan labels, SKAPA instrument
// and goal targets), closure reasons and remittenter. Every query is scoped by organisation id,
// also for ids that come from a form: a tampered id of another förbund finds nothing.
import type { AdminGoalMetric, ClosureCategoryKey, Refusal } from "~/schemas/admin";
import { formatNumber } from "~/utils/format";
import { audit } from "./audit.server";
import { isUniqueViolation, prisma, type Tx } from "./db.server";
import { ensureInsatsInstruments } from "./setup.server";

export interface Actor {
  id: string;
  organisationId: string;
}

export type Outcome<T extends object = Record<never, never>> = ({ ok: true } & T) | Refusal;

const NOT_FOUND = { ok: false, reason: "not-found" } as const;

function refused(message: string, field?: string): Refusal {
  return field ? { ok: false, reason: "refused", field, message } : { ok: false, reason: "refused", message };
}

// ── Names ──────────────────────────────────────────────────────────────────

const collator = new Intl.Collator("sv");

/** Swedish alphabetical order (å, ä, ö last), which SQLite's binary ordering does not give. */
export function sortByName<T>(rows: T[], name: (row: T) => string): T[] {
  return [...rows].sort((a, b) => collator.compare(name(a), name(b)));
}

/** "Ljungby" and "ljungby" are the same name to a reader, though the unique index tells them apart. */
function nameTaken(rows: ReadonlyArray<{ id: string; name: string }>, name: string, exceptId?: string): boolean {
  return rows.some((row) => row.id !== exceptId && row.name.localeCompare(name, "sv", { sensitivity: "accent" }) === 0);
}

/**
 * Runs a write that checks a name first. Two people saving the same name at once both pass the
 * check; the unique index stops the second, and it gets the same field message.
 */
async function withUniqueName<R>(taken: Refusal, write: () => Promise<R>): Promise<R | Refusal> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

// ── What refers to a row ───────────────────────────────────────────────────

const USAGE_NOUNS = {
  enrolments: ["inskrivning", "inskrivningar"],
  referrals: ["remiss", "remisser"],
  studyVisits: ["studiebesök", "studiebesök"],
  assignments: ["koordinatortilldelning", "koordinatortilldelningar"],
  closures: ["avslut", "avslut"],
  scores: ["SKAPA-svar", "SKAPA-svar"],
} as const;

export type Usage = Partial<Record<keyof typeof USAGE_NOUNS, number>>;

function joinSwedish(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} och ${parts[parts.length - 1]}`;
}

/** "12 inskrivningar och 3 remisser", or null when nothing refers to the row. */
export function usageText(usage: Usage): string | null {
  const parts = (Object.keys(USAGE_NOUNS) as (keyof typeof USAGE_NOUNS)[])
    .filter((key) => (usage[key] ?? 0) > 0)
    .map((key) => {
      const count = usage[key] ?? 0;
      const [one, many] = USAGE_NOUNS[key];
      return `${formatNumber(count)} ${count === 1 ? one : many}`;
    });
  return parts.length ? joinSwedish(parts) : null;
}

/**
 * Deletes a row unless something still refers to it, in one transaction with its audit entry.
 * `find` returns the row's name and what refers to it, or null when the id is not the förbund's.
 */
async function deleteUnlessUsed(
  actor: Actor,
  spec: {
    entity: string;
    id: string;
    find: (tx: Tx) => Promise<{ name: string; usage: Usage } | null>;
    remove: (tx: Tx) => Promise<unknown>;
    inUse: (name: string, usage: string) => string;
  },
): Promise<Outcome<{ name: string }>> {
  return prisma.$transaction(async (tx) => {
    const row = await spec.find(tx);
    if (!row) return NOT_FOUND;
    const usage = usageText(row.usage);
    if (usage) return refused(spec.inUse(row.name, usage));
    await spec.remove(tx);
    await audit({ organisationId: actor.organisationId, userId: actor.id, action: "delete", entity: spec.entity, entityId: spec.id, detail: `namn: ${row.name}` }, tx);
    return { ok: true, name: row.name };
  });
}

function auditEntry(actor: Actor, action: "create" | "update", entity: string, entityId: string, detail: string) {
  return { organisationId: actor.organisationId, userId: actor.id, action, entity, entityId, detail };
}

// ── Kommuner and remittenter: lists of names ───────────────────────────────

/** How one list of names is stored; the create, rename and delete rules are the same for both. */
interface NamedList {
  entity: string;
  /** "Det finns redan en kommun som heter …" */
  noun: string;
  /** "Kommunen Ljungby kan inte tas bort …" */
  definite: string;
  names: (tx: Tx, organisationId: string) => Promise<{ id: string; name: string }[]>;
  create: (tx: Tx, organisationId: string, name: string) => Promise<{ id: string }>;
  rename: (tx: Tx, id: string, name: string) => Promise<unknown>;
  findWithUsage: (tx: Tx, organisationId: string, id: string) => Promise<{ name: string; usage: Usage } | null>;
  listWithUsage: (organisationId: string) => Promise<{ id: string; name: string; usage: Usage }[]>;
  remove: (tx: Tx, id: string) => Promise<unknown>;
}

const placeUsageSelect = { _count: { select: { enrolments: true, referrals: true, studyVisits: true, assignments: true } } } as const;
const referrerUsageSelect = { _count: { select: { enrolments: true, referrals: true } } } as const;
const nameSelect = { id: true, name: true } as const;

const KOMMUNER: NamedList = {
  entity: "kommun",
  noun: "kommun",
  definite: "Kommunen",
  names: (tx, organisationId) => tx.kommun.findMany({ where: { organisationId }, select: nameSelect }),
  create: (tx, organisationId, name) => tx.kommun.create({ data: { organisationId, name }, select: { id: true } }),
  rename: (tx, id, name) => tx.kommun.update({ where: { id }, data: { name } }),
  findWithUsage: async (tx, organisationId, id) => {
    const row = await tx.kommun.findFirst({ where: { id, organisationId }, select: { name: true, ...placeUsageSelect } });
    return row && { name: row.name, usage: row._count };
  },
  listWithUsage: async (organisationId) =>
    (await prisma.kommun.findMany({ where: { organisationId }, select: { ...nameSelect, ...placeUsageSelect } })).map(({ _count, ...row }) => ({ ...row, usage: _count })),
  remove: (tx, id) => tx.kommun.delete({ where: { id } }),
};

const REFERRERS: NamedList = {
  entity: "referrer",
  noun: "remittent",
  definite: "Remittenten",
  names: (tx, organisationId) => tx.referrer.findMany({ where: { organisationId }, select: nameSelect }),
  create: (tx, organisationId, name) => tx.referrer.create({ data: { organisationId, name }, select: { id: true } }),
  rename: (tx, id, name) => tx.referrer.update({ where: { id }, data: { name } }),
  findWithUsage: async (tx, organisationId, id) => {
    const row = await tx.referrer.findFirst({ where: { id, organisationId }, select: { name: true, ...referrerUsageSelect } });
    return row && { name: row.name, usage: row._count };
  },
  listWithUsage: async (organisationId) =>
    (await prisma.referrer.findMany({ where: { organisationId }, select: { ...nameSelect, ...referrerUsageSelect } })).map(({ _count, ...row }) => ({ ...row, usage: _count })),
  remove: (tx, id) => tx.referrer.delete({ where: { id } }),
};

const nameTakenIn = (list: NamedList, name: string) => refused(`Det finns redan en ${list.noun} som heter ${name}.`, "name");

async function createNamed(list: NamedList, actor: Actor, name: string): Promise<Outcome<{ id: string }>> {
  return withUniqueName(nameTakenIn(list, name), () =>
    prisma.$transaction(async (tx) => {
      if (nameTaken(await list.names(tx, actor.organisationId), name)) return nameTakenIn(list, name);
      const row = await list.create(tx, actor.organisationId, name);
      await audit(auditEntry(actor, "create", list.entity, row.id, `namn: ${name}`), tx);
      return { ok: true as const, id: row.id };
    }),
  );
}

async function renameNamed(list: NamedList, actor: Actor, id: string, name: string): Promise<Outcome> {
  return withUniqueName(nameTakenIn(list, name), () =>
    prisma.$transaction(async (tx) => {
      const existing = await list.names(tx, actor.organisationId);
      const current = existing.find((row) => row.id === id);
      if (!current) return NOT_FOUND;
      if (nameTaken(existing, name, id)) return nameTakenIn(list, name);
      await list.rename(tx, id, name);
      await audit(auditEntry(actor, "update", list.entity, id, `namn: ${current.name} → ${name}`), tx);
      return { ok: true as const };
    }),
  );
}

function deleteNamed(list: NamedList, actor: Actor, id: string) {
  return deleteUnlessUsed(actor, {
    entity: list.entity,
    id,
    find: (tx) => list.findWithUsage(tx, actor.organisationId, id),
    remove: (tx) => list.remove(tx, id),
    inUse: (name, usage) => `${list.definite} ${name} kan inte tas bort: den används av ${usage}.`,
  });
}

async function listNamed(list: NamedList, organisationId: string) {
  const rows = await list.listWithUsage(organisationId);
  return sortByName(rows, (row) => row.name).map(({ usage, ...row }) => ({ ...row, usage: usageText(usage) }));
}

export const listKommuner = (organisationId: string) => listNamed(KOMMUNER, organisationId);
export const createKommun = (actor: Actor, name: string) => createNamed(KOMMUNER, actor, name);
export const renameKommun = (actor: Actor, id: string, name: string) => renameNamed(KOMMUNER, actor, id, name);
export const deleteKommun = (actor: Actor, id: string) => deleteNamed(KOMMUNER, actor, id);

export const listReferrers = (organisationId: string) => listNamed(REFERRERS, organisationId);
export const createReferrer = (actor: Actor, name: string) => createNamed(REFERRERS, actor, name);
export const renameReferrer = (actor: Actor, id: string, name: string) => renameNamed(REFERRERS, actor, id, name);
export const deleteReferrer = (actor: Actor, id: string) => deleteNamed(REFERRERS, actor, id);

// ── Avslutsorsaker ─────────────────────────────────────────────────────────

const reasonTaken = (label: string) => refused(`Det finns redan en avslutsorsak som heter ${label}.`, "label");

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

export async function createClosureReason(actor: Actor, input: { label: string; category: ClosureCategoryKey }): Promise<Outcome<{ id: string }>> {
  return withUniqueName(reasonTaken(input.label), () =>
    prisma.$transaction(async (tx) => {
      if (nameTaken(await reasonNames(tx, actor.organisationId), input.label)) return reasonTaken(input.label);
      const last = await tx.closureReason.aggregate({ where: { organisationId: actor.organisationId }, _max: { sortOrder: true } });
      const reason = await tx.closureReason.create({
        data: { organisationId: actor.organisationId, ...input, sortOrder: (last._max.sortOrder ?? -1) + 1 },
        select: { id: true },
      });
      await audit(auditEntry(actor, "create", "closure-reason", reason.id, `namn: ${input.label}, kategori: ${input.category}`), tx);
      return { ok: true, id: reason.id };
    }),
  );
}

export async function updateClosureReason(actor: Actor, id: string, input: { label: string; category: ClosureCategoryKey }): Promise<Outcome> {
  return withUniqueName(reasonTaken(input.label), () =>
    prisma.$transaction(async (tx) => {
      const existing = await reasonNames(tx, actor.organisationId);
      const current = existing.find((row) => row.id === id);
      if (!current) return NOT_FOUND;
      if (nameTaken(existing, input.label, id)) return reasonTaken(input.label);
      await tx.closureReason.update({ where: { id }, data: input });
      const changed = [current.label !== input.label ? `namn: ${current.label} → ${input.label}` : null, current.category !== input.category ? `kategori: ${input.category}` : null];
      await audit(auditEntry(actor, "update", "closure-reason", id, changed.filter(Boolean).join(", ") || "inga ändringar"), tx);
      return { ok: true };
    }),
  );
}

export async function deleteClosureReason(actor: Actor, id: string) {
  return deleteUnlessUsed(actor, {
    entity: "closure-reason",
    id,
    find: async (tx) => {
      const row = await tx.closureReason.findFirst({
        where: { id, organisationId: actor.organisationId },
        select: { label: true, _count: { select: { enrolments: true } } },
      });
      return row && { name: row.label, usage: { closures: row._count.enrolments } };
    },
    remove: (tx) => tx.closureReason.delete({ where: { id } }),
    inUse: (name, usage) => `Avslutsorsaken ${name} kan inte tas bort: den används av ${usage}.`,
  });
}

// ── Insatser ───────────────────────────────────────────────────────────────

const insatsTaken = (name: string) => refused(`Det finns redan en insats som heter ${name}.`, "name");

export async function listInsatser(organisationId: string) {
  const rows = await prisma.insats.findMany({ where: { organisationId }, select: { id: true, name: true, startDate: true, ...placeUsageSelect } });
  return sortByName(rows, (row) => row.name).map(({ _count, ...insats }) => ({ ...insats, usage: usageText(_count) }));
}

/** The insatser and kommuner a koordinator can be assigned to. */
export async function assignmentOptions(organisationId: string) {
  const [insatser, kommuner] = await Promise.all([
    prisma.insats.findMany({ where: { organisationId }, select: { id: true, name: true } }),
    prisma.kommun.findMany({ where: { organisationId }, select: { id: true, name: true } }),
  ]);
  return { insatser: sortByName(insatser, (row) => row.name), kommuner: sortByName(kommuner, (row) => row.name) };
}

/** A new insats starts with the default Trappan labels and SKAPA areas, which can then be edited. */
export async function createInsats(actor: Actor, input: { name: string; startDate: string | null }): Promise<Outcome<{ id: string }>> {
  return withUniqueName(insatsTaken(input.name), () =>
    prisma.$transaction(async (tx) => {
      const existing = await tx.insats.findMany({ where: { organisationId: actor.organisationId }, select: { id: true, name: true } });
      if (nameTaken(existing, input.name)) return insatsTaken(input.name);
      const insats = await tx.insats.create({ data: { organisationId: actor.organisationId, ...input }, select: { id: true } });
      await ensureInsatsInstruments(insats.id, tx);
      await audit(auditEntry(actor, "create", "insats", insats.id, `namn: ${input.name}`), tx);
      return { ok: true, id: insats.id };
    }),
  );
}

export async function deleteInsats(actor: Actor, id: string) {
  return deleteUnlessUsed(actor, {
    entity: "insats",
    id,
    find: async (tx) => {
      const row = await tx.insats.findFirst({ where: { id, organisationId: actor.organisationId }, select: { name: true, ...placeUsageSelect } });
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
      targets: { select: { metric: true, value: true } },
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

/** Runs `write` when the insats is this förbund's; NOT_FOUND otherwise. */
async function withInsats<R>(
  actor: Actor,
  insatsId: string,
  write: (tx: Tx, insats: { name: string; skapaScaleMin: number; skapaScaleMax: number; startDate: string | null }) => Promise<R>,
): Promise<R | Refusal> {
  return prisma.$transaction(async (tx) => {
    const insats = await tx.insats.findFirst({
      where: { id: insatsId, organisationId: actor.organisationId },
      select: { name: true, startDate: true, skapaScaleMin: true, skapaScaleMax: true },
    });
    return insats ? write(tx, insats) : NOT_FOUND;
  });
}

export async function updateInsatsDetails(actor: Actor, insatsId: string, input: { name: string; startDate: string | null }): Promise<Outcome> {
  return withUniqueName(insatsTaken(input.name), () =>
    withInsats(actor, insatsId, async (tx, current) => {
      const existing = await tx.insats.findMany({ where: { organisationId: actor.organisationId }, select: { id: true, name: true } });
      if (nameTaken(existing, input.name, insatsId)) return insatsTaken(input.name);
      await tx.insats.update({ where: { id: insatsId }, data: input });
      const changed = [current.name !== input.name ? "namn" : null, current.startDate !== input.startDate ? "startdatum" : null];
      await audit(auditEntry(actor, "update", "insats", insatsId, `ändrat: ${changed.filter(Boolean).join(", ") || "inget"}`), tx);
      return { ok: true };
    }),
  );
}

/** Saves the labels of steps 1–6; the step numbers never change. */
export async function updateTrappanLabels(actor: Actor, insatsId: string, labels: readonly string[]): Promise<Outcome> {
  return withInsats(actor, insatsId, async (tx) => {
    const current = new Map((await tx.trappanStep.findMany({ where: { insatsId }, select: { step: true, label: true } })).map((s) => [s.step, s.label]));
    const changed: number[] = [];
    for (const [index, label] of labels.entries()) {
      const step = index + 1;
      if (current.get(step) === label) continue;
      await tx.trappanStep.upsert({ where: { insatsId_step: { insatsId, step } }, create: { insatsId, step, label }, update: { label } });
      changed.push(step);
    }
    if (changed.length) await audit(auditEntry(actor, "update", "insats", insatsId, `ändrat: Trappans steg ${joinSwedish(changed.map(String))}`), tx);
    return { ok: true };
  });
}

/**
 * Changes the SKAPA scale. Scores already recorded must still fit: a score of 8 on a new 1–5
 * scale would make every mean and progression wrong.
 */
export async function updateSkapaScale(actor: Actor, insatsId: string, scale: { min: number; max: number }): Promise<Outcome> {
  return withInsats(actor, insatsId, async (tx, current) => {
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
    if (outsideCount > 0) {
      const range = await tx.skapaScore.aggregate({ where: scores, _min: { participantScore: true, coordinatorScore: true }, _max: { participantScore: true, coordinatorScore: true } });
      const lowest = Math.min(...[range._min.participantScore, range._min.coordinatorScore].filter((v): v is number => v !== null));
      const highest = Math.max(...[range._max.participantScore, range._max.coordinatorScore].filter((v): v is number => v !== null));
      return refused(
        `Skalan kan inte ändras till ${scale.min}–${scale.max}: ${formatNumber(outsideCount)} redan registrerade SKAPA-svar ligger utanför den ` +
          `(svaren går från ${lowest} till ${highest}). Välj en skala som rymmer alla registrerade svar.`,
      );
    }
    await tx.insats.update({ where: { id: insatsId }, data: { skapaScaleMin: scale.min, skapaScaleMax: scale.max } });
    await audit(
      auditEntry(actor, "update", "insats", insatsId, `ändrat: SKAPA-skala ${current.skapaScaleMin}–${current.skapaScaleMax} → ${scale.min}–${scale.max}`),
      tx,
    );
    return { ok: true };
  });
}

/** Goal targets; null removes the target. Metrics not in the input are left alone. */
export async function saveInsatsTargets(actor: Actor, insatsId: string, targets: Partial<Record<AdminGoalMetric, number | null>>): Promise<Outcome> {
  return withInsats(actor, insatsId, async (tx) => {
    const current = new Map((await tx.insatsTarget.findMany({ where: { insatsId }, select: { metric: true, value: true } })).map((t) => [t.metric, t.value]));
    const changed: string[] = [];
    for (const [metric, value] of Object.entries(targets) as [AdminGoalMetric, number | null][]) {
      if ((current.get(metric) ?? null) === value) continue;
      if (value === null) await tx.insatsTarget.delete({ where: { insatsId_metric: { insatsId, metric } } });
      else await tx.insatsTarget.upsert({ where: { insatsId_metric: { insatsId, metric } }, create: { insatsId, metric, value }, update: { value } });
      changed.push(metric);
    }
    if (changed.length) await audit(auditEntry(actor, "update", "insats", insatsId, `ändrat målvärden: ${changed.join(", ")}`), tx);
    return { ok: true };
  });
}

// ── SKAPA areas of an insats ───────────────────────────────────────────────

const areaTaken = (label: string) => refused(`Det finns redan ett område som heter ${label}.`, "label");

async function areaNames(tx: Tx, insatsId: string) {
  return (await tx.skapaArea.findMany({ where: { insatsId }, select: { id: true, label: true } })).map((a) => ({ id: a.id, name: a.label }));
}

export async function createSkapaArea(actor: Actor, insatsId: string, input: { label: string; sortOrder?: number }): Promise<Outcome<{ id: string }>> {
  return withUniqueName(areaTaken(input.label), () =>
    withInsats(actor, insatsId, async (tx) => {
      if (nameTaken(await areaNames(tx, insatsId), input.label)) return areaTaken(input.label);
      const last = await tx.skapaArea.aggregate({ where: { insatsId }, _max: { sortOrder: true } });
      const area = await tx.skapaArea.create({
        data: { insatsId, label: input.label, sortOrder: input.sortOrder ?? (last._max.sortOrder ?? -1) + 1 },
        select: { id: true },
      });
      await audit(auditEntry(actor, "create", "skapa-area", area.id, `namn: ${input.label}`), tx);
      return { ok: true, id: area.id };
    }),
  );
}

/** Runs `write` when the area belongs to this insats of this förbund. */
async function withArea<R>(
  actor: Actor,
  insatsId: string,
  areaId: string,
  write: (tx: Tx, area: { label: string; sortOrder: number; retired: boolean; scoreCount: number }) => Promise<R>,
): Promise<R | Refusal> {
  return prisma.$transaction(async (tx) => {
    const area = await tx.skapaArea.findFirst({
      where: { id: areaId, insatsId, insats: { organisationId: actor.organisationId } },
      select: { label: true, sortOrder: true, retired: true, _count: { select: { scores: true } } },
    });
    return area ? write(tx, { ...area, scoreCount: area._count.scores }) : NOT_FOUND;
  });
}

export async function updateSkapaArea(actor: Actor, insatsId: string, areaId: string, input: { label: string; sortOrder: number }): Promise<Outcome> {
  return withUniqueName(areaTaken(input.label), () =>
    withArea(actor, insatsId, areaId, async (tx, current) => {
      if (nameTaken(await areaNames(tx, insatsId), input.label, areaId)) return areaTaken(input.label);
      await tx.skapaArea.update({ where: { id: areaId }, data: input });
      const changed = [current.label !== input.label ? `namn: ${current.label} → ${input.label}` : null, current.sortOrder !== input.sortOrder ? "ordning" : null];
      await audit(auditEntry(actor, "update", "skapa-area", areaId, changed.filter(Boolean).join(", ") || "inga ändringar"), tx);
      return { ok: true };
    }),
  );
}

/** A retired area is kept with its scores but is no longer offered in new assessments. */
export async function setSkapaAreaRetired(actor: Actor, insatsId: string, areaId: string, retired: boolean): Promise<Outcome<{ label: string }>> {
  return withArea(actor, insatsId, areaId, async (tx, area) => {
    await tx.skapaArea.update({ where: { id: areaId }, data: { retired } });
    await audit(auditEntry(actor, "update", "skapa-area", areaId, retired ? "inaktiverat" : "återaktiverat"), tx);
    return { ok: true, label: area.label };
  });
}

export async function deleteSkapaArea(actor: Actor, insatsId: string, areaId: string): Promise<Outcome<{ label: string }>> {
  return withArea(actor, insatsId, areaId, async (tx, area) => {
    if (area.scoreCount > 0) {
      return refused(
        `Området ${area.label} kan inte tas bort: det har ${usageText({ scores: area.scoreCount })}. ` +
          "Inaktivera det i stället, så finns svaren kvar.",
      );
    }
    await tx.skapaArea.delete({ where: { id: areaId } });
    await audit({ organisationId: actor.organisationId, userId: actor.id, action: "delete", entity: "skapa-area", entityId: areaId, detail: `namn: ${area.label}` }, tx);
    return { ok: true, label: area.label };
  });
}
