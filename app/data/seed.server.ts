// The demo förbund of a fresh install, and the bulk writer that the demo and the benchmark share.
import { randomBytes } from "node:crypto";
import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/permissions";
import type { GoalMetric } from "~/domain/goals";
import { shiftYears, todayInSweden } from "~/domain/period";
import { Prisma } from "~/generated/prisma/client";
import { countEvents, generateDemoData, type DemoData } from "../../prisma/seed/generate";
import { prisma, type Tx } from "./db.server";
import { ensureInsatsInstruments, ensureReferenceData } from "./setup.server";

export const DEMO_PASSWORD = "stegvis-demo";
export const DEMO_ORGANISATION_NAME = "Demoförbundet (demodata)";
export const DEMO_KOMMUNER = ["Ljungby", "Markaryd", "Älmhult"] as const;
export const DEMO_INSATSER = ["SamSteg", "Samverkansteam"] as const;
/** Fixed, so that every fresh install shows the same demo participants. */
export const DEMO_SEED = 20261124;
export const DEMO_PARTICIPANTS = 60;

export interface DemoLogin {
  email: string;
  role: Role;
  name: string;
  /** insats × kommun pairs the koordinator works with. */
  assignments: ReadonlyArray<{ insats: string; kommun: string }>;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    email: "koordinator@demo.stegvis.se",
    role: "koordinator",
    name: "Kim Koordinator (demo)",
    assignments: [
      { insats: "SamSteg", kommun: "Ljungby" },
      { insats: "SamSteg", kommun: "Markaryd" },
    ],
  },
  {
    email: "koordinator2@demo.stegvis.se",
    role: "koordinator",
    name: "Kajsa Koordinator (demo)",
    assignments: [
      { insats: "SamSteg", kommun: "Älmhult" },
      ...DEMO_KOMMUNER.map((kommun) => ({ insats: "Samverkansteam", kommun })),
    ],
  },
  { email: "styrgrupp@demo.stegvis.se", role: "styrgrupp", name: "Sigrid Styrgrupp (demo)", assignments: [] },
  { email: "forbundschef@demo.stegvis.se", role: "forbundschef", name: "Frida Förbundschef (demo)", assignments: [] },
];

// Goals like Värend's: every participant offered SKAPA, half of them progressing, and so on.
const DEMO_TARGETS: ReadonlyArray<{ metric: GoalMetric; value: number }> = [
  { metric: "trappan_share", value: 0.8 },
  { metric: "skapa_offered_share", value: 1.0 },
  { metric: "skapa_progressed_share", value: 0.5 },
  { metric: "new_enrolments", value: 40 },
  { metric: "closed_with_plan_share", value: 1.0 },
];

const TRANSACTION_OPTIONS = { timeout: 600_000, maxWait: 60_000 } as const;
const MAX_BOUND_VALUES = 30_000;

/**
 * Fills an empty database with the demo förbund. Does nothing (returns null) when any
 * organisation exists, so a real install is never touched.
 */
export async function seedDemo(
  options: { today?: string } = {},
): Promise<{ organisationId: string; logins: { email: string; role: Role }[] } | null> {
  if ((await prisma.organisation.count()) > 0) return null;
  const today = options.today ?? todayInSweden();
  // scrypt is deliberately slow: one hash, shared by every demo user.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  try {
    const organisationId = await prisma.$transaction(async (tx) => {
      // Checked again inside the transaction: two processes may start at the same time.
      if ((await tx.organisation.count()) > 0) return null;
      // The demo signs in with the password alone (README): no role is required to use two-factor sign-in.
      const org = await tx.organisation.create({ data: { name: DEMO_ORGANISATION_NAME, isDemo: true, twoFactorRoles: "" } });
      await ensureReferenceData(org.id, tx);

      const kommunIds = new Map<string, string>();
      for (const name of DEMO_KOMMUNER) {
        const kommun = await tx.kommun.create({ data: { organisationId: org.id, name } });
        kommunIds.set(name, kommun.id);
      }
      const insatsIds = new Map<string, string>();
      const startDate = shiftYears(today, -2);
      for (const name of DEMO_INSATSER) {
        const insats = await tx.insats.create({ data: { organisationId: org.id, name, startDate } });
        insatsIds.set(name, insats.id);
        await ensureInsatsInstruments(insats.id, tx);
        await tx.insatsTarget.createMany({ data: DEMO_TARGETS.map((t) => ({ insatsId: insats.id, ...t })) });
      }

      for (const login of DEMO_LOGINS) {
        await tx.user.create({
          data: {
            organisationId: org.id,
            email: login.email,
            name: login.name,
            role: login.role,
            passwordHash,
            assignments: {
              create: login.assignments.map((a) => ({
                insatsId: insatsIds.get(a.insats)!,
                kommunId: kommunIds.get(a.kommun)!,
              })),
            },
          },
        });
      }

      const data = generateDemoData({
        participants: DEMO_PARTICIPANTS,
        seed: DEMO_SEED,
        today,
        kommuner: DEMO_KOMMUNER,
        insatser: DEMO_INSATSER,
      });
      await writeGeneratedData(org.id, data, tx);
      return org.id;
    }, TRANSACTION_OPTIONS);
    if (!organisationId) return null;
    return { organisationId, logins: DEMO_LOGINS.map(({ email, role }) => ({ email, role })) };
  } catch (error) {
    // Another process created the demo förbund first (unique organisation name).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

export interface WriteSummary {
  participants: number;
  enrolments: number;
  events: number;
}

/**
 * Writes generated records into a förbund: resolves labels to ids (creating missing kommuner,
 * insatser and remittenter), sets each enrolment's koordinator from the assignments of its
 * insats × kommun, and bulk-inserts everything in one transaction (the caller's, when given). The reference lists
 * (age groups, closure reasons, activity and support types, income sources) must exist.
 */
export async function writeGeneratedData(organisationId: string, data: DemoData, tx?: Tx): Promise<WriteSummary> {
  if (!tx) return prisma.$transaction((inner) => writeGeneratedData(organisationId, data, inner), TRANSACTION_OPTIONS);

  const refs = await resolveReferences(organisationId, data, tx);
  // Generated ids repeat between runs; a per-run prefix keeps them unique in the database.
  const run = randomBytes(4).toString("hex");
  const id = (generated: string) => `${run}-${generated}`;
  const optionalId = (generated: string | null) => (generated === null ? null : id(generated));
  const enrolmentInsats = new Map<string, string>();
  for (const e of data.enrolments) enrolmentInsats.set(e.id, refs.insats(e.insats));

  const now = new Date();
  const stamped = { createdAt: now };
  await bulkInsert(
    tx,
    "Participant",
    data.participants.map((p) => ({ id: id(p.id), organisationId, code: p.code, name: p.name, ...stamped })),
  );
  await bulkInsert(
    tx,
    "Consent",
    data.consents.map((c) => ({
      id: id(c.id),
      participantId: id(c.participantId),
      givenDate: c.givenDate,
      coversSharing: c.coversSharing,
      coversStatistics: c.coversStatistics,
      ...stamped,
    })),
  );
  await bulkInsert(
    tx,
    "Referral",
    data.referrals.map((r) => ({
      id: id(r.id),
      organisationId,
      date: r.date,
      referrerId: refs.referrer(r.referrer),
      kommunId: refs.kommun(r.kommun),
      insatsId: refs.insats(r.insats),
      decision: r.decision,
      participantId: optionalId(r.participantId),
      ...stamped,
    })),
  );
  await bulkInsert(
    tx,
    "StudyVisit",
    data.studyVisits.map((v) => ({
      id: id(v.id),
      organisationId,
      date: v.date,
      kommunId: refs.kommun(v.kommun),
      insatsId: refs.insats(v.insats),
      participantId: optionalId(v.participantId),
      ...stamped,
    })),
  );
  await bulkInsert(
    tx,
    "Enrolment",
    data.enrolments.map((e) => {
      const insatsId = refs.insats(e.insats);
      const kommunId = refs.kommun(e.kommun);
      return {
        id: id(e.id),
        organisationId,
        participantId: id(e.participantId),
        insatsId,
        kommunId,
        coordinatorId: refs.coordinator(insatsId, kommunId),
        referrerId: refs.referrer(e.referrer),
        gender: e.gender,
        ageGroupId: refs.ageGroup(e.ageGroup),
        incomeStartId: refs.income(e.incomeStart),
        enrolledDate: e.enrolledDate,
        closedDate: e.closedDate,
        closureReasonId: e.closureReason === null ? null : refs.closureReason(e.closureReason),
        incomeEndId: e.incomeEnd === null ? null : refs.income(e.incomeEnd),
        planAfterClosure: e.planAfterClosure,
        surveySupport: e.surveySupport,
        surveyInfluence: e.surveyInfluence,
        surveyReadiness: e.surveyReadiness,
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
  await bulkInsert(
    tx,
    "TrappanPlacement",
    data.placements.map((p) => ({
      id: id(p.id),
      enrolmentId: id(p.enrolmentId),
      date: p.date,
      step: p.step,
      motivation: p.motivation,
      ...stamped,
    })),
  );
  await bulkInsert(
    tx,
    "SkapaOffer",
    data.skapaOffers.map((o) => ({ id: id(o.id), enrolmentId: id(o.enrolmentId), date: o.date, ...stamped })),
  );
  await bulkInsert(
    tx,
    "SkapaAssessment",
    data.assessments.map((a) => ({ id: id(a.id), enrolmentId: id(a.enrolmentId), date: a.date, ...stamped })),
  );
  await bulkInsert(
    tx,
    "SkapaScore",
    data.assessments.flatMap((a) => {
      const insatsId = enrolmentInsats.get(a.enrolmentId)!;
      return a.scores.map((score, index) => ({
        id: id(`${a.id}-${index}`),
        assessmentId: id(a.id),
        areaId: refs.skapaArea(insatsId, score.area),
        participantScore: score.participantScore,
        coordinatorScore: score.coordinatorScore,
      }));
    }),
  );
  await bulkInsert(
    tx,
    "Activity",
    data.activities.map((a) => ({
      id: id(a.id),
      enrolmentId: id(a.enrolmentId),
      date: a.date,
      activityTypeId: refs.activityType(a.type),
      minutes: a.minutes,
      ...stamped,
    })),
  );
  await bulkInsert(
    tx,
    "SupportIntervention",
    data.support.map((s) => ({
      id: id(s.id),
      enrolmentId: id(s.enrolmentId),
      date: s.date,
      supportTypeId: refs.supportType(s.type),
      raisesActivityLevel: s.raisesActivityLevel,
      ...stamped,
    })),
  );
  await bulkInsert(
    tx,
    "IncomeChange",
    data.incomeChanges.map((c) => ({
      id: id(c.id),
      enrolmentId: id(c.enrolmentId),
      date: c.date,
      incomeSourceId: refs.income(c.incomeSource),
      ...stamped,
    })),
  );
  await bulkInsert(
    tx,
    "FovScreening",
    data.fovScreenings.map((f) => ({
      id: id(f.id),
      enrolmentId: id(f.enrolmentId),
      date: f.date,
      outcome: f.outcome,
      notAskedReason: f.notAskedReason,
      supportOffered: f.supportOffered,
      ...stamped,
    })),
  );

  return {
    participants: data.participants.length,
    enrolments: data.enrolments.length,
    events: countEvents(data),
  };
}

/**
 * Multi-row INSERTs. Prisma's createMany costs about ten times as much per row here (27 s
 * instead of 3 s for the 10,000-participant benchmark), so the bulk path writes plain SQL; the
 * Prisma.sql template keeps the placeholders right for SQLite and PostgreSQL alike. Table and
 * column names come from this module, never from input. Every row of one call has the same keys.
 */
async function bulkInsert(tx: Tx, table: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const into = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (`;
  // SQLite allows 32,766 bound values per statement, PostgreSQL 65,535.
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_VALUES / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    // One flat Sql object (text pieces between the values) is much cheaper than nested joins.
    const strings: string[] = [into];
    const values: unknown[] = [];
    chunk.forEach((row, index) => {
      if (index > 0) strings[strings.length - 1] += "), (";
      columns.forEach((column, c) => {
        values.push(row[column]);
        strings.push(c === columns.length - 1 ? "" : ", ");
      });
    });
    strings[strings.length - 1] += ")";
    await tx.$executeRaw(new Prisma.Sql(strings, values as Prisma.Sql["values"]));
  }
}

type Lookup = (label: string) => string;

interface References {
  kommun: Lookup;
  insats: Lookup;
  referrer: Lookup;
  ageGroup: Lookup;
  closureReason: Lookup;
  income: Lookup;
  activityType: Lookup;
  supportType: Lookup;
  skapaArea: (insatsId: string, label: string) => string;
  coordinator: (insatsId: string, kommunId: string) => string | null;
}

function lookup(rows: ReadonlyArray<{ id: string; label: string }>, what: string): Lookup {
  const ids = new Map(rows.map((row) => [row.label, row.id]));
  return (label) => {
    const found = ids.get(label);
    if (found === undefined) throw new Error(`Demo data refers to ${what} "${label}", which the förbund does not have`);
    return found;
  };
}

/** Names the generator used that the förbund lacks; created here because they are free-form. */
async function createMissingByName(
  names: Iterable<string>,
  existing: Promise<{ name: string }[]>,
  create: (missing: string[]) => Promise<unknown>,
): Promise<void> {
  const have = new Set((await existing).map((row) => row.name));
  const missing = [...new Set(names)].filter((name) => !have.has(name));
  if (missing.length) await create(missing);
}

async function resolveReferences(organisationId: string, data: DemoData, tx: Tx): Promise<References> {
  const org = { organisationId };
  const intake = [...data.enrolments, ...data.referrals, ...data.studyVisits];

  await createMissingByName(
    intake.map((row) => row.kommun),
    tx.kommun.findMany({ where: org, select: { name: true } }),
    (names) => tx.kommun.createMany({ data: names.map((name) => ({ ...org, name })) }),
  );
  const insatsNamesBefore = new Set((await tx.insats.findMany({ where: org, select: { name: true } })).map((i) => i.name));
  await createMissingByName(
    intake.map((row) => row.insats),
    Promise.resolve([...insatsNamesBefore].map((name) => ({ name }))),
    (names) => tx.insats.createMany({ data: names.map((name) => ({ ...org, name })) }),
  );
  await createMissingByName(
    [...data.enrolments.map((e) => e.referrer), ...data.referrals.map((r) => r.referrer)],
    tx.referrer.findMany({ where: org, select: { name: true } }),
    (names) => tx.referrer.createMany({ data: names.map((name) => ({ ...org, name })) }),
  );

  const insatser = await tx.insats.findMany({ where: org, select: { id: true, name: true } });
  for (const insats of insatser) if (!insatsNamesBefore.has(insats.name)) await ensureInsatsInstruments(insats.id, tx);
  const named = (rows: { id: string; name: string }[]) => rows.map((row) => ({ id: row.id, label: row.name }));

  const [kommuner, referrers, ageGroups, closureReasons, incomeSources, activityTypes, supportTypes, areas, assignments] =
    await Promise.all([
      tx.kommun.findMany({ where: org, select: { id: true, name: true } }),
      tx.referrer.findMany({ where: org, select: { id: true, name: true } }),
      tx.ageGroup.findMany({ where: org, select: { id: true, label: true } }),
      tx.closureReason.findMany({ where: org, select: { id: true, label: true } }),
      tx.incomeSource.findMany({ where: org, select: { id: true, label: true } }),
      tx.activityType.findMany({ where: org, select: { id: true, label: true } }),
      tx.supportType.findMany({ where: org, select: { id: true, label: true } }),
      tx.skapaArea.findMany({ where: { insats: org, retired: false }, select: { id: true, label: true, insatsId: true } }),
      tx.assignment.findMany({
        where: { user: { ...org, role: "koordinator", active: true } },
        select: { insatsId: true, kommunId: true, userId: true },
        orderBy: { user: { email: "asc" } },
      }),
    ]);

  const areaIds = new Map(areas.map((a) => [`${a.insatsId}\u0000${a.label}`, a.id]));
  const coordinators = new Map<string, string>();
  for (const a of assignments) {
    const key = `${a.insatsId}\u0000${a.kommunId}`;
    if (!coordinators.has(key)) coordinators.set(key, a.userId);
  }

  return {
    kommun: lookup(named(kommuner), "kommun"),
    insats: lookup(named(insatser), "insats"),
    referrer: lookup(named(referrers), "remittent"),
    ageGroup: lookup(ageGroups, "åldersgrupp"),
    closureReason: lookup(closureReasons, "avslutsorsak"),
    income: lookup(incomeSources, "försörjning"),
    activityType: lookup(activityTypes, "aktivitetstyp"),
    supportType: lookup(supportTypes, "stödinsatstyp"),
    skapaArea: (insatsId, label) => {
      const found = areaIds.get(`${insatsId}\u0000${label}`);
      if (found === undefined) throw new Error(`Demo data refers to SKAPA area "${label}", which the insats does not have`);
      return found;
    },
    coordinator: (insatsId, kommunId) => coordinators.get(`${insatsId}\u0000${kommunId}`) ?? null,
  };
}

/** Goal targets for one insats of generated data (the benchmark's förbund). */
export async function addInsatsTargets(organisationId: string, insatsName: string, targets: ReadonlyArray<{ metric: GoalMetric; value: number }>): Promise<void> {
  const insats = await prisma.insats.findUniqueOrThrow({ where: { organisationId_name: { organisationId, name: insatsName } }, select: { id: true } });
  await prisma.insatsTarget.createMany({ data: targets.map((target) => ({ insatsId: insats.id, ...target })) });
}
