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

export async function updateSmallNumberThreshold(organisationId: string, threshold: number) {
  await prisma.organisation.update({ where: { id: organisationId }, data: { smallNumberThreshold: threshold } });
}
