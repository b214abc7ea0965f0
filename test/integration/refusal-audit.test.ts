import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as auditLogRoute from "~/routes/admin/audit-log";
import * as signInRoute from "~/routes/auth/sign-in";
import * as participantRoute from "~/routes/participants/detail";
import * as referralRoute from "~/routes/referrals/detail";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest, postRequest } from "../route";

// What was refused lands in the audit log the förbundschef reads: a koordinator reaching for a
// participant, enrolment or referral outside their scope, and a failed sign-in to an account.

let org: Awaited<ReturnType<typeof createOrganisation>>;
let scope: { insatsId: string; kommunId: string };
let elsewhere: { insatsId: string; kommunId: string };
let coordinator: { id: string; cookie: string };
let outsider: { id: string; cookie: string };
let chefCookie: string;
let reference: { referrerId: string; ageGroupId: string };

async function signedIn(role: "koordinator" | "forbundschef", assignments: { insatsId: string; kommunId: string }[] = []) {
  const user = await createUser(org.organisationId, role, { assignments });
  return { id: user.id, cookie: await sessionCookie(user.id) };
}

beforeAll(async () => {
  org = await createOrganisation();
  scope = { insatsId: org.insatser[0].id, kommunId: org.kommuner[0].id };
  elsewhere = { insatsId: org.insatser[1].id, kommunId: org.kommuner[2].id };
  coordinator = await signedIn("koordinator", [scope]);
  outsider = await signedIn("koordinator", [elsewhere]);
  chefCookie = (await signedIn("forbundschef")).cookie;
  const where = { organisationId: org.organisationId };
  reference = {
    referrerId: (await prisma.referrer.findFirstOrThrow({ where })).id,
    ageGroupId: (await prisma.ageGroup.findFirstOrThrow({ where })).id,
  };
});

let codes = 0;

/** A consented participant with one enrolment per given scope. */
async function participantEnrolledIn(...scopes: { insatsId: string; kommunId: string }[]) {
  codes += 1;
  const participant = await prisma.participant.create({
    data: { organisationId: org.organisationId, code: `R-${codes}`, consents: { create: { givenDate: "2025-01-02" } } },
  });
  const enrolments = [];
  for (const [index, enrolmentScope] of scopes.entries()) {
    const enrolment = await prisma.enrolment.create({
      data: {
        organisationId: org.organisationId,
        participantId: participant.id,
        ...enrolmentScope,
        ...reference,
        gender: "kvinna",
        enrolledDate: `2025-0${index + 1}-10`,
      },
    });
    enrolments.push(enrolment.id);
  }
  return { participantId: participant.id, enrolments };
}

const refusals = (where: { participantId?: string; entityId?: string }) =>
  prisma.auditEvent.findMany({
    where: { ...where, action: "access-denied" },
    orderBy: { at: "asc" },
    select: { organisationId: true, userId: true, entity: true, entityId: true, participantId: true, detail: true },
  });

describe("refused access to participant data", () => {
  it("logs a koordinator opening and posting to a participant outside their scope: who, which participant, reading or writing, where", async () => {
    const { participantId, enrolments } = await participantEnrolledIn(scope);
    const path = `/deltagare/${participantId}`;
    const page = await callRoute(participantRoute.loader, getRequest(path, outsider.cookie), { participantId });
    expect(page.status).toBe(403);
    const placement = { intent: "placement", enrolmentId: enrolments[0], date: "2025-02-01", step: "2" };
    const post = await callRoute(participantRoute.action, postRequest(path, placement, { cookie: outsider.cookie }), { participantId });
    expect(post.status).toBe(403);

    const refused = { organisationId: org.organisationId, userId: outsider.id, entity: "participant", entityId: participantId, participantId };
    expect(await refusals({ participantId })).toEqual([
      { ...refused, detail: `läsning: GET ${path}` },
      { ...refused, detail: `skrivning: POST ${path}` },
    ]);
    expect(await prisma.trappanPlacement.count({ where: { enrolmentId: enrolments[0] } })).toBe(0);
  });

  it("logs a post to an enrolment outside the scope of a participant the koordinator may open", async () => {
    const { participantId, enrolments } = await participantEnrolledIn(scope, elsewhere);
    const path = `/deltagare/${participantId}`;
    const placement = { intent: "placement", enrolmentId: enrolments[1], date: "2025-02-15", step: "2" };
    const post = await callRoute(participantRoute.action, postRequest(path, placement, { cookie: coordinator.cookie }), { participantId });
    expect(post.status).toBe(403);
    expect(await refusals({ participantId })).toEqual([
      {
        organisationId: org.organisationId,
        userId: coordinator.id,
        entity: "enrolment",
        entityId: enrolments[1],
        participantId,
        detail: `skrivning: POST ${path}`,
      },
    ]);
  });

  it("logs opening a referral outside the scope, and posting a decision to it before anything is written", async () => {
    const referral = await prisma.referral.create({
      data: { organisationId: org.organisationId, date: "2025-03-01", referrerId: reference.referrerId, ...scope },
    });
    const path = `/remisser/${referral.id}`;
    const params = { referralId: referral.id };
    expect((await callRoute(referralRoute.loader, getRequest(path, outsider.cookie), params)).status).toBe(403);
    const decision = await callRoute(
      referralRoute.action,
      postRequest(path, { intent: "decision", decision: "ko", version: "1" }, { cookie: outsider.cookie }),
      params,
    );
    expect(decision.status).toBe(403);

    const refused = { organisationId: org.organisationId, userId: outsider.id, entity: "referral", entityId: referral.id, participantId: null };
    expect(await refusals({ entityId: referral.id })).toEqual([
      { ...refused, detail: `läsning: GET ${path}` },
      { ...refused, detail: `skrivning: POST ${path}` },
    ]);
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ decision: null, version: 1 });
  });

  it("logs nothing when the koordinator opens their own participant", async () => {
    const { participantId } = await participantEnrolledIn(scope);
    expect((await callRoute(participantRoute.loader, getRequest(`/deltagare/${participantId}`, coordinator.cookie), { participantId })).status).toBe(200);
    expect(await refusals({ participantId })).toEqual([]);
  });
});

describe("failed sign-ins", () => {
  const signIn = (email: string, password: string) =>
    callRoute(signInRoute.action, postRequest("/logga-in", { email, password, redirectTo: "/" }), {}, "203.0.113.77");

  it("logs a failed sign-in in the account's förbund with the e-mail and the address, never the password", async () => {
    const user = await createUser(org.organisationId, "koordinator");
    const result = await signIn(`  ${user.email.toUpperCase()}`, "Hemligt-fel-lösen-42");
    expect(result.status).toBe(401);
    const events = await prisma.auditEvent.findMany({
      where: { action: "sign-in-failure", entityId: user.id },
      select: { organisationId: true, userId: true, entity: true, participantId: true, detail: true },
    });
    expect(events).toEqual([
      { organisationId: org.organisationId, userId: null, entity: "user", participantId: null, detail: `e-post: ${user.email}, adress: 203.0.113.77` },
    ]);
    expect(JSON.stringify(await prisma.auditEvent.findMany())).not.toContain("Hemligt-fel-lösen-42");
  });

  it("logs a wrong password for a deactivated account too, but nothing for an e-mail that is no account's", async () => {
    const inactive = await createUser(org.organisationId, "koordinator", { active: false });
    expect((await signIn(inactive.email, "fel-lösenord")).status).toBe(401);
    expect(await prisma.auditEvent.count({ where: { action: "sign-in-failure", entityId: inactive.id } })).toBe(1);
    const before = await prisma.auditEvent.count();
    expect((await signIn("ingen-alls@test.stegvis.se", "fel-lösenord")).status).toBe(401);
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});

describe("the audit log page", () => {
  it("names refused access and failed sign-ins in Swedish", async () => {
    await participantEnrolledIn(scope).then(({ participantId }) =>
      callRoute(participantRoute.loader, getRequest(`/deltagare/${participantId}`, outsider.cookie), { participantId }),
    );
    const denied = await callRoute(auditLogRoute.loader, getRequest("/admin/logg?action=access-denied", chefCookie));
    expect(denied.data.events[0]).toMatchObject({ action: "Nekad åtkomst", entity: "Deltagare" });
    const failed = await callRoute(auditLogRoute.loader, getRequest("/admin/logg?action=sign-in-failure", chefCookie));
    expect(failed.data.events[0]).toMatchObject({ action: "Misslyckad inloggning", entity: "Användare", user: "Okänd användare" });
  });
});
