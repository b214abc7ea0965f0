// One store per kind of journal event: the only code that knows each event table. Every edit
// and delete is a compare-and-swap on the version the form was loaded with.
import { incomeVersion } from "~/domain/journal-edit";
import type { EventKind } from "~/schemas/journal";
import type { Tx } from "../db.server";

export type Fields = Record<string, string | number | boolean | null>;

export interface StoredEvent<F extends Fields> {
  id: string;
  enrolmentId: string;
  /** What the form carries back: the version column, or the values where a table has none. */
  version: string;
  fields: F;
}

export interface EventStore<F extends Fields> {
  /** The audit log's name of the kind. */
  entity: string;
  find(db: Tx, id: string, organisationId: string): Promise<StoredEvent<F> | null>;
  create(tx: Tx, enrolmentId: string, fields: F): Promise<string>;
  /** Compare-and-swap: false when the row changed since `version` was read, or is gone. */
  update(tx: Tx, id: string, version: string, fields: F): Promise<boolean>;
  remove(tx: Tx, id: string, version: string): Promise<boolean>;
}

/** A version from a form; anything that is not a whole number matches no row. */
export const versionNumber = (version: string) => (/^\d+$/.test(version) ? Number(version) : -1);
export const bumped = { version: { increment: 1 } } as const;
const inOrganisation = (id: string, organisationId: string) => ({ id, enrolment: { organisationId } });

function stored<R extends { id: string; enrolmentId: string }, F extends Fields>(
  row: R | null,
  version: (row: R) => string,
  fields: (row: R) => F,
): StoredEvent<F> | null {
  return row ? { id: row.id, enrolmentId: row.enrolmentId, version: version(row), fields: fields(row) } : null;
}

const versionColumn = (row: { version: number }) => String(row.version);
const byVersion = (id: string, version: string) => ({ id, version: versionNumber(version) });

export type ActivityFields = { date: string; activityTypeId: string; minutes: number | null; note: string | null };
export const activityStore: EventStore<ActivityFields> = {
  entity: "activity",
  find: async (db, id, organisationId) =>
    stored(
      await db.activity.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, version: true, date: true, activityTypeId: true, minutes: true, note: true } }),
      versionColumn,
      (row) => ({ date: row.date, activityTypeId: row.activityTypeId, minutes: row.minutes, note: row.note }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.activity.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) => (await tx.activity.updateMany({ where: byVersion(id, version), data: { ...fields, ...bumped } })).count === 1,
  remove: async (tx, id, version) => (await tx.activity.deleteMany({ where: byVersion(id, version) })).count === 1,
};

export type PlacementFields = { date: string; step: number; motivation: string | null };
export const placementStore: EventStore<PlacementFields> = {
  entity: "trappan-placement",
  find: async (db, id, organisationId) =>
    stored(
      await db.trappanPlacement.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, version: true, date: true, step: true, motivation: true } }),
      versionColumn,
      (row) => ({ date: row.date, step: row.step, motivation: row.motivation }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.trappanPlacement.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) => (await tx.trappanPlacement.updateMany({ where: byVersion(id, version), data: { ...fields, ...bumped } })).count === 1,
  remove: async (tx, id, version) => (await tx.trappanPlacement.deleteMany({ where: byVersion(id, version) })).count === 1,
};

// SkapaOffer and IncomeChange have no version column: their values are the version.
type OfferFields = { date: string };
export const offerStore: EventStore<OfferFields> = {
  entity: "skapa-offer",
  find: async (db, id, organisationId) =>
    stored(
      await db.skapaOffer.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, date: true } }),
      (row) => row.date,
      (row) => ({ date: row.date }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.skapaOffer.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) => (await tx.skapaOffer.updateMany({ where: { id, date: version }, data: fields })).count === 1,
  remove: async (tx, id, version) => (await tx.skapaOffer.deleteMany({ where: { id, date: version } })).count === 1,
};

type IncomeFields = { date: string; incomeSourceId: string };
const incomeWhere = (id: string, version: string) => {
  const [date = "", incomeSourceId = ""] = version.split("|");
  return { id, date, incomeSourceId };
};
export const incomeStore: EventStore<IncomeFields> = {
  entity: "income-change",
  find: async (db, id, organisationId) =>
    stored(
      await db.incomeChange.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, date: true, incomeSourceId: true } }),
      incomeVersion,
      (row) => ({ date: row.date, incomeSourceId: row.incomeSourceId }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.incomeChange.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) => (await tx.incomeChange.updateMany({ where: incomeWhere(id, version), data: fields })).count === 1,
  remove: async (tx, id, version) => (await tx.incomeChange.deleteMany({ where: incomeWhere(id, version) })).count === 1,
};

type AssessmentFields = { date: string };
export const assessmentStore: EventStore<AssessmentFields> = {
  entity: "skapa-assessment",
  find: async (db, id, organisationId) =>
    stored(
      await db.skapaAssessment.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, version: true, date: true } }),
      versionColumn,
      (row) => ({ date: row.date }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.skapaAssessment.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) => (await tx.skapaAssessment.updateMany({ where: byVersion(id, version), data: { ...fields, ...bumped } })).count === 1,
  remove: async (tx, id, version) => (await tx.skapaAssessment.deleteMany({ where: byVersion(id, version) })).count === 1,
};

export type FovFields = { date: string; outcome: string; notAskedReason: string | null; supportOffered: boolean };
export const fovStore: EventStore<FovFields> = {
  entity: "fov-screening",
  find: async (db, id, organisationId) =>
    stored(
      await db.fovScreening.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, version: true, date: true, outcome: true, notAskedReason: true, supportOffered: true } }),
      versionColumn,
      (row) => ({ date: row.date, outcome: row.outcome, notAskedReason: row.notAskedReason, supportOffered: row.supportOffered }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.fovScreening.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) => (await tx.fovScreening.updateMany({ where: byVersion(id, version), data: { ...fields, ...bumped } })).count === 1,
  remove: async (tx, id, version) => (await tx.fovScreening.deleteMany({ where: byVersion(id, version) })).count === 1,
};

export type SupportFields = { date: string; supportTypeId: string; raisesActivityLevel: boolean; note: string | null };
export const supportStore: EventStore<SupportFields> = {
  entity: "support-intervention",
  find: async (db, id, organisationId) =>
    stored(
      await db.supportIntervention.findFirst({ where: inOrganisation(id, organisationId), select: { id: true, enrolmentId: true, version: true, date: true, supportTypeId: true, raisesActivityLevel: true, note: true } }),
      versionColumn,
      (row) => ({ date: row.date, supportTypeId: row.supportTypeId, raisesActivityLevel: row.raisesActivityLevel, note: row.note }),
    ),
  create: async (tx, enrolmentId, fields) => (await tx.supportIntervention.create({ data: { ...fields, enrolmentId }, select: { id: true } })).id,
  update: async (tx, id, version, fields) => (await tx.supportIntervention.updateMany({ where: byVersion(id, version), data: { ...fields, ...bumped } })).count === 1,
  remove: async (tx, id, version) => (await tx.supportIntervention.deleteMany({ where: byVersion(id, version) })).count === 1,
};

/** The store of every kind but the closure, which is the enrolment itself (closure.server.ts). */
export const STORES = {
  activity: activityStore,
  placement: placementStore,
  "skapa-offer": offerStore,
  "skapa-assessment": assessmentStore,
  fov: fovStore,
  support: supportStore,
  income: incomeStore,
  // Each store has its own field type; the map only checks that every kind has one.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
} satisfies Record<Exclude<EventKind, "closure">, EventStore<any>>;
