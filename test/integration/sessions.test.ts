import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { SELF_END_SESSIONS } from "~/data/sessions.server";
import * as sessionsRoute from "~/routes/account/sessions";
import * as userEditRoute from "~/routes/admin/user-edit";
import * as signInRoute from "~/routes/auth/sign-in";
import * as homeRoute from "~/routes/home";
import { createOrganisation, createUser, sessionCookie, TEST_PASSWORD } from "../factories";
import { callRoute, cookieFrom, getRequest, postRequest } from "../route";

let organisationId: string;

beforeAll(async () => {
  ({ organisationId } = await createOrganisation());
});

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const PATH = "/konto/inloggningar";

async function signInFrom(email: string, userAgent: string): Promise<string> {
  const request = postRequest("/logga-in", { email, password: TEST_PASSWORD, redirectTo: "/" });
  request.headers.set("User-Agent", userAgent);
  return cookieFrom(await callRoute(signInRoute.action, request));
}

const listed = async (cookie: string) => (await callRoute(sessionsRoute.loader, getRequest(PATH, cookie))).data.sessions;
const post = (cookie: string, fields: Record<string, string>) => callRoute(sessionsRoute.action, postRequest(PATH, fields, { cookie }));
const signedIn = async (cookie: string) => (await callRoute(homeRoute.loader, getRequest("/", cookie))).status === 200;

describe("a user's own sessions", () => {
  it("lists each active session with its start, last use and browser, marking this one", async () => {
    const user = await createUser(organisationId, "koordinator");
    const firefox = await signInFrom(user.email, FIREFOX_ON_WINDOWS);
    const chrome = await signInFrom(user.email, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
    expect((await prisma.session.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } })).map((s) => s.userAgent)).toEqual([
      "Firefox på Windows",
      "Chrome på Linux",
    ]);
    const sessions = await listed(chrome);
    expect(sessions.map((s: { browser: string; current: boolean }) => [s.browser, s.current]).sort()).toEqual([
      ["Chrome på Linux", true],
      ["Firefox på Windows", false],
    ]);
    expect(sessions[0].startedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(sessions[0].lastSeenAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // The page names sessions by a hash: the ids the cookies carry never reach it.
    const ids = (await prisma.session.findMany({ where: { userId: user.id } })).map((s) => s.id);
    for (const id of ids) expect(JSON.stringify(sessions)).not.toContain(id);
    expect(await signedIn(firefox)).toBe(true);
  });

  it("leaves out expired and idle sessions", async () => {
    const user = await createUser(organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    await prisma.session.create({
      data: { id: "old-idle", userId: user.id, lastSeenAt: new Date(Date.now() - 2 * 3600_000), expiresAt: new Date(Date.now() + 3600_000) },
    });
    await prisma.session.create({ data: { id: "old-expired", userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    expect(await listed(cookie)).toHaveLength(1);
  });

  it("ends another session at once, audited", async () => {
    const user = await createUser(organisationId, "styrgrupp");
    const other = await sessionCookie(user.id);
    const cookie = await sessionCookie(user.id);
    const target = (await listed(cookie)).find((s: { current: boolean }) => !s.current);
    const ended = await post(cookie, { intent: "end", id: target.handle });
    expect(ended.data.message).toBe("Inloggningen är avslutad.");
    expect(await signedIn(other)).toBe(false);
    expect(await signedIn(cookie)).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "sign-out" } });
    expect(event.detail).toBe("inloggning avslutad från Mina inloggningar");
    const again = await post(cookie, { intent: "end", id: target.handle });
    expect(again.status).toBe(404);
  });

  it("cannot end another user's session", async () => {
    const user = await createUser(organisationId, "koordinator");
    const victim = await createUser(organisationId, "koordinator");
    const victimCookie = await sessionCookie(victim.id);
    const handle = (await listed(victimCookie))[0].handle;
    const refused = await post(await sessionCookie(user.id), { intent: "end", id: handle });
    expect(refused.status).toBe(404);
    expect(await signedIn(victimCookie)).toBe(true);
  });

  it("signs out when the current session is ended", async () => {
    const user = await createUser(organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    const current = (await listed(cookie))[0];
    const ended = await post(cookie, { intent: "end", id: current.handle });
    expect(ended.status).toBe(302);
    expect(ended.location).toBe("/logga-in");
    expect(ended.headers.get("Set-Cookie")).toMatch(/^stegvis_session=; .*Max-Age=0/);
    expect(await signedIn(cookie)).toBe(false);
  });

  it("ends every other session and keeps this one", async () => {
    const user = await createUser(organisationId, "koordinator");
    const others = [await sessionCookie(user.id), await sessionCookie(user.id)];
    const cookie = await sessionCookie(user.id);
    expect((await post(cookie, { intent: "end-others" })).data.message).toBe("2 andra inloggningar är avslutade.");
    for (const other of others) expect(await signedIn(other)).toBe(false);
    expect(await listed(cookie)).toHaveLength(1);
  });
});

describe("the förbundschef ends a user's sessions", () => {
  it("ends them all from the user page, audited", async () => {
    const chef = await createUser(organisationId, "forbundschef");
    const user = await createUser(organisationId, "koordinator");
    const sessions = [await sessionCookie(user.id), await sessionCookie(user.id)];
    const cookie = await sessionCookie(chef.id);
    const path = `/admin/anvandare/${user.id}`;
    expect((await callRoute(userEditRoute.loader, getRequest(path, cookie), { userId: user.id })).data.security).toEqual({
      twoFactor: "off",
      twoFactorSince: null,
      activeSessions: 2,
    });
    const ended = await callRoute(userEditRoute.action, postRequest(path, { intent: "end-sessions" }, { cookie }), { userId: user.id });
    expect(ended.data.message).toBe("Alla användarens inloggningar är avslutade.");
    for (const session of sessions) expect(await signedIn(session)).toBe(false);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { userId: chef.id, entityId: user.id, action: "sign-out" } });
    expect(event.detail).toBe("alla inloggningar avslutade av förbundschef (2)");
  });

  it("refuses their own account, another förbund's user and anyone but a förbundschef", async () => {
    const chef = await createUser(organisationId, "forbundschef");
    const cookie = await sessionCookie(chef.id);
    const own = await callRoute(userEditRoute.action, postRequest(`/admin/anvandare/${chef.id}`, { intent: "end-sessions" }, { cookie }), { userId: chef.id });
    expect(own.status).toBe(400);
    expect(own.data.formError).toBe(SELF_END_SESSIONS);
    const { organisationId: otherOrg } = await createOrganisation("Grannförbundet");
    const stranger = await createUser(otherOrg, "koordinator");
    const strangerCookie = await sessionCookie(stranger.id);
    const path = `/admin/anvandare/${stranger.id}`;
    expect((await callRoute(userEditRoute.action, postRequest(path, { intent: "end-sessions" }, { cookie }), { userId: stranger.id })).status).toBe(404);
    expect(await signedIn(strangerCookie)).toBe(true);
    const koordinator = await createUser(organisationId, "koordinator");
    const asKoordinator = postRequest(path, { intent: "end-sessions" }, { cookie: await sessionCookie(koordinator.id) });
    expect((await callRoute(userEditRoute.action, asKoordinator, { userId: stranger.id })).status).toBe(403);
  });
});
