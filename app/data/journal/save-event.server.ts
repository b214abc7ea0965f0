// How every journal event is added or edited: resolve the ids the form sent, check the date
// against the enrolment, run the kind's own checks, write the event and its audit entry, all in
// one transaction. Ids from forms are checked with access.server.ts: an event id is loaded
// within the förbund, then its enrolment is checked like any other.
import type { CurrentUser } from "~/auth/guards.server";
import { eventDateProblem } from "~/domain/enrolment-dates";
import { conflict, fieldRefused, gone, ok, refusable, refuse, type WriteResult } from "~/utils/write-result";
import { enrolmentAccess, type AccessibleEnrolment, type AccessibleParticipant } from "../access.server";
import { audit, changedFields } from "../audit.server";
import { prisma, type Tx } from "../db.server";
import { dateProblemMessage } from "./date-messages";
import type { EventStore, Fields, StoredEvent } from "./event-stores.server";

export const EVENT_GONE = "Händelsen finns inte längre – den kan ha tagits bort av någon annan. Ladda om sidan.";
export const ENROLMENT_GONE = "Inskrivningen finns inte.";

export interface Target<F extends Fields> {
  enrolment: AccessibleEnrolment;
  /** The event being edited; absent when the form adds a new one. */
  existing: StoredEvent<F> | null;
}

/** Which record a form writes: an event (`eventId` and its `version`), or a new one in `enrolmentId`. */
export interface TargetInput {
  eventId?: string;
  version?: string;
  enrolmentId?: string;
}

/** The user's enrolment, if it is this participant's. */
export async function participantEnrolment(user: CurrentUser, participant: AccessibleParticipant, enrolmentId: string, goneMessage = ENROLMENT_GONE) {
  const access = await enrolmentAccess(user, enrolmentId);
  if (!access.ok) return access;
  return access.enrolment.participantId === participant.id ? access : gone(goneMessage);
}

/**
 * Resolves the ids a form sent. The event, or the enrolment, must belong to the participant of
 * the page; a koordinator outside the enrolment's scope is refused by enrolmentAccess (403).
 */
export async function resolveTarget<F extends Fields>(
  user: CurrentUser,
  participant: AccessibleParticipant,
  store: EventStore<F>,
  input: TargetInput,
): Promise<WriteResult<Target<F>>> {
  if (!input.eventId) {
    if (!input.enrolmentId) return gone(ENROLMENT_GONE);
    const access = await participantEnrolment(user, participant, input.enrolmentId);
    return access.ok ? ok({ enrolment: access.enrolment, existing: null }) : access;
  }
  const existing = await store.find(prisma, input.eventId, user.organisationId);
  if (!existing) return gone(EVENT_GONE);
  const access = await participantEnrolment(user, participant, existing.enrolmentId, EVENT_GONE);
  if (!access.ok) return access;
  if (input.version !== existing.version) return conflict();
  return ok({ enrolment: access.enrolment, existing });
}

/** The names of the fields a new record was given: what a "create" audit entry records. */
export function givenFields(fields: Fields): string {
  return Object.keys(fields)
    .filter((key) => fields[key] !== null)
    .join(", ");
}

/** Refuses `field` unless the förbund's list has the chosen row. */
export async function requireListed(found: Promise<unknown>, field: string, message: string): Promise<void> {
  if (!(await found)) refuse(fieldRefused(field, message));
}

export interface SaveOptions<F extends Fields> {
  /** Checks that need the database, inside the transaction, before anything is written; `refuse` stops the save. */
  check?: (tx: Tx, target: Target<F>) => Promise<void>;
  /** Further writes in the same transaction, after the event itself. */
  after?: (tx: Tx, eventId: string, target: Target<F>) => Promise<void>;
}

/**
 * Adds or edits one event: the date must lie within the enrolment (read again inside the
 * transaction, so a closure saved meanwhile counts), then the kind's own checks, then the write
 * and its audit entry. A refusal rolls back everything.
 */
export async function saveEvent<F extends Fields & { date: string }>(
  user: CurrentUser,
  participant: AccessibleParticipant,
  store: EventStore<F>,
  input: TargetInput,
  fields: F,
  options: SaveOptions<F> = {},
): Promise<WriteResult> {
  const target = await resolveTarget(user, participant, store, input);
  if (!target.ok) return target;
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const span = await tx.enrolment.findUniqueOrThrow({ where: { id: target.enrolment.id }, select: { enrolledDate: true, closedDate: true } });
      const problem = eventDateProblem(fields.date, span);
      if (problem) refuse(fieldRefused("date", dateProblemMessage(problem)));
      await options.check?.(tx, target);
      const entry = { organisationId: user.organisationId, userId: user.id, entity: store.entity, participantId: participant.id };
      let eventId: string;
      if (target.existing) {
        eventId = target.existing.id;
        if (!(await store.update(tx, eventId, target.existing.version, fields))) refuse(conflict());
        const changed = changedFields(target.existing.fields, fields);
        await audit({ ...entry, action: "update", entityId: eventId, detail: `ändrat: ${changed.join(", ") || "inget"}` }, tx);
      } else {
        eventId = await store.create(tx, target.enrolment.id, fields);
        await audit({ ...entry, action: "create", entityId: eventId, detail: `fält: ${givenFields(fields)}` }, tx);
      }
      await options.after?.(tx, eventId, target);
      return ok();
    }),
  );
}
