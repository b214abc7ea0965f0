// The coordinator's list of participants: one row per participant (their latest enrolment in
// the user's scope), filtered, sorted, paged and counted per filter value in SQL, so that no view
// loads every participant. The reminders are domain/follow-up-flags.ts, computed from facts the
// query gathers.
import type { CurrentUser } from "~/auth/guards.server";
import { participantScopeFilter, type Assignment } from "~/auth/permissions";
import { participantFlags, type ParticipantFlag } from "~/domain/follow-up-flags";
import { todayInSweden } from "~/domain/period";
import type { Gender } from "~/domain/reference-defaults";
import { Prisma } from "~/generated/prisma/client";
import { PAGE_SIZE, type ParticipantListQuery, type ParticipantSort } from "~/schemas/intake-lists";
import { prisma } from "./db.server";
import { auditListRead } from "./scope.server";

export interface ParticipantListRow {
  participantId: string;
  code: string | null;
  name: string | null;
  insats: string;
  kommun: string;
  coordinator: string | null;
  gender: Gender;
  ageGroup: string;
  enrolledDate: string;
  closedDate: string | null;
  currentStep: number | null;
  lastActivityDate: string | null;
  flags: ParticipantFlag[];
}

export interface ParticipantList {
  total: number;
  page: number;
  pageCount: number;
  rows: ParticipantListRow[];
  /** Counts per filter value under all the other filters: insats, kommun, status, step, gender. */
  facets: Record<"insats" | "kommun" | "status" | "step" | "gender", Record<string, number>>;
}

const sql = Prisma.sql;

/**
 * One row per participant: their latest enrolment within the user's scope, with the facts the
 * columns, filters and flags need. Computed in SQL so that filtering, sorting and paging by the
 * current step or the last activity never loads every participant.
 */
function participantRowsCte(user: CurrentUser, scope: readonly Assignment[] | null): Prisma.Sql {
  const inScope = scope === null
    ? sql`1 = 1`
    : Prisma.join(scope.map((pair) => sql`(e."insatsId" = ${pair.insatsId} AND e."kommunId" = ${pair.kommunId})`), " OR ");
  return sql`
    WITH "scoped" AS (
      SELECT e."id", e."participantId", e."insatsId", e."kommunId", e."coordinatorId", e."gender", e."ageGroupId",
             e."enrolledDate", e."closedDate",
             ROW_NUMBER() OVER (PARTITION BY e."participantId" ORDER BY e."enrolledDate" DESC, e."createdAt" DESC) AS "rank"
      FROM "Enrolment" e
      JOIN "Participant" p ON p."id" = e."participantId"
      WHERE e."organisationId" = ${user.organisationId} AND p."erasedAt" IS NULL AND (${inScope})
    ),
    "rows" AS (
      SELECT s."id" AS "enrolmentId", s."participantId", p."code", p."name", s."insatsId", s."kommunId", s."coordinatorId",
             s."gender", s."ageGroupId", s."enrolledDate", s."closedDate",
             (SELECT t."step" FROM "TrappanPlacement" t WHERE t."enrolmentId" = s."id"
               ORDER BY t."date" DESC, t."createdAt" DESC LIMIT 1) AS "currentStep",
             (SELECT MAX(t."date") FROM "TrappanPlacement" t WHERE t."enrolmentId" = s."id") AS "lastPlacementDate",
             (SELECT MAX(a."date") FROM "Activity" a WHERE a."enrolmentId" = s."id") AS "lastActivityDate",
             (SELECT MAX(a."date") FROM "Activity" a JOIN "ActivityType" k ON k."id" = a."activityTypeId"
               WHERE a."enrolmentId" = s."id" AND k."key" = 'referrer-follow-up') AS "lastFollowUpDate",
             (SELECT COUNT(*) FROM "FovScreening" f WHERE f."enrolmentId" = s."id" AND f."outcome" <> 'ej_tillfragad') AS "fovAnswers",
             (SELECT COUNT(*) FROM "SkapaOffer" o WHERE o."enrolmentId" = s."id") AS "skapaOffers"
      FROM "scoped" s
      JOIN "Participant" p ON p."id" = s."participantId"
      WHERE s."rank" = 1
    )`;
}

type Facet = keyof ParticipantList["facets"];

/** The WHERE clause of the list, leaving out one facet's own filter when counting that facet. */
function participantFilter(query: ParticipantListQuery, except?: Facet): Prisma.Sql {
  const conditions: Prisma.Sql[] = [sql`1 = 1`];
  if (except !== "status" && query.status === "aktiv") conditions.push(sql`r."closedDate" IS NULL`);
  if (except !== "status" && query.status === "avslutad") conditions.push(sql`r."closedDate" IS NOT NULL`);
  if (except !== "insats" && query.insats) conditions.push(sql`r."insatsId" = ${query.insats}`);
  if (except !== "kommun" && query.kommun) conditions.push(sql`r."kommunId" = ${query.kommun}`);
  if (except !== "gender" && query.gender) conditions.push(sql`r."gender" = ${query.gender}`);
  if (except !== "step" && query.step === "ingen") conditions.push(sql`r."currentStep" IS NULL`);
  if (except !== "step" && query.step && query.step !== "ingen") conditions.push(sql`r."currentStep" = ${Number(query.step)}`);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(sql`(r."code" LIKE ${pattern} ESCAPE '\\' OR r."name" LIKE ${pattern} ESCAPE '\\')`);
  }
  return Prisma.join(conditions, " AND ");
}

const SORT_COLUMNS: Record<ParticipantSort, Prisma.Sql> = {
  code: sql`r."code"`,
  name: sql`LOWER(r."name")`,
  enrolled: sql`r."enrolledDate"`,
  step: sql`r."currentStep"`,
  activity: sql`r."lastActivityDate"`,
};

function participantOrder(query: ParticipantListQuery): Prisma.Sql {
  const column = SORT_COLUMNS[query.sort];
  const direction = query.dir === "desc" ? sql`DESC` : sql`ASC`;
  // Empty values last in both directions (SQLite and PostgreSQL disagree on where NULL sorts).
  return sql`ORDER BY (${column} IS NULL) ASC, ${column} ${direction}, r."code" ASC, r."enrolmentId" ASC`;
}

const FACET_VALUES: Record<Facet, Prisma.Sql> = {
  insats: sql`r."insatsId"`,
  kommun: sql`r."kommunId"`,
  status: sql`CASE WHEN r."closedDate" IS NULL THEN 'aktiv' ELSE 'avslutad' END`,
  step: sql`COALESCE(CAST(r."currentStep" AS TEXT), 'ingen')`,
  gender: sql`r."gender"`,
};

async function participantFacets(cte: Prisma.Sql, query: ParticipantListQuery): Promise<ParticipantList["facets"]> {
  const facets = Object.keys(FACET_VALUES) as Facet[];
  const groups = Prisma.join(
    facets.map(
      (facet) => sql`SELECT ${facet} AS "facet", ${FACET_VALUES[facet]} AS "value", COUNT(*) AS "count"
        FROM "rows" r WHERE ${participantFilter(query, facet)} GROUP BY ${FACET_VALUES[facet]}`,
    ),
    " UNION ALL ",
  );
  const rows = await prisma.$queryRaw<Array<{ facet: Facet; value: string; count: number | bigint }>>`${cte} ${groups}`;
  const result = Object.fromEntries(facets.map((facet) => [facet, {}])) as ParticipantList["facets"];
  for (const row of rows) result[row.facet][String(row.value)] = Number(row.count);
  return result;
}

/** A list row as SQLite returns it: counts may be bigints, and the flags are still facts. */
interface RawParticipantRow extends Omit<ParticipantListRow, "currentStep" | "flags"> {
  currentStep: number | bigint | null;
  lastPlacementDate: string | null;
  lastFollowUpDate: string | null;
  fovAnswers: number | bigint;
  skapaOffers: number | bigint;
}

export async function listParticipants(user: CurrentUser, query: ParticipantListQuery): Promise<ParticipantList> {
  const scope = participantScopeFilter(user);
  if (scope !== null && scope.length === 0) {
    return { total: 0, page: 1, pageCount: 1, rows: [], facets: { insats: {}, kommun: {}, status: {}, step: {}, gender: {} } };
  }
  const cte = participantRowsCte(user, scope);
  const where = participantFilter(query);
  const [counted] = await prisma.$queryRaw<Array<{ total: number | bigint }>>`${cte} SELECT COUNT(*) AS "total" FROM "rows" r WHERE ${where}`;
  const total = Number(counted?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const [raw, facets] = await Promise.all([
    prisma.$queryRaw<RawParticipantRow[]>`${cte}
      SELECT r."participantId", r."code", r."name", i."name" AS "insats", k."name" AS "kommun",
             u."name" AS "coordinator", r."gender", g."label" AS "ageGroup", r."enrolledDate", r."closedDate",
             r."currentStep", r."lastActivityDate", r."lastPlacementDate", r."lastFollowUpDate", r."fovAnswers", r."skapaOffers"
      FROM "rows" r
      JOIN "Insats" i ON i."id" = r."insatsId"
      JOIN "Kommun" k ON k."id" = r."kommunId"
      JOIN "AgeGroup" g ON g."id" = r."ageGroupId"
      LEFT JOIN "User" u ON u."id" = r."coordinatorId"
      WHERE ${where}
      ${participantOrder(query)}
      LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
    participantFacets(cte, query),
  ]);
  const today = todayInSweden();
  const rows = raw.map((row): ParticipantListRow => {
    const facts = { ...row, fovAsked: Number(row.fovAnswers) > 0, skapaOffered: Number(row.skapaOffers) > 0 };
    return {
      participantId: row.participantId,
      code: row.code,
      name: row.name,
      insats: row.insats,
      kommun: row.kommun,
      coordinator: row.coordinator,
      gender: row.gender,
      ageGroup: row.ageGroup,
      enrolledDate: row.enrolledDate,
      closedDate: row.closedDate,
      currentStep: row.currentStep === null ? null : Number(row.currentStep),
      lastActivityDate: row.lastActivityDate,
      flags: participantFlags(facts, today),
    };
  });
  await auditListRead(user, "participant-list", rows.map((row) => row.participantId));
  return { total, page, pageCount, rows, facets };
}
