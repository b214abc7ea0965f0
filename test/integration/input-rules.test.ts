import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { importFiles } from "~/data/import-write.server";
import { addDays, todayInSweden } from "~/domain/period";
import { person } from "~/import/validate/testing";
import * as kommunerRoute from "~/routes/admin/kommuner";
import * as insatserRoute from "~/routes/admin/insatser";
import * as participantRoute from "~/routes/participants/detail";
import * as referralDetailRoute from "~/routes/referrals/detail";
import * as newReferralRoute from "~/routes/referrals/new";
import * as studyVisitsRoute from "~/routes/study-visits/index";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, postRequest } from "../route";

// What may be stored as a participant code, a name, a date or free text (issue 11, points 3
// and 8) is one rule, asked by every form and by the import, and answered in the same words.

const PERSONNUMMER = "Deltagarkoden ser ut som ett personnummer eller samordningsnummer. Använd en pseudonym kod, t.ex. SAM-0123.";
const ago = (days: number) => addDays(todayInSweden(), -days);

let organisationId: string;
let importOrganisationId: string;
let scope: { insatsId: string; kommunId: string };
let refs: { referrerId: string; ageGroupId: string; meetingTypeId: string };
let coordinator: { id: string; cookie: string };
let chefCookie: string;

beforeAll(async () => {
  const org = await createOrganisation("Regelförbundet");
  organisationId = org.organisationId;
  importOrganisationId = (await createOrganisation("Importförbundet")).organisationId;
  scope = { insatsId: org.insatser[0].id, kommunId: org.kommuner[0].id };
  const user = await createUser(organisationId, "koordinator", { assignments: [scope] });
  coordinator = { id: user.id, cookie: await sessionCookie(user.id) };
  chefCookie = await sessionCookie((await createUser(organisationId, "forbundschef")).id);
  refs = {
    referrerId: (await prisma.referrer.findFirstOrThrow({ where: { organisationId, name: "Arbetsförmedlingen" } })).id,
    ageGroupId: (await prisma.ageGroup.findFirstOrThrow({ where: { organisationId, label: "30-39" } })).id,
    meetingTypeId: (await prisma.activityType.findFirstOrThrow({ where: { organisationId, label: "Individuellt samtal" } })).id,
  };
});

// ── The pages ──────────────────────────────────────────────────────────────

async function newReferral(): Promise<string> {
  const result = await callRoute(
    newReferralRoute.action,
    postRequest("/remisser/ny", { date: ago(20), referrerId: refs.referrerId, ...scope }, { cookie: coordinator.cookie }),
  );
  expect(result.status).toBe(302);
  return result.location!.split("/").pop()!;
}

async function postReferral(referralId: string, fields: Record<string, string>) {
  return callRoute(referralDetailRoute.action, postRequest(`/remisser/${referralId}`, fields, { cookie: coordinator.cookie }), { referralId });
}

const consent = (changes: Record<string, string>) => ({
  intent: "consent",
  code: `R-${Math.random().toString(36).slice(2, 8)}`,
  name: "Anna Andersson",
  givenDate: ago(10),
  coversSharing: "on",
  coversStatistics: "on",
  ...changes,
});

/** The messages each code field of the pages gives a code: consent, link and study visit. */
async function throughThePages(code: string) {
  const participantsBefore = await prisma.participant.count();
  const referralId = await newReferral();
  const consented = await postReferral(referralId, consent({ code }));
  const linked = await postReferral(await newReferral(), { intent: "link", code, givenDate: "" });
  const visit = await callRoute(
    studyVisitsRoute.action,
    postRequest("/studiebesok", { date: ago(3), ...scope, participantCode: code }, { cookie: coordinator.cookie }),
  );
  return {
    consent: consented.status === 200 ? "saved" : consented.data.fieldErrors.code,
    link: linked.data.fieldErrors?.code,
    studyVisit: visit.status === 302 ? "saved" : visit.data.fieldErrors.participantCode,
    created: (await prisma.participant.count()) - participantsBefore,
  };
}

// ── The import ─────────────────────────────────────────────────────────────

/** A deltagare.csv of one row: the import's standard test person with some cells changed. */
function deltagareFile(cells: Record<string, string>) {
  const row = person(cells);
  const text = [Object.keys(row).join(";"), Object.values(row).join(";")].join("\n");
  return { name: "deltagare.csv", data: new TextEncoder().encode(text) };
}

async function throughTheImport(cells: Record<string, string>, createMissing = false) {
  const result = await importFiles({ organisationId: importOrganisationId, files: [deltagareFile(cells)], dryRun: true, createMissing });
  return result.problems.map(({ column, message }) => ({ column, message }));
}

// ── Participant codes ──────────────────────────────────────────────────────

describe("a personnummer is no participant code, on any page or in the import", () => {
  it.each(["19800101-1234", "8001011234", "198001011234", "800101-1234", "19800161-1234"])("refuses %s everywhere, with the same message", async (code) => {
    expect(await throughThePages(code)).toEqual({ consent: [PERSONNUMMER], link: [PERSONNUMMER], studyVisit: [PERSONNUMMER], created: 0 });
    expect(await throughTheImport({ deltagare: code })).toEqual([{ column: "deltagare", message: PERSONNUMMER }]);
  });

  it.each(["DEMO-001", "A-1", "2025-17", "2025-0017"])("takes the ordinary code %s everywhere", async (code) => {
    const pages = await throughThePages(code);
    expect({ consent: pages.consent, created: pages.created }).toEqual({ consent: "saved", created: 1 });
    expect(pages.link).not.toEqual([PERSONNUMMER]);
    expect(await throughTheImport({ deltagare: code })).toEqual([]);
  });
});

// ── Control characters ─────────────────────────────────────────────────────

describe("control and bidirectional characters", () => {
  it("refuses them in a code and a name on the consent form, writing nothing", async () => {
    const before = await prisma.participant.count();
    const answer = await postReferral(await newReferral(), consent({ code: "SAM-\u202E1", name: "Anna\u0000Andersson" }));
    expect(answer.status).toBe(400);
    expect(answer.data.fieldErrors).toEqual({ code: ["Deltagarkoden innehåller otillåtna tecken."], name: ["Namnet innehåller otillåtna tecken."] });
    expect(await prisma.participant.count()).toBe(before);
  });

  it("refuses them in the name of a kommun", async () => {
    const answer = await callRoute(kommunerRoute.action, postRequest("/admin/kommuner", { intent: "create", name: "Ljung\u2066by" }, { cookie: chefCookie }));
    expect(answer.status).toBe(400);
    expect(answer.data.fieldErrors).toEqual({ name: ["Namnet innehåller otillåtna tecken."] });
  });

  it("keeps a meeting's note without them, line breaks kept", async () => {
    const referralId = await newReferral();
    expect((await postReferral(referralId, consent({}))).status).toBe(200);
    const enrolment = {
      intent: "enrolment",
      ...scope,
      coordinatorId: coordinator.id,
      referrerId: refs.referrerId,
      gender: "kvinna",
      ageGroupId: refs.ageGroupId,
    };
    expect((await postReferral(referralId, { ...enrolment, enrolledDate: ago(5) })).status).toBe(302);
    const { participantId } = await prisma.referral.findUniqueOrThrow({ where: { id: referralId }, select: { participantId: true } });
    const { id: enrolmentId } = await prisma.enrolment.findFirstOrThrow({ where: { participantId: participantId! } });
    const note = "Samtal\u0000 om \u202Emål\u202C.\r\nNästa \u2067vecka\u2069.";
    const meeting = { intent: "meeting", enrolmentId, date: ago(1), activityTypeId: refs.meetingTypeId, note };
    const answer = await callRoute(participantRoute.action, postRequest(`/deltagare/${participantId}`, meeting, { cookie: coordinator.cookie }), {
      participantId: participantId!,
    });
    expect(answer.status).toBe(302);
    expect((await prisma.activity.findFirstOrThrow({ where: { enrolmentId } })).note).toBe("Samtal om mål.\r\nNästa vecka.");
  });

  it("refuses them in the import's codes, names and new kommuner, even when asked to create missing ones", async () => {
    expect(await throughTheImport({ deltagare: "I-\u202E2" })).toEqual([{ column: "deltagare", message: "Deltagarkoden innehåller otillåtna tecken." }]);
    expect(await throughTheImport({ namn: "Anna\u0000" })).toEqual([{ column: "namn", message: "Namnet innehåller otillåtna tecken." }]);
    expect(await throughTheImport({ kommun: "Ljung\u202Dby" }, true)).toEqual([{ column: "kommun", message: "Namnet innehåller otillåtna tecken." }]);
  });
});

// ── Dates ──────────────────────────────────────────────────────────────────

describe("a date outside 1900–2100 is refused everywhere", () => {
  it.each(["0001-01-01", "1899-12-31"])("refuses the consent date %s", async (givenDate) => {
    const answer = await postReferral(await newReferral(), consent({ givenDate }));
    expect(answer.status).toBe(400);
    expect(answer.data.fieldErrors).toEqual({ givenDate: ["Datum för samtycket måste ligga mellan 1900-01-01 och 2100-12-31."] });
  });

  it("refuses an insats's start date after 2100", async () => {
    const answer = await callRoute(
      insatserRoute.action,
      postRequest("/admin/insatser", { intent: "create", name: "Framtiden", startDate: "2101-01-01" }, { cookie: chefCookie }),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.fieldErrors).toEqual({ startDate: ["Startdatum måste ligga mellan 1900-01-01 och 2100-12-31."] });
  });

  it("refuses a date before 1900 in the import, saying why", async () => {
    expect(await throughTheImport({ samtycke: "1899-12-31" })).toEqual([
      { column: "samtycke", message: "Datumet 1899-12-31 ligger utanför de år Stegvis tar emot. Förväntat ett datum mellan 1900-01-01 och 2100-12-31." },
    ]);
  });
});
