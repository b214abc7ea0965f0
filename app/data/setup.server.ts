import { DEFAULT_TWO_FACTOR_ROLES, serialiseTwoFactorRoles } from "~/auth/two-factor-policy";
import {
  DEFAULT_ACTIVITY_TYPES,
  DEFAULT_AGE_GROUPS,
  DEFAULT_CLOSURE_REASONS,
  DEFAULT_INCOME_SOURCES,
  DEFAULT_REFERRERS,
  DEFAULT_SKAPA_AREAS,
  DEFAULT_SUPPORT_TYPES,
  DEFAULT_TRAPPAN_LABELS,
} from "~/domain/reference-defaults";
import { prisma, type Tx } from "./db.server";
import { ensureDefaultOutcomeGroups } from "./outcome-groups.server";

export const DEFAULT_ORGANISATION_NAME = "Samordningsförbundet";

/**
 * Gives each reference list of the förbund its defaults when that list is still empty. A list the
 * förbundschef has edited (renamed, added or deleted rows) is left alone, so running it twice
 * changes nothing and a deleted default does not come back.
 */
export async function ensureReferenceData(organisationId: string, tx: Tx = prisma): Promise<void> {
  const org = { organisationId };
  const missing = async <T extends { label: string }>(
    existing: Promise<{ label: string }[]>,
    defaults: readonly T[],
  ) => {
    if ((await existing).length > 0) return [];
    return defaults.map((row, sortOrder) => ({ ...row, sortOrder }));
  };

  const reasons = await missing(tx.closureReason.findMany({ where: org, select: { label: true } }), DEFAULT_CLOSURE_REASONS);
  if (reasons.length) await tx.closureReason.createMany({ data: reasons.map((r) => ({ ...org, ...r })) });
  await ensureDefaultOutcomeGroups(organisationId, tx);

  const ageGroups = await missing(tx.ageGroup.findMany({ where: org, select: { label: true } }), DEFAULT_AGE_GROUPS);
  if (ageGroups.length) await tx.ageGroup.createMany({ data: ageGroups.map((r) => ({ ...org, ...r })) });

  const supportTypes = await missing(tx.supportType.findMany({ where: org, select: { label: true } }), DEFAULT_SUPPORT_TYPES);
  if (supportTypes.length) await tx.supportType.createMany({ data: supportTypes.map((r) => ({ ...org, ...r })) });

  const activityTypes = await missing(tx.activityType.findMany({ where: org, select: { label: true } }), DEFAULT_ACTIVITY_TYPES);
  if (activityTypes.length) {
    await tx.activityType.createMany({ data: activityTypes.map((r) => ({ ...org, label: r.label, key: r.key ?? null, sortOrder: r.sortOrder })) });
  }

  const incomeSources = await missing(
    tx.incomeSource.findMany({ where: org, select: { label: true } }),
    DEFAULT_INCOME_SOURCES.map((label) => ({ label })),
  );
  if (incomeSources.length) await tx.incomeSource.createMany({ data: incomeSources.map((r) => ({ ...org, ...r })) });

  if ((await tx.referrer.count({ where: org })) === 0) {
    await tx.referrer.createMany({ data: DEFAULT_REFERRERS.map((name) => ({ ...org, name })) });
  }

  const insatser = await tx.insats.findMany({ where: org, select: { id: true } });
  for (const insats of insatser) await ensureInsatsInstruments(insats.id, tx);
}

/** Gives an insats the default Trappan labels and SKAPA areas where it has none. */
export async function ensureInsatsInstruments(insatsId: string, tx: Tx = prisma): Promise<void> {
  const steps = await tx.trappanStep.findMany({ where: { insatsId }, select: { step: true } });
  const haveSteps = new Set(steps.map((s) => s.step));
  const newSteps = DEFAULT_TRAPPAN_LABELS.map((label, index) => ({ insatsId, step: index + 1, label })).filter(
    (s) => !haveSteps.has(s.step),
  );
  if (newSteps.length) await tx.trappanStep.createMany({ data: newSteps });

  const areaCount = await tx.skapaArea.count({ where: { insatsId } });
  if (areaCount === 0) {
    await tx.skapaArea.createMany({
      data: DEFAULT_SKAPA_AREAS.map((label, sortOrder) => ({ insatsId, label, sortOrder })),
    });
  }
}

/**
 * `npm run db:setup`: the organisation (created when there is none) and its default reference
 * data. Never adds demo participants.
 */
export async function setupDatabase(organisationName?: string): Promise<{ organisationId: string; created: boolean }> {
  return prisma.$transaction(async (tx) => {
    let org = organisationName
      ? await tx.organisation.findUnique({ where: { name: organisationName } })
      : await tx.organisation.findFirst({ orderBy: { createdAt: "asc" } });
    let created = false;
    if (!org) {
      const anyOrg = organisationName ? null : await tx.organisation.findFirst();
      const twoFactorRoles = serialiseTwoFactorRoles(DEFAULT_TWO_FACTOR_ROLES);
      org = anyOrg ?? (await tx.organisation.create({ data: { name: organisationName ?? DEFAULT_ORGANISATION_NAME, twoFactorRoles } }));
      created = !anyOrg;
    }
    await ensureReferenceData(org.id, tx);
    return { organisationId: org.id, created };
  });
}

export async function organisationCount(): Promise<number> {
  return prisma.organisation.count();
}

export async function findOrganisationByName(name: string) {
  return prisma.organisation.findUnique({ where: { name } });
}

/** Whether the database holds the demo förbund (its logins are printed at start). */
export async function hasDemoOrganisation(): Promise<boolean> {
  return (await prisma.organisation.count({ where: { isDemo: true } })) > 0;
}

/** The first förbundschef of a förbund created empty (`STEGVIS_DEMO=0`). */
export async function createFirstAdministrator(organisationId: string, admin: { email: string; name: string; passwordHash: string }): Promise<void> {
  await prisma.user.create({ data: { organisationId, ...admin, role: "forbundschef" } });
}

/** Kommuner and insatser (each with its default instruments) for a förbund set up by a tool. */
export async function createKommunerAndInsatser(organisationId: string, kommuner: readonly string[], insatser: readonly string[]): Promise<void> {
  await prisma.kommun.createMany({ data: kommuner.map((name) => ({ organisationId, name })) });
  for (const name of insatser) {
    const insats = await prisma.insats.create({ data: { organisationId, name }, select: { id: true } });
    await ensureInsatsInstruments(insats.id);
  }
}
