// The förbund's lists of names (kommuner, remittenter), and the rules every reference list
// shares: names unique as a Swedish reader sees them, and no delete while something refers to
// a row. Every query is scoped by organisation id, also for ids that come from a form: a
// tampered id of another förbund finds nothing.
import type { CurrentUser } from "~/auth/guards.server";
import { formatNumber } from "~/utils/format";
import { conflict, fieldRefused, gone, ok, type Refused, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { isUniqueViolation, prisma, type Tx } from "./db.server";

const collator = new Intl.Collator("sv");

/** Swedish alphabetical order (å, ä, ö last), which SQLite's binary ordering does not give. */
export function sortByName<T>(rows: T[], name: (row: T) => string): T[] {
  return [...rows].sort((a, b) => collator.compare(name(a), name(b)));
}

/** "Ljungby" and "ljungby" are the same name to a reader, though the unique index tells them apart. */
export function nameTaken(rows: ReadonlyArray<{ id: string; name: string }>, name: string, exceptId?: string): boolean {
  return rows.some((row) => row.id !== exceptId && row.name.localeCompare(name, "sv", { sensitivity: "accent" }) === 0);
}

/**
 * Runs a write that checks a name first. Two people saving the same name at once both pass the
 * check; the unique index stops the second, and it gets the same field message.
 */
export async function withUniqueName<T extends object>(taken: Refused, write: () => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

const USAGE_NOUNS = {
  enrolments: ["inskrivning", "inskrivningar"],
  referrals: ["remiss", "remisser"],
  studyVisits: ["studiebesök", "studiebesök"],
  assignments: ["koordinatortilldelning", "koordinatortilldelningar"],
  closures: ["avslut", "avslut"],
  scores: ["SKAPA-svar", "SKAPA-svar"],
} as const;

export type Usage = Partial<Record<keyof typeof USAGE_NOUNS, number>>;

export function joinSwedish(parts: string[]): string {
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

/** What refers to a kommun or an insats. */
export const placeUsageSelect = { _count: { select: { enrolments: true, referrals: true, studyVisits: true, assignments: true } } } as const;

/**
 * Deletes a row unless something still refers to it, in one transaction with its audit entry.
 * `find` returns the row's name and what refers to it, or null when the id is not the förbund's.
 * A row in use is a 409: the state of the förbund's data, not the input, is in the way.
 */
export async function deleteUnlessUsed(
  user: CurrentUser,
  spec: {
    entity: string;
    id: string;
    find: (tx: Tx) => Promise<{ name: string; usage: Usage } | null>;
    remove: (tx: Tx) => Promise<unknown>;
    inUse: (name: string, usage: string) => string;
  },
): Promise<WriteResult<{ name: string }>> {
  return prisma.$transaction(async (tx) => {
    const row = await spec.find(tx);
    if (!row) return gone();
    const usage = usageText(row.usage);
    if (usage) return conflict(spec.inUse(row.name, usage));
    await spec.remove(tx);
    await audit(auditEntry(user, "delete", spec.entity, spec.id, `namn: ${row.name}`), tx);
    return ok({ name: row.name });
  });
}

export function auditEntry(user: CurrentUser, action: "create" | "update" | "delete", entity: string, entityId: string, detail: string) {
  return { organisationId: user.organisationId, userId: user.id, action, entity, entityId, detail };
}

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

const nameTakenIn = (list: NamedList, name: string) => fieldRefused("name", `Det finns redan en ${list.noun} som heter ${name}.`);

async function createNamed(list: NamedList, user: CurrentUser, name: string): Promise<WriteResult<{ id: string }>> {
  return withUniqueName(nameTakenIn(list, name), () =>
    prisma.$transaction(async (tx) => {
      if (nameTaken(await list.names(tx, user.organisationId), name)) return nameTakenIn(list, name);
      const row = await list.create(tx, user.organisationId, name);
      await audit(auditEntry(user, "create", list.entity, row.id, `namn: ${name}`), tx);
      return ok({ id: row.id });
    }),
  );
}

async function renameNamed(list: NamedList, user: CurrentUser, id: string, name: string): Promise<WriteResult> {
  return withUniqueName(nameTakenIn(list, name), () =>
    prisma.$transaction(async (tx) => {
      const existing = await list.names(tx, user.organisationId);
      const current = existing.find((row) => row.id === id);
      if (!current) return gone();
      if (nameTaken(existing, name, id)) return nameTakenIn(list, name);
      await list.rename(tx, id, name);
      await audit(auditEntry(user, "update", list.entity, id, `namn: ${current.name} → ${name}`), tx);
      return ok();
    }),
  );
}

function deleteNamed(list: NamedList, user: CurrentUser, id: string) {
  return deleteUnlessUsed(user, {
    entity: list.entity,
    id,
    find: (tx) => list.findWithUsage(tx, user.organisationId, id),
    remove: (tx) => list.remove(tx, id),
    inUse: (name, usage) => `${list.definite} ${name} kan inte tas bort: den används av ${usage}.`,
  });
}

async function listNamed(list: NamedList, organisationId: string) {
  const rows = await list.listWithUsage(organisationId);
  return sortByName(rows, (row) => row.name).map(({ usage, ...row }) => ({ ...row, usage: usageText(usage) }));
}

export const listKommuner = (organisationId: string) => listNamed(KOMMUNER, organisationId);
export const createKommun = (user: CurrentUser, name: string) => createNamed(KOMMUNER, user, name);
export const renameKommun = (user: CurrentUser, id: string, name: string) => renameNamed(KOMMUNER, user, id, name);
export const deleteKommun = (user: CurrentUser, id: string) => deleteNamed(KOMMUNER, user, id);

export const listReferrers = (organisationId: string) => listNamed(REFERRERS, organisationId);
export const createReferrer = (user: CurrentUser, name: string) => createNamed(REFERRERS, user, name);
export const renameReferrer = (user: CurrentUser, id: string, name: string) => renameNamed(REFERRERS, user, id, name);
export const deleteReferrer = (user: CurrentUser, id: string) => deleteNamed(REFERRERS, user, id);

/** The insatser and kommuner a koordinator can be assigned to. */
export async function assignmentOptions(organisationId: string) {
  const [insatser, kommuner] = await Promise.all([
    prisma.insats.findMany({ where: { organisationId }, select: nameSelect }),
    prisma.kommun.findMany({ where: { organisationId }, select: nameSelect }),
  ]);
  return { insatser: sortByName(insatser, (row) => row.name), kommuner: sortByName(kommuner, (row) => row.name) };
}
