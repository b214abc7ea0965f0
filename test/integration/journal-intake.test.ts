import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import { prisma } from "~/data/db.server";
import { createEnrolment } from "~/data/enrolments.server";
import * as referralDetailRoute from "~/routes/referrals/detail";
import * as referralListRoute from "~/routes/referrals/list";
import * as newReferralRoute from "~/routes/referrals/new";
import * as studyVisitsRoute from "~/routes/study-visits/index";
import { addDays, todayInSweden } from "~/domain/period";
import { formatDate } from "~/utils/format";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest, postRequest } from "../route";

// Referral intake, consent and enrolment (issue 4, points 1–4), through the real route modules.

const today = todayInSweden();
const ago = (days: number) => addDays(today, -days);
const tomorrow = addDays(today, 1);

type Org = Awaited<ReturnType<typeof createOrganisation>>;
let org: Org;
let other: Org;
let ref: { referrerId: string; ageGroupId: string; incomeId: string; followUpTypeId: string; meetingTypeId: string };
let foreign: { kommunId: string; ageGroupId: string; referrerId: string };
let samSteg: string, samverkan: string, ljungby: string, markaryd: string, almhult: string;
let koordA: { id: string; cookie: string };
let koordB: { id: string; cookie: string };
let chef: { id: string; cookie: string };
let styrgrupp: { id: string; cookie: string };

async function signedIn(
  organisationId: string,
  role: "koordinator" | "forbundschef" | "styrgrupp",
  assignments: { insatsId: string; kommunId: string }[] = [],
) {
  const user = await createUser(organisationId, role, { assignments });
  return { id: user.id, cookie: await sessionCookie(user.id) };
}

async function currentUser(userId: string): Promise<CurrentUser> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { assignments: true } });
  return {
    id: user.id,
    organisationId: user.organisationId,
    name: user.name,
    email: user.email,
    role: user.role as CurrentUser["role"],
    assignments: user.assignments,
    sessionId: "test",
  };
}

beforeAll(async () => {
  org = await createOrganisation("Intagsförbundet");
  other = await createOrganisation("Grannförbundet");
  [ljungby, markaryd, almhult] = org.kommuner.map((k) => k.id);
  [samSteg, samverkan] = org.insatser.map((i) => i.id);
  const organisationId = org.organisationId;
  ref = {
    referrerId: (await prisma.referrer.findFirstOrThrow({ where: { organisationId, name: "Försäkringskassan" } })).id,
    ageGroupId: (await prisma.ageGroup.findFirstOrThrow({ where: { organisationId, label: "30-39" } })).id,
    incomeId: (await prisma.incomeSource.findFirstOrThrow({ where: { organisationId, label: "Sjukpenning" } })).id,
    followUpTypeId: (await prisma.activityType.findFirstOrThrow({ where: { organisationId, key: "referrer-follow-up" } })).id,
    meetingTypeId: (await prisma.activityType.findFirstOrThrow({ where: { organisationId, label: "Individuellt samtal" } })).id,
  };
  foreign = {
    kommunId: other.kommuner[0].id,
    ageGroupId: (await prisma.ageGroup.findFirstOrThrow({ where: { organisationId: other.organisationId } })).id,
    referrerId: (await prisma.referrer.findFirstOrThrow({ where: { organisationId: other.organisationId } })).id,
  };
  koordA = await signedIn(organisationId, "koordinator", [
    { insatsId: samSteg, kommunId: ljungby },
    { insatsId: samSteg, kommunId: markaryd },
  ]);
  koordB = await signedIn(organisationId, "koordinator", [{ insatsId: samverkan, kommunId: almhult }]);
  chef = await signedIn(organisationId, "forbundschef");
  styrgrupp = await signedIn(organisationId, "styrgrupp");
});

// ── Helpers ────────────────────────────────────────────────────────────────

const referralFields = (changes: Record<string, string> = {}) => ({
  date: ago(10),
  referrerId: ref.referrerId,
  insatsId: samSteg,
  kommunId: ljungby,
  ...changes,
});

async function postReferral(cookie: string, fields: Record<string, string>) {
  return callRoute(newReferralRoute.action, postRequest("/remisser/ny", fields, { cookie }));
}

async function newReferral(fields: Record<string, string> = {}, cookie = koordA.cookie): Promise<string> {
  const result = await postReferral(cookie, referralFields(fields));
  expect(result.status).toBe(302);
  return result.location!.split("/").pop()!;
}

async function postDetail(referralId: string, fields: Record<string, string>, cookie = koordA.cookie) {
  return callRoute(referralDetailRoute.action, postRequest(`/remisser/${referralId}`, fields, { cookie }), { referralId });
}

const consentFields = (changes: Record<string, string> = {}) => ({
  intent: "consent",
  code: `K-${Math.random().toString(36).slice(2, 8)}`,
  name: "Anna Andersson",
  givenDate: ago(8),
  coversSharing: "on",
  coversStatistics: "on",
  ...changes,
});

const enrolmentFields = (changes: Record<string, string> = {}) => ({
  intent: "enrolment",
  insatsId: samSteg,
  kommunId: ljungby,
  coordinatorId: koordA.id,
  referrerId: ref.referrerId,
  gender: "kvinna",
  ageGroupId: ref.ageGroupId,
  incomeStartId: ref.incomeId,
  enrolledDate: ago(5),
  firstStep: "2",
  ...changes,
});

/** A referral with consent recorded: the state in which the enrolment form is shown. */
async function consentedReferral(consent: Record<string, string> = {}) {
  const referralId = await newReferral();
  const result = await postDetail(referralId, consentFields(consent));
  expect(result.status).toBe(200);
  const { participantId } = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { participantId: true } });
  return { referralId, participantId: participantId! };
}

/** Row counts of everything intake writes, to prove that a refused form wrote nothing. */
async function counts() {
  const [referrals, participants, consents, enrolments, placements, studyVisits, audits] = await Promise.all([
    prisma.referral.count(),
    prisma.participant.count(),
    prisma.consent.count(),
    prisma.enrolment.count(),
    prisma.trappanPlacement.count(),
    prisma.studyVisit.count(),
    // Reads and refusals are logged (test/integration/refusal-audit.test.ts); no write may be.
    prisma.auditEvent.count({ where: { action: { notIn: ["read", "access-denied"] } } }),
  ]);
  return { referrals, participants, consents, enrolments, placements, studyVisits, audits };
}

async function expectRefused(write: () => Promise<{ status: number; data: any }>, expected: { field?: string; message: string }) {
  const before = await counts();
  const result = await write();
  expect(result.status).toBe(400);
  if (expected.field) expect(result.data.fieldErrors[expected.field]).toEqual([expected.message]);
  else expect(result.data.formError).toBe(expected.message);
  expect(await counts()).toEqual(before);
  return result;
}

// ── Referrals ──────────────────────────────────────────────────────────────

describe("registering a referral", () => {
  it("saves the referral with its date, remittent, insats and kommun, audits it and opens its page", async () => {
    const result = await postReferral(koordA.cookie, referralFields({ kommunId: markaryd }));
    expect(result.status).toBe(302);
    const referralId = result.location!.replace("/remisser/", "");
    const referral = await prisma.referral.findUniqueOrThrow({ where: { id: referralId } });
    expect(referral).toMatchObject({
      organisationId: org.organisationId,
      date: ago(10),
      referrerId: ref.referrerId,
      insatsId: samSteg,
      kommunId: markaryd,
      decision: null,
      participantId: null,
    });
    const events = await prisma.auditEvent.findMany({ where: { entityId: referralId } });
    expect(events.map((e) => [e.action, e.entity, e.userId])).toEqual([["create", "referral", koordA.id]]);
  });

  it("gives a Swedish message for every missing field and writes nothing", async () => {
    const result = await expectRefused(() => postReferral(koordA.cookie, {}), { field: "date", message: "Remissdatum måste fyllas i." });
    expect(result.data.fieldErrors).toEqual({
      date: ["Remissdatum måste fyllas i."],
      referrerId: ["Välj en remittent."],
      kommunId: ["Välj en kommun."],
      insatsId: ["Välj en insats."],
    });
  });

  it("refuses a date in the future", async () => {
    await expectRefused(() => postReferral(koordA.cookie, referralFields({ date: tomorrow })), {
      field: "date",
      message: "Remissdatum kan inte ligga i framtiden.",
    });
  });

  it("refuses a date that does not exist", async () => {
    await expectRefused(() => postReferral(koordA.cookie, referralFields({ date: "2025-02-30" })), {
      field: "date",
      message: "Remissdatum är inte ett giltigt datum.",
    });
  });

  it("refuses another förbund's kommun and remittent ids as if they were unknown", async () => {
    const result = await expectRefused(() => postReferral(chef.cookie, referralFields({ kommunId: foreign.kommunId, referrerId: foreign.referrerId })), {
      field: "kommunId",
      message: "Välj en kommun i listan.",
    });
    expect(result.data.fieldErrors.referrerId).toEqual(["Välj en remittent i listan."]);
  });

  it("lets a koordinator choose only an assigned insats × kommun", async () => {
    await expectRefused(() => postReferral(koordA.cookie, referralFields({ insatsId: samverkan, kommunId: ljungby })), {
      field: "kommunId",
      message: "Du arbetar inte med den här insatsen i vald kommun. Välj en av dina kommuner.",
    });
  });

  it("lets the förbundschef register a referral in any insats × kommun", async () => {
    const referralId = await newReferral({ insatsId: samverkan, kommunId: ljungby }, chef.cookie);
    expect(await prisma.referral.count({ where: { id: referralId, insatsId: samverkan, kommunId: ljungby } })).toBe(1);
  });

  it("offers a koordinator only their own insatser, kommuner and pairs", async () => {
    const result = await callRoute(newReferralRoute.loader, getRequest("/remisser/ny", koordA.cookie));
    expect(result.data.options.insatser.map((o: any) => o.label)).toEqual(["SamSteg"]);
    expect(result.data.options.kommuner.map((o: any) => o.label)).toEqual(["Ljungby", "Markaryd"]);
    expect(result.data.options.pairs).toHaveLength(2);
  });

  it("is closed to the styrgrupp, who never sees individuals", async () => {
    expect((await callRoute(newReferralRoute.loader, getRequest("/remisser/ny", styrgrupp.cookie))).status).toBe(403);
    const before = await counts();
    expect((await postReferral(styrgrupp.cookie, referralFields())).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("rejects a post from another site", async () => {
    const before = await counts();
    const result = await callRoute(
      newReferralRoute.action,
      postRequest("/remisser/ny", referralFields(), { cookie: koordA.cookie, origin: "https://evil.example" }),
    );
    expect(result.status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe("the referral decision", () => {
  it("saves the decision, bumps the version and audits the change", async () => {
    const referralId = await newReferral();
    const result = await postDetail(referralId, { intent: "decision", decision: "konsultation", version: "1" });
    expect(result.data).toEqual({ ok: true, intent: "decision", targetId: null, message: "Beslutet är sparat.", detail: {} });
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { decision: true, version: true } })).toEqual({
      decision: "konsultation",
      version: 2,
    });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: referralId, action: "update" } });
    expect(event.detail).toBe("ändrat: beslut");
  });

  it("refuses a decision outside the list", async () => {
    const referralId = await newReferral();
    await expectRefused(() => postDetail(referralId, { intent: "decision", decision: "kanske", version: "1" }), {
      field: "decision",
      message: "Välj ett beslut i listan.",
    });
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).decision).toBeNull();
  });

  it("does not overwrite a decision someone else saved meanwhile, and keeps the user's choice", async () => {
    const referralId = await newReferral();
    await postDetail(referralId, { intent: "decision", decision: "ko", version: "1" });
    const result = await expectRefused(() => postDetail(referralId, { intent: "decision", decision: "ej_aktuell", version: "1" }), {
      message: "Någon annan har ändrat remissen sedan du öppnade sidan. Ladda om sidan, kontrollera och spara igen.",
    });
    expect(result.data.values.decision).toBe("ej_aktuell");
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).decision).toBe("ko");
  });

  it("answers 403 to a koordinator of other insatser and 404 to another förbund's id", async () => {
    const referralId = await newReferral();
    const forbidden = await postDetail(referralId, { intent: "decision", decision: "ko", version: "1" }, koordB.cookie);
    expect(forbidden.status).toBe(403);
    expect((await callRoute(referralDetailRoute.loader, getRequest(`/remisser/${referralId}`, koordB.cookie), { referralId })).status).toBe(403);
    const otherChef = await signedIn(other.organisationId, "forbundschef");
    expect((await postDetail(referralId, { intent: "decision", decision: "ko", version: "1" }, otherChef.cookie)).status).toBe(404);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).decision).toBeNull();
  });
});

describe("the referral list", () => {
  it("shows a koordinator only the referrals of their pairs, filtered from the URL, with decision counts", async () => {
    const fresh = await createOrganisation("Remissförbundet");
    const [lj, ma, al] = fresh.kommuner.map((k) => k.id);
    const [ins] = fresh.insatser.map((i) => i.id);
    const referrerId = (await prisma.referrer.findFirstOrThrow({ where: { organisationId: fresh.organisationId } })).id;
    const koord = await signedIn(fresh.organisationId, "koordinator", [
      { insatsId: ins, kommunId: lj },
      { insatsId: ins, kommunId: ma },
    ]);
    const rows = [
      { date: "2025-01-10", kommunId: lj, decision: "inskriven" },
      { date: "2025-02-10", kommunId: lj, decision: null },
      { date: "2025-03-10", kommunId: ma, decision: "ej_aktuell" },
      { date: "2025-04-10", kommunId: al, decision: null }, // not the koordinator's kommun
    ];
    for (const row of rows) await prisma.referral.create({ data: { organisationId: fresh.organisationId, referrerId, insatsId: ins, ...row } });

    const all = await callRoute(referralListRoute.loader, getRequest("/remisser", koord.cookie));
    expect(all.data.total).toBe(3);
    expect(all.data.rows.map((r: any) => r.date)).toEqual(["2025-03-10", "2025-02-10", "2025-01-10"]);
    expect(all.data.decisionCounts).toEqual({ inskriven: 1, obeslutad: 1, ej_aktuell: 1 });

    const undecided = await callRoute(referralListRoute.loader, getRequest("/remisser?decision=obeslutad", koord.cookie));
    expect(undecided.data.rows.map((r: any) => r.date)).toEqual(["2025-02-10"]);
    const period = await callRoute(referralListRoute.loader, getRequest(`/remisser?kommun=${lj}&from=2025-02-01&to=2025-12-31`, koord.cookie));
    expect(period.data.rows.map((r: any) => r.date)).toEqual(["2025-02-10"]);

    const chefOfFresh = await signedIn(fresh.organisationId, "forbundschef");
    expect((await callRoute(referralListRoute.loader, getRequest("/remisser", chefOfFresh.cookie))).data.total).toBe(4);
    expect((await callRoute(referralListRoute.loader, getRequest("/remisser", styrgrupp.cookie))).status).toBe(403);
  });
});

// ── Consent ────────────────────────────────────────────────────────────────

describe("recording consent", () => {
  it("creates the participant with code, name and consent, links the referral and audits each step", async () => {
    const referralId = await newReferral();
    const result = await postDetail(referralId, consentFields({ code: "SAM-001", givenDate: ago(7), coversStatistics: "" }));
    expect(result.data).toEqual({ ok: true, intent: "consent", targetId: null, message: "Samtycket är registrerat. Fyll i inskrivningen nedan.", detail: {} });
    const participant = await prisma.participant.findFirstOrThrow({
      where: { organisationId: org.organisationId, code: "SAM-001" },
      include: { consents: true, referrals: true },
    });
    expect(participant.name).toBe("Anna Andersson");
    expect(
      participant.consents.map(({ givenDate, coversSharing, coversStatistics, withdrawnDate }) => ({
        givenDate,
        coversSharing,
        coversStatistics,
        withdrawnDate,
      })),
    ).toEqual([{ givenDate: ago(7), coversSharing: true, coversStatistics: false, withdrawnDate: null }]);
    expect(participant.referrals.map((r) => r.id)).toEqual([referralId]);
    const events = await prisma.auditEvent.findMany({ where: { participantId: participant.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.action, e.entity, e.detail])).toEqual([
      ["create", "participant", "kod, namn"],
      ["create", "consent", "omfattar: informationsutbyte"],
      ["update", "referral", "ändrat: deltagare"],
    ]);
  });

  it("shows the enrolment form only after consent is recorded", async () => {
    const referralId = await newReferral();
    const load = () => callRoute(referralDetailRoute.loader, getRequest(`/remisser/${referralId}`, koordA.cookie), { referralId });
    const before = await load();
    expect(before.data.referral.participant).toBeNull();
    expect(before.data.enrolmentOptions).toBeNull();
    await postDetail(referralId, consentFields());
    const after = await load();
    expect(after.data.referral.participant.consent.givenDate).toBe(ago(8));
    expect(after.data.enrolmentOptions.ageGroups).toHaveLength(6);
  });

  it("refuses to enrol before consent: nothing about the person can be saved", async () => {
    const referralId = await newReferral();
    await expectRefused(() => postDetail(referralId, enrolmentFields()), { message: "Registrera samtycket innan deltagaren skrivs in." });
  });

  it("refuses a code already used in the förbund", async () => {
    await consentedReferral({ code: "DUBBEL-1" });
    const referralId = await newReferral();
    await expectRefused(() => postDetail(referralId, consentFields({ code: "DUBBEL-1" })), { field: "code", message: "Koden används redan." });
    expect(await prisma.referral.count({ where: { id: referralId, participantId: null } })).toBe(1);
  });

  it("allows the same code in another förbund", async () => {
    await consentedReferral({ code: "DELAD-1" });
    const otherChef = await signedIn(other.organisationId, "forbundschef");
    const otherReferrer = await prisma.referrer.findFirstOrThrow({ where: { organisationId: other.organisationId } });
    const referralId = await newReferral({ referrerId: otherReferrer.id, insatsId: other.insatser[0].id, kommunId: other.kommuner[0].id }, otherChef.cookie);
    expect((await postDetail(referralId, consentFields({ code: "DELAD-1" }), otherChef.cookie)).status).toBe(200);
  });

  it("gives Swedish messages for a missing code and date and for consent covering nothing", async () => {
    const referralId = await newReferral();
    const result = await expectRefused(() => postDetail(referralId, { intent: "consent", code: " ", givenDate: "" }), {
      field: "code",
      message: "Deltagarkoden måste fyllas i.",
    });
    expect(result.data.fieldErrors.givenDate).toEqual(["Datum för samtycket måste fyllas i."]);
    await expectRefused(() => postDetail(referralId, consentFields({ coversSharing: "", coversStatistics: "" })), {
      field: "coversSharing",
      message: "Ange vad samtycket omfattar: informationsutbyte mellan parterna, uppföljningsstatistik eller båda.",
    });
  });

  it("refuses a consent date in the future", async () => {
    const referralId = await newReferral();
    await expectRefused(() => postDetail(referralId, consentFields({ givenDate: tomorrow })), {
      field: "givenDate",
      message: "Datum för samtycket kan inte ligga i framtiden.",
    });
  });

  it("refuses a second consent on the same referral", async () => {
    const { referralId } = await consentedReferral();
    await expectRefused(() => postDetail(referralId, consentFields()), { message: "Samtycke är redan registrerat för den här remissen." });
  });

  it("answers 403 to another koordinator and to the styrgrupp", async () => {
    const referralId = await newReferral();
    const before = await counts();
    expect((await postDetail(referralId, consentFields(), koordB.cookie)).status).toBe(403);
    expect((await postDetail(referralId, consentFields(), styrgrupp.cookie)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("audits the reading of a referral page that shows a person", async () => {
    const { referralId, participantId } = await consentedReferral();
    await callRoute(referralDetailRoute.loader, getRequest(`/remisser/${referralId}`, koordA.cookie), { referralId });
    const reads = await prisma.auditEvent.findMany({ where: { participantId, action: "read" } });
    expect(reads.map((e) => [e.entity, e.entityId, e.userId])).toEqual([["referral", referralId, koordA.id]]);
  });
});

// ── Enrolment ──────────────────────────────────────────────────────────────

describe("enrolment", () => {
  it("saves every attribute, the first Trappan step and the decision, audits it and opens the participant page", async () => {
    const { referralId, participantId } = await consentedReferral();
    const result = await postDetail(referralId, enrolmentFields({ kommunId: markaryd, firstStep: "3" }));
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/deltagare/${participantId}`);
    const enrolment = await prisma.enrolment.findFirstOrThrow({ where: { participantId }, include: { placements: true } });
    expect(enrolment).toMatchObject({
      organisationId: org.organisationId,
      insatsId: samSteg,
      kommunId: markaryd,
      coordinatorId: koordA.id,
      referrerId: ref.referrerId,
      gender: "kvinna",
      ageGroupId: ref.ageGroupId,
      incomeStartId: ref.incomeId,
      enrolledDate: ago(5),
      closedDate: null,
    });
    expect(enrolment.placements.map(({ date, step }) => ({ date, step }))).toEqual([{ date: ago(5), step: 3 }]);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).decision).toBe("inskriven");
    const events = await prisma.auditEvent.findMany({ where: { participantId, action: { not: "read" } }, orderBy: { at: "asc" } });
    expect(events.slice(3).map((e) => [e.action, e.entity])).toEqual([
      ["create", "enrolment"],
      ["create", "trappan-placement"],
      ["update", "referral"],
    ]);
  });

  it("keeps a decision already made and places no step when none is given", async () => {
    const { referralId, participantId } = await consentedReferral();
    await postDetail(referralId, { intent: "decision", decision: "ko", version: "2" });
    expect((await postDetail(referralId, enrolmentFields({ firstStep: "", coordinatorId: "", incomeStartId: "" }))).status).toBe(302);
    const enrolment = await prisma.enrolment.findFirstOrThrow({ where: { participantId }, include: { placements: true } });
    expect(enrolment).toMatchObject({ coordinatorId: null, incomeStartId: null });
    expect(enrolment.placements).toEqual([]);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).decision).toBe("ko");
  });

  it("gives a Swedish message for every missing field", async () => {
    const { referralId } = await consentedReferral();
    const result = await expectRefused(() => postDetail(referralId, { intent: "enrolment" }), { field: "gender", message: "Välj kön." });
    expect(result.data.fieldErrors).toEqual({
      insatsId: ["Välj en insats."],
      kommunId: ["Välj en kommun."],
      referrerId: ["Välj en remittent."],
      gender: ["Välj kön."],
      ageGroupId: ["Välj en åldersgrupp."],
      enrolledDate: ["Inskrivningsdatum måste fyllas i."],
    });
  });

  it("refuses a date in the future", async () => {
    const { referralId } = await consentedReferral();
    await expectRefused(() => postDetail(referralId, enrolmentFields({ enrolledDate: tomorrow })), {
      field: "enrolledDate",
      message: "Inskrivningsdatum kan inte ligga i framtiden.",
    });
  });

  it("refuses an enrolment date before the consent", async () => {
    const { referralId } = await consentedReferral({ givenDate: "2025-03-07" });
    await expectRefused(() => postDetail(referralId, enrolmentFields({ enrolledDate: "2025-03-06" })), {
      field: "enrolledDate",
      message: "Inskrivningsdatum kan inte vara före samtycket (7 mars 2025).",
    });
  });

  it("refuses a step outside the ladder", async () => {
    const { referralId } = await consentedReferral();
    await expectRefused(() => postDetail(referralId, enrolmentFields({ firstStep: "7" })), { field: "firstStep", message: "Välj ett steg mellan 1 och 6." });
  });

  it("refuses an unknown kön", async () => {
    const { referralId } = await consentedReferral();
    await expectRefused(() => postDetail(referralId, enrolmentFields({ gender: "okänd" })), { field: "gender", message: "Välj kön." });
  });

  it("refuses another förbund's kommun and age group ids", async () => {
    const { referralId } = await consentedReferral();
    const result = await expectRefused(() => postDetail(referralId, enrolmentFields({ kommunId: foreign.kommunId, ageGroupId: foreign.ageGroupId })), {
      field: "kommunId",
      message: "Välj en kommun i listan.",
    });
    expect(result.data.fieldErrors.ageGroupId).toEqual(["Välj en åldersgrupp i listan."]);
  });

  it("refuses an insats × kommun outside the koordinator's assignments", async () => {
    const { referralId } = await consentedReferral();
    await expectRefused(() => postDetail(referralId, enrolmentFields({ insatsId: samverkan, kommunId: almhult, coordinatorId: "" })), {
      field: "kommunId",
      message: "Du arbetar inte med den här insatsen i vald kommun. Välj en av dina kommuner.",
    });
  });

  it("refuses a koordinator who does not work in the chosen pair, and a user who is not a koordinator", async () => {
    const { referralId } = await consentedReferral();
    await expectRefused(() => postDetail(referralId, enrolmentFields({ coordinatorId: koordB.id })), {
      field: "coordinatorId",
      message: "Koordinatorn arbetar inte med vald insats i vald kommun.",
    });
    await expectRefused(() => postDetail(referralId, enrolmentFields({ coordinatorId: chef.id })), {
      field: "coordinatorId",
      message: "Välj en koordinator i listan.",
    });
  });

  it("refuses a second open enrolment", async () => {
    const { referralId } = await consentedReferral();
    expect((await postDetail(referralId, enrolmentFields())).status).toBe(302);
    await expectRefused(() => postDetail(referralId, enrolmentFields()), {
      message: "Deltagaren har redan en pågående inskrivning. Avsluta den innan en ny inskrivning görs.",
    });
  });

  it("answers 403 to another koordinator and to the styrgrupp, and 404 for another förbund's participant", async () => {
    const { referralId, participantId } = await consentedReferral();
    const before = await counts();
    expect((await postDetail(referralId, enrolmentFields(), koordB.cookie)).status).toBe(403);
    expect((await postDetail(referralId, enrolmentFields(), styrgrupp.cookie)).status).toBe(403);
    expect(await counts()).toEqual(before);
    const otherChef = await currentUser((await signedIn(other.organisationId, "forbundschef")).id);
    const input = {
      insatsId: samSteg,
      kommunId: ljungby,
      coordinatorId: null,
      referrerId: ref.referrerId,
      gender: "man" as const,
      ageGroupId: ref.ageGroupId,
      incomeStartId: null,
      enrolledDate: ago(1),
    };
    expect(await createEnrolment(otherChef, participantId, input)).toEqual({ ok: false, reason: "gone", formError: "Deltagaren finns inte." });
    expect(await counts()).toEqual(before);
  });
});

const SAME_DAY_START = "Inskrivningsdatum måste vara efter förra inskrivningens avslut (";
const SAME_DAY_END = "). En deltagare kan inte ha två inskrivningar samma dag.";

describe("createEnrolment for re-enrolment", () => {
  const input = (enrolledDate: string) => ({
    insatsId: samSteg,
    kommunId: ljungby,
    coordinatorId: null,
    referrerId: ref.referrerId,
    gender: "annat" as const,
    ageGroupId: ref.ageGroupId,
    incomeStartId: null,
    enrolledDate,
    firstStep: 1,
  });

  async function closedParticipant(closedDate: string) {
    const { referralId, participantId } = await consentedReferral({ givenDate: ago(200) });
    await postDetail(referralId, enrolmentFields({ enrolledDate: ago(150) }));
    await prisma.enrolment.updateMany({ where: { participantId }, data: { closedDate } });
    return participantId;
  }

  it("creates a new enrolment with its own history after the earlier one closed", async () => {
    const participantId = await closedParticipant(ago(30));
    const user = await currentUser(koordA.id);
    const result = await createEnrolment(user, participantId, input(ago(20)));
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
    const enrolments = await prisma.enrolment.findMany({ where: { participantId }, orderBy: { enrolledDate: "asc" }, include: { placements: true } });
    expect(enrolments.map((e) => [e.enrolledDate, e.closedDate, e.placements.map((p) => p.step)])).toEqual([
      [ago(150), ago(30), [2]],
      [ago(20), null, [1]],
    ]);
    expect(enrolments[1].id).toBe(result.enrolmentId);
  });

  it("refuses a date before the end of the previous enrolment, and the day of the closure itself", async () => {
    const participantId = await closedParticipant(ago(60));
    const user = await currentUser(koordA.id);
    const before = await counts();
    expect(await createEnrolment(user, participantId, input(ago(61)))).toEqual({
      ok: false,
      reason: "refused",
      formError: null,
      fieldErrors: { enrolledDate: [`Inskrivningsdatum kan inte vara före förra inskrivningens avslut (${formatDate(ago(60))}).`] },
    });
    // Two enrolments never share a day: the re-enrolment starts after the day of the closure.
    expect(await createEnrolment(user, participantId, input(ago(60)))).toEqual({
      ok: false,
      reason: "refused",
      formError: null,
      fieldErrors: { enrolledDate: [`${SAME_DAY_START}${formatDate(ago(60))}${SAME_DAY_END}`] },
    });
    expect(await counts()).toEqual(before);
    expect(await createEnrolment(user, participantId, input(ago(59)))).toMatchObject({ ok: true });
    expect(await prisma.enrolment.count({ where: { participantId } })).toBe(2);
  });

  it("refuses a second enrolment while the first is open, also through createEnrolment", async () => {
    const { referralId, participantId } = await consentedReferral();
    await postDetail(referralId, enrolmentFields());
    const before = await counts();
    expect(await createEnrolment(await currentUser(koordA.id), participantId, input(ago(1)))).toEqual({
      ok: false,
      reason: "refused",
      fieldErrors: {},
      formError: "Deltagaren har redan en pågående inskrivning. Avsluta den innan en ny inskrivning görs.",
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a person without recorded consent", async () => {
    const referralId = await newReferral();
    const participant = await prisma.participant.create({ data: { organisationId: org.organisationId, code: "UTAN-SAMTYCKE" } });
    await prisma.referral.update({ where: { id: referralId }, data: { participantId: participant.id } });
    const before = await counts();
    expect(await createEnrolment(await currentUser(koordA.id), participant.id, input(ago(1)))).toEqual({
      ok: false,
      reason: "refused",
      fieldErrors: {},
      formError: "Samtycke saknas. Registrera samtycket innan deltagaren skrivs in.",
    });
    expect(await counts()).toEqual(before);
  });
});

// ── An existing participant, referred again ────────────────────────────────

describe("linking an existing participant to a referral", () => {
  const linkFields = (code: string, changes: Record<string, string> = {}) => ({
    intent: "link",
    code,
    givenDate: "",
    coversSharing: "on",
    coversStatistics: "on",
    ...changes,
  });
  const noParticipant = (code: string) => `Det finns ingen deltagare med koden ${code} som du har tillgång till.`;

  /** A participant enrolled from a referral and closed: the person who comes back. */
  async function closedParticipant(code: string, cookie = koordA.cookie, pair = { insatsId: samSteg, kommunId: ljungby }) {
    const referralId = await newReferral(pair, cookie);
    expect((await postDetail(referralId, consentFields({ code, givenDate: ago(200) }), cookie)).status).toBe(200);
    const { participantId } = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { participantId: true } });
    const enrolled = await postDetail(referralId, enrolmentFields({ ...pair, coordinatorId: "", enrolledDate: ago(150) }), cookie);
    expect(enrolled.status).toBe(302);
    await prisma.enrolment.updateMany({ where: { participantId: participantId! }, data: { closedDate: ago(60) } });
    return participantId!;
  }

  it("links a closed participant by code, keeps their consent, audits it and then enrols them a second time", async () => {
    const participantId = await closedParticipant("ATER-1");
    const referralId = await newReferral();
    const before = await counts();
    const result = await postDetail(referralId, linkFields("ATER-1"));
    expect(result.status).toBe(200);
    expect(result.data).toEqual({
      ok: true,
      intent: "link",
      targetId: null,
      detail: { consentRecorded: false },
      message: "Remissen är kopplad till deltagaren. Deltagarens tidigare samtycke gäller. Fyll i den nya inskrivningen nedan.",
    });
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { participantId: true, version: true } })).toEqual({
      participantId,
      version: 2,
    });
    // No new participant and no new consent: the link and its audit entry only.
    expect(await counts()).toEqual({ ...before, audits: before.audits + 1 });
    const events = await prisma.auditEvent.findMany({ where: { entityId: referralId, action: "update" } });
    expect(events.map((e) => [e.entity, e.participantId, e.userId, e.detail])).toEqual([["referral", participantId, koordA.id, "ändrat: deltagare"]]);

    // The page now offers the enrolment form, as a new enrolment.
    const page = await callRoute(referralDetailRoute.loader, getRequest(`/remisser/${referralId}`, koordA.cookie), { referralId });
    expect(page.data.referral.participant).toMatchObject({ id: participantId, code: "ATER-1", hasOpenEnrolment: false, enrolmentCount: 1 });
    expect(page.data.enrolmentOptions).not.toBeNull();

    const enrolled = await postDetail(referralId, enrolmentFields({ enrolledDate: ago(5) }));
    expect(enrolled.status).toBe(302);
    expect(enrolled.location).toBe(`/deltagare/${participantId}`);
    const enrolments = await prisma.enrolment.findMany({ where: { participantId }, orderBy: { enrolledDate: "asc" } });
    expect(enrolments.map((e) => [e.enrolledDate, e.closedDate])).toEqual([
      [ago(150), ago(60)],
      [ago(5), null],
    ]);
    expect(await prisma.participant.count({ where: { organisationId: org.organisationId, code: "ATER-1" } })).toBe(1);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).decision).toBe("inskriven");
  });

  it("refuses a re-enrolment on the day the previous enrolment closed, keeping the input", async () => {
    const participantId = await closedParticipant("ATER-5");
    const referralId = await newReferral();
    expect((await postDetail(referralId, linkFields("ATER-5"))).status).toBe(200);
    const result = await expectRefused(() => postDetail(referralId, enrolmentFields({ enrolledDate: ago(60) })), {
      field: "enrolledDate",
      message: `${SAME_DAY_START}${formatDate(ago(60))}${SAME_DAY_END}`,
    });
    expect(result.data).toMatchObject({ intent: "enrolment", reason: "refused", values: { enrolledDate: ago(60), gender: "kvinna" } });
    expect((await postDetail(referralId, enrolmentFields({ enrolledDate: ago(59) }))).status).toBe(302);
    const enrolments = await prisma.enrolment.findMany({ where: { participantId }, orderBy: { enrolledDate: "asc" } });
    expect(enrolments.map((e) => [e.enrolledDate, e.closedDate])).toEqual([
      [ago(150), ago(60)],
      [ago(59), null],
    ]);
  });

  it("requires and records a new consent when the participant has none in force", async () => {
    const participantId = await closedParticipant("ATER-2");
    await prisma.consent.updateMany({ where: { participantId }, data: { withdrawnDate: ago(100) } });
    const referralId = await newReferral();
    const result = await expectRefused(() => postDetail(referralId, linkFields("ATER-2")), {
      field: "givenDate",
      message: "Deltagaren har inget gällande samtycke. Fyll i datum för nytt samtycke.",
    });
    expect(result.data.values.code).toBe("ATER-2");
    await expectRefused(() => postDetail(referralId, linkFields("ATER-2", { givenDate: ago(101) })), {
      field: "givenDate",
      message: `Datum för nytt samtycke kan inte vara före det återkallade samtycket (${formatDate(ago(100))}).`,
    });
    await expectRefused(() => postDetail(referralId, linkFields("ATER-2", { givenDate: tomorrow })), {
      field: "givenDate",
      message: "Datum för nytt samtycke kan inte ligga i framtiden.",
    });

    const linked = await postDetail(referralId, linkFields("ATER-2", { givenDate: ago(10), coversSharing: "" }));
    expect(linked.data).toMatchObject({
      ok: true,
      intent: "link",
      detail: { consentRecorded: true },
      message: "Remissen är kopplad till deltagaren och det nya samtycket är registrerat. Fyll i den nya inskrivningen nedan.",
    });
    const consents = await prisma.consent.findMany({ where: { participantId }, orderBy: { givenDate: "asc" } });
    expect(consents.map((c) => [c.givenDate, c.withdrawnDate, c.coversSharing, c.coversStatistics])).toEqual([
      [ago(200), ago(100), true, true],
      [ago(10), null, false, true],
    ]);
    const events = await prisma.auditEvent.findMany({ where: { participantId, action: { not: "read" } }, orderBy: { at: "desc" }, take: 2 });
    expect(events.map((e) => [e.action, e.entity, e.detail]).sort()).toEqual([
      ["create", "consent", "omfattar: statistik"],
      ["update", "referral", "ändrat: deltagare"],
    ]);
    // The enrolment respects the new consent.
    await expectRefused(() => postDetail(referralId, enrolmentFields({ enrolledDate: ago(11) })), {
      field: "enrolledDate",
      message: `Inskrivningsdatum kan inte vara före samtycket (${formatDate(ago(10))}).`,
    });
    expect((await postDetail(referralId, enrolmentFields({ enrolledDate: ago(10) }))).status).toBe(302);
  });

  it("answers an unknown code and another koordinator's participant with the same message, writing nothing", async () => {
    await closedParticipant("ANNANS-1", koordB.cookie, { insatsId: samverkan, kommunId: almhult });
    const referralId = await newReferral();
    await expectRefused(() => postDetail(referralId, linkFields("FINNS-INTE")), { field: "code", message: noParticipant("FINNS-INTE") });
    await expectRefused(() => postDetail(referralId, linkFields("ANNANS-1")), { field: "code", message: noParticipant("ANNANS-1") });
    // Another förbund's code is unknown too.
    await prisma.participant.create({ data: { organisationId: other.organisationId, code: "GRANNE-1" } });
    await expectRefused(() => postDetail(referralId, linkFields("GRANNE-1")), { field: "code", message: noParticipant("GRANNE-1") });
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).participantId).toBeNull();
  });

  it("refuses a participant with an open enrolment", async () => {
    const { referralId: first } = await consentedReferral({ code: "OPPEN-1" });
    expect((await postDetail(first, enrolmentFields())).status).toBe(302);
    const referralId = await newReferral();
    await expectRefused(() => postDetail(referralId, linkFields("OPPEN-1")), { field: "code", message: "Deltagaren har redan en pågående inskrivning." });
  });

  it("gives Swedish messages for a missing code and a consent covering nothing, keeping the input", async () => {
    const referralId = await newReferral();
    await expectRefused(() => postDetail(referralId, linkFields(" ")), { field: "code", message: "Deltagarkoden måste fyllas i." });
    const result = await expectRefused(() => postDetail(referralId, linkFields("ATER-X", { givenDate: ago(3), coversSharing: "", coversStatistics: "" })), {
      field: "coversSharing",
      message: "Ange vad samtycket omfattar: informationsutbyte mellan parterna, uppföljningsstatistik eller båda.",
    });
    expect(result.data.values).toMatchObject({ intent: "link", code: "ATER-X", givenDate: ago(3) });
  });

  it("refuses a referral that already has a participant", async () => {
    await closedParticipant("ATER-3");
    const { referralId } = await consentedReferral();
    await expectRefused(() => postDetail(referralId, linkFields("ATER-3")), { message: "Remissen är redan kopplad till en deltagare." });
  });

  it("lets the förbundschef link a participant of any insats and kommun", async () => {
    const participantId = await closedParticipant("ANNANS-2", koordB.cookie, { insatsId: samverkan, kommunId: almhult });
    const referralId = await newReferral({}, chef.cookie);
    expect((await postDetail(referralId, linkFields("ANNANS-2"), chef.cookie)).status).toBe(200);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).participantId).toBe(participantId);
  });

  it("answers 403 to the styrgrupp and to a post from another site, writing nothing", async () => {
    await closedParticipant("ATER-4");
    const referralId = await newReferral();
    const before = await counts();
    expect((await postDetail(referralId, linkFields("ATER-4"), styrgrupp.cookie)).status).toBe(403);
    const crossSite = await callRoute(
      referralDetailRoute.action,
      postRequest(`/remisser/${referralId}`, linkFields("ATER-4"), { cookie: koordA.cookie, origin: "https://evil.example" }),
      { referralId },
    );
    expect(crossSite.status).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: referralId } })).participantId).toBeNull();
  });
});

// ── Study visits ───────────────────────────────────────────────────────────

describe("study visits", () => {
  const post = (fields: Record<string, string>, cookie = koordA.cookie) => callRoute(studyVisitsRoute.action, postRequest("/studiebesok", fields, { cookie }));
  const visitFields = (changes: Record<string, string> = {}) => ({ date: ago(3), insatsId: samSteg, kommunId: ljungby, participantCode: "", ...changes });

  it("registers a visit without a participant and audits it", async () => {
    const result = await post(visitFields());
    expect(result.status).toBe(302);
    expect(result.location).toBe("/studiebesok?sparat=1");
    const visit = await prisma.studyVisit.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(visit).toMatchObject({ organisationId: org.organisationId, date: ago(3), insatsId: samSteg, kommunId: ljungby, participantId: null });
    expect(await prisma.auditEvent.count({ where: { entity: "study-visit", entityId: visit.id, action: "create" } })).toBe(1);
  });

  it("links a visit to one of the koordinator's participants by code", async () => {
    const { participantId } = await consentedReferral({ code: "BESOK-1" });
    expect((await post(visitFields({ participantCode: "BESOK-1" }))).status).toBe(302);
    expect(await prisma.studyVisit.count({ where: { participantId } })).toBe(1);
  });

  it("answers an unknown code and another koordinator's participant alike, writing nothing", async () => {
    await consentedReferral({ code: "BESOK-2" });
    await expectRefused(() => post(visitFields({ participantCode: "FINNS-INTE" })), {
      field: "participantCode",
      message: "Ingen av dina deltagare har den koden.",
    });
    await expectRefused(() => post(visitFields({ insatsId: samverkan, kommunId: almhult, participantCode: "BESOK-2" }), koordB.cookie), {
      field: "participantCode",
      message: "Ingen av dina deltagare har den koden.",
    });
  });

  it("refuses missing fields, a future date, a foreign kommun and a pair outside the assignments", async () => {
    const missing = await expectRefused(() => post({}), { field: "date", message: "Datum för studiebesöket måste fyllas i." });
    expect(missing.data.fieldErrors.insatsId).toEqual(["Välj en insats."]);
    await expectRefused(() => post(visitFields({ date: tomorrow })), { field: "date", message: "Datum för studiebesöket kan inte ligga i framtiden." });
    await expectRefused(() => post(visitFields({ kommunId: foreign.kommunId })), { field: "kommunId", message: "Välj en kommun i listan." });
    await expectRefused(() => post(visitFields({ kommunId: almhult })), {
      field: "kommunId",
      message: "Du arbetar inte med den här insatsen i vald kommun. Välj en av dina kommuner.",
    });
  });

  it("lists the visits of the koordinator's pairs with counts per kommun; the styrgrupp gets 403", async () => {
    const fresh = await createOrganisation("Besöksförbundet");
    const [lj, ma, al] = fresh.kommuner.map((k) => k.id);
    const ins = fresh.insatser[0].id;
    const koord = await signedIn(fresh.organisationId, "koordinator", [
      { insatsId: ins, kommunId: lj },
      { insatsId: ins, kommunId: ma },
    ]);
    for (const [date, kommunId] of [
      ["2025-01-01", lj],
      ["2025-02-01", lj],
      ["2025-03-01", ma],
      ["2025-04-01", al],
    ] as const) {
      await prisma.studyVisit.create({ data: { organisationId: fresh.organisationId, date, insatsId: ins, kommunId } });
    }
    const list = await callRoute(studyVisitsRoute.loader, getRequest("/studiebesok", koord.cookie));
    expect(list.data.total).toBe(3);
    expect(list.data.perKommun).toEqual({ [lj]: 2, [ma]: 1 });
    const filtered = await callRoute(studyVisitsRoute.loader, getRequest(`/studiebesok?kommun=${lj}&from=2025-01-15`, koord.cookie));
    expect(filtered.data.rows.map((r: any) => r.date)).toEqual(["2025-02-01"]);
    expect((await callRoute(studyVisitsRoute.loader, getRequest("/studiebesok", styrgrupp.cookie))).status).toBe(403);
    expect((await post(visitFields(), styrgrupp.cookie)).status).toBe(403);
  });
});
