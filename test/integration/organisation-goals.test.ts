// The förbund's own goals through the real database: targets saved by the admin page's data
// module (per year and for every year), followed up in the report of the whole förbund and of a
// kommun, never in an insats's report.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import { prisma } from "~/data/db.server";
import { organisationTargets, saveGoalTargets, targetsOf } from "~/data/goal-targets.server";
import { buildReportBundle } from "~/data/statistics.server";
import type { ReportQuery } from "~/domain/report-bundle";
import * as goalsRoute from "~/routes/admin/goals";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest, postRequest } from "../route";

const YEAR_2025 = { from: "2025-01-01", to: "2025-12-31" };
const ALL: ReportQuery = { period: YEAR_2025, insats: null, kommun: null };

let organisationId: string;
let samStegId: string;
let user: CurrentUser;

beforeAll(async () => {
  const org = await createOrganisation("Målförbundet");
  organisationId = org.organisationId;
  const admin = await createUser(organisationId, "forbundschef");
  user = { id: admin.id, organisationId, name: admin.name, email: admin.email, role: "forbundschef", assignments: [], sessionId: "test" };
  const kommun = Object.fromEntries(org.kommuner.map((row) => [row.name, row.id]));
  const insats = Object.fromEntries(org.insatser.map((row) => [row.name, row.id]));
  samStegId = insats.SamSteg;
  const referrer = await prisma.referrer.findFirstOrThrow({ where: { organisationId }, select: { id: true } });
  const ageGroup = await prisma.ageGroup.findFirstOrThrow({ where: { organisationId }, select: { id: true } });
  const enrol = async (code: string, insatsName: string, kommunName: string, gender: string, enrolledDate: string, participantId?: string) => {
    const id = participantId ?? (await prisma.participant.create({ data: { organisationId, code } })).id;
    await prisma.enrolment.create({
      data: {
        organisationId,
        participantId: id,
        insatsId: insats[insatsName],
        kommunId: kommun[kommunName],
        referrerId: referrer.id,
        ageGroupId: ageGroup.id,
        gender,
        enrolledDate,
        closedDate: code === "A" ? "2025-03-01" : null,
      },
    });
    return id;
  };
  // 2025: A (closed in March, re-enrolled in the other insats in May), B, C newly enrolled in
  // both insatser; D active since 2024. Active persons 4 (A once), new enrolments 4.
  const a = await enrol("A", "SamSteg", "Ljungby", "kvinna", "2025-01-10");
  await enrol("A", "Samverkansteam", "Ljungby", "kvinna", "2025-05-01", a);
  await enrol("B", "SamSteg", "Ljungby", "man", "2025-02-01");
  await enrol("C", "Samverkansteam", "Markaryd", "kvinna", "2025-04-01");
  await enrol("D", "SamSteg", "Markaryd", "man", "2024-06-01");
});

describe("the förbund's goals", () => {
  it("saves targets for every year and for one year, audited", async () => {
    expect((await saveGoalTargets(user, { insatsId: null, year: null }, { new_enrolments: 10, active_persons: 3, trappan_share: 0.8 })).ok).toBe(true);
    expect((await saveGoalTargets(user, { insatsId: null, year: 2025 }, { new_enrolments: 4 })).ok).toBe(true);
    // Saving again changes nothing; null removes a target.
    expect((await saveGoalTargets(user, { insatsId: null, year: 2025 }, { new_enrolments: 4 })).ok).toBe(true);
    expect((await saveGoalTargets(user, { insatsId: null, year: null }, { trappan_share: null })).ok).toBe(true);
    expect(await organisationTargets(organisationId)).toEqual([
      { metric: "new_enrolments", value: 10, year: null },
      { metric: "active_persons", value: 3, year: null },
      { metric: "new_enrolments", value: 4, year: 2025 },
    ]);
    const entries = await prisma.auditEvent.findMany({ where: { organisationId, entity: "organisation" }, select: { detail: true } });
    expect(entries.map((entry) => entry.detail).sort()).toEqual([
      "ändrat förbundets målvärden (2025): new_enrolments",
      "ändrat förbundets målvärden (alla år): new_enrolments, active_persons, trappan_share",
      "ändrat förbundets målvärden (alla år): trappan_share",
    ]);
  });

  it("follows them up in the whole förbund's report, with the year's target over the one for every year", async () => {
    const bundle = await buildReportBundle(organisationId, ALL, { suppressSmallNumbers: false });
    expect(bundle.goals.map((goal) => [goal.metric, goal.target, goal.periodTarget, goal.outcome.value, goal.previous.value, goal.achieved])).toEqual([
      ["new_enrolments", 4, 4, 4, 1, true], // A twice, B, C; 2024: D
      ["active_persons", 3, 3, 4, 1, true], // A, B, C, D; 2024: D
    ]);
    expect(bundle.goals[1].byGender.kvinna.value).toBe(2); // A, C
  });

  it("uses the target for every year in a year without its own, pro rata for a part of it", async () => {
    const bundle = await buildReportBundle(organisationId, { ...ALL, period: { from: "2026-01-01", to: "2026-06-30" } }, { suppressSmallNumbers: false });
    const newEnrolments = bundle.goals.find((goal) => goal.metric === "new_enrolments")!;
    expect([newEnrolments.target, newEnrolments.periodTarget]).toEqual([10, 5]); // 10 × 181 / 365, rounded up
  });

  it("follows an insats's own targets in its report, the year's over the one for every year", async () => {
    expect((await saveGoalTargets(user, { insatsId: samStegId, year: null }, { new_enrolments: 9 })).ok).toBe(true);
    expect((await saveGoalTargets(user, { insatsId: samStegId, year: 2025 }, { new_enrolments: 2 })).ok).toBe(true);
    expect(await targetsOf(organisationId, samStegId)).toEqual([
      { metric: "new_enrolments", value: 9, year: null },
      { metric: "new_enrolments", value: 2, year: 2025 },
    ]);
    const samSteg = await buildReportBundle(organisationId, { ...ALL, insats: "SamSteg" }, { suppressSmallNumbers: false });
    expect(samSteg.goals.map((goal) => [goal.metric, goal.target, goal.outcome.value, goal.achieved])).toEqual([["new_enrolments", 2, 2, true]]); // A, B
    const in2026 = await buildReportBundle(
      organisationId,
      { period: { from: "2026-01-01", to: "2026-12-31" }, insats: "SamSteg", kommun: null },
      { suppressSmallNumbers: false },
    );
    expect(in2026.goals.map((goal) => goal.target)).toEqual([9]);
  });

  it("refuses an insats of another förbund", async () => {
    const other = await createOrganisation("Grannförbundet");
    const result = await saveGoalTargets(user, { insatsId: other.insatser[0]!.id, year: null }, { new_enrolments: 1 });
    expect(result.ok).toBe(false);
    expect(await prisma.insatsTarget.count({ where: { insatsId: other.insatser[0]!.id } })).toBe(0);
  });

  it("follows them up in a kommun's report, and not in an insats's without targets", async () => {
    const ljungby = await buildReportBundle(organisationId, { ...ALL, kommun: "Ljungby" }, { suppressSmallNumbers: false });
    expect(ljungby.goals.map((goal) => [goal.metric, goal.outcome.value])).toEqual([
      ["new_enrolments", 3],
      ["active_persons", 2],
    ]);
    const team = await buildReportBundle(organisationId, { ...ALL, insats: "Samverkansteam" }, { suppressSmallNumbers: false });
    expect(team.goals).toEqual([]);
  });
});

describe("the goals page", () => {
  const PATH = "/admin/mal";

  it("is the förbundschef's page only", async () => {
    const styrgrupp = await sessionCookie((await createUser(organisationId, "styrgrupp")).id);
    expect((await callRoute(goalsRoute.loader, getRequest(PATH, styrgrupp))).status).toBe(403);
  });

  it("saves a year's targets and answers a bad one in Swedish, keeping what was typed", async () => {
    const cookie = await sessionCookie(user.id);
    const saved = await callRoute(goalsRoute.action, postRequest(PATH, { intent: "targets", insatsId: "", year: "2027", trappan_share: "75" }, { cookie }));
    expect(saved.status).toBe(200);
    expect(await prisma.organisationTarget.findMany({ where: { organisationId, year: 2027 }, select: { metric: true, value: true } })).toEqual([
      { metric: "trappan_share", value: 0.75 },
    ]);
    const refused = await callRoute(
      goalsRoute.action,
      postRequest(PATH, { intent: "targets", year: "2027", trappan_share: "120", new_enrolments: "-1" }, { cookie }),
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({
      fieldErrors: { trappan_share: ["Stegförflyttning kan inte vara mer än 100 %."], new_enrolments: ["Nyinskrivna deltagare kan inte vara mindre än 0."] },
    });
    const page = await callRoute(goalsRoute.loader, getRequest(`${PATH}?ar=2027`, cookie));
    expect(page.data).toMatchObject({ year: 2027, insats: null, years: [null, 2025, 2027] });
  });

  it("sets a goal on an outcome group's share, follows it up, keeps it when the group is renamed and drops it with the group", async () => {
    const cookie = await sessionCookie(user.id);
    const group = await prisma.outcomeGroup.findFirstOrThrow({ where: { organisationId, name: "Arbete eller studier" }, select: { id: true } });
    const field = `outcome_group_share:${group.id}`;
    const page = await callRoute(goalsRoute.loader, getRequest(PATH, cookie));
    expect(page.data.outcomeGroups.map((row: { name: string }) => row.name)).toContain("Arbete eller studier");
    const refused = await callRoute(goalsRoute.action, postRequest(PATH, { intent: "targets", year: "2025", [field]: "x" }, { cookie }));
    expect(refused.data).toMatchObject({
      fieldErrors: { [field]: ["Avslutade: Arbete eller studier måste anges som ett tal, t.ex. 80."] },
      values: { [field]: "x" },
    });
    const saved = await callRoute(goalsRoute.action, postRequest(PATH, { intent: "targets", year: "2025", [field]: "50" }, { cookie }));
    expect(saved.status).toBe(200);
    const audited = await prisma.auditEvent.findFirst({ where: { organisationId, detail: { contains: "outcome_group_share:Arbete eller studier" } } });
    expect(audited).not.toBeNull();
    // 2025: both of A's enrolments are closed without a reason (the factory closes every "A"), so nothing in the group: 0 of 2.
    const goalOf = async () =>
      (await buildReportBundle(organisationId, ALL, { suppressSmallNumbers: false })).goals.find((goal) => goal.metric === "outcome_group_share");
    expect(await goalOf()).toMatchObject({
      label: "Avslutade: Arbete eller studier",
      kind: "share",
      target: 0.5,
      outcome: { numerator: 0, denominator: 2 },
      achieved: false,
    });
    await prisma.outcomeGroup.update({ where: { id: group.id }, data: { name: "Arbete/studier" } });
    expect(await goalOf()).toMatchObject({ label: "Avslutade: Arbete/studier", outcomeGroup: "Arbete/studier" });
    await prisma.outcomeGroup.delete({ where: { id: group.id } });
    expect(await goalOf()).toBeUndefined();
    expect(await prisma.organisationTarget.count({ where: { organisationId, metric: "outcome_group_share" } })).toBe(0);
  });

  it("refuses a goal on another förbund's outcome group", async () => {
    const other = await createOrganisation("Tredje förbundet");
    const foreign = await prisma.outcomeGroup.findFirstOrThrow({ where: { organisationId: other.organisationId }, select: { id: true } });
    const result = await saveGoalTargets(user, { insatsId: null, year: null }, { [`outcome_group_share:${foreign.id}`]: 0.5 });
    expect(result.ok).toBe(false);
    expect(await prisma.organisationTarget.count({ where: { outcomeGroupId: foreign.id } })).toBe(0);
  });
});
