// Study visits: a person visits an insats before deciding; the visit counts per kommun even if
// they are never enrolled. A visit may be linked to one of the coordinator's participants by code.
import type { CurrentUser } from "~/auth/guards.server";
import type { Prisma } from "~/generated/prisma/client";
import { PAGE_SIZE, type StudyVisitListQuery } from "~/schemas/intake-lists";
import type { StudyVisitInput } from "~/schemas/participants";
import { fieldRefused, ok, refusable, refuse, type WriteResult } from "~/utils/write-result";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";
import { auditListRead, checkInsatsKommun, intakeListWhere, futureDateRefusal, participantByCode } from "./scope.server";

/** The participant a study visit is linked to, by the code the coordinator typed. */
async function studyVisitParticipant(tx: Tx, user: CurrentUser, code: string): Promise<string> {
  const participant = await participantByCode(tx, user, code);
  if (!participant) refuse(fieldRefused("participantCode", "Ingen av dina deltagare har den koden."));
  return participant.id;
}

export async function createStudyVisit(user: CurrentUser, input: StudyVisitInput): Promise<WriteResult<{ studyVisitId: string }>> {
  const future = futureDateRefusal("date", "Datum för studiebesöket", input.date);
  if (future) return future;
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      await checkInsatsKommun(tx, user, input);
      const participantId = input.participantCode ? await studyVisitParticipant(tx, user, input.participantCode) : null;
      const visit = await tx.studyVisit.create({
        data: { organisationId: user.organisationId, date: input.date, insatsId: input.insatsId, kommunId: input.kommunId, participantId },
        select: { id: true },
      });
      await audit({ organisationId: user.organisationId, userId: user.id, action: "create", entity: "study-visit", entityId: visit.id, participantId }, tx);
      return ok({ studyVisitId: visit.id });
    }),
  );
}

export async function listStudyVisits(user: CurrentUser, query: StudyVisitListQuery) {
  const where: Prisma.StudyVisitWhereInput = intakeListWhere(user, query);
  const [total, visits, perKommun] = await Promise.all([
    prisma.studyVisit.count({ where }),
    prisma.studyVisit.findMany({
      where,
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, date: true, participantId: true,
        kommun: { select: { name: true } },
        insats: { select: { name: true } },
        participant: { select: { code: true, erasedAt: true } },
      },
    }),
    prisma.studyVisit.groupBy({ by: ["kommunId"], where, _count: { _all: true } }),
  ]);
  const rows = visits.map((visit) => {
    const person = visit.participant && !visit.participant.erasedAt ? visit.participant : null;
    return {
      id: visit.id,
      date: visit.date,
      kommun: visit.kommun.name,
      insats: visit.insats.name,
      participantId: person ? visit.participantId : null,
      participantCode: person?.code ?? null,
    };
  });
  await auditListRead(user, "study-visit-list", rows.flatMap((row) => (row.participantId ? [row.participantId] : [])));
  return {
    total,
    rows,
    perKommun: Object.fromEntries(perKommun.map((group) => [group.kommunId, group._count._all])) as Record<string, number>,
  };
}
