// The participant page's writes, one per form (the closure's are in closure.server.ts). Each
// answers a WriteResult; a refusal inside the transaction rolls back everything it had begun.
import type { CurrentUser } from "~/auth/guards.server";
import { canSeeFovAnswers } from "~/auth/permissions";
import {
  MOTIVATION_REQUIRED,
  type ActivityInput,
  type DeleteEventInput,
  type FovInput,
  type IncomeChangeInput,
  type MeetingInput,
  type PlacementInput,
  type SkapaAssessmentInput,
  type SkapaInstrument,
  type SkapaOfferInput,
  type SupportInput,
} from "~/schemas/journal";
import { conflict, fieldRefused, forbiddenWrite, ok, refusable, refuse, type WriteResult } from "~/utils/write-result";
import type { AccessibleParticipant } from "../access.server";
import { audit } from "../audit.server";
import { isUniqueViolation, prisma, type Tx } from "../db.server";
import { reopenEnrolment } from "./closure.server";
import {
  activityStore,
  assessmentStore,
  fovStore,
  incomeStore,
  offerStore,
  placementStore,
  STORES,
  supportStore,
  type ActivityFields,
  type EventStore,
  type Fields,
  type FovFields,
  type PlacementFields,
  type SupportFields,
} from "./event-stores.server";
import { givenFields, requireListed, resolveTarget, saveEvent, type TargetInput } from "./save-event.server";

/**
 * One placement per enrolment and date (the statistics take "the latest placement"), and a
 * different step than the placement before it needs a motivation.
 */
async function checkPlacement(tx: Tx, enrolmentId: string, placement: PlacementFields, exceptId: string | null, dateField = "date"): Promise<void> {
  const others = { enrolmentId, ...(exceptId ? { id: { not: exceptId } } : {}) };
  if (await tx.trappanPlacement.findFirst({ where: { ...others, date: placement.date }, select: { id: true } })) {
    refuse(fieldRefused(dateField, "Det finns redan en Trappan-placering detta datum – ändra den i stället."));
  }
  const previous = await tx.trappanPlacement.findFirst({
    where: { ...others, date: { lt: placement.date } },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: { step: true },
  });
  if (previous && previous.step !== placement.step && !placement.motivation) refuse(fieldRefused("motivation", MOTIVATION_REQUIRED));
}

/** The type's own "höjd aktivitetsnivå" unless the form said otherwise. */
async function supportTypeDefault(tx: Tx, organisationId: string, supportTypeId: string, field: string): Promise<boolean> {
  const type = await tx.supportType.findFirst({ where: { id: supportTypeId, organisationId }, select: { raisesActivityLevel: true } });
  if (!type) refuse(fieldRefused(field, "Välj en stödinsats ur listan."));
  return type.raisesActivityLevel;
}

const activityTypeListed = (tx: Tx, organisationId: string, id: string) =>
  requireListed(tx.activityType.findFirst({ where: { id, organisationId }, select: { id: true } }), "activityTypeId", "Välj typ av möte eller aktivitet ur listan.");

/** "Logga möte": the meeting, and optionally a placement and a stödinsats on its date, together. */
export async function logMeeting(user: CurrentUser, participant: AccessibleParticipant, input: MeetingInput): Promise<WriteResult> {
  const fields: ActivityFields = { date: input.date, activityTypeId: input.activityTypeId, minutes: input.minutes, note: input.note };
  const placement: PlacementFields | null = input.step === null ? null : { date: input.date, step: input.step, motivation: input.motivation };
  let raises = input.supportRaisesActivityLevel;
  const entry = { organisationId: user.organisationId, userId: user.id, participantId: participant.id, action: "create" as const };
  const created = async <F extends Fields>(tx: Tx, store: EventStore<F>, enrolmentId: string, row: F) => {
    const id = await store.create(tx, enrolmentId, row);
    await audit({ ...entry, entity: store.entity, entityId: id, detail: `fält: ${givenFields(row)}` }, tx);
  };
  // A meeting is always new: editing one is the "activity" form.
  return saveEvent(user, participant, activityStore, { enrolmentId: input.enrolmentId }, fields, {
    check: async (tx, target) => {
      await activityTypeListed(tx, user.organisationId, input.activityTypeId);
      if (placement) await checkPlacement(tx, target.enrolment.id, placement, null, "step");
      if (input.supportTypeId) raises ??= await supportTypeDefault(tx, user.organisationId, input.supportTypeId, "supportTypeId");
    },
    after: async (tx, _eventId, target) => {
      if (placement) await created(tx, placementStore, target.enrolment.id, placement);
      if (input.supportTypeId) {
        const support: SupportFields = { date: input.date, supportTypeId: input.supportTypeId, raisesActivityLevel: raises ?? false, note: null };
        await created(tx, supportStore, target.enrolment.id, support);
      }
    },
  });
}

export async function saveActivity(user: CurrentUser, participant: AccessibleParticipant, input: ActivityInput): Promise<WriteResult> {
  const fields: ActivityFields = { date: input.date, activityTypeId: input.activityTypeId, minutes: input.minutes, note: input.note };
  return saveEvent(user, participant, activityStore, input, fields, {
    check: (tx) => activityTypeListed(tx, user.organisationId, input.activityTypeId),
  });
}

export async function savePlacement(user: CurrentUser, participant: AccessibleParticipant, input: PlacementInput): Promise<WriteResult> {
  const fields: PlacementFields = { date: input.date, step: input.step, motivation: input.motivation };
  return saveEvent(user, participant, placementStore, input, fields, {
    check: (tx, target) => checkPlacement(tx, target.enrolment.id, fields, target.existing?.id ?? null),
  });
}

export async function saveSkapaOffer(user: CurrentUser, participant: AccessibleParticipant, input: SkapaOfferInput): Promise<WriteResult> {
  return saveEvent(user, participant, offerStore, input, { date: input.date });
}

export async function saveFovScreening(user: CurrentUser, participant: AccessibleParticipant, input: FovInput): Promise<WriteResult> {
  const fields: FovFields = { date: input.date, outcome: input.outcome, notAskedReason: input.notAskedReason, supportOffered: input.supportOffered };
  return saveEvent(user, participant, fovStore, input, fields, {
    // Changing a screening shows its answer: only those who may see answers may change them.
    check: async (_tx, target) => {
      if (target.existing && !canSeeFovAnswers(user, target.enrolment)) refuse(forbiddenWrite());
    },
  });
}

export async function saveSupport(user: CurrentUser, participant: AccessibleParticipant, input: SupportInput): Promise<WriteResult> {
  const fields: SupportFields = { date: input.date, supportTypeId: input.supportTypeId, raisesActivityLevel: input.raisesActivityLevel ?? false, note: input.note };
  return saveEvent(user, participant, supportStore, input, fields, {
    // The flag's default is the type's, known only once the type is read; saveEvent writes `fields` after the checks.
    check: async (tx) => {
      const typeDefault = await supportTypeDefault(tx, user.organisationId, input.supportTypeId, "supportTypeId");
      fields.raisesActivityLevel = input.raisesActivityLevel ?? typeDefault;
    },
  });
}

export async function saveIncomeChange(user: CurrentUser, participant: AccessibleParticipant, input: IncomeChangeInput): Promise<WriteResult> {
  return saveEvent(user, participant, incomeStore, input, { date: input.date, incomeSourceId: input.incomeSourceId }, {
    check: (tx) =>
      requireListed(
        tx.incomeSource.findFirst({ where: { id: input.incomeSourceId, organisationId: user.organisationId }, select: { id: true } }),
        "incomeSourceId",
        "Välj en försörjning ur listan.",
      ),
  });
}

/**
 * The areas and scale a SKAPA form shows: the insats's areas in use, plus, for an assessment
 * being edited, the retired areas it already has answers for (so that nothing is lost).
 */
export async function skapaInstrumentFor(user: CurrentUser, participant: AccessibleParticipant, input: TargetInput): Promise<WriteResult<{ instrument: SkapaInstrument }>> {
  const target = await resolveTarget(user, participant, assessmentStore, input);
  if (!target.ok) return target;
  const assessmentId = target.existing?.id ?? null;
  const insats = await prisma.insats.findUniqueOrThrow({
    where: { id: target.enrolment.insatsId },
    select: {
      skapaScaleMin: true,
      skapaScaleMax: true,
      skapaAreas: {
        where: { OR: [{ retired: false }, ...(assessmentId ? [{ scores: { some: { assessmentId } } }] : [])] },
        orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
        select: { id: true, label: true },
      },
    },
  });
  return ok({ instrument: { areas: insats.skapaAreas, min: insats.skapaScaleMin, max: insats.skapaScaleMax } });
}

/** All areas of the instrument at once, one assessment per enrolment and date. */
export async function saveSkapaAssessment(user: CurrentUser, participant: AccessibleParticipant, input: SkapaAssessmentInput): Promise<WriteResult> {
  const sameDate = fieldRefused("date", "Det finns redan en SKAPA-skattning detta datum – ändra den i stället.");
  try {
    return await saveEvent(user, participant, assessmentStore, input, { date: input.date }, {
      check: async (tx, target) => {
        const others = { enrolmentId: target.enrolment.id, date: input.date, ...(target.existing ? { id: { not: target.existing.id } } : {}) };
        if (await tx.skapaAssessment.findFirst({ where: others, select: { id: true } })) refuse(sameDate);
      },
      after: async (tx, assessmentId) => {
        // The form holds every area it shows; replacing those areas' scores is the whole edit.
        await tx.skapaScore.deleteMany({ where: { assessmentId, areaId: { in: input.scores.map((score) => score.areaId) } } });
        const answered = input.scores.filter((score) => score.participantScore !== null || score.coordinatorScore !== null);
        await tx.skapaScore.createMany({ data: answered.map((score) => ({ ...score, assessmentId })) });
      },
    });
  } catch (error) {
    // Two people saving the same date at once: the unique index stops the second.
    if (isUniqueViolation(error)) return sameDate;
    throw error;
  }
}

/** Deletes an event with an audit entry; deleting a closure opens the enrolment again. */
export async function deleteEvent(user: CurrentUser, participant: AccessibleParticipant, input: DeleteEventInput): Promise<WriteResult> {
  if (input.kind === "closure") return reopenEnrolment(user, participant, input);
  const store: EventStore<Fields> = STORES[input.kind];
  const target = await resolveTarget(user, participant, store, input);
  if (!target.ok) return target;
  const existing = target.existing!;
  if (input.kind === "fov" && !canSeeFovAnswers(user, target.enrolment)) return forbiddenWrite();
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      if (!(await store.remove(tx, existing.id, existing.version))) refuse(conflict());
      await audit(
        { organisationId: user.organisationId, userId: user.id, action: "delete", entity: store.entity, entityId: existing.id, participantId: participant.id, detail: `fält: ${Object.keys(existing.fields).join(", ")}` },
        tx,
      );
      return ok();
    }),
  );
}
