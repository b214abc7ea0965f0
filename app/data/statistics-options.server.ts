// The choices of the statistics filters: the förbund's insatser (with the start date that
// "Sedan insatsen startade" needs) and kommuner. Names only: the report query is by name.
import { prisma } from "./db.server";

export interface StatisticsOptions {
  insatser: Array<{ name: string; startDate: string | null }>;
  kommuner: string[];
}

const collator = new Intl.Collator("sv");

export async function statisticsOptions(organisationId: string): Promise<StatisticsOptions> {
  const [insatser, kommuner] = await Promise.all([
    prisma.insats.findMany({ where: { organisationId }, select: { name: true, startDate: true } }),
    prisma.kommun.findMany({ where: { organisationId }, select: { name: true } }),
  ]);
  // Sorted here: SQLite orders by bytes, which puts Ä before Å.
  return {
    insatser: insatser.sort((a, b) => collator.compare(a.name, b.name)),
    kommuner: kommuner.map((kommun) => kommun.name).sort(collator.compare),
  };
}
