import { audit } from "./audit.server";
import { prisma } from "./db.server";

export async function organisationName(organisationId: string): Promise<string | null> {
  const org = await prisma.organisation.findUnique({ where: { id: organisationId }, select: { name: true } });
  return org?.name ?? null;
}

export async function organisationSettings(organisationId: string) {
  return prisma.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { id: true, name: true, isDemo: true, smallNumberThreshold: true },
  });
}

/** Saves the "färre än N" threshold together with its audit event. */
export async function updateSmallNumberThreshold(actor: { id: string; organisationId: string }, threshold: number) {
  await prisma.$transaction(async (tx) => {
    await tx.organisation.update({ where: { id: actor.organisationId }, data: { smallNumberThreshold: threshold } });
    await audit(
      {
        organisationId: actor.organisationId,
        userId: actor.id,
        action: "update",
        entity: "organisation",
        entityId: actor.organisationId,
        detail: `ändrat: gräns för små tal ${threshold}`,
      },
      tx,
    );
  });
}

export type OrganisationChoice =
  | { ok: true; organisation: { id: string; name: string } }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "none" }
  /** `names`: the first `listed` förbund, by name. */
  | { ok: false; reason: "several"; names: string[] };

/**
 * The förbund a command-line tool works on: the one named (its --org), or the only one in the
 * database. The tool words the refusals.
 */
export async function chooseOrganisation(name: string | undefined, listed = 20): Promise<OrganisationChoice> {
  const select = { id: true, name: true } as const;
  if (name !== undefined) {
    const organisation = await prisma.organisation.findUnique({ where: { name }, select });
    return organisation ? { ok: true, organisation } : { ok: false, reason: "not-found" };
  }
  const organisations = await prisma.organisation.findMany({ select, orderBy: { name: "asc" }, take: listed });
  if (organisations.length === 1) return { ok: true, organisation: organisations[0] };
  if (organisations.length === 0) return { ok: false, reason: "none" };
  return { ok: false, reason: "several", names: organisations.map((organisation) => organisation.name) };
}
