import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { prisma } from "~/data/db.server";
import * as auditLogRoute from "~/routes/admin/audit-log";
import * as closureReasonsRoute from "~/routes/admin/closure-reasons";
import * as adminIndexRoute from "~/routes/admin/index";
import * as insatsEditRoute from "~/routes/admin/insats-edit";
import * as insatserRoute from "~/routes/admin/insatser";
import * as kommunerRoute from "~/routes/admin/kommuner";
import * as referrersRoute from "~/routes/admin/referrers";
import * as userEditRoute from "~/routes/admin/user-edit";
import * as userNewRoute from "~/routes/admin/user-new";
import * as usersRoute from "~/routes/admin/users";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest, postRequest } from "../route";

// The administration screens, called as React Router calls them, against a real migrated database.

type Org = Awaited<ReturnType<typeof createOrganisation>>;
let org: Org;
let otherOrg: Org;
let chef: { id: string; email: string };
let chefCookie: string;
let koordinatorCookie: string;
let styrgruppCookie: string;

beforeAll(async () => {
  org = await createOrganisation("Testförbundet");
  otherOrg = await createOrganisation("Annat förbund");
  chef = await createUser(org.organisationId, "forbundschef");
  chefCookie = await sessionCookie(chef.id);
  koordinatorCookie = await sessionCookie((await createUser(org.organisationId, "koordinator")).id);
  styrgruppCookie = await sessionCookie((await createUser(org.organisationId, "styrgrupp")).id);
});

type RouteModule = { loader: (args: any) => unknown; action?: (args: any) => unknown; default?: ComponentType<any> };

function get(route: RouteModule, path: string, params: Record<string, string> = {}, cookie = chefCookie) {
  return callRoute(route.loader, getRequest(path, cookie), params);
}

function post(route: RouteModule, path: string, fields: Record<string, string | string[]>, params: Record<string, string> = {}, cookie = chefCookie) {
  return callRoute(route.action!, postRequest(path, fields, { cookie }), params);
}

async function auditEvents(entity: string, entityId?: string) {
  return prisma.auditEvent.findMany({
    where: { organisationId: org.organisationId, entity, ...(entityId ? { entityId } : {}) },
    orderBy: { at: "asc" },
    select: { action: true, entity: true, entityId: true, userId: true, detail: true },
  });
}

let participantCounter = 0;

/** An enrolment (with its participant) in the given insats and kommun; optionally closed with a reason. */
async function createEnrolment(
  target: Org,
  { insatsId, kommunId, referrerId, closureReasonId }: { insatsId?: string; kommunId?: string; referrerId?: string; closureReasonId?: string } = {},
) {
  participantCounter += 1;
  const organisationId = target.organisationId;
  const participant = await prisma.participant.create({ data: { organisationId, code: `T-${participantCounter}` } });
  const ageGroup = await prisma.ageGroup.findFirstOrThrow({ where: { organisationId } });
  const referrer = referrerId ?? (await prisma.referrer.findFirstOrThrow({ where: { organisationId } })).id;
  return prisma.enrolment.create({
    data: {
      organisationId,
      participantId: participant.id,
      insatsId: insatsId ?? target.insatser[0].id,
      kommunId: kommunId ?? target.kommuner[0].id,
      referrerId: referrer,
      gender: "kvinna",
      ageGroupId: ageGroup.id,
      enrolledDate: "2025-01-15",
      ...(closureReasonId ? { closedDate: "2025-06-30", closureReasonId } : {}),
    },
  });
}

async function createReferral(target: Org, { kommunId, referrerId }: { kommunId?: string; referrerId?: string } = {}) {
  const organisationId = target.organisationId;
  return prisma.referral.create({
    data: {
      organisationId,
      date: "2025-02-01",
      referrerId: referrerId ?? (await prisma.referrer.findFirstOrThrow({ where: { organisationId } })).id,
      kommunId: kommunId ?? target.kommuner[0].id,
      insatsId: target.insatser[0].id,
    },
  });
}

describe("kommuner", () => {
  it("lists the förbund's kommuner in Swedish order with what uses them", async () => {
    const result = await get(kommunerRoute, "/admin/kommuner");
    expect(result.status).toBe(200);
    expect(result.data.kommuner.map((k: { name: string }) => k.name)).toEqual(["Ljungby", "Markaryd", "Älmhult"]);
  });

  it("adds a kommun and audits it", async () => {
    const result = await post(kommunerRoute, "/admin/kommuner", { intent: "create", name: " Växjö " });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ ok: true, message: "Kommunen Växjö är tillagd." });
    const kommun = await prisma.kommun.findFirstOrThrow({ where: { organisationId: org.organisationId, name: "Växjö" } });
    expect(await auditEvents("kommun", kommun.id)).toEqual([
      { action: "create", entity: "kommun", entityId: kommun.id, userId: chef.id, detail: "namn: Växjö" },
    ]);
  });

  it("refuses an empty name with a Swedish field message and writes nothing", async () => {
    const before = await prisma.kommun.count();
    const result = await post(kommunerRoute, "/admin/kommuner", { intent: "create", name: "  " });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.name).toEqual(["Namnet måste fyllas i."]);
    expect(await prisma.kommun.count()).toBe(before);
  });

  it("refuses a name the förbund already has, whatever its case, and keeps the input", async () => {
    const before = await prisma.kommun.count();
    const result = await post(kommunerRoute, "/admin/kommuner", { intent: "create", name: "ljungby" });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.name).toEqual(["Det finns redan en kommun som heter ljungby."]);
    expect(result.data.values.name).toBe("ljungby");
    expect(await prisma.kommun.count()).toBe(before);
  });

  it("renames a kommun and audits the change", async () => {
    const kommun = await prisma.kommun.create({ data: { organisationId: org.organisationId, name: "Alvesta" } });
    const result = await post(kommunerRoute, "/admin/kommuner", { intent: "rename", id: kommun.id, name: "Alvesta kommun" });
    expect(result.status).toBe(200);
    expect((await prisma.kommun.findUniqueOrThrow({ where: { id: kommun.id } })).name).toBe("Alvesta kommun");
    expect((await auditEvents("kommun", kommun.id)).map((e) => e.detail)).toEqual(["namn: Alvesta → Alvesta kommun"]);
  });

  it("refuses to rename into another kommun's name, beside that row", async () => {
    const result = await post(kommunerRoute, "/admin/kommuner", { intent: "rename", id: org.kommuner[1].id, name: "Ljungby" });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      intent: "rename",
      targetId: org.kommuner[1].id,
      fieldErrors: { name: ["Det finns redan en kommun som heter Ljungby."] },
    });
    expect((await prisma.kommun.findUniqueOrThrow({ where: { id: org.kommuner[1].id } })).name).toBe("Markaryd");
  });

  it("deletes an unused kommun and audits it", async () => {
    const kommun = await prisma.kommun.create({ data: { organisationId: org.organisationId, name: "Lessebo" } });
    const result = await post(kommunerRoute, "/admin/kommuner", { intent: "delete", id: kommun.id });
    expect(result.status).toBe(200);
    expect(result.data.message).toBe("Kommunen Lessebo är borttagen.");
    expect(await prisma.kommun.findUnique({ where: { id: kommun.id } })).toBeNull();
    expect(await auditEvents("kommun", kommun.id)).toEqual([
      { action: "delete", entity: "kommun", entityId: kommun.id, userId: chef.id, detail: "namn: Lessebo" },
    ]);
  });

  it("refuses to delete a kommun that enrolments and referrals use, naming them", async () => {
    const ljungby = org.kommuner[0];
    await createEnrolment(org, { kommunId: ljungby.id });
    await createEnrolment(org, { kommunId: ljungby.id });
    await createReferral(org, { kommunId: ljungby.id });
    const result = await post(kommunerRoute, "/admin/kommuner", { intent: "delete", id: ljungby.id });
    expect(result.status).toBe(409);
    expect(result.data.formError).toBe("Kommunen Ljungby kan inte tas bort: den används av 2 inskrivningar och 1 remiss.");
    expect(await prisma.kommun.findUnique({ where: { id: ljungby.id } })).not.toBeNull();
    expect((await auditEvents("kommun", ljungby.id)).filter((e) => e.action === "delete")).toEqual([]);
  });

  it("treats another förbund's kommun as not found and changes nothing", async () => {
    const foreign = otherOrg.kommuner[2];
    const renamed = await post(kommunerRoute, "/admin/kommuner", { intent: "rename", id: foreign.id, name: "Kapad" });
    expect(renamed.status).toBe(404);
    const deleted = await post(kommunerRoute, "/admin/kommuner", { intent: "delete", id: foreign.id });
    expect(deleted.status).toBe(404);
    expect(await prisma.kommun.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ name: "Älmhult", organisationId: otherOrg.organisationId });
  });

  it("rejects a post from another site before reading it", async () => {
    const before = await prisma.kommun.count();
    const result = await callRoute(
      kommunerRoute.action,
      postRequest("/admin/kommuner", { intent: "create", name: "Ondsinta" }, { cookie: chefCookie, origin: "https://evil.example" }),
    );
    expect(result.status).toBe(403);
    expect(await prisma.kommun.count()).toBe(before);
  });
});

describe("who may use the administration", () => {
  const FORBIDDEN = { message: "Du har inte behörighet till den här sidan eller åtgärden." };

  function pages(): { name: string; route: RouteModule; path: string; params: Record<string, string> }[] {
    const insatsId = org.insatser[0].id;
    return [
      { name: "översikten", route: adminIndexRoute, path: "/admin", params: {} },
      { name: "användarlistan", route: usersRoute, path: "/admin/anvandare", params: {} },
      { name: "ny användare", route: userNewRoute, path: "/admin/anvandare/ny", params: {} },
      { name: "en användare", route: userEditRoute, path: `/admin/anvandare/${chef.id}`, params: { userId: chef.id } },
      { name: "kommuner", route: kommunerRoute, path: "/admin/kommuner", params: {} },
      { name: "insatser", route: insatserRoute, path: "/admin/insatser", params: {} },
      { name: "en insats", route: insatsEditRoute, path: `/admin/insatser/${insatsId}`, params: { insatsId } },
      { name: "avslutsorsaker", route: closureReasonsRoute, path: "/admin/avslutsorsaker", params: {} },
      { name: "remittenter", route: referrersRoute, path: "/admin/remittenter", params: {} },
      { name: "loggen", route: auditLogRoute, path: "/admin/logg", params: {} },
    ];
  }

  it("shows every admin page to the förbundschef", async () => {
    for (const page of pages()) {
      const result = await get(page.route, page.path, page.params);
      expect(result.status, page.name).toBe(200);
    }
  });

  it("refuses every admin page to a koordinator and to the styrgrupp, with no data", async () => {
    for (const cookie of [koordinatorCookie, styrgruppCookie]) {
      for (const page of pages()) {
        const result = await get(page.route, page.path, page.params, cookie);
        expect(result.status, page.name).toBe(403);
        expect(result.data, page.name).toEqual(FORBIDDEN);
      }
    }
  });

  it("refuses every admin form post to a koordinator and to the styrgrupp, writing nothing", async () => {
    const before = await prisma.auditEvent.count();
    for (const cookie of [koordinatorCookie, styrgruppCookie]) {
      for (const page of pages().filter((p) => p.route.action)) {
        const result = await post(page.route, page.path, { intent: "create", name: "Obehörig", label: "Obehörig" }, page.params, cookie);
        expect(result.status, page.name).toBe(403);
        expect(result.data, page.name).toEqual(FORBIDDEN);
      }
    }
    expect(await prisma.kommun.count({ where: { name: "Obehörig" } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("sends a signed-out visitor to the sign-in page, back to the page afterwards", async () => {
    for (const page of pages()) {
      const result = await callRoute(page.route.loader, getRequest(page.path), page.params);
      expect(result.status, page.name).toBe(302);
      expect(result.location, page.name).toBe(`/logga-in?redirectTo=${encodeURIComponent(page.path)}`);
    }
  });

  it("rejects a cross-site post on every admin form", async () => {
    for (const page of pages().filter((p) => p.route.action)) {
      const result = await callRoute(
        page.route.action!,
        postRequest(page.path, { intent: "create", name: "Ondsint" }, { cookie: chefCookie, origin: "https://evil.example" }),
        page.params,
      );
      expect(result.status, page.name).toBe(403);
      expect(result.data.message, page.name).toBe("Formuläret skickades från en annan webbplats och avvisades.");
    }
    expect(await prisma.kommun.count({ where: { name: "Ondsint" } })).toBe(0);
  });
});

describe("översikten: the small-number threshold", () => {
  it("saves a threshold between 1 and 20 and audits it", async () => {
    const result = await post(adminIndexRoute, "/admin", { smallNumberThreshold: "5" });
    expect(result.status).toBe(200);
    expect(result.data.message).toBe("Sparat. Tal under 5 visas nu som ”färre än 5”.");
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: org.organisationId } })).smallNumberThreshold).toBe(5);
    const loaded = await get(adminIndexRoute, "/admin");
    expect(loaded.data.smallNumberThreshold).toBe(5);
    expect(await auditEvents("organisation", org.organisationId)).toEqual([
      { action: "update", entity: "organisation", entityId: org.organisationId, userId: chef.id, detail: "ändrat: gräns för små tal 5" },
    ]);
  });

  it.each([
    ["0", "Gränsen måste vara mellan 1 och 20."],
    ["21", "Gränsen måste vara mellan 1 och 20."],
    ["2,5", "Gränsen måste vara ett heltal."],
    ["", "Gränsen måste fyllas i."],
  ])("refuses %j with a Swedish message and keeps the old value", async (value, message) => {
    const before = (await prisma.organisation.findUniqueOrThrow({ where: { id: org.organisationId } })).smallNumberThreshold;
    const result = await post(adminIndexRoute, "/admin", { smallNumberThreshold: value });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.smallNumberThreshold).toEqual([message]);
    expect(result.data.values.smallNumberThreshold).toBe(value);
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: org.organisationId } })).smallNumberThreshold).toBe(before);
  });
});

describe("remittenter", () => {
  it("adds, renames and deletes a remittent, auditing each", async () => {
    const created = await post(referrersRoute, "/admin/remittenter", { intent: "create", name: "Socialtjänsten Ljungby" });
    expect(created.status).toBe(200);
    const referrer = await prisma.referrer.findFirstOrThrow({ where: { organisationId: org.organisationId, name: "Socialtjänsten Ljungby" } });
    const renamed = await post(referrersRoute, "/admin/remittenter", { intent: "rename", id: referrer.id, name: "Socialtjänsten" });
    expect(renamed.data.message).toBe("Remittenten heter nu Socialtjänsten.");
    const deleted = await post(referrersRoute, "/admin/remittenter", { intent: "delete", id: referrer.id });
    expect(deleted.data.message).toBe("Remittenten Socialtjänsten är borttagen.");
    expect(await prisma.referrer.findUnique({ where: { id: referrer.id } })).toBeNull();
    expect((await auditEvents("referrer", referrer.id)).map((e) => e.action)).toEqual(["create", "update", "delete"]);
  });

  it("refuses a duplicate name", async () => {
    const existing = await prisma.referrer.findFirstOrThrow({ where: { organisationId: org.organisationId } });
    const before = await prisma.referrer.count();
    const result = await post(referrersRoute, "/admin/remittenter", { intent: "create", name: existing.name.toUpperCase() });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.name).toEqual([`Det finns redan en remittent som heter ${existing.name.toUpperCase()}.`]);
    expect(await prisma.referrer.count()).toBe(before);
  });

  it("refuses to delete a remittent that an enrolment and referrals use", async () => {
    const referrer = await prisma.referrer.create({ data: { organisationId: org.organisationId, name: "Arbetsmarknadsenheten" } });
    await createEnrolment(org, { referrerId: referrer.id });
    await createReferral(org, { referrerId: referrer.id });
    await createReferral(org, { referrerId: referrer.id });
    const result = await post(referrersRoute, "/admin/remittenter", { intent: "delete", id: referrer.id });
    expect(result.status).toBe(409);
    expect(result.data.formError).toBe("Remittenten Arbetsmarknadsenheten kan inte tas bort: den används av 1 inskrivning och 2 remisser.");
    expect(await prisma.referrer.findUnique({ where: { id: referrer.id } })).not.toBeNull();
  });

  it("does not touch another förbund's remittent", async () => {
    const foreign = await prisma.referrer.findFirstOrThrow({ where: { organisationId: otherOrg.organisationId } });
    const result = await post(referrersRoute, "/admin/remittenter", { intent: "rename", id: foreign.id, name: "Kapad" });
    expect(result.status).toBe(404);
    expect((await prisma.referrer.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe(foreign.name);
  });
});

describe("avslutsorsaker", () => {
  it("lists the default reasons by category", async () => {
    const result = await get(closureReasonsRoute, "/admin/avslutsorsaker");
    expect(result.status).toBe(200);
    const reasons = result.data.reasons as { label: string; category: string }[];
    expect(reasons.filter((r) => r.category === "positive")).toHaveLength(10);
    expect(reasons.filter((r) => r.category === "negative")).toHaveLength(6);
    expect(reasons[0].label).toBe("Arbete");
  });

  it("adds a reason last in the list, recategorises it and deletes it", async () => {
    const created = await post(closureReasonsRoute, "/admin/avslutsorsaker", { intent: "create", label: "Föräldraledighet", category: "negative" });
    expect(created.status).toBe(200);
    const reason = await prisma.closureReason.findFirstOrThrow({ where: { organisationId: org.organisationId, label: "Föräldraledighet" } });
    expect(reason).toMatchObject({ category: "negative", sortOrder: 16 });
    const updated = await post(closureReasonsRoute, "/admin/avslutsorsaker", { intent: "update", id: reason.id, label: "Föräldraledig", category: "positive" });
    expect(updated.status).toBe(200);
    expect(await prisma.closureReason.findUniqueOrThrow({ where: { id: reason.id } })).toMatchObject({ label: "Föräldraledig", category: "positive" });
    const deleted = await post(closureReasonsRoute, "/admin/avslutsorsaker", { intent: "delete", id: reason.id });
    expect(deleted.status).toBe(200);
    expect(await prisma.closureReason.findUnique({ where: { id: reason.id } })).toBeNull();
    expect(await auditEvents("closure-reason", reason.id)).toEqual([
      { action: "create", entity: "closure-reason", entityId: reason.id, userId: chef.id, detail: "namn: Föräldraledighet, kategori: negative" },
      {
        action: "update",
        entity: "closure-reason",
        entityId: reason.id,
        userId: chef.id,
        detail: "namn: Föräldraledighet → Föräldraledig, kategori: positive",
      },
      { action: "delete", entity: "closure-reason", entityId: reason.id, userId: chef.id, detail: "namn: Föräldraledig" },
    ]);
  });

  it("refuses a reason without a category or a label", async () => {
    const before = await prisma.closureReason.count();
    const result = await post(closureReasonsRoute, "/admin/avslutsorsaker", { intent: "create", label: "", category: "kanske" });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ label: ["Avslutsorsaken måste fyllas i."], category: ["Välj en kategori."] });
    expect(await prisma.closureReason.count()).toBe(before);
  });

  it("refuses to delete a reason used by a closure", async () => {
    const reason = await prisma.closureReason.findFirstOrThrow({ where: { organisationId: org.organisationId, label: "Studier" } });
    await createEnrolment(org, { closureReasonId: reason.id });
    const result = await post(closureReasonsRoute, "/admin/avslutsorsaker", { intent: "delete", id: reason.id });
    expect(result.status).toBe(409);
    expect(result.data.formError).toBe("Avslutsorsaken Studier kan inte tas bort: den används av 1 avslut.");
    expect(await prisma.closureReason.findUnique({ where: { id: reason.id } })).not.toBeNull();
  });

  it("tells an unknown intent apart from a field error", async () => {
    const result = await post(closureReasonsRoute, "/admin/avslutsorsaker", { intent: "drop-table" });
    expect(result.status).toBe(400);
    expect(result.data.formError).toBe("Okänd åtgärd. Ladda om sidan och försök igen.");
    expect(result.data.fieldErrors).toEqual({});
  });
});

describe("insatser", () => {
  it("adds an insats with a start date and the default Trappan and SKAPA instruments", async () => {
    const result = await post(insatserRoute, "/admin/insatser", { intent: "create", name: "Gruppverksamhet", startDate: "2025-03-01" });
    expect(result.status).toBe(200);
    const insats = await prisma.insats.findFirstOrThrow({
      where: { organisationId: org.organisationId, name: "Gruppverksamhet" },
      include: { trappanSteps: { orderBy: { step: "asc" } }, skapaAreas: true },
    });
    expect(insats.startDate).toBe("2025-03-01");
    expect(insats.trappanSteps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(insats.skapaAreas).toHaveLength(7);
    expect(await auditEvents("insats", insats.id)).toEqual([
      { action: "create", entity: "insats", entityId: insats.id, userId: chef.id, detail: "namn: Gruppverksamhet" },
    ]);
  });

  it("adds an insats without a start date", async () => {
    const result = await post(insatserRoute, "/admin/insatser", { intent: "create", name: "Utan start", startDate: "" });
    expect(result.status).toBe(200);
    expect((await prisma.insats.findFirstOrThrow({ where: { organisationId: org.organisationId, name: "Utan start" } })).startDate).toBeNull();
  });

  it("refuses an impossible start date and writes nothing", async () => {
    const before = await prisma.insats.count();
    const result = await post(insatserRoute, "/admin/insatser", { intent: "create", name: "Felaktig", startDate: "2025-02-30" });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.startDate).toEqual(["Startdatum är inte ett giltigt datum."]);
    expect(result.data.values).toMatchObject({ name: "Felaktig", startDate: "2025-02-30" });
    expect(await prisma.insats.count()).toBe(before);
  });

  it("deletes an unused insats with its instruments", async () => {
    const insats = await prisma.insats.findFirstOrThrow({ where: { organisationId: org.organisationId, name: "Utan start" } });
    const result = await post(insatserRoute, "/admin/insatser", { intent: "delete", id: insats.id });
    expect(result.status).toBe(200);
    expect(await prisma.insats.findUnique({ where: { id: insats.id } })).toBeNull();
    expect(await prisma.trappanStep.count({ where: { insatsId: insats.id } })).toBe(0);
  });

  it("refuses to delete an insats with an enrolment and a koordinator assignment", async () => {
    const insats = await prisma.insats.create({ data: { organisationId: org.organisationId, name: "Använd" } });
    await createEnrolment(org, { insatsId: insats.id });
    await createUser(org.organisationId, "koordinator", { assignments: [{ insatsId: insats.id, kommunId: org.kommuner[1].id }] });
    const result = await post(insatserRoute, "/admin/insatser", { intent: "delete", id: insats.id });
    expect(result.status).toBe(409);
    expect(result.data.formError).toBe("Insatsen Använd kan inte tas bort: den används av 1 inskrivning och 1 koordinatortilldelning.");
    expect(await prisma.insats.findUnique({ where: { id: insats.id } })).not.toBeNull();
  });

  it("does not delete another förbund's insats", async () => {
    const foreign = otherOrg.insatser[1];
    const result = await post(insatserRoute, "/admin/insatser", { intent: "delete", id: foreign.id });
    expect(result.status).toBe(404);
    expect(await prisma.insats.findUnique({ where: { id: foreign.id } })).not.toBeNull();
  });
});

describe("an insats's settings", () => {
  let insatsId: string;
  const path = () => `/admin/insatser/${insatsId}`;
  const edit = (fields: Record<string, string>) => post(insatsEditRoute, path(), fields, { insatsId });

  beforeAll(async () => {
    const insats = await prisma.insats.create({ data: { organisationId: org.organisationId, name: "Inställningar", startDate: "2024-01-01" } });
    insatsId = insats.id;
    const { ensureInsatsInstruments } = await import("~/data/setup.server");
    await ensureInsatsInstruments(insatsId);
  });

  it("shows the steps, areas, scale and targets", async () => {
    const result = await get(insatsEditRoute, path(), { insatsId });
    expect(result.status).toBe(200);
    expect(result.data.insats.trappanSteps).toHaveLength(6);
    expect(result.data.insats.skapaAreas.map((a: { label: string }) => a.label)).toEqual([
      "Tro på att få arbete",
      "Jobbsökning",
      "Hälsa",
      "Vardagen",
      "Samarbete",
      "Kunskap om arbetsmarknaden",
      "Beslutsamhet",
    ]);
    expect(result.data.insats).toMatchObject({ skapaScaleMin: 1, skapaScaleMax: 10, targets: {} });
  });

  it("answers 404 for another förbund's insats", async () => {
    const foreign = otherOrg.insatser[0].id;
    expect((await get(insatsEditRoute, `/admin/insatser/${foreign}`, { insatsId: foreign })).status).toBe(404);
    const result = await post(insatsEditRoute, `/admin/insatser/${foreign}`, { intent: "details", name: "Kapad", startDate: "" }, { insatsId: foreign });
    expect(result.status).toBe(404);
    expect((await prisma.insats.findUniqueOrThrow({ where: { id: foreign } })).name).toBe("SamSteg");
  });

  it("renames the insats and changes its start date", async () => {
    const result = await edit({ intent: "details", name: "Inställningar 2", startDate: "2024-02-01" });
    expect(result.status).toBe(200);
    expect(await prisma.insats.findUniqueOrThrow({ where: { id: insatsId } })).toMatchObject({ name: "Inställningar 2", startDate: "2024-02-01" });
    expect((await auditEvents("insats", insatsId)).at(-1)?.detail).toBe("ändrat: namn, startdatum");
  });

  it("refuses the name of another insats", async () => {
    const result = await edit({ intent: "details", name: "SamSteg", startDate: "" });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.name).toEqual(["Det finns redan en insats som heter SamSteg."]);
    expect((await prisma.insats.findUniqueOrThrow({ where: { id: insatsId } })).name).toBe("Inställningar 2");
  });

  it("saves new Trappan labels, keeping the step numbers", async () => {
    const labels = Object.fromEntries([1, 2, 3, 4, 5, 6].map((step) => [`step${step}`, `Etikett ${step}`]));
    const result = await edit({ intent: "steps", ...labels });
    expect(result.status).toBe(200);
    const steps = await prisma.trappanStep.findMany({ where: { insatsId }, orderBy: { step: "asc" } });
    expect(steps.map((s) => [s.step, s.label])).toEqual([1, 2, 3, 4, 5, 6].map((step) => [step, `Etikett ${step}`]));
    expect((await auditEvents("insats", insatsId)).at(-1)?.detail).toBe("ändrat: Trappans steg 1, 2, 3, 4, 5 och 6");
  });

  it("refuses an empty step label and changes no step", async () => {
    const labels = Object.fromEntries([1, 2, 3, 4, 5, 6].map((step) => [`step${step}`, step === 4 ? " " : `Ny ${step}`]));
    const result = await edit({ intent: "steps", ...labels });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ step4: ["Steg 4 måste fyllas i."] });
    expect((await prisma.trappanStep.findMany({ where: { insatsId } })).every((s) => s.label.startsWith("Etikett"))).toBe(true);
  });

  it("refuses a scale whose minimum is not below its maximum", async () => {
    const result = await edit({ intent: "scale", skapaScaleMin: "5", skapaScaleMax: "5" });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ skapaScaleMax: ["Högsta värde måste vara större än lägsta värde."] });
    expect(await prisma.insats.findUniqueOrThrow({ where: { id: insatsId } })).toMatchObject({ skapaScaleMin: 1, skapaScaleMax: 10 });
  });

  it("adds, renames, reorders, retires, reactivates and deletes an unused area", async () => {
    const created = await edit({ intent: "area-create", label: "Ekonomi", sortOrder: "" });
    expect(created.status).toBe(200);
    const area = await prisma.skapaArea.findFirstOrThrow({ where: { insatsId, label: "Ekonomi" } });
    expect(area.sortOrder).toBe(7);
    expect((await edit({ intent: "area-update", areaId: area.id, label: "Privatekonomi", sortOrder: "0" })).status).toBe(200);
    expect(await prisma.skapaArea.findUniqueOrThrow({ where: { id: area.id } })).toMatchObject({ label: "Privatekonomi", sortOrder: 0 });
    expect((await edit({ intent: "area-retire", areaId: area.id })).data.message).toBe("Området Privatekonomi är inaktiverat.");
    expect((await prisma.skapaArea.findUniqueOrThrow({ where: { id: area.id } })).retired).toBe(true);
    expect((await edit({ intent: "area-reactivate", areaId: area.id })).status).toBe(200);
    expect((await prisma.skapaArea.findUniqueOrThrow({ where: { id: area.id } })).retired).toBe(false);
    expect((await edit({ intent: "area-delete", areaId: area.id })).data.message).toBe("Området Privatekonomi är borttaget.");
    expect(await prisma.skapaArea.findUnique({ where: { id: area.id } })).toBeNull();
    expect((await auditEvents("skapa-area", area.id)).map((e) => [e.action, e.detail])).toEqual([
      ["create", "namn: Ekonomi"],
      ["update", "namn: Ekonomi → Privatekonomi, ordning"],
      ["update", "inaktiverat"],
      ["update", "återaktiverat"],
      ["delete", "namn: Privatekonomi"],
    ]);
  });

  it("refuses a duplicate area label and a sort number that is not a whole number", async () => {
    const hälsa = await prisma.skapaArea.findFirstOrThrow({ where: { insatsId, label: "Hälsa" } });
    const duplicate = await edit({ intent: "area-update", areaId: hälsa.id, label: "vardagen", sortOrder: "2" });
    expect(duplicate.status).toBe(400);
    expect(duplicate.data).toMatchObject({ targetId: hälsa.id, fieldErrors: { label: ["Det finns redan ett område som heter vardagen."] } });
    const badOrder = await edit({ intent: "area-update", areaId: hälsa.id, label: "Hälsa", sortOrder: "två" });
    expect(badOrder.data.fieldErrors).toEqual({ sortOrder: ["Ordningen måste vara ett heltal."] });
    expect(await prisma.skapaArea.findUniqueOrThrow({ where: { id: hälsa.id } })).toMatchObject({ label: "Hälsa", sortOrder: 2 });
  });

  it("keeps an area with scores: it can be retired, never deleted, and the scale must still hold its scores", async () => {
    const hälsa = await prisma.skapaArea.findFirstOrThrow({ where: { insatsId, label: "Hälsa" } });
    const enrolment = await createEnrolment(org, { insatsId });
    await prisma.skapaAssessment.create({
      data: { enrolmentId: enrolment.id, date: "2025-02-01", scores: { create: [{ areaId: hälsa.id, participantScore: 8, coordinatorScore: 2 }] } },
    });

    const deleted = await edit({ intent: "area-delete", areaId: hälsa.id });
    expect(deleted.status).toBe(409);
    expect(deleted.data.formError).toBe("Området Hälsa kan inte tas bort: det har 1 SKAPA-svar. Inaktivera det i stället, så finns svaren kvar.");
    expect(await prisma.skapaArea.findUnique({ where: { id: hälsa.id } })).not.toBeNull();

    const retired = await edit({ intent: "area-retire", areaId: hälsa.id });
    expect(retired.status).toBe(200);
    expect((await prisma.skapaArea.findUniqueOrThrow({ where: { id: hälsa.id } })).retired).toBe(true);

    const narrowed = await edit({ intent: "scale", skapaScaleMin: "1", skapaScaleMax: "5" });
    expect(narrowed.status).toBe(409);
    expect(narrowed.data.formError).toBe(
      "Skalan kan inte ändras till 1–5: 1 redan registrerade SKAPA-svar ligger utanför den (svaren går från 2 till 8). Välj en skala som rymmer alla registrerade svar.",
    );
    expect(await prisma.insats.findUniqueOrThrow({ where: { id: insatsId } })).toMatchObject({ skapaScaleMin: 1, skapaScaleMax: 10 });

    const widened = await edit({ intent: "scale", skapaScaleMin: "0", skapaScaleMax: "8" });
    expect(widened.status).toBe(200);
    expect(await prisma.insats.findUniqueOrThrow({ where: { id: insatsId } })).toMatchObject({ skapaScaleMin: 0, skapaScaleMax: 8 });
    expect((await auditEvents("insats", insatsId)).at(-1)?.detail).toBe("ändrat: SKAPA-skala 1–10 → 0–8");
  });

  it("does not touch an area of another förbund's insats", async () => {
    const foreignArea = await prisma.skapaArea.findFirstOrThrow({ where: { insatsId: otherOrg.insatser[0].id } });
    const result = await edit({ intent: "area-update", areaId: foreignArea.id, label: "Kapad", sortOrder: "1" });
    expect(result.status).toBe(404);
    expect((await edit({ intent: "area-delete", areaId: foreignArea.id })).status).toBe(404);
    expect(await prisma.skapaArea.findUniqueOrThrow({ where: { id: foreignArea.id } })).toMatchObject({ label: foreignArea.label });
  });

  it("stores share targets typed in percent as ratios and count targets as counts; empty removes a target", async () => {
    const saved = await edit({ intent: "targets", trappan_share: "80", skapa_offered_share: "100", skapa_progressed_share: "50,5", new_enrolments: "40" });
    expect(saved.status).toBe(200);
    const stored = async () => Object.fromEntries((await prisma.insatsTarget.findMany({ where: { insatsId } })).map((t) => [t.metric, t.value]));
    expect(await stored()).toEqual({ trappan_share: 0.8, skapa_offered_share: 1, skapa_progressed_share: 0.505, new_enrolments: 40 });
    expect((await get(insatsEditRoute, path(), { insatsId })).data.insats.targets).toEqual({
      trappan_share: 0.8,
      skapa_offered_share: 1,
      skapa_progressed_share: 0.505,
      new_enrolments: 40,
    });

    const cleared = await edit({ intent: "targets", trappan_share: "80", skapa_offered_share: "", skapa_progressed_share: "50,5", new_enrolments: "40" });
    expect(cleared.status).toBe(200);
    expect(await stored()).toEqual({ trappan_share: 0.8, skapa_progressed_share: 0.505, new_enrolments: 40 });
    expect((await auditEvents("insats", insatsId)).at(-1)?.detail).toBe("ändrat målvärden: skapa_offered_share");
  });

  it.each([
    [{ trappan_share: "120" }, { trappan_share: ["Stegförflyttning måste vara ett tal mellan 0 och 100."] }],
    [{ survey_support_share: "-5" }, { survey_support_share: ["Upplevt stöd måste vara ett tal mellan 0 och 100."] }],
    [{ active: "12.5" }, { active: ["Aktiva deltagare måste vara ett heltal, 0 eller större."] }],
  ])("refuses the target %j and writes nothing", async (fields, fieldErrors) => {
    const before = await prisma.insatsTarget.findMany({ where: { insatsId }, orderBy: { metric: "asc" } });
    const result = await edit({ intent: "targets", ...fields });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual(fieldErrors);
    expect(await prisma.insatsTarget.findMany({ where: { insatsId }, orderBy: { metric: "asc" } })).toEqual(before);
  });
});

describe("användare", () => {
  const newUserFields = (overrides: Record<string, string | string[]> = {}) => ({
    name: "Kim Koordinator",
    email: "kim@ljungby.se",
    role: "koordinator",
    password: "ett-långt-lösenord",
    assignment: [`${org.insatser[0].id}:${org.kommuner[0].id}`, `${org.insatser[0].id}:${org.kommuner[1].id}`],
    ...overrides,
  });

  it("lists the förbund's users with role, assignments and whether they are active", async () => {
    const result = await get(usersRoute, "/admin/anvandare");
    expect(result.status).toBe(200);
    const me = result.data.users.find((u: { id: string }) => u.id === chef.id);
    expect(me).toMatchObject({ email: chef.email, roleLabel: "Förbundschef", active: true, assignments: [] });
    const foreignUser = await createUser(otherOrg.organisationId, "koordinator");
    const again = await get(usersRoute, "/admin/anvandare");
    expect(again.data.users.some((u: { id: string }) => u.id === foreignUser.id)).toBe(false);
  });

  it("creates a koordinator with assignments and a working password, audited", async () => {
    const result = await post(userNewRoute, "/admin/anvandare/ny", newUserFields());
    expect(result.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "kim@ljungby.se" }, include: { assignments: true } });
    expect(result.location).toBe(`/admin/anvandare?skapad=${user.id}`);
    expect(user).toMatchObject({ organisationId: org.organisationId, name: "Kim Koordinator", role: "koordinator", active: true });
    expect(user.assignments.map((a) => a.kommunId).sort()).toEqual([org.kommuner[0].id, org.kommuner[1].id].sort());
    expect(await verifyPassword("ett-långt-lösenord", user.passwordHash)).toBe(true);
    expect(await auditEvents("user", user.id)).toEqual([{ action: "create", entity: "user", entityId: user.id, userId: chef.id, detail: "roll: koordinator" }]);
    const list = await get(usersRoute, `/admin/anvandare?skapad=${user.id}`);
    expect(list.data.createdMessage).toBe("Användaren Kim Koordinator är skapad.");
  });

  it("refuses a short password without sending it back, keeping the rest of the input", async () => {
    const before = await prisma.user.count();
    const result = await post(userNewRoute, "/admin/anvandare/ny", newUserFields({ email: "kort@ljungby.se", password: "kort" }));
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ password: ["Lösenordet måste ha minst 12 tecken."] });
    expect(result.data.values.name).toBe("Kim Koordinator");
    expect(result.data.values.password).toBeUndefined();
    expect(await prisma.user.count()).toBe(before);
  });

  it("refuses an e-mail address that another account has, and a missing role", async () => {
    const before = await prisma.user.count();
    const taken = await post(userNewRoute, "/admin/anvandare/ny", newUserFields({ email: chef.email.toUpperCase() }));
    expect(taken.status).toBe(400);
    expect(taken.data.fieldErrors).toEqual({
      email: ["E-postadressen kan inte användas. Välj en annan, eller ändra kontot i listan över användare om personen redan finns där."],
    });
    const noRole = await post(userNewRoute, "/admin/anvandare/ny", newUserFields({ email: "ny@ljungby.se", role: "" }));
    expect(noRole.data.fieldErrors).toEqual({ role: ["Välj en roll."] });
    expect(await prisma.user.count()).toBe(before);
  });

  it("refuses an assignment to another förbund's insats", async () => {
    const before = await prisma.user.count();
    const result = await post(
      userNewRoute,
      "/admin/anvandare/ny",
      newUserFields({ email: "kapad@ljungby.se", assignment: [`${otherOrg.insatser[0].id}:${org.kommuner[0].id}`] }),
    );
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({
      assignments: ["En eller flera tilldelningar gäller en insats eller kommun som inte finns. Ladda om sidan och försök igen."],
    });
    expect(await prisma.user.count()).toBe(before);
  });

  describe("editing", () => {
    let target: { id: string; email: string };
    const path = () => `/admin/anvandare/${target.id}`;
    const load = async () => (await get(userEditRoute, path(), { userId: target.id })).data.user;
    const save = async (fields: Record<string, string | string[]>) => {
      const user = await load();
      return post(
        userEditRoute,
        path(),
        {
          intent: "save",
          name: user.name,
          email: user.email,
          role: user.role,
          ...(user.active ? { active: "on" } : {}),
          assignment: user.assignments,
          expectedUpdatedAt: user.updatedAt,
          ...fields,
        },
        { userId: target.id },
      );
    };

    beforeAll(async () => {
      target = await createUser(org.organisationId, "koordinator", { assignments: [{ insatsId: org.insatser[1].id, kommunId: org.kommuner[2].id }] });
    });

    it("loads the user with the form's version and assignments", async () => {
      const user = await load();
      expect(user).toMatchObject({ id: target.id, role: "koordinator", active: true, assignments: [`${org.insatser[1].id}:${org.kommuner[2].id}`] });
      expect(typeof user.updatedAt).toBe("string");
    });

    it("saves name, e-mail and assignments, audited", async () => {
      const result = await save({ name: "Nytt Namn", email: "nytt@ljungby.se", assignment: [`${org.insatser[0].id}:${org.kommuner[0].id}`] });
      expect(result.status).toBe(200);
      expect(result.data.message).toBe("Användaren är sparad.");
      const user = await prisma.user.findUniqueOrThrow({ where: { id: target.id }, include: { assignments: true } });
      expect(user).toMatchObject({ name: "Nytt Namn", email: "nytt@ljungby.se" });
      expect(user.assignments.map((a) => [a.insatsId, a.kommunId])).toEqual([[org.insatser[0].id, org.kommuner[0].id]]);
      expect((await auditEvents("user", target.id)).at(-1)).toMatchObject({ action: "update", userId: chef.id, detail: "ändrat: name, email, tilldelningar" });
    });

    it("refuses a stale form: nothing is written and the input is kept", async () => {
      const stale = await load();
      expect((await save({ name: "Först" })).status).toBe(200);
      const auditBefore = await prisma.auditEvent.count();
      const result = await post(
        userEditRoute,
        path(),
        {
          intent: "save",
          name: "Sist",
          email: stale.email,
          role: stale.role,
          active: "on",
          assignment: stale.assignments,
          expectedUpdatedAt: stale.updatedAt,
        },
        { userId: target.id },
      );
      expect(result.status).toBe(409);
      expect(result.data.formError).toBe("Någon annan har ändrat användaren medan du redigerade. Dina ändringar är inte sparade – ladda om sidan.");
      expect(result.data.values).toMatchObject({ name: "Sist", expectedUpdatedAt: stale.updatedAt });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe("Först");
      expect(await prisma.auditEvent.count()).toBe(auditBefore);
    });

    it("refuses an empty name and an invalid e-mail with Swedish messages", async () => {
      const result = await save({ name: "", email: "inte-en-adress" });
      expect(result.status).toBe(400);
      expect(result.data.fieldErrors).toEqual({ name: ["Namnet måste fyllas i."], email: ["Skriv en giltig e-postadress, t.ex. namn@kommun.se."] });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe("Först");
    });

    it("deactivating a user ends their sessions", async () => {
      await sessionCookie(target.id);
      expect(await prisma.session.count({ where: { userId: target.id } })).toBe(1);
      const result = await save({ active: "" });
      expect(result.status).toBe(200);
      expect(result.data.message).toBe("Användaren är sparad och inaktiverad. Alla hens inloggningar är avslutade.");
      expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(false);
      expect(await prisma.session.count({ where: { userId: target.id } })).toBe(0);
    });

    it("sets a new password, ending the user's sessions", async () => {
      await sessionCookie(target.id);
      const result = await post(userEditRoute, path(), { intent: "password", password: "nytt-långt-lösenord" }, { userId: target.id });
      expect(result.status).toBe(200);
      const user = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
      expect(await verifyPassword("nytt-långt-lösenord", user.passwordHash)).toBe(true);
      expect(await prisma.session.count({ where: { userId: target.id } })).toBe(0);
      expect((await auditEvents("user", target.id)).at(-1)).toMatchObject({ action: "password-change", userId: chef.id });
    });

    it("refuses a short new password", async () => {
      const hash = (await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash;
      const result = await post(userEditRoute, path(), { intent: "password", password: "kort" }, { userId: target.id });
      expect(result.status).toBe(400);
      expect(result.data.fieldErrors).toEqual({ password: ["Lösenordet måste ha minst 12 tecken."] });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash).toBe(hash);
    });

    it("does not let a förbundschef deactivate or demote themself", async () => {
      const me = (await get(userEditRoute, `/admin/anvandare/${chef.id}`, { userId: chef.id })).data.user;
      const result = await post(
        userEditRoute,
        `/admin/anvandare/${chef.id}`,
        {
          intent: "save",
          name: me.name,
          email: me.email,
          role: "styrgrupp",
          expectedUpdatedAt: me.updatedAt,
        },
        { userId: chef.id },
      );
      expect(result.status).toBe(400);
      expect(result.data.fieldErrors).toEqual({
        role: ["Du kan inte ta bort din egen roll som förbundschef. Be en annan förbundschef om det behövs."],
        active: ["Du kan inte inaktivera ditt eget konto."],
      });
      expect(await prisma.user.findUniqueOrThrow({ where: { id: chef.id } })).toMatchObject({ role: "forbundschef", active: true });
    });

    it("answers 404 for another förbund's user and changes nothing", async () => {
      const foreign = await createUser(otherOrg.organisationId, "styrgrupp");
      expect((await get(userEditRoute, `/admin/anvandare/${foreign.id}`, { userId: foreign.id })).status).toBe(404);
      const result = await post(
        userEditRoute,
        `/admin/anvandare/${foreign.id}`,
        {
          intent: "save",
          name: "Kapad",
          email: foreign.email,
          role: "forbundschef",
          active: "on",
          expectedUpdatedAt: foreign.updatedAt.toISOString(),
        },
        { userId: foreign.id },
      );
      expect(result.status).toBe(404);
      const password = await post(
        userEditRoute,
        `/admin/anvandare/${foreign.id}`,
        { intent: "password", password: "ett-långt-lösenord" },
        { userId: foreign.id },
      );
      expect(password.status).toBe(404);
      expect(await prisma.user.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({
        name: foreign.name,
        role: "styrgrupp",
        passwordHash: foreign.passwordHash,
      });
    });
  });
});

describe("loggen", () => {
  beforeAll(async () => {
    // Explicit, distinct times in the future: the order is newest first, and these must come before the other tests' events.
    const at = (minutes: number) => new Date(Date.UTC(2099, 0, 1, 12, minutes));
    const event = { organisationId: org.organisationId, userId: chef.id, action: "export", entity: "report" };
    await prisma.auditEvent.createMany({ data: Array.from({ length: 55 }, (_, i) => ({ ...event, at: at(i), detail: `rapport ${i}` })) });
    await prisma.auditEvent.create({ data: { ...event, organisationId: otherOrg.organisationId, userId: null, at: at(58), detail: "annat förbund" } });
    await prisma.auditEvent.create({ data: { ...event, action: "read", entity: "participant", entityId: "p1", participantId: "p1", at: at(59) } });
  });

  it("shows 50 events a page, newest first, in Swedish", async () => {
    const result = await get(auditLogRoute, "/admin/logg");
    expect(result.status).toBe(200);
    expect(result.data.events).toHaveLength(50);
    expect(result.data.page).toBe(1);
    expect(result.data.events[0]).toMatchObject({
      user: expect.stringContaining("Test forbundschef"),
      action: "Läst",
      entity: "Deltagare",
      entityId: "p1",
      participantId: "p1",
    });
    expect(result.data.events[0].at).toBe("2099-01-01 13:59");
  });

  it("filters by action and entity from the address and pages through them", async () => {
    const first = await get(auditLogRoute, "/admin/logg?action=export&entity=report");
    expect(first.data).toMatchObject({ total: 55, pageCount: 2, page: 1, filters: { action: "export", entity: "report" } });
    expect(first.data.events.every((e: { action: string; entity: string }) => e.action === "Exporterat" && e.entity === "Rapport")).toBe(true);
    const second = await get(auditLogRoute, "/admin/logg?action=export&entity=report&page=2");
    expect(second.data.events.map((e: { detail: string }) => e.detail)).toEqual(["rapport 4", "rapport 3", "rapport 2", "rapport 1", "rapport 0"]);
  });

  it("ignores a malformed query rather than failing", async () => {
    const result = await get(auditLogRoute, "/admin/logg?page=abc&action=drop&entity=%3Cscript%3E");
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ page: 1, filters: { action: "", entity: "" } });
  });
});

describe("the pages render", () => {
  /** Server-renders the page with real loader data (and optionally a real action result), failing on any React error. */
  async function render(route: RouteModule, pattern: string, path: string, params: Record<string, string>, post?: Record<string, string | string[]>) {
    const loaderData = (await get(route, path, params)).data;
    const actionData = post ? (await callRoute(route.action!, postRequest(path, post, { cookie: chefCookie }), params)).data : undefined;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const Stub = createRoutesStub([{ id: "page", path: pattern, Component: route.default as ComponentType }]);
      const html = renderToString(
        createElement(Stub, {
          initialEntries: [path],
          hydrationData: { loaderData: { page: loaderData }, ...(actionData ? { actionData: { page: actionData } } : {}) },
        }),
      );
      expect(errors).not.toHaveBeenCalled();
      return html;
    } finally {
      errors.mockRestore();
    }
  }

  it("renders every admin page, with labelled tables", async () => {
    const insatsId = org.insatser[0].id;
    const pages: [RouteModule, string, string, Record<string, string>][] = [
      [adminIndexRoute, "/admin", "/admin", {}],
      [usersRoute, "/admin/anvandare", "/admin/anvandare", {}],
      [userNewRoute, "/admin/anvandare/ny", "/admin/anvandare/ny", {}],
      [userEditRoute, "/admin/anvandare/:userId", `/admin/anvandare/${chef.id}`, { userId: chef.id }],
      [kommunerRoute, "/admin/kommuner", "/admin/kommuner", {}],
      [insatserRoute, "/admin/insatser", "/admin/insatser", {}],
      [insatsEditRoute, "/admin/insatser/:insatsId", `/admin/insatser/${insatsId}`, { insatsId }],
      [closureReasonsRoute, "/admin/avslutsorsaker", "/admin/avslutsorsaker", {}],
      [referrersRoute, "/admin/remittenter", "/admin/remittenter", {}],
      [auditLogRoute, "/admin/logg", "/admin/logg", {}],
    ];
    for (const [route, pattern, path, params] of pages) {
      const html = await render(route, pattern, path, params);
      expect(html, path).toContain("<h1>");
      for (const table of html.match(/<table>.*?<\/thead>/g) ?? []) expect(table, path).toMatch(/<caption>.*<th scope="col">/);
    }
  });

  it("heads the closure reasons with the categories as the report words them", async () => {
    const html = await render(closureReasonsRoute, "/admin/avslutsorsaker", "/admin/avslutsorsaker", {});
    expect(html).toContain("<h2>Positiv eller potentiellt positiv förändring</h2>");
    expect(html).toContain("<h2>Ingen förändring eller negativ förändring</h2>");
  });

  it("shows a refused delete at the top of the page and a rename error beside its row", async () => {
    const ljungby = org.kommuner[0];
    const refused = await render(kommunerRoute, "/admin/kommuner", "/admin/kommuner", {}, { intent: "delete", id: ljungby.id });
    expect(refused).toContain('role="alert">Kommunen Ljungby kan inte tas bort: den används av');
    const renamed = await render(kommunerRoute, "/admin/kommuner", "/admin/kommuner", {}, { intent: "rename", id: ljungby.id, name: "Markaryd" });
    expect(renamed).toContain('<details open="">');
    expect(renamed).toContain("Det finns redan en kommun som heter Markaryd.");
    expect(renamed).toContain('value="Markaryd"');
  });

  it("keeps a user's input after a stale save, with the conflict message", async () => {
    const target = await createUser(org.organisationId, "styrgrupp");
    const path = `/admin/anvandare/${target.id}`;
    const html = await render(
      userEditRoute,
      "/admin/anvandare/:userId",
      path,
      { userId: target.id },
      {
        intent: "save",
        name: "Mitt osparade namn",
        email: target.email,
        role: "styrgrupp",
        active: "on",
        expectedUpdatedAt: "2000-01-01T00:00:00.000Z",
      },
    );
    expect(html).toContain("Någon annan har ändrat användaren medan du redigerade. Dina ändringar är inte sparade – ladda om sidan.");
    expect(html).toContain('value="Mitt osparade namn"');
    expect(html).toContain('value="2000-01-01T00:00:00.000Z"');
  });
});
