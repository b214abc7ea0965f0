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
