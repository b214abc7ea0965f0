// Closing an enrolment, correcting its closure, and removing it again. The closure is the
// enrolment's own row, so these write the enrolment with its version.
import type { CurrentUser } from "~/auth/guards.server";
import { closureProblem, overlapProblem } from "~/domain/enrolment-dates";
import type { ClosureInput, DeleteEventInput } from "~/schemas/journal";
import { conflict, fieldRefused, formRefused, gone, ok, refusable, refuse, type WriteResult } from "~/utils/write-result";
import type { AccessibleParticipant } from "../access.server";
import { audit, changedFields } from "../audit.server";
import { prisma, type Tx } from "../db.server";
import { dateProblemMessage } from "./date-messages";
import { bumped, versionNumber } from "./event-stores.server";
import { EVENT_GONE, givenFields, participantEnrolment, requireListed } from "./save-event.server";

const CLOSURE_FIELDS = ["closedDate", "closureReasonId", "incomeEndId", "planAfterClosure", "surveySupport", "surveyInfluence", "surveyReadiness"] as const;

/** The latest date of anything recorded in the enrolment: a closure may not come before it. */
async function latestEventDate(tx: Tx, enrolmentId: string): Promise<string | null> {
  const where = { enrolmentId };
  const max = { _max: { date: true } } as const;
  const dates = await Promise.all([
    tx.activity.aggregate({ where, ...max }),
    tx.trappanPlacement.aggregate({ where, ...max }),
    tx.skapaOffer.aggregate({ where, ...max }),
    tx.skapaAssessment.aggregate({ where, ...max }),
    tx.fovScreening.aggregate({ where, ...max }),
    tx.supportIntervention.aggregate({ where, ...max }),
    tx.incomeChange.aggregate({ where, ...max }),
  ]);
  return dates.map((result) => result._max.date).reduce<string | null>((latest, date) => (date && (!latest || date > latest) ? date : latest), null);
}

/** The participant's other enrolments, as date spans. */
const otherEnrolments = (tx: Tx, participantId: string, enrolmentId: string, where: { enrolledDate?: { gte: string } } = {}) =>
  tx.enrolment.findMany({ where: { participantId, id: { not: enrolmentId }, ...where }, select: { enrolledDate: true, closedDate: true } });

/**
 * Closes the enrolment, or corrects its closure; the form carries the enrolment's version. The
 * closure lies on or after the enrolment and everything recorded in it, and before the day the
 * next enrolment starts (two enrolments never share a day).
 */
export async function saveClosure(user: CurrentUser, participant: AccessibleParticipant, input: ClosureInput): Promise<WriteResult> {
  const access = await participantEnrolment(user, participant, input.enrolmentId);
  if (!access.ok) return access;
  const scope = access.enrolment;
  if (String(scope.version) !== input.version) return conflict();
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const before = await tx.enrolment.findUniqueOrThrow({
        where: { id: scope.id },
        select: {
          enrolledDate: true, closedDate: true, closureReasonId: true, incomeEndId: true, planAfterClosure: true,
          surveySupport: true, surveyInfluence: true, surveyReadiness: true,
        },
      });
      const org = user.organisationId;
      await requireListed(tx.closureReason.findFirst({ where: { id: input.closureReasonId, organisationId: org }, select: { id: true } }), "closureReasonId", "Välj en avslutsorsak ur listan.");
      await requireListed(tx.incomeSource.findFirst({ where: { id: input.incomeEndId, organisationId: org }, select: { id: true } }), "incomeEndId", "Välj en försörjning ur listan.");
      const span = { enrolledDate: before.enrolledDate, closedDate: input.date };
      const later = await otherEnrolments(tx, participant.id, scope.id, { enrolledDate: { gte: before.enrolledDate } });
      const problem = closureProblem(span, await latestEventDate(tx, scope.id)) ?? overlapProblem(span, later);
      if (problem) refuse(fieldRefused("date", dateProblemMessage(problem)));

      const after = {
        closedDate: input.date,
        closureReasonId: input.closureReasonId,
        incomeEndId: input.incomeEndId,
        planAfterClosure: input.planAfterClosure,
        surveySupport: input.surveySupport,
        surveyInfluence: input.surveyInfluence,
        surveyReadiness: input.surveyReadiness,
      };
      const written = await tx.enrolment.updateMany({ where: { id: scope.id, version: versionNumber(input.version) }, data: { ...after, ...bumped } });
      if (written.count !== 1) refuse(conflict());
      const firstClosure = before.closedDate === null;
      await audit(
        {
          organisationId: org,
          userId: user.id,
          action: "update",
          entity: "enrolment",
          entityId: scope.id,
          participantId: participant.id,
          detail: firstClosure ? `avslut: ${givenFields(after)}` : `ändrat: ${changedFields(before, after).join(", ") || "inget"}`,
        },
        tx,
      );
      return ok();
    }),
  );
}

/** Removing a closure opens the enrolment again, unless the participant has been enrolled since. */
export async function reopenEnrolment(user: CurrentUser, participant: AccessibleParticipant, input: DeleteEventInput): Promise<WriteResult> {
  const access = await participantEnrolment(user, participant, input.eventId, EVENT_GONE);
  if (!access.ok) return access;
  const scope = access.enrolment;
  if (scope.closedDate === null) return gone(EVENT_GONE);
  if (String(scope.version) !== input.version) return conflict();
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      // Open again, it would overlap any enrolment since; a shared day with an earlier one is not this change's doing.
      const reopened = { enrolledDate: scope.enrolledDate, closedDate: null };
      if (overlapProblem(reopened, await otherEnrolments(tx, participant.id, scope.id))?.code === "overlap") {
        refuse(formRefused("Deltagaren har skrivits in igen efter avslutet, så avslutet kan inte tas bort."));
      }
      const cleared = Object.fromEntries(CLOSURE_FIELDS.map((field) => [field, null]));
      const written = await tx.enrolment.updateMany({ where: { id: scope.id, version: versionNumber(input.version) }, data: { ...cleared, ...bumped } });
      if (written.count !== 1) refuse(conflict());
      await audit(
        { organisationId: user.organisationId, userId: user.id, action: "update", entity: "enrolment", entityId: scope.id, participantId: participant.id, detail: `avslut borttaget: ${CLOSURE_FIELDS.join(", ")}` },
        tx,
      );
      return ok();
    }),
  );
}
