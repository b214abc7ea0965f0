// Reads, in a handful of queries, everything the validator compares the files with: the
// förbund's reference lists and what Stegvis already holds. Never one query per row.
import type { TemplateLists } from "~/import/template";
import type { RawTable } from "~/import/types";
import { eventKeys, NO_EXISTING_EVENTS, type ExistingData, type ExistingEvents, type ReferenceLists } from "~/import/validate";
import { prisma, type Tx } from "./db.server";

export async function loadReferenceLists(db: Tx, organisationId: string): Promise<ReferenceLists> {
  const org = { organisationId };
  const [insatser, kommuner, referrers, ageGroups, closureReasons, supportTypes, activityTypes, incomeSources, users] = await Promise.all([
    db.insats.findMany({
      where: org,
      orderBy: { name: "asc" },
      select: {
        id: true, name: true, skapaScaleMin: true, skapaScaleMax: true,
        skapaAreas: { select: { id: true, label: true }, orderBy: [{ retired: "asc" }, { sortOrder: "asc" }] },
      },
    }),
    db.kommun.findMany({ where: org, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.referrer.findMany({ where: org, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.ageGroup.findMany({ where: org, orderBy: { sortOrder: "asc" }, select: { id: true, label: true } }),
    db.closureReason.findMany({ where: org, orderBy: { sortOrder: "asc" }, select: { id: true, label: true } }),
    db.supportType.findMany({ where: org, orderBy: { sortOrder: "asc" }, select: { id: true, label: true, raisesActivityLevel: true } }),
    db.activityType.findMany({ where: org, orderBy: { sortOrder: "asc" }, select: { id: true, label: true } }),
    db.incomeSource.findMany({ where: org, orderBy: { sortOrder: "asc" }, select: { id: true, label: true } }),
    // Styrgrupp members never coordinate participants; former koordinatorer (inactive) still may have.
    db.user.findMany({ where: { ...org, role: { in: ["koordinator", "forbundschef"] } }, select: { id: true, name: true, email: true } }),
  ]);
  const labelled = <T extends { label: string }>(rows: T[]) => rows.map(({ label, ...rest }) => ({ ...rest, name: label }));
  return {
    insatser: insatser.map(({ skapaAreas, ...insats }) => ({ ...insats, areas: skapaAreas })),
    kommuner,
    referrers,
    ageGroups: labelled(ageGroups),
    closureReasons: labelled(closureReasons),
    supportTypes: labelled(supportTypes),
    activityTypes: labelled(activityTypes),
    incomeSources: labelled(incomeSources),
    users,
  };
}

/**
 * Participants, enrolments and consents of the förbund, and the stored events of the
 * enrolments the files can touch (those of participant codes that appear in the files).
 */
export async function loadExistingData(db: Tx, organisationId: string, tables: readonly RawTable[]): Promise<ExistingData> {
  const [participantRows, enrolments] = await Promise.all([
    db.participant.findMany({ where: { organisationId, code: { not: null } }, select: { id: true, code: true } }),
    db.enrolment.findMany({
      where: { organisationId },
      select: { id: true, participantId: true, insatsId: true, enrolledDate: true, closedDate: true },
    }),
  ]);
  const participants = participantRows.map((p) => ({ id: p.id, code: p.code! }));
  if (participants.length === 0) return { participants, enrolments, consents: [], events: await loadIntake(db, organisationId, tables, NO_EXISTING_EVENTS) };

  const codesInFiles = new Set<string>();
  for (const table of tables) {
    for (const row of table.rows) {
      const code = row.values.deltagare;
      if (code !== undefined) codesInFiles.add(String(code).trim());
    }
  }
  const touchedParticipants = new Set(participants.filter((p) => codesInFiles.has(p.code)).map((p) => p.id));
  const touchedEnrolments = enrolments.filter((e) => touchedParticipants.has(e.participantId)).map((e) => e.id);

  const consents = touchedParticipants.size
    ? await db.consent.findMany({ where: { participant: { organisationId } }, select: { participantId: true, givenDate: true } })
    : [];
  const events = touchedEnrolments.length ? await loadEvents(db, organisationId, touchedEnrolments) : NO_EXISTING_EVENTS;
  return { participants, enrolments, consents, events: await loadIntake(db, organisationId, tables, events) };
}

async function loadEvents(db: Tx, organisationId: string, enrolmentIds: string[]): Promise<ExistingEvents> {
  // A short list is asked for by id; a long one costs less as the whole förbund.
  const where = enrolmentIds.length <= 500 ? { enrolmentId: { in: enrolmentIds } } : { enrolment: { organisationId } };
  const [placements, offers, assessments, fov, support, activities, incomeChanges] = await Promise.all([
    db.trappanPlacement.findMany({ where, select: { enrolmentId: true, date: true, step: true } }),
    db.skapaOffer.findMany({ where, select: { enrolmentId: true, date: true } }),
    db.skapaAssessment.findMany({
      where,
      select: { id: true, enrolmentId: true, date: true, scores: { select: { areaId: true, participantScore: true, coordinatorScore: true } } },
    }),
    db.fovScreening.findMany({ where, select: { enrolmentId: true, date: true, outcome: true } }),
    db.supportIntervention.findMany({ where, select: { enrolmentId: true, date: true, supportTypeId: true } }),
    db.activity.findMany({ where, select: { enrolmentId: true, date: true, activityTypeId: true, minutes: true } }),
    db.incomeChange.findMany({ where, select: { enrolmentId: true, date: true, incomeSourceId: true } }),
  ]);
  const scores = new Map<string, number | null>();
  const coordinatorScores = new Map<string, number | null>();
  for (const assessment of assessments) {
    for (const score of assessment.scores) {
      const key = eventKeys.score(assessment.id, score.areaId);
      scores.set(key, score.participantScore);
      if (score.coordinatorScore !== null) coordinatorScores.set(key, score.coordinatorScore);
    }
  }
  return {
    ...NO_EXISTING_EVENTS,
    trappan: new Set(placements.map((p) => eventKeys.trappan(p.enrolmentId, p.date, p.step))),
    skapaOffers: new Set(offers.map((o) => eventKeys.skapaOffer(o.enrolmentId, o.date))),
    assessments: new Map(assessments.map((a) => [eventKeys.assessment(a.enrolmentId, a.date), a.id])),
    scores,
    coordinatorScores,
    incomeChanges: new Set(incomeChanges.map((c) => eventKeys.incomeChange(c.enrolmentId, c.date, c.incomeSourceId))),
    fov: new Set(fov.map((f) => eventKeys.fov(f.enrolmentId, f.date, f.outcome))),
    support: new Set(support.map((s) => eventKeys.support(s.enrolmentId, s.date, s.supportTypeId))),
    activities: new Set(activities.map((a) => eventKeys.activity(a.enrolmentId, a.date, a.activityTypeId, a.minutes))),
  };
}

/** Referrals and study visits, only when the files have such rows. */
async function loadIntake(db: Tx, organisationId: string, tables: readonly RawTable[], events: ExistingEvents): Promise<ExistingEvents> {
  const has = (name: string) => tables.some((table) => table.table === name && table.rows.length > 0);
  const count = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const [referrals, studyVisits] = await Promise.all([
    has("remisser")
      ? db.referral.findMany({ where: { organisationId }, select: { date: true, referrerId: true, kommunId: true, insatsId: true, participantId: true } })
      : [],
    has("studiebesok")
      ? db.studyVisit.findMany({ where: { organisationId }, select: { date: true, kommunId: true, insatsId: true, participantId: true } })
      : [],
  ]);
  return {
    ...events,
    referrals: count(referrals.map((r) => eventKeys.referral(r.date, r.referrerId, r.kommunId, r.insatsId, r.participantId))),
    studyVisits: count(studyVisits.map((v) => eventKeys.studyVisit(v.date, v.kommunId, v.insatsId, v.participantId))),
  };
}

/** The förbund's lists as the template's instructions show them. */
export async function loadTemplateLists(organisationId: string): Promise<TemplateLists> {
  const lists = await loadReferenceLists(prisma, organisationId);
  const names = (items: ReadonlyArray<{ name: string }>) => items.map((item) => item.name);
  const first = lists.insatser[0];
  return {
    insatser: names(lists.insatser),
    kommuner: names(lists.kommuner),
    remittenter: names(lists.referrers),
    aldersgrupper: names(lists.ageGroups),
    avslutsorsaker: names(lists.closureReasons),
    forsorjningar: names(lists.incomeSources),
    stodinsatstyper: names(lists.supportTypes),
    aktivitetstyper: names(lists.activityTypes),
    skapaOmraden: first
      ? (await prisma.skapaArea.findMany({ where: { insatsId: first.id, retired: false }, orderBy: { sortOrder: "asc" }, select: { label: true } })).map((a) => a.label)
      : [],
  };
}
