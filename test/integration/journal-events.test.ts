import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as detail from "~/routes/participants/detail";
import { CONFLICT_MESSAGE } from "~/schemas/form";
import { coordinatorScoreField, scoreField } from "~/schemas/journal";
import { todayInSweden } from "~/domain/period";
import { FOV_HIDDEN_TEXT } from "~/domain/timeline";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest, ORIGIN, postRequest } from "../route";

// The participant page's loader and action, called as React Router calls them, against a real
// migrated SQLite database. Every refused input is checked to write nothing at all.

const ENROLLED = "2025-01-10";
const FUTURE = "2999-01-01";
const EVENT_GONE = "Händelsen finns inte längre – den kan ha tagits bort av någon annan. Ladda om sidan.";

let org: Awaited<ReturnType<typeof createOrganisation>>;
let scope: { insatsId: string; kommunId: string };
let coordinator: { id: string; cookie: string };
let colleague: { id: string; cookie: string };
let outsider: { id: string; cookie: string };
let steering: { id: string; cookie: string };
let chef: { id: string; cookie: string };
let ids: {
  referrer: string;
  ageGroup: string;
  activityType: string;
  supportRaising: string;
  supportPlain: string;
  income: string;
  income2: string;
  reason: string;
  otherReason: string;
  otherPlacement: string;
};
let areas: { id: string; label: string }[];

async function signedIn(userId: string) {
  return { id: userId, cookie: await sessionCookie(userId) };
}

beforeAll(async () => {
  org = await createOrganisation();
  scope = { insatsId: org.insatser[0].id, kommunId: org.kommuner[0].id };
  coordinator = await signedIn((await createUser(org.organisationId, "koordinator", { assignments: [scope] })).id);
  colleague = await signedIn((await createUser(org.organisationId, "koordinator", { assignments: [scope] })).id);
  outsider = await signedIn(
    (await createUser(org.organisationId, "koordinator", { assignments: [{ insatsId: org.insatser[1].id, kommunId: org.kommuner[2].id }] })).id,
  );
  steering = await signedIn((await createUser(org.organisationId, "styrgrupp")).id);
  chef = await signedIn((await createUser(org.organisationId, "forbundschef")).id);

  const organisationId = org.organisationId;
  const supportType = (label: string) => prisma.supportType.findFirstOrThrow({ where: { organisationId, label }, select: { id: true } });
  const incomeSource = (label: string) => prisma.incomeSource.findFirstOrThrow({ where: { organisationId, label }, select: { id: true } });

  const other = await createOrganisation("Ett annat förbund");
  const otherParticipant = await createParticipant({ organisationId: other.organisationId, insatsId: other.insatser[0].id, kommunId: other.kommuner[0].id });
  const otherPlacement = await prisma.trappanPlacement.create({ data: { enrolmentId: otherParticipant.enrolmentId, date: "2025-02-01", step: 2 } });

  ids = {
    referrer: (await prisma.referrer.findFirstOrThrow({ where: { organisationId } })).id,
    ageGroup: (await prisma.ageGroup.findFirstOrThrow({ where: { organisationId } })).id,
    activityType: (await prisma.activityType.findFirstOrThrow({ where: { organisationId, label: "Individuellt samtal" } })).id,
    supportRaising: (await supportType("Kommunal arbetsträning")).id,
    supportPlain: (await supportType("Färdtjänst")).id,
    income: (await incomeSource("Sjukpenning")).id,
    income2: (await incomeSource("Lön")).id,
    reason: (await prisma.closureReason.findFirstOrThrow({ where: { organisationId, label: "Arbete" } })).id,
    otherReason: (await prisma.closureReason.findFirstOrThrow({ where: { organisationId: other.organisationId, label: "Arbete" } })).id,
    otherPlacement: otherPlacement.id,
  };
  areas = await prisma.skapaArea.findMany({ where: { insatsId: scope.insatsId }, orderBy: { sortOrder: "asc" }, select: { id: true, label: true } });
});

let participantCounter = 0;

/** A consented, enrolled participant; its coordinator is `coordinator` unless told otherwise. */
async function createParticipant(
  options: { organisationId?: string; insatsId?: string; kommunId?: string; coordinatorId?: string | null; closedDate?: string; name?: string } = {},
) {
  participantCounter += 1;
  const organisationId = options.organisationId ?? org.organisationId;
  const referrer = await prisma.referrer.findFirstOrThrow({ where: { organisationId } });
  const ageGroup = await prisma.ageGroup.findFirstOrThrow({ where: { organisationId } });
  const reason = await prisma.closureReason.findFirstOrThrow({ where: { organisationId } });
  const participant = await prisma.participant.create({
    data: { organisationId, code: `J-${participantCounter}`, name: options.name ?? null, consents: { create: { givenDate: "2025-01-02" } } },
  });
  const enrolment = await prisma.enrolment.create({
    data: {
      organisationId,
      participantId: participant.id,
      insatsId: options.insatsId ?? scope.insatsId,
      kommunId: options.kommunId ?? scope.kommunId,
      coordinatorId: options.coordinatorId === undefined ? coordinator.id : options.coordinatorId,
      referrerId: referrer.id,
      gender: "kvinna",
      ageGroupId: ageGroup.id,
      enrolledDate: ENROLLED,
      ...(options.closedDate ? { closedDate: options.closedDate, closureReasonId: reason.id, planAfterClosure: true } : {}),
    },
  });
  return { participantId: participant.id, enrolmentId: enrolment.id, code: participant.code! };
}

const path = (participantId: string, search = "") => `/deltagare/${participantId}${search}`;

function load(cookie: string, participantId: string, search = "") {
  return callRoute(detail.loader, getRequest(path(participantId, search), cookie), { participantId });
}

function post(cookie: string, participantId: string, fields: Record<string, string | string[]>, origin: string | null = ORIGIN) {
  return callRoute(detail.action, postRequest(path(participantId), fields, { cookie, origin }), { participantId });
}

/** Row counts of everything the page can write, to prove a refused input wrote nothing. */
async function rowCounts() {
  const [activities, placements, offers, assessments, scores, fov, support, income, enrolments, participants, audit] = await Promise.all([
    prisma.activity.count(),
    prisma.trappanPlacement.count(),
    prisma.skapaOffer.count(),
    prisma.skapaAssessment.count(),
    prisma.skapaScore.count(),
    prisma.fovScreening.count(),
    prisma.supportIntervention.count(),
    prisma.incomeChange.count(),
    prisma.enrolment.count({ where: { closedDate: null } }),
    prisma.participant.count({ where: { erasedAt: null } }),
    // A refusal is logged (test/integration/refusal-audit.test.ts); nothing else may be.
    prisma.auditEvent.count({ where: { action: { not: "access-denied" } } }),
  ]);
  return { activities, placements, offers, assessments, scores, fov, support, income, enrolments, participants, audit };
}

/** Posts a form that must be refused: returns the answer after checking that nothing was written. */
async function refused(cookie: string, participantId: string, fields: Record<string, string>) {
  const before = await rowCounts();
  const result = await post(cookie, participantId, fields);
  expect(await rowCounts()).toEqual(before);
  return result;
}

const auditOf = (entityId: string) =>
  prisma.auditEvent.findMany({
    where: { entityId },
    orderBy: { at: "asc" },
    select: { action: true, entity: true, detail: true, userId: true, participantId: true },
  });

const meeting = (enrolmentId: string, extra: Record<string, string> = {}) => ({
  intent: "meeting",
  enrolmentId,
  date: "2025-02-03",
  activityTypeId: ids.activityType,
  minutes: "45",
  note: "Samtal om mål",
  ...extra,
});

// ── Logga möte ─────────────────────────────────────────────────────────────

describe("logging a meeting", () => {
  it("saves the meeting, a step change and a stödinsats together, each with its audit entry", async () => {
    const p = await createParticipant();
    await prisma.trappanPlacement.create({ data: { enrolmentId: p.enrolmentId, date: ENROLLED, step: 2 } });
    const result = await post(
      coordinator.cookie,
      p.participantId,
      meeting(p.enrolmentId, { step: "3", motivation: "Deltar i gruppen varje vecka", supportTypeId: ids.supportRaising }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/deltagare/${p.participantId}?klart=meeting`);

    const activity = await prisma.activity.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId } });
    expect(activity).toMatchObject({ date: "2025-02-03", activityTypeId: ids.activityType, minutes: 45, note: "Samtal om mål", version: 1 });
    const placement = await prisma.trappanPlacement.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId, date: "2025-02-03" } });
    expect(placement).toMatchObject({ step: 3, motivation: "Deltar i gruppen varje vecka" });
    const support = await prisma.supportIntervention.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId } });
    // "Kommunal arbetsträning" raises the activity level by default.
    expect(support).toMatchObject({ date: "2025-02-03", supportTypeId: ids.supportRaising, raisesActivityLevel: true });

    expect(await auditOf(activity.id)).toEqual([
      { action: "create", entity: "activity", detail: "fält: date, activityTypeId, minutes, note", userId: coordinator.id, participantId: p.participantId },
    ]);
    expect((await auditOf(placement.id))[0]).toMatchObject({ action: "create", entity: "trappan-placement", detail: "fält: date, step, motivation" });
    expect((await auditOf(support.id))[0]).toMatchObject({
      action: "create",
      entity: "support-intervention",
      detail: "fält: date, supportTypeId, raisesActivityLevel",
    });
  });

  it("writes nothing of the meeting when its stödinsats is refused: one transaction", async () => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, meeting(p.enrolmentId, { step: "2", supportTypeId: "finns-inte" }));
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ supportTypeId: ["Välj en stödinsats ur listan."] });
    expect(result.data.values.note).toBe("Samtal om mål");
  });

  it("refuses missing fields with Swedish messages", async () => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, { intent: "meeting", enrolmentId: p.enrolmentId, date: "", activityTypeId: "" });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ date: ["Datum måste fyllas i."], activityTypeId: ["Välj typ av möte eller aktivitet."] });
    expect(result.data.intent).toBe("meeting");
  });

  it.each([
    ["in the future", FUTURE, "Datum kan inte ligga i framtiden."],
    ["before the enrolment", "2025-01-09", "Datumet kan inte ligga före inskrivningen (10 januari 2025)."],
    ["not a date", "2025-02-30", "Datum är inte ett giltigt datum."],
  ])("refuses a date %s", async (_case, date, message) => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, meeting(p.enrolmentId, { date }));
    expect(result.data.fieldErrors).toEqual({ date: [message] });
  });

  it("refuses a date after the closure", async () => {
    const p = await createParticipant({ closedDate: "2025-06-30" });
    const result = await refused(coordinator.cookie, p.participantId, meeting(p.enrolmentId, { date: "2025-07-01" }));
    expect(result.data.fieldErrors).toEqual({ date: ["Datumet kan inte ligga efter avslutet (30 juni 2025)."] });
  });

  it("requires a motivation when the step changes, and none when it stays", async () => {
    const p = await createParticipant();
    await prisma.trappanPlacement.create({ data: { enrolmentId: p.enrolmentId, date: ENROLLED, step: 2 } });
    const result = await refused(coordinator.cookie, p.participantId, meeting(p.enrolmentId, { step: "3" }));
    expect(result.data.fieldErrors).toEqual({ motivation: ["Skriv en kort motivering till stegbytet."] });
    expect((await post(coordinator.cookie, p.participantId, meeting(p.enrolmentId, { step: "2" }))).status).toBe(302);
  });

  it.each(["0", "7", "tre"])("refuses step %s, outside the ladder", async (step) => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, meeting(p.enrolmentId, { step, motivation: "x" }));
    expect(result.data.fieldErrors).toEqual({ step: ["Välj ett steg mellan 1 och 6."] });
  });
});

// ── Trappan ────────────────────────────────────────────────────────────────

const placement = (enrolmentId: string, extra: Record<string, string> = {}) => ({ intent: "placement", enrolmentId, date: "2025-02-01", step: "2", ...extra });

describe("Trappan placements", () => {
  it("saves a first placement without a motivation", async () => {
    const p = await createParticipant();
    expect((await post(coordinator.cookie, p.participantId, placement(p.enrolmentId))).location).toBe(`/deltagare/${p.participantId}?klart=placement`);
    const row = await prisma.trappanPlacement.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId } });
    expect(row).toMatchObject({ date: "2025-02-01", step: 2, motivation: null });
    expect(await auditOf(row.id)).toEqual([
      { action: "create", entity: "trappan-placement", detail: "fält: date, step", userId: coordinator.id, participantId: p.participantId },
    ]);
  });

  it.each(["0", "7", ""])("refuses step %j", async (step) => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, placement(p.enrolmentId, { step }));
    expect(result.data.fieldErrors).toEqual({ step: ["Välj ett steg mellan 1 och 6."] });
  });

  it("refuses a second placement on the same date", async () => {
    const p = await createParticipant();
    await prisma.trappanPlacement.create({ data: { enrolmentId: p.enrolmentId, date: "2025-02-01", step: 2 } });
    const result = await refused(coordinator.cookie, p.participantId, placement(p.enrolmentId, { step: "3", motivation: "Bättre" }));
    expect(result.data.fieldErrors).toEqual({ date: ["Det finns redan en Trappan-placering detta datum – ändra den i stället."] });
  });

  it("edits with the version the form was loaded with and audits the changed fields", async () => {
    const p = await createParticipant();
    const row = await prisma.trappanPlacement.create({ data: { enrolmentId: p.enrolmentId, date: "2025-02-01", step: 2 } });
    const result = await post(coordinator.cookie, p.participantId, {
      intent: "placement",
      eventId: row.id,
      version: "1",
      date: "2025-02-01",
      step: "2",
      motivation: "Förtydligad",
    });
    expect(result.location).toBe(`/deltagare/${p.participantId}?klart=updated`);
    expect(await prisma.trappanPlacement.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ motivation: "Förtydligad", version: 2 });
    expect((await auditOf(row.id)).map((entry) => [entry.action, entry.detail])).toEqual([["update", "ändrat: motivation"]]);
  });

  it("refuses a save over a placement someone else changed, keeping the user's input", async () => {
    const p = await createParticipant();
    const row = await prisma.trappanPlacement.create({ data: { enrolmentId: p.enrolmentId, date: "2025-02-01", step: 2, version: 2 } });
    const result = await refused(coordinator.cookie, p.participantId, {
      intent: "placement",
      eventId: row.id,
      version: "1",
      date: "2025-02-01",
      step: "4",
      motivation: "Min ändring",
    });
    expect(result.status).toBe(409);
    // The edit card's answer: it names the event, so the page shows it there and not in the quick form.
    expect(result.data).toMatchObject({
      intent: "placement",
      targetId: row.id,
      reason: "conflict",
      formError: CONFLICT_MESSAGE,
      values: { step: "4", motivation: "Min ändring" },
    });
    expect(await prisma.trappanPlacement.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ step: 2, motivation: null, version: 2 });
  });

  it("refuses another förbund's and another participant's event id as if it did not exist", async () => {
    const p = await createParticipant();
    const other = await createParticipant();
    const theirs = await prisma.trappanPlacement.create({ data: { enrolmentId: other.enrolmentId, date: "2025-02-01", step: 2 } });
    for (const eventId of [ids.otherPlacement, theirs.id]) {
      const result = await refused(coordinator.cookie, p.participantId, {
        intent: "placement",
        eventId,
        version: "1",
        date: "2025-02-01",
        step: "5",
        motivation: "x",
      });
      expect(result.status).toBe(404);
      expect(result.data.formError).toBe(EVENT_GONE);
      const deleted = await refused(coordinator.cookie, p.participantId, { intent: "delete", kind: "placement", eventId, version: "1" });
      expect(deleted.status).toBe(404);
    }
    expect(await prisma.trappanPlacement.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ step: 2, version: 1 });
  });

  it("refuses another participant's enrolment id", async () => {
    const p = await createParticipant();
    const other = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, placement(other.enrolmentId));
    expect(result.status).toBe(404);
    expect(result.data.formError).toBe("Inskrivningen finns inte.");
  });

  it("deletes with history", async () => {
    const p = await createParticipant();
    const row = await prisma.trappanPlacement.create({ data: { enrolmentId: p.enrolmentId, date: "2025-02-01", step: 2 } });
    const stale = await refused(coordinator.cookie, p.participantId, { intent: "delete", kind: "placement", eventId: row.id, version: "2" });
    expect(stale.status).toBe(409);
    const result = await post(coordinator.cookie, p.participantId, { intent: "delete", kind: "placement", eventId: row.id, version: "1" });
    expect(result.location).toBe(`/deltagare/${p.participantId}?klart=deleted`);
    expect(await prisma.trappanPlacement.count({ where: { id: row.id } })).toBe(0);
    expect((await auditOf(row.id)).map((entry) => [entry.action, entry.entity, entry.detail])).toEqual([
      ["delete", "trappan-placement", "fält: date, step, motivation"],
    ]);
  });
});

// ── SKAPA ──────────────────────────────────────────────────────────────────

function assessment(
  enrolmentId: string,
  participantScores: (string | undefined)[],
  coordinatorScores: (string | undefined)[] = [],
  extra: Record<string, string> = {},
) {
  const fields: Record<string, string> = { intent: "skapa-assessment", enrolmentId, date: "2025-03-01", ...extra };
  areas.forEach((area, index) => {
    fields[scoreField(area.id)] = participantScores[index] ?? "";
    fields[coordinatorScoreField(area.id)] = coordinatorScores[index] ?? "";
  });
  return fields;
}

describe("SKAPA", () => {
  it("records an offer", async () => {
    const p = await createParticipant();
    expect((await post(coordinator.cookie, p.participantId, { intent: "skapa-offer", enrolmentId: p.enrolmentId, date: "2025-01-20" })).status).toBe(302);
    const offer = await prisma.skapaOffer.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId } });
    expect(offer.date).toBe("2025-01-20");
    expect((await auditOf(offer.id))[0]).toMatchObject({ action: "create", entity: "skapa-offer", detail: "fält: date" });
  });

  it("saves every area at once, the participant's and the coordinator's ratings", async () => {
    const p = await createParticipant();
    const result = await post(
      coordinator.cookie,
      p.participantId,
      assessment(p.enrolmentId, ["3", "4", "5", "6", "7", "8", "9"], ["2", "", "", "", "", "", "10"]),
    );
    expect(result.location).toBe(`/deltagare/${p.participantId}?klart=skapa-assessment`);
    const saved = await prisma.skapaAssessment.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId }, include: { scores: true } });
    expect(saved.scores).toHaveLength(7);
    const byArea = new Map(saved.scores.map((score) => [score.areaId, score]));
    expect(byArea.get(areas[0].id)).toMatchObject({ participantScore: 3, coordinatorScore: 2 });
    expect(byArea.get(areas[6].id)).toMatchObject({ participantScore: 9, coordinatorScore: 10 });
    expect(byArea.get(areas[1].id)).toMatchObject({ participantScore: 4, coordinatorScore: null });
    expect((await auditOf(saved.id))[0]).toMatchObject({ action: "create", entity: "skapa-assessment" });
  });

  it("allows unanswered areas", async () => {
    const p = await createParticipant();
    expect((await post(coordinator.cookie, p.participantId, assessment(p.enrolmentId, ["5"]))).status).toBe(302);
    const saved = await prisma.skapaAssessment.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId }, include: { scores: true } });
    expect(saved.scores.map((score) => [score.areaId, score.participantScore])).toEqual([[areas[0].id, 5]]);
  });

  it("refuses an assessment without any rating of the participant's", async () => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, assessment(p.enrolmentId, [], ["5"]));
    expect(result.data.formError).toBe("Fyll i deltagarens skattning för minst ett område.");
  });

  it("refuses scores outside the insats's scale, naming the area", async () => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, assessment(p.enrolmentId, ["0", "5", "11"], ["", "11"]));
    expect(result.data.fieldErrors).toEqual({
      [scoreField(areas[0].id)]: [`${areas[0].label} måste vara mellan 1 och 10.`],
      [scoreField(areas[2].id)]: [`${areas[2].label} måste vara mellan 1 och 10.`],
      [coordinatorScoreField(areas[1].id)]: [`Koordinatorns bedömning av ${areas[1].label} måste vara mellan 1 och 10.`],
    });
    expect(areas[2].label).toBe("Hälsa");
  });

  it("follows the insats's own scale", async () => {
    const insats = await prisma.insats.create({ data: { organisationId: org.organisationId, name: "Skala 0–4", skapaScaleMin: 0, skapaScaleMax: 4 } });
    const area = await prisma.skapaArea.create({ data: { insatsId: insats.id, label: "Vardagen" } });
    const user = await signedIn((await createUser(org.organisationId, "koordinator", { assignments: [{ insatsId: insats.id, kommunId: scope.kommunId }] })).id);
    const p = await createParticipant({ insatsId: insats.id, coordinatorId: user.id });
    const fields = { intent: "skapa-assessment", enrolmentId: p.enrolmentId, date: "2025-03-01", [scoreField(area.id)]: "5" };
    const result = await refused(user.cookie, p.participantId, fields);
    expect(result.data.fieldErrors).toEqual({ [scoreField(area.id)]: ["Vardagen måste vara mellan 0 och 4."] });
    expect((await post(user.cookie, p.participantId, { ...fields, [scoreField(area.id)]: "0" })).status).toBe(302);
  });

  it("allows one assessment per enrolment and date", async () => {
    const p = await createParticipant();
    await prisma.skapaAssessment.create({ data: { enrolmentId: p.enrolmentId, date: "2025-03-01" } });
    const result = await refused(coordinator.cookie, p.participantId, assessment(p.enrolmentId, ["5"]));
    expect(result.data.fieldErrors).toEqual({ date: ["Det finns redan en SKAPA-skattning detta datum – ändra den i stället."] });
  });

  it("edits the scores with the version, and refuses a stale version", async () => {
    const p = await createParticipant();
    const saved = await prisma.skapaAssessment.create({
      data: {
        enrolmentId: p.enrolmentId,
        date: "2025-03-01",
        scores: {
          create: [
            { areaId: areas[0].id, participantScore: 3 },
            { areaId: areas[1].id, participantScore: 4 },
          ],
        },
      },
    });
    const edit = { ...assessment(p.enrolmentId, ["6"]), eventId: saved.id, version: "1" };
    expect((await post(coordinator.cookie, p.participantId, edit)).location).toBe(`/deltagare/${p.participantId}?klart=updated`);
    const after = await prisma.skapaAssessment.findUniqueOrThrow({ where: { id: saved.id }, include: { scores: true } });
    expect(after.version).toBe(2);
    expect(after.scores.map((score) => [score.areaId, score.participantScore])).toEqual([[areas[0].id, 6]]);
    const stale = await refused(coordinator.cookie, p.participantId, edit);
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toBe(CONFLICT_MESSAGE);
  });

  it("shows only the areas in use on a new assessment, and first vs latest for the radar chart", async () => {
    const insats = await prisma.insats.create({ data: { organisationId: org.organisationId, name: "Med pensionerat område" } });
    const [kept, retired] = await Promise.all([
      prisma.skapaArea.create({ data: { insatsId: insats.id, label: "Hälsa", sortOrder: 1 } }),
      prisma.skapaArea.create({ data: { insatsId: insats.id, label: "Gammalt område", sortOrder: 2, retired: true } }),
    ]);
    const user = await signedIn((await createUser(org.organisationId, "koordinator", { assignments: [{ insatsId: insats.id, kommunId: scope.kommunId }] })).id);
    const p = await createParticipant({ insatsId: insats.id, coordinatorId: user.id });
    await prisma.skapaAssessment.create({
      data: {
        enrolmentId: p.enrolmentId,
        date: "2025-02-01",
        scores: {
          create: [
            { areaId: kept.id, participantScore: 3 },
            { areaId: retired.id, participantScore: 2 },
          ],
        },
      },
    });
    await prisma.skapaAssessment.create({
      data: { enrolmentId: p.enrolmentId, date: "2025-05-01", scores: { create: [{ areaId: kept.id, participantScore: 7, coordinatorScore: 6 }] } },
    });
    const page = await load(user.cookie, p.participantId);
    expect(page.data.current.instrument).toEqual({ areas: [{ id: kept.id, label: "Hälsa" }], min: 1, max: 10 });
    expect(page.data.skapa).toEqual({
      min: 1,
      max: 10,
      firstDate: "2025-02-01",
      latestDate: "2025-05-01",
      hasCoordinator: true,
      areas: [
        { label: "Hälsa", first: { participant: 3, coordinator: null }, latest: { participant: 7, coordinator: 6 } },
        { label: "Gammalt område", first: { participant: 2, coordinator: null }, latest: { participant: null, coordinator: null } },
      ],
    });
  });
});

// ── FOV ────────────────────────────────────────────────────────────────────

describe("FOV", () => {
  const fov = (enrolmentId: string, extra: Record<string, string> = {}) => ({
    intent: "fov",
    enrolmentId,
    date: "2025-02-10",
    outcome: "ja",
    supportOffered: "on",
    ...extra,
  });

  it("records a screening", async () => {
    const p = await createParticipant();
    expect((await post(coordinator.cookie, p.participantId, fov(p.enrolmentId))).status).toBe(302);
    const row = await prisma.fovScreening.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId } });
    expect(row).toMatchObject({ date: "2025-02-10", outcome: "ja", supportOffered: true, notAskedReason: null });
    expect((await auditOf(row.id))[0]).toMatchObject({ action: "create", entity: "fov-screening", detail: "fält: date, outcome, supportOffered" });
  });

  it("requires an outcome, and a reason for ej tillfrågad", async () => {
    const p = await createParticipant();
    expect((await refused(coordinator.cookie, p.participantId, fov(p.enrolmentId, { outcome: "" }))).data.fieldErrors).toEqual({
      outcome: ["Välj vad screeningen gav."],
    });
    expect((await refused(coordinator.cookie, p.participantId, fov(p.enrolmentId, { outcome: "ej_tillfragad" }))).data.fieldErrors).toEqual({
      notAskedReason: ["Skriv varför frågorna inte ställdes."],
    });
  });

  it("keeps a reason only for ej tillfrågad", async () => {
    const p = await createParticipant();
    await post(coordinator.cookie, p.participantId, fov(p.enrolmentId, { outcome: "nej", notAskedReason: "Kvar från ett annat val" }));
    expect((await prisma.fovScreening.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId } })).notAskedReason).toBeNull();
  });

  it("shows the answer to the participant's coordinator and the förbundschef only", async () => {
    const p = await createParticipant();
    const row = await prisma.fovScreening.create({ data: { enrolmentId: p.enrolmentId, date: "2025-02-10", outcome: "ja", supportOffered: true } });
    const fovItem = (page: { data: { timeline: { kind: string }[] } }) => page.data.timeline.find((item) => item.kind === "fov");

    for (const user of [coordinator, chef]) {
      const page = await load(user.cookie, p.participantId);
      expect(fovItem(page)).toMatchObject({ title: "FOV: Ja", lines: ["Stöd eller hänvisning erbjöds"], editable: true });
    }

    const page = await load(colleague.cookie, p.participantId, `?andra=fov&post=${row.id}`);
    expect(page.status).toBe(200);
    expect(fovItem(page)).toEqual({ key: `fov:${row.id}`, kind: "fov", id: row.id, date: "2025-02-10", title: FOV_HIDDEN_TEXT, lines: [], editable: false });
    expect(page.data.editing).toBeNull();
    const text = JSON.stringify(page.data);
    expect(text).not.toContain("FOV: Ja");
    expect(text).not.toContain("Stöd eller hänvisning");
    expect(text).not.toContain('"outcome"');

    // Nor may the colleague change or delete it, which would show or alter the answer.
    const edit = await refused(colleague.cookie, p.participantId, { intent: "fov", eventId: row.id, version: "1", date: "2025-02-10", outcome: "nej" });
    expect(edit.status).toBe(403);
    expect((await refused(colleague.cookie, p.participantId, { intent: "delete", kind: "fov", eventId: row.id, version: "1" })).status).toBe(403);
  });
});

// ── Stödinsatser and försörjning ───────────────────────────────────────────

describe("stödinsatser and försörjning", () => {
  it.each([
    ["the raising type's default", ids_supportRaising, "", true],
    ["the plain type's default", ids_supportPlain, "", false],
    ["an explicit nej", ids_supportRaising, "nej", false],
    ["an explicit ja", ids_supportPlain, "ja", true],
  ])("takes the raised-activity flag from %s", async (_case, type, raises, expected) => {
    const p = await createParticipant();
    const result = await post(coordinator.cookie, p.participantId, {
      intent: "support",
      enrolmentId: p.enrolmentId,
      date: "2025-02-01",
      supportTypeId: type(),
      raisesActivityLevel: raises,
    });
    expect(result.status).toBe(302);
    expect((await prisma.supportIntervention.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId } })).raisesActivityLevel).toBe(expected);
  });

  it("refuses an unknown stödinsats type and a missing one", async () => {
    const p = await createParticipant();
    const fields = { intent: "support", enrolmentId: p.enrolmentId, date: "2025-02-01", supportTypeId: "påhittad" };
    expect((await refused(coordinator.cookie, p.participantId, fields)).data.fieldErrors).toEqual({ supportTypeId: ["Välj en stödinsats ur listan."] });
    expect((await refused(coordinator.cookie, p.participantId, { ...fields, supportTypeId: "" })).data.fieldErrors).toEqual({
      supportTypeId: ["Välj en stödinsats."],
    });
  });

  it("records, edits and refuses a stale edit of a change of försörjning", async () => {
    const p = await createParticipant();
    await post(coordinator.cookie, p.participantId, { intent: "income", enrolmentId: p.enrolmentId, date: "2025-03-01", incomeSourceId: ids.income });
    const row = await prisma.incomeChange.findFirstOrThrow({ where: { enrolmentId: p.enrolmentId } });
    const version = `2025-03-01|${ids.income}`;
    const edit = { intent: "income", eventId: row.id, version, date: "2025-03-01", incomeSourceId: ids.income2 };
    expect((await post(coordinator.cookie, p.participantId, edit)).location).toBe(`/deltagare/${p.participantId}?klart=updated`);
    expect((await auditOf(row.id)).map((entry) => entry.detail)).toEqual(["fält: date, incomeSourceId", "ändrat: incomeSourceId"]);
    const stale = await refused(coordinator.cookie, p.participantId, { ...edit, incomeSourceId: ids.income });
    expect(stale.status).toBe(409);
    expect((await prisma.incomeChange.findUniqueOrThrow({ where: { id: row.id } })).incomeSourceId).toBe(ids.income2);
  });

  it("refuses an income source of the list that is not the förbund's", async () => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, {
      intent: "income",
      enrolmentId: p.enrolmentId,
      date: "2025-03-01",
      incomeSourceId: "annat-id",
    });
    expect(result.data.fieldErrors).toEqual({ incomeSourceId: ["Välj en försörjning ur listan."] });
  });
});

// Read lazily: the ids exist only after beforeAll.
function ids_supportRaising() {
  return ids.supportRaising;
}
function ids_supportPlain() {
  return ids.supportPlain;
}

// ── Avslut ─────────────────────────────────────────────────────────────────

describe("closure", () => {
  const closure = (enrolmentId: string, extra: Record<string, string> = {}) => ({
    intent: "closure",
    enrolmentId,
    version: "1",
    date: "2025-06-30",
    closureReasonId: ids.reason,
    incomeEndId: ids.income2,
    planAfterClosure: "ja",
    surveySupport: "ja",
    surveyInfluence: "nej",
    surveyReadiness: "",
    ...extra,
  });

  it("closes the enrolment with the survey and audits it", async () => {
    const p = await createParticipant();
    const result = await post(coordinator.cookie, p.participantId, closure(p.enrolmentId));
    expect(result.location).toBe(`/deltagare/${p.participantId}?klart=closure`);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: p.enrolmentId } })).toMatchObject({
      closedDate: "2025-06-30",
      closureReasonId: ids.reason,
      incomeEndId: ids.income2,
      planAfterClosure: true,
      surveySupport: true,
      surveyInfluence: false,
      surveyReadiness: null,
      version: 2,
    });
    expect(await auditOf(p.enrolmentId)).toEqual([
      {
        action: "update",
        entity: "enrolment",
        userId: coordinator.id,
        participantId: p.participantId,
        detail: "avslut: closedDate, closureReasonId, incomeEndId, planAfterClosure, surveySupport, surveyInfluence",
      },
    ]);
  });

  it("refuses an unknown closure reason (another förbund's id)", async () => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, closure(p.enrolmentId, { closureReasonId: ids.otherReason }));
    expect(result.data.fieldErrors).toEqual({ closureReasonId: ["Välj en avslutsorsak ur listan."] });
  });

  it("refuses a closure dated before an existing event", async () => {
    const p = await createParticipant();
    await prisma.activity.create({ data: { enrolmentId: p.enrolmentId, date: "2025-05-02", activityTypeId: ids.activityType } });
    await prisma.trappanPlacement.create({ data: { enrolmentId: p.enrolmentId, date: "2025-04-01", step: 3 } });
    const result = await refused(coordinator.cookie, p.participantId, closure(p.enrolmentId, { date: "2025-05-01" }));
    expect(result.data.fieldErrors).toEqual({ date: ["Det finns händelser efter avslutsdatumet (senast 2 maj 2025)."] });
  });

  it.each([
    ["before the enrolment", "2025-01-09", "Avslutsdatum kan inte ligga före inskrivningen (10 januari 2025)."],
    ["in the future", FUTURE, "Avslutsdatum kan inte ligga i framtiden."],
    ["missing", "", "Avslutsdatum måste fyllas i."],
  ])("refuses a closure date %s", async (_case, date, message) => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, closure(p.enrolmentId, { date }));
    expect(result.data.fieldErrors).toEqual({ date: [message] });
  });

  it("requires a reason, försörjning at the end and the plan question", async () => {
    const p = await createParticipant();
    const result = await refused(coordinator.cookie, p.participantId, closure(p.enrolmentId, { closureReasonId: "", incomeEndId: "", planAfterClosure: "" }));
    expect(result.data.fieldErrors).toEqual({
      closureReasonId: ["Välj en avslutsorsak."],
      incomeEndId: ["Välj försörjning vid avslut."],
      planAfterClosure: ["Ange om det finns en planering efter avslut."],
    });
  });

  it("refuses a closure over an enrolment someone else changed", async () => {
    const p = await createParticipant();
    await prisma.enrolment.update({ where: { id: p.enrolmentId }, data: { version: 2 } });
    const result = await refused(coordinator.cookie, p.participantId, closure(p.enrolmentId));
    expect(result.status).toBe(409);
    expect(result.data.formError).toBe(CONFLICT_MESSAGE);
  });

  /** A participant closed on 2025-06-30 and enrolled again on 2025-09-01. */
  async function enrolledAgain() {
    const p = await createParticipant({ closedDate: "2025-06-30" });
    await prisma.enrolment.create({
      data: {
        organisationId: org.organisationId,
        participantId: p.participantId,
        ...scope,
        coordinatorId: coordinator.id,
        referrerId: ids.referrer,
        gender: "kvinna",
        ageGroupId: ids.ageGroup,
        enrolledDate: "2025-09-01",
      },
    });
    return p;
  }

  it.each([
    ["after the next enrolment's start", "2025-09-02", "Avslutsdatum kan inte ligga efter nästa inskrivning (1 september 2025)."],
    [
      "on the next enrolment's first day",
      "2025-09-01",
      "Avslutsdatum måste ligga före nästa inskrivning (1 september 2025): två inskrivningar kan inte dela en dag.",
    ],
  ])("refuses a corrected closure %s", async (_case, date, message) => {
    const p = await enrolledAgain();
    const result = await refused(coordinator.cookie, p.participantId, closure(p.enrolmentId, { eventId: p.enrolmentId, date }));
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ intent: "closure", targetId: p.enrolmentId, fieldErrors: { date: [message] } });
  });

  it("moves a closure up to the day before the next enrolment, but cannot remove it", async () => {
    const p = await enrolledAgain();
    const moved = await post(coordinator.cookie, p.participantId, closure(p.enrolmentId, { eventId: p.enrolmentId, date: "2025-08-31" }));
    expect(moved.location).toBe(`/deltagare/${p.participantId}?klart=updated`);
    expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: p.enrolmentId } })).closedDate).toBe("2025-08-31");
    const reopen = await refused(coordinator.cookie, p.participantId, { intent: "delete", kind: "closure", eventId: p.enrolmentId, version: "2" });
    expect(reopen.status).toBe(400);
    expect(reopen.data.formError).toBe("Deltagaren har skrivits in igen efter avslutet, så avslutet kan inte tas bort.");
  });

  it("corrects a closure with its changed fields, and removing it opens the enrolment again", async () => {
    const p = await createParticipant();
    await post(coordinator.cookie, p.participantId, closure(p.enrolmentId));
    const edit = await post(coordinator.cookie, p.participantId, closure(p.enrolmentId, { eventId: p.enrolmentId, version: "2", planAfterClosure: "nej" }));
    expect(edit.location).toBe(`/deltagare/${p.participantId}?klart=updated`);
    expect((await auditOf(p.enrolmentId)).map((entry) => entry.detail)[1]).toBe("ändrat: planAfterClosure");
    const reopened = await post(coordinator.cookie, p.participantId, { intent: "delete", kind: "closure", eventId: p.enrolmentId, version: "3" });
    expect(reopened.location).toBe(`/deltagare/${p.participantId}?klart=reopened`);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: p.enrolmentId } })).toMatchObject({
      closedDate: null,
      closureReasonId: null,
      planAfterClosure: null,
      version: 4,
    });
  });

  it("enrols a closed participant again: a new enrolment with its own history", async () => {
    const p = await createParticipant({ closedDate: "2025-06-30" });
    await prisma.trappanPlacement.create({ data: { enrolmentId: p.enrolmentId, date: "2025-03-01", step: 4 } });
    const before = await load(coordinator.cookie, p.participantId);
    expect(before.data.enrolmentOptions).not.toBeNull();
    const result = await post(coordinator.cookie, p.participantId, {
      intent: "reenrol",
      insatsId: scope.insatsId,
      kommunId: scope.kommunId,
      coordinatorId: coordinator.id,
      referrerId: ids.referrer,
      gender: "kvinna",
      ageGroupId: ids.ageGroup,
      incomeStartId: "",
      enrolledDate: "2025-09-01",
      firstStep: "2",
    });
    expect(result.location).toBe(`/deltagare/${p.participantId}?klart=reenrol`);
    const page = await load(coordinator.cookie, p.participantId);
    expect(page.data.enrolments.map((e: { enrolledDate: string; closedDate: string | null }) => [e.enrolledDate, e.closedDate])).toEqual([
      ["2025-09-01", null],
      [ENROLLED, "2025-06-30"],
    ]);
    expect(page.data.current).toMatchObject({ open: true, currentStep: { step: 2 } });
    expect(page.data.trappan.points).toEqual([{ date: "2025-09-01", step: 2 }]);
    expect(page.data.enrolmentOptions).toBeNull();
  });
});

// ── Edit and delete of every kind ──────────────────────────────────────────

describe("edit and delete with history", () => {
  it("audits an edit of a meeting with the changed field names only", async () => {
    const p = await createParticipant();
    const row = await prisma.activity.create({
      data: { enrolmentId: p.enrolmentId, date: "2025-02-01", activityTypeId: ids.activityType, minutes: 30, note: "Före" },
    });
    await post(coordinator.cookie, p.participantId, {
      intent: "activity",
      eventId: row.id,
      version: "1",
      date: "2025-02-01",
      activityTypeId: ids.activityType,
      minutes: "60",
      note: "Efter",
    });
    expect(await auditOf(row.id)).toEqual([
      { action: "update", entity: "activity", detail: "ändrat: minutes, note", userId: coordinator.id, participantId: p.participantId },
    ]);
    expect(await prisma.activity.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ minutes: 60, note: "Efter", version: 2 });
  });

  it("refuses an edit that moves an event after the closure", async () => {
    const p = await createParticipant({ closedDate: "2025-06-30" });
    const row = await prisma.activity.create({ data: { enrolmentId: p.enrolmentId, date: "2025-02-01", activityTypeId: ids.activityType } });
    const result = await refused(coordinator.cookie, p.participantId, {
      intent: "activity",
      eventId: row.id,
      version: "1",
      date: "2025-07-01",
      activityTypeId: ids.activityType,
    });
    expect(result.data.fieldErrors).toEqual({ date: ["Datumet kan inte ligga efter avslutet (30 juni 2025)."] });
  });

  const kinds: Array<[string, string, (enrolmentId: string) => Promise<{ id: string }>, string]> = [
    ["activity", "activity", (enrolmentId) => prisma.activity.create({ data: { enrolmentId, date: "2025-02-01", activityTypeId: ids.activityType } }), "1"],
    ["skapa-offer", "skapa-offer", (enrolmentId) => prisma.skapaOffer.create({ data: { enrolmentId, date: "2025-02-01" } }), "2025-02-01"],
    [
      "skapa-assessment",
      "skapa-assessment",
      (enrolmentId) =>
        prisma.skapaAssessment.create({ data: { enrolmentId, date: "2025-02-01", scores: { create: [{ areaId: areas[0].id, participantScore: 4 }] } } }),
      "1",
    ],
    ["fov", "fov-screening", (enrolmentId) => prisma.fovScreening.create({ data: { enrolmentId, date: "2025-02-01", outcome: "nej" } }), "1"],
    [
      "support",
      "support-intervention",
      (enrolmentId) =>
        prisma.supportIntervention.create({ data: { enrolmentId, date: "2025-02-01", supportTypeId: ids.supportPlain, raisesActivityLevel: false } }),
      "1",
    ],
  ];

  it.each(kinds)("deletes a %s with an audit entry", async (kind, entity, create, version) => {
    const p = await createParticipant();
    const row = await create(p.enrolmentId);
    const result = await post(coordinator.cookie, p.participantId, { intent: "delete", kind, eventId: row.id, version });
    expect(result.location).toBe(`/deltagare/${p.participantId}?klart=deleted`);
    const page = await load(coordinator.cookie, p.participantId);
    expect(page.data.timeline.some((item: { id: string }) => item.id === row.id)).toBe(false);
    expect((await auditOf(row.id)).map((entry) => [entry.action, entry.entity])).toEqual([["delete", entity]]);
  });

  it("deletes a change of försörjning by its values", async () => {
    const p = await createParticipant();
    const row = await prisma.incomeChange.create({ data: { enrolmentId: p.enrolmentId, date: "2025-02-01", incomeSourceId: ids.income } });
    expect(
      (await refused(coordinator.cookie, p.participantId, { intent: "delete", kind: "income", eventId: row.id, version: `2025-02-01|${ids.income2}` })).status,
    ).toBe(409);
    expect(
      (await post(coordinator.cookie, p.participantId, { intent: "delete", kind: "income", eventId: row.id, version: `2025-02-01|${ids.income}` })).status,
    ).toBe(302);
    expect(await prisma.incomeChange.count({ where: { id: row.id } })).toBe(0);
  });

  it("offers the edit form with the version for an event of the participant, and nothing for another's", async () => {
    const p = await createParticipant();
    const other = await createParticipant();
    const row = await prisma.trappanPlacement.create({
      data: { enrolmentId: p.enrolmentId, date: "2025-02-01", step: 3, motivation: "Mår bättre", version: 5 },
    });
    const theirs = await prisma.trappanPlacement.create({ data: { enrolmentId: other.enrolmentId, date: "2025-02-01", step: 3 } });
    const page = await load(coordinator.cookie, p.participantId, `?andra=placement&post=${row.id}`);
    expect(page.data.editing).toMatchObject({
      kind: "placement",
      id: row.id,
      version: "5",
      values: { date: "2025-02-01", step: "3", motivation: "Mår bättre" },
    });
    const tampered = await load(coordinator.cookie, p.participantId, `?andra=placement&post=${theirs.id}`);
    expect(tampered.data.editing).toBeNull();
    expect(tampered.data.editMissing).toBe(true);
  });
});

// ── The page ───────────────────────────────────────────────────────────────

describe("the participant page", () => {
  it("shows the header, a newest-first timeline of every kind and the Trappan series", async () => {
    const p = await createParticipant();
    const e = p.enrolmentId;
    await prisma.trappanPlacement.create({ data: { enrolmentId: e, date: ENROLLED, step: 2 } });
    await prisma.trappanPlacement.create({ data: { enrolmentId: e, date: "2025-03-01", step: 3, motivation: "Regelbunden" } });
    await prisma.activity.create({ data: { enrolmentId: e, date: "2025-02-01", activityTypeId: ids.activityType, minutes: 30 } });
    await prisma.skapaOffer.create({ data: { enrolmentId: e, date: "2025-02-02" } });
    await prisma.incomeChange.create({ data: { enrolmentId: e, date: "2025-04-01", incomeSourceId: ids.income2 } });
    const page = await load(coordinator.cookie, p.participantId);
    expect(page.status).toBe(200);
    expect(page.data.participant).toEqual({ id: p.participantId, code: p.code, name: null, version: "1" });
    expect(page.data.current).toMatchObject({ open: true, enrolledDate: ENROLLED, currentStep: { step: 3, date: "2025-03-01" } });
    expect(page.data.current.daysEnrolled).toBeGreaterThan(300);
    expect(page.data.timeline.map((item: { date: string; title: string }) => [item.date, item.title])).toEqual([
      ["2025-04-01", "Ny försörjning: Lön"],
      ["2025-03-01", "Trappan: steg 3"],
      ["2025-02-02", "SKAPA erbjuden"],
      ["2025-02-01", "Individuellt samtal"],
      [ENROLLED, "Trappan: steg 2"],
      [ENROLLED, "Inskriven i SamSteg, Ljungby"],
      ["2025-01-02", "Samtycke lämnat"],
    ]);
    expect(page.data.timeline[1].lines).toContain("Motivering: Regelbunden");
    expect(page.data.trappan.points).toEqual([
      { date: ENROLLED, step: 2 },
      { date: "2025-03-01", step: 3 },
    ]);
    expect(page.data.counts).toMatchObject({ trappan: 2, mote: 1, skapa: 1, forsorjning: 1, samtycke: 1, inskrivning: 1, fov: 0 });
  });

  it("shows a consented person not yet enrolled, with the enrolment form", async () => {
    const participant = await prisma.participant.create({
      data: { organisationId: org.organisationId, code: "J-NY", consents: { create: { givenDate: "2025-01-02" } } },
    });
    await prisma.referral.create({
      data: { organisationId: org.organisationId, date: "2025-01-01", referrerId: ids.referrer, ...scope, participantId: participant.id },
    });
    const page = await load(coordinator.cookie, participant.id);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ current: null, enrolments: [], trappan: null, skapa: null, enrolmentDefaults: null });
    expect(page.data.enrolmentOptions.insatser).toEqual([{ value: scope.insatsId, label: "SamSteg" }]);
    expect(page.data.timeline.map((item: { title: string }) => item.title)).toEqual(["Samtycke lämnat"]);
  });

  it("filters the timeline by kind from the URL", async () => {
    const p = await createParticipant();
    await prisma.trappanPlacement.create({ data: { enrolmentId: p.enrolmentId, date: ENROLLED, step: 2 } });
    await prisma.activity.create({ data: { enrolmentId: p.enrolmentId, date: "2025-02-01", activityTypeId: ids.activityType } });
    const page = await load(coordinator.cookie, p.participantId, "?typ=trappan");
    expect(page.data.filter).toBe("trappan");
    expect(page.data.timeline.map((item: { kind: string }) => item.kind)).toEqual(["placement"]);
    const unknown = await load(coordinator.cookie, p.participantId, "?typ=allt");
    expect(unknown.data.filter).toBeNull();
  });

  it("writes an audit 'read' entry for every read of the page", async () => {
    const p = await createParticipant();
    await load(coordinator.cookie, p.participantId);
    await load(chef.cookie, p.participantId, "?typ=fov");
    const reads = await prisma.auditEvent.findMany({
      where: { participantId: p.participantId, action: "read" },
      orderBy: { at: "asc" },
      select: { userId: true, entity: true, entityId: true },
    });
    expect(reads).toEqual([
      { userId: coordinator.id, entity: "participant", entityId: p.participantId },
      { userId: chef.id, entity: "participant", entityId: p.participantId },
    ]);
  });

  it("refuses another koordinator's participant and the styrgrupp with 403, reading and writing", async () => {
    const p = await createParticipant();
    for (const user of [outsider, steering]) {
      const page = await load(user.cookie, p.participantId);
      expect(page.status).toBe(403);
      expect(page.data.timeline).toBeUndefined();
      const result = await refused(user.cookie, p.participantId, placement(p.enrolmentId));
      expect(result.status).toBe(403);
    }
    expect(await prisma.auditEvent.count({ where: { participantId: p.participantId, action: { not: "access-denied" } } })).toBe(0);
  });

  it("refuses an enrolment id outside the koordinator's scope with 403", async () => {
    const p = await createParticipant();
    const elsewhere = await createParticipant({ insatsId: org.insatser[1].id, kommunId: org.kommuner[2].id, coordinatorId: outsider.id });
    const result = await refused(coordinator.cookie, p.participantId, placement(elsewhere.enrolmentId));
    expect(result.status).toBe(403);
  });

  it("rejects a form posted from another site", async () => {
    const p = await createParticipant();
    const before = await rowCounts();
    const result = await post(coordinator.cookie, p.participantId, placement(p.enrolmentId), "https://evil.example");
    expect(result.status).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it("gives 404 for another förbund's participant", async () => {
    const other = await createOrganisation("Tredje förbundet");
    const p = await createParticipant({
      organisationId: other.organisationId,
      insatsId: other.insatser[0].id,
      kommunId: other.kommuner[0].id,
      coordinatorId: null,
    });
    expect((await load(chef.cookie, p.participantId)).status).toBe(404);
  });
});

// ── Återkallat samtycke ────────────────────────────────────────────────────

describe("consent withdrawal", () => {
  it("needs an explicit confirmation", async () => {
    const p = await createParticipant({ name: "Anna Andersson" });
    const result = await refused(coordinator.cookie, p.participantId, { intent: "withdraw-consent", version: "1", date: todayInSweden() });
    expect(result.data.fieldErrors).toEqual({ confirm: ["Bekräfta att deltagaren har återkallat sitt samtycke och att uppgifterna ska raderas."] });
    expect((await prisma.participant.findUniqueOrThrow({ where: { id: p.participantId } })).name).toBe("Anna Andersson");
  });

  it("erases name, code and free text, unlinks referrals and study visits, keeps the anonymous facts, and the page is gone", async () => {
    const p = await createParticipant({ name: "Anna Andersson" });
    const e = p.enrolmentId;
    await prisma.activity.create({ data: { enrolmentId: e, date: "2025-02-01", activityTypeId: ids.activityType, note: "Berättade om sin bror" } });
    await prisma.trappanPlacement.create({ data: { enrolmentId: e, date: "2025-02-01", step: 3, motivation: "Ny praktik på ICA" } });
    await prisma.fovScreening.create({ data: { enrolmentId: e, date: "2025-02-01", outcome: "ej_tillfragad", notAskedReason: "Mannen var med" } });
    await prisma.supportIntervention.create({
      data: { enrolmentId: e, date: "2025-02-01", supportTypeId: ids.supportPlain, raisesActivityLevel: false, note: "Färdtjänst till Växjö" },
    });
    await prisma.skapaAssessment.create({ data: { enrolmentId: e, date: "2025-02-01", scores: { create: [{ areaId: areas[0].id, participantScore: 4 }] } } });
    const referral = await prisma.referral.create({
      data: { organisationId: org.organisationId, date: "2025-01-01", referrerId: ids.referrer, ...scope, participantId: p.participantId },
    });
    const visit = await prisma.studyVisit.create({
      data: { organisationId: org.organisationId, date: "2024-12-01", ...scope, participantId: p.participantId },
    });
    await load(coordinator.cookie, p.participantId);

    const result = await post(coordinator.cookie, p.participantId, { intent: "withdraw-consent", version: "1", date: "2025-08-01", confirm: "on" });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/deltagare");

    const person = await prisma.participant.findUniqueOrThrow({ where: { id: p.participantId } });
    expect(person).toMatchObject({ code: null, name: null });
    expect(person.erasedAt).toBeInstanceOf(Date);
    expect(await prisma.activity.findFirstOrThrow({ where: { enrolmentId: e } })).toMatchObject({ date: "2025-02-01", note: null });
    expect(await prisma.trappanPlacement.findFirstOrThrow({ where: { enrolmentId: e } })).toMatchObject({ date: "2025-02-01", step: 3, motivation: null });
    expect(await prisma.fovScreening.findFirstOrThrow({ where: { enrolmentId: e } })).toMatchObject({ outcome: "ej_tillfragad", notAskedReason: null });
    expect(await prisma.supportIntervention.findFirstOrThrow({ where: { enrolmentId: e } })).toMatchObject({ note: null });
    expect(await prisma.skapaScore.count({ where: { assessment: { enrolmentId: e } } })).toBe(1);
    expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: e } })).toMatchObject({ enrolledDate: ENROLLED, gender: "kvinna" });
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ participantId: null, date: "2025-01-01" });
    expect(await prisma.studyVisit.findUniqueOrThrow({ where: { id: visit.id } })).toMatchObject({ participantId: null });
    expect((await prisma.consent.findFirstOrThrow({ where: { participantId: p.participantId } })).withdrawnDate).toBe("2025-08-01");

    const withdrawal = await prisma.auditEvent.findMany({ where: { participantId: p.participantId, action: "consent-withdrawal" } });
    expect(withdrawal.map((entry) => [entry.userId, entry.entity, entry.entityId, entry.detail])).toEqual([
      [coordinator.id, "participant", p.participantId, null],
    ]);
    const log = JSON.stringify(await prisma.auditEvent.findMany({ where: { participantId: p.participantId } }));
    for (const erased of ["Anna", p.code, "bror", "ICA", "Mannen", "Växjö"]) expect(log).not.toContain(erased);

    for (const user of [coordinator, chef]) expect((await load(user.cookie, p.participantId)).status).toBe(404);
    expect((await post(coordinator.cookie, p.participantId, placement(e))).status).toBe(404);
  });
});
