// What the participant page shows, read and shaped for it: the header, the enrolments, the
// timeline, the charts, the edit form's start and the förbund's lists the forms choose from.
// The shaping itself is pure (domain/timeline.ts, domain/journal-edit.ts, charts/journal-series.ts).
import type { CurrentUser } from "~/auth/guards.server";
import { canSeeFovAnswers, canWorkWithEnrolment } from "~/auth/permissions";
import { skapaComparison, trappanSeries } from "~/charts/journal-series";
import { editView } from "~/domain/journal-edit";
import { daysBetween, todayInSweden } from "~/domain/period";
import { GENDER_LABELS, type Gender } from "~/domain/reference-defaults";
import { byDate, journalTimeline, stepText } from "~/domain/timeline";
import type { JournalQuery, SkapaInstrument } from "~/schemas/journal";
import type { AccessibleParticipant } from "../access.server";
import { audit } from "../audit.server";
import { prisma } from "../db.server";

function loadEnrolments(participantId: string, organisationId: string) {
  return prisma.enrolment.findMany({
    where: { participantId, organisationId },
    orderBy: [{ enrolledDate: "desc" }, { createdAt: "desc" }],
    select: {
      id: true, insatsId: true, kommunId: true, coordinatorId: true, enrolledDate: true, closedDate: true, version: true, createdAt: true, updatedAt: true,
      gender: true, referrerId: true, ageGroupId: true, closureReasonId: true, incomeEndId: true, planAfterClosure: true, surveySupport: true, surveyInfluence: true, surveyReadiness: true,
      insats: {
        select: {
          name: true, skapaScaleMin: true, skapaScaleMax: true,
          trappanSteps: { orderBy: { step: "asc" }, select: { step: true, label: true } },
          skapaAreas: { orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, label: true, retired: true } },
        },
      },
      kommun: { select: { name: true } },
      coordinator: { select: { name: true } },
      referrer: { select: { name: true } },
      ageGroup: { select: { label: true } },
      incomeStart: { select: { label: true } },
      incomeEnd: { select: { label: true } },
      closureReason: { select: { label: true } },
      placements: { select: { id: true, date: true, step: true, motivation: true, version: true, createdAt: true } },
      skapaOffers: { select: { id: true, date: true, createdAt: true } },
      assessments: { select: { id: true, date: true, version: true, createdAt: true, scores: { select: { areaId: true, participantScore: true, coordinatorScore: true } } } },
      activities: { select: { id: true, date: true, minutes: true, note: true, version: true, createdAt: true, activityTypeId: true, activityType: { select: { label: true } } } },
      support: { select: { id: true, date: true, raisesActivityLevel: true, note: true, version: true, createdAt: true, supportTypeId: true, supportType: { select: { label: true } } } },
      incomeChanges: { select: { id: true, date: true, createdAt: true, incomeSourceId: true, incomeSource: { select: { label: true } } } },
      fovScreenings: { select: { id: true, date: true, outcome: true, notAskedReason: true, supportOffered: true, version: true, createdAt: true } },
    },
  });
}
type LoadedEnrolment = Awaited<ReturnType<typeof loadEnrolments>>[number];

function enrolmentSummary(enrolment: LoadedEnrolment) {
  return {
    id: enrolment.id,
    insats: enrolment.insats.name,
    kommun: enrolment.kommun.name,
    coordinator: enrolment.coordinator?.name ?? null,
    referrer: enrolment.referrer.name,
    gender: GENDER_LABELS[enrolment.gender as Gender] ?? enrolment.gender,
    ageGroup: enrolment.ageGroup.label,
    incomeStart: enrolment.incomeStart?.label ?? null,
    enrolledDate: enrolment.enrolledDate,
    closedDate: enrolment.closedDate,
    closureReason: enrolment.closureReason?.label ?? null,
  };
}

/** The latest enrolment, for the header and the quick forms. */
function currentEnrolment(user: CurrentUser, latest: LoadedEnrolment, today: string) {
  const placements = byDate(latest.placements);
  const currentPlacement = placements[placements.length - 1] ?? null;
  const steps = latest.insats.trappanSteps;
  return {
    ...enrolmentSummary(latest),
    version: String(latest.version),
    /** Whether the quick forms are this user's to use (the enrolment is in their scope). */
    editable: canWorkWithEnrolment(user, latest),
    open: latest.closedDate === null,
    steps,
    currentStep: currentPlacement ? { step: currentPlacement.step, text: stepText(steps, currentPlacement.step), date: currentPlacement.date } : null,
    daysEnrolled: daysBetween(latest.enrolledDate, latest.closedDate ?? today),
    instrument: {
      areas: latest.insats.skapaAreas.filter((area) => !area.retired).map(({ id, label }) => ({ id, label })),
      min: latest.insats.skapaScaleMin,
      max: latest.insats.skapaScaleMax,
    } satisfies SkapaInstrument,
  };
}

const label = (rows: { id: string; label: string }[]) => rows.map((row) => ({ value: row.id, label: row.label }));

/** The förbund's lists the quick forms choose from. */
async function formOptions(organisationId: string) {
  const org = { where: { organisationId }, orderBy: [{ sortOrder: "asc" as const }, { label: "asc" as const }] };
  const [activityTypes, supportTypes, incomeSources, closureReasons] = await Promise.all([
    prisma.activityType.findMany({ ...org, select: { id: true, label: true } }),
    prisma.supportType.findMany({ ...org, select: { id: true, label: true, raisesActivityLevel: true } }),
    prisma.incomeSource.findMany({ ...org, select: { id: true, label: true } }),
    prisma.closureReason.findMany({ ...org, select: { id: true, label: true } }),
  ]);
  return {
    activityTypes: label(activityTypes),
    supportTypes: supportTypes.map((row) => ({ value: row.id, label: row.raisesActivityLevel ? `${row.label} (höjd aktivitetsnivå)` : row.label })),
    incomeSources: label(incomeSources),
    closureReasons: label(closureReasons),
  };
}

/**
 * Everything the participant page shows, shaped for it, and the audit entry of the read. The
 * timeline is filtered by kind; the header, charts and forms are about the latest enrolment.
 */
export async function loadJournal(user: CurrentUser, participant: AccessibleParticipant, query: JournalQuery) {
  const [enrolments, consents, options] = await Promise.all([
    loadEnrolments(participant.id, user.organisationId),
    prisma.consent.findMany({
      where: { participantId: participant.id },
      orderBy: { givenDate: "desc" },
      select: { id: true, givenDate: true, coversSharing: true, coversStatistics: true, createdAt: true },
    }),
    formOptions(user.organisationId),
  ]);
  await audit({ organisationId: user.organisationId, userId: user.id, action: "read", entity: "participant", entityId: participant.id, participantId: participant.id });

  const today = todayInSweden();
  const withAccess = enrolments.map((enrolment) => ({
    enrolment,
    access: { editable: canWorkWithEnrolment(user, enrolment), seesFov: canSeeFovAnswers(user, enrolment) },
  }));
  const { timeline, counts } = journalTimeline(withAccess, consents, query.filter);
  const latest = enrolments[0] ?? null;
  const editing = query.edit ? editView(withAccess, query.edit) : null;
  return {
    participant: { id: participant.id, code: participant.code, name: participant.name, version: String(participant.version) },
    today,
    current: latest ? currentEnrolment(user, latest, today) : null,
    enrolments: enrolments.map(enrolmentSummary),
    timeline,
    counts,
    filter: query.filter,
    editing,
    /** An edit link to something gone, or not this user's to edit. */
    editMissing: query.edit !== null && editing === null,
    /** A re-enrolment form starts from the latest enrolment's answers. */
    enrolmentDefaults: latest
      ? { insatsId: latest.insatsId, kommunId: latest.kommunId, referrerId: latest.referrerId, gender: latest.gender, ageGroupId: latest.ageGroupId }
      : null,
    trappan: latest ? trappanSeries(latest) : null,
    skapa: latest ? skapaComparison(latest) : null,
    options,
  };
}

export type JournalView = Awaited<ReturnType<typeof loadJournal>>;
export type JournalOptions = JournalView["options"];
export type CurrentEnrolment = NonNullable<JournalView["current"]>;
