// Enrolment: the first one after a referral, or a re-enrolment after an earlier one was closed
// (a new row with its own history). The date rules are domain/enrolment-dates.ts; this module
// words them for the person filling in the form.
import type { CurrentUser } from "~/auth/guards.server";
import type { Assignment } from "~/auth/permissions";
import { consentProblem, overlapProblem, type EnrolmentDateProblem, type EnrolmentSpan } from "~/domain/enrolment-dates";
import { maxDate } from "~/domain/period";
import type { EnrolmentInput } from "~/schemas/participants";
import { formatDate } from "~/utils/format";
import { fieldRefused, formRefused, ok, refusable, refuse, type Refused, type WriteResult } from "~/utils/write-result";
import { participantAccess } from "./access.server";
import { audit } from "./audit.server";
import { prisma, type Tx } from "./db.server";
import { byLabel, checkInsatsKommun, futureDateRefusal, intakeOptions, type IntakeOptions, type Option } from "./scope.server";

export interface EnrolmentFormOptions extends IntakeOptions {
  /** Active koordinatorer with the pairs they work in, so the form can offer the right ones. */
  coordinators: Array<Option & { pairs: Assignment[] }>;
  ageGroups: Option[];
  incomeSources: Option[];
  /** The Trappan labels of each insats (the numbers stay 1–6). */
  trappanSteps: Record<string, Array<{ step: number; label: string }>>;
}

export async function enrolmentFormOptions(user: CurrentUser): Promise<EnrolmentFormOptions> {
  const { organisationId } = user;
  const [intake, coordinators, ageGroups, incomeSources, steps] = await Promise.all([
    intakeOptions(user),
    prisma.user.findMany({
      where: { organisationId, role: "koordinator", active: true },
      select: { id: true, name: true, assignments: { select: { insatsId: true, kommunId: true } } },
    }),
    prisma.ageGroup.findMany({ where: { organisationId }, orderBy: [{ sortOrder: "asc" }, { minAge: "asc" }], select: { id: true, label: true } }),
    prisma.incomeSource.findMany({ where: { organisationId }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, label: true } }),
    prisma.trappanStep.findMany({ where: { insats: { organisationId } }, orderBy: { step: "asc" }, select: { insatsId: true, step: true, label: true } }),
  ]);
  const trappanSteps: EnrolmentFormOptions["trappanSteps"] = {};
  for (const { insatsId, step, label } of steps) (trappanSteps[insatsId] ??= []).push({ step, label });
  return {
    ...intake,
    coordinators: coordinators
      .map((coordinator) => ({ value: coordinator.id, label: coordinator.name, pairs: coordinator.assignments }))
      .sort(byLabel),
    ageGroups: ageGroups.map((row) => ({ value: row.id, label: row.label })),
    incomeSources: incomeSources.map((row) => ({ value: row.id, label: row.label })),
    trappanSteps,
  };
}

/** Refuses a koordinator that is not an active koordinator of the förbund working in the pair. */
async function checkCoordinator(tx: Tx, organisationId: string, input: EnrolmentInput): Promise<void> {
  if (!input.coordinatorId) return;
  const coordinator = await tx.user.findFirst({
    where: { id: input.coordinatorId, organisationId, role: "koordinator", active: true },
    select: { assignments: { where: { insatsId: input.insatsId, kommunId: input.kommunId }, select: { id: true } } },
  });
  if (!coordinator) refuse(fieldRefused("coordinatorId", "Välj en koordinator i listan."));
  if (!coordinator.assignments.length) refuse(fieldRefused("coordinatorId", "Koordinatorn arbetar inte med vald insats i vald kommun."));
}

const ALREADY_OPEN = "Deltagaren har redan en pågående inskrivning. Avsluta den innan en ny inskrivning görs.";

/** A date problem of a new (open) enrolment, in the words of the enrolment form. */
function enrolmentDateRefusal(problem: EnrolmentDateProblem, enrolledDate: string, others: readonly EnrolmentSpan[]): Refused {
  if (problem.code === "no-consent") return formRefused("Samtycke saknas. Registrera samtycket innan deltagaren skrivs in.");
  if (problem.code === "before-consent") {
    return fieldRefused("enrolledDate", `Inskrivningsdatum kan inte vara före samtycket (${formatDate(problem.consentDate)}).`);
  }
  if (problem.code !== "overlap" && problem.code !== "same-day-re-enrolment") throw new Error(`Not a problem of a new enrolment: ${problem.code}`);
  // A new enrolment is open, so it clashes with every enrolment that closes on or after its date.
  if (others.some((other) => other.closedDate === null)) return formRefused(ALREADY_OPEN);
  const [first, ...rest] = others.map((other) => other.closedDate as string);
  const lastClosed = maxDate(first, ...rest);
  return fieldRefused(
    "enrolledDate",
    enrolledDate < lastClosed
      ? `Inskrivningsdatum kan inte vara före förra inskrivningens avslut (${formatDate(lastClosed)}).`
      : `Inskrivningsdatum måste vara efter förra inskrivningens avslut (${formatDate(lastClosed)}). En deltagare kan inte ha två inskrivningar samma dag.`,
  );
}

/** The dates an enrolment must respect: consent first, and after every earlier enrolment has closed. */
async function checkEnrolmentDates(tx: Tx, participantId: string, enrolledDate: string): Promise<void> {
  const consent = await tx.consent.findFirst({
    where: { participantId, withdrawnDate: null },
    orderBy: { givenDate: "desc" },
    select: { givenDate: true },
  });
  const others = await tx.enrolment.findMany({ where: { participantId }, select: { enrolledDate: true, closedDate: true } });
  const problem = consentProblem(enrolledDate, consent?.givenDate ?? null) ?? overlapProblem({ enrolledDate, closedDate: null }, others);
  if (problem) refuse(enrolmentDateRefusal(problem, enrolledDate, others));
}

/**
 * Enrols a participant who has consent. Refuses with field messages and writes nothing when an
 * id is not the förbund's, the pair is outside a koordinator's assignments, or the dates do not
 * fit; a participant the user may not work with is "gone" or "forbidden".
 */
export async function createEnrolment(user: CurrentUser, participantId: string, input: EnrolmentInput): Promise<WriteResult<{ enrolmentId: string }>> {
  const access = await participantAccess(user, participantId);
  if (!access.ok) return access;
  const { participant } = access;
  const future = futureDateRefusal("enrolledDate", "Inskrivningsdatum", input.enrolledDate);
  if (future) return future;
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const { insatsId, kommunId, referrerId, ageGroupId, incomeStartId } = input;
      await checkInsatsKommun(tx, user, { insatsId, kommunId, referrerId, ageGroupId, incomeStartId });
      await checkCoordinator(tx, user.organisationId, input);
      await checkEnrolmentDates(tx, participant.id, input.enrolledDate);

      const enrolment = await tx.enrolment.create({
        data: {
          organisationId: user.organisationId,
          participantId: participant.id,
          insatsId, kommunId, referrerId, ageGroupId, incomeStartId,
          coordinatorId: input.coordinatorId,
          gender: input.gender,
          enrolledDate: input.enrolledDate,
        },
        select: { id: true },
      });
      const entry = { organisationId: user.organisationId, userId: user.id, participantId: participant.id };
      await audit({ ...entry, action: "create", entity: "enrolment", entityId: enrolment.id }, tx);
      if (input.firstStep) {
        const placement = await tx.trappanPlacement.create({
          data: { enrolmentId: enrolment.id, date: input.enrolledDate, step: input.firstStep },
          select: { id: true },
        });
        await audit({ ...entry, action: "create", entity: "trappan-placement", entityId: placement.id }, tx);
      }
      await markReferralsEnrolled(tx, user, participant.id);
      return ok({ enrolmentId: enrolment.id });
    }),
  );
}

/** The undecided referrals of the person were evidently decided "inskriven". */
async function markReferralsEnrolled(tx: Tx, user: CurrentUser, participantId: string): Promise<void> {
  const undecided = await tx.referral.findMany({ where: { participantId, decision: null }, select: { id: true } });
  for (const { id } of undecided) {
    await tx.referral.update({ where: { id }, data: { decision: "inskriven", version: { increment: 1 } } });
    await audit(
      { organisationId: user.organisationId, userId: user.id, action: "update", entity: "referral", entityId: id, participantId, detail: "ändrat: beslut" },
      tx,
    );
  }
}
