import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/auth/permissions";
import { prisma } from "~/data/db.server";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest } from "../route";

// Every route group against every role: allowed roles get 200, others 403 with no data,
// and a signed-out visitor is sent to the sign-in page.

type Loader = (args: any) => unknown;
interface RouteCase {
  path: string;
  load: () => Promise<{ loader?: Loader }>;
  allowed: Role[];
  params?: () => Record<string, string>;
}

let ids: Record<string, string> = {};

const ROUTES: RouteCase[] = [
  { path: "/", load: () => import("~/routes/home"), allowed: ["koordinator", "styrgrupp", "forbundschef"] },
  { path: "/konto/losenord", load: () => import("~/routes/auth/change-password"), allowed: ["koordinator", "styrgrupp", "forbundschef"] },
  { path: "/admin", load: () => import("~/routes/admin/index"), allowed: ["forbundschef"] },
  { path: "/admin/anvandare", load: () => import("~/routes/admin/users"), allowed: ["forbundschef"] },
  { path: "/admin/anvandare/ny", load: () => import("~/routes/admin/user-new"), allowed: ["forbundschef"] },
  { path: "/admin/anvandare/:userId", load: () => import("~/routes/admin/user-edit"), allowed: ["forbundschef"], params: () => ({ userId: ids.koordinator }) },
  { path: "/admin/kommuner", load: () => import("~/routes/admin/kommuner"), allowed: ["forbundschef"] },
  { path: "/admin/insatser", load: () => import("~/routes/admin/insatser"), allowed: ["forbundschef"] },
  { path: "/admin/insatser/:insatsId", load: () => import("~/routes/admin/insats-edit"), allowed: ["forbundschef"], params: () => ({ insatsId: ids.insats }) },
  { path: "/admin/avslutsorsaker", load: () => import("~/routes/admin/closure-reasons"), allowed: ["forbundschef"] },
  { path: "/admin/remittenter", load: () => import("~/routes/admin/referrers"), allowed: ["forbundschef"] },
  { path: "/admin/logg", load: () => import("~/routes/admin/audit-log"), allowed: ["forbundschef"] },
  { path: "/deltagare", load: () => import("~/routes/participants/list"), allowed: ["koordinator", "forbundschef"] },
  {
    path: "/deltagare/:participantId",
    load: () => import("~/routes/participants/detail"),
    allowed: ["koordinator", "forbundschef"],
    params: () => ({ participantId: ids.participant }),
  },
  { path: "/remisser", load: () => import("~/routes/referrals/list"), allowed: ["koordinator", "forbundschef"] },
  { path: "/remisser/ny", load: () => import("~/routes/referrals/new"), allowed: ["koordinator", "forbundschef"] },
  {
    path: "/remisser/:referralId",
    load: () => import("~/routes/referrals/detail"),
    allowed: ["koordinator", "forbundschef"],
    params: () => ({ referralId: ids.referral }),
  },
  { path: "/studiebesok", load: () => import("~/routes/study-visits/index"), allowed: ["koordinator", "forbundschef"] },
  { path: "/statistik", load: () => import("~/routes/statistics/index"), allowed: ["styrgrupp", "forbundschef"] },
  { path: "/statistik/utskrift", load: () => import("~/routes/statistics/print"), allowed: ["styrgrupp", "forbundschef"] },
  { path: "/import", load: () => import("~/routes/import/index"), allowed: ["forbundschef"] },
  { path: "/import/mall.xlsx", load: () => import("~/routes/import/template"), allowed: ["forbundschef"] },
];

const cookies: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  const { organisationId, kommuner, insatser } = await createOrganisation();
  const scope = { insatsId: insatser[0].id, kommunId: kommuner[0].id };
  const koordinator = await createUser(organisationId, "koordinator", { assignments: [scope] });
  const styrgrupp = await createUser(organisationId, "styrgrupp");
  const chef = await createUser(organisationId, "forbundschef");
  const referrer = await prisma.referrer.findFirstOrThrow({ where: { organisationId } });
  const ageGroup = await prisma.ageGroup.findFirstOrThrow({ where: { organisationId } });
  const participant = await prisma.participant.create({ data: { organisationId, code: "T-1", consents: { create: { givenDate: "2025-01-01" } } } });
  await prisma.enrolment.create({
    data: {
      organisationId,
      participantId: participant.id,
      ...scope,
      coordinatorId: koordinator.id,
      referrerId: referrer.id,
      gender: "kvinna",
      ageGroupId: ageGroup.id,
      enrolledDate: "2025-01-10",
    },
  });
  const referral = await prisma.referral.create({
    data: { organisationId, date: "2025-01-05", referrerId: referrer.id, ...scope, participantId: participant.id },
  });
  ids = { koordinator: koordinator.id, insats: insatser[0].id, participant: participant.id, referral: referral.id };
  cookies.koordinator = await sessionCookie(koordinator.id);
  cookies.styrgrupp = await sessionCookie(styrgrupp.id);
  cookies.forbundschef = await sessionCookie(chef.id);
});

describe.each(ROUTES)("$path", (route) => {
  it.each(["koordinator", "styrgrupp", "forbundschef"] as Role[])("as %s", async (role) => {
    const { loader } = await route.load();
    expect(loader, `${route.path} has a loader`).toBeTypeOf("function");
    const params = route.params?.() ?? {};
    const url = Object.entries(params).reduce((path, [key, value]) => path.replace(`:${key}`, value), route.path);
    const result = await callRoute(loader!, getRequest(url, cookies[role]), params);
    if (route.allowed.includes(role)) {
      expect(result.status, `${role} on ${url}`).toBe(200);
    } else {
      expect(result.status, `${role} on ${url}`).toBe(403);
      expect(result.data).toEqual({ message: expect.stringMatching(/behörighet|hör inte till/) });
    }
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    const { loader } = await route.load();
    const params = route.params?.() ?? {};
    const url = Object.entries(params).reduce((path, [key, value]) => path.replace(`:${key}`, value), route.path);
    const result = await callRoute(loader!, getRequest(url), params);
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/logga-in\?redirectTo=/);
  });
});
