import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as changePasswordRoute from "~/routes/auth/change-password";
import * as homeRoute from "~/routes/home";
import * as signInRoute from "~/routes/auth/sign-in";
import * as signOutRoute from "~/routes/auth/sign-out";
import { createOrganisation, createUser, sessionCookie, TEST_PASSWORD } from "../factories";
import { callRoute, cookieFrom, getRequest, postRequest } from "../route";

let organisationId: string;

beforeAll(async () => {
  ({ organisationId } = await createOrganisation());
});

async function signIn(email: string, password: string) {
  return callRoute(signInRoute.action, postRequest("/logga-in", { email, password, redirectTo: "/deltagare" }));
}

describe("sign-in", () => {
  it("signs in with the right password, sets an httpOnly SameSite=Lax cookie and stores a session row", async () => {
    const user = await createUser(organisationId, "koordinator");
    const result = await signIn(user.email, TEST_PASSWORD);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/deltagare");
    const setCookie = result.headers.get("Set-Cookie")!;
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const home = await callRoute(homeRoute.loader, getRequest("/", cookieFrom(result)));
    expect(home.status).toBe(200);
    expect(home.data.name).toBe(user.name);
  });

  it("refuses a wrong password with a Swedish message, keeps the e-mail and creates no session", async () => {
    const user = await createUser(organisationId, "koordinator");
    const result = await signIn(user.email, "fel-lösenord");
    expect(result.status).toBe(401);
    expect(result.data.formError).toBe("Fel e-post eller lösenord.");
    expect(result.data.values.email).toBe(user.email);
    expect(result.data.values.password).toBeUndefined();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    const result = await signIn("finns-inte@test.stegvis.se", TEST_PASSWORD);
    expect(result.status).toBe(401);
    expect(result.data.formError).toBe("Fel e-post eller lösenord.");
  });

  it("gives field errors in Swedish for empty fields", async () => {
    const result = await callRoute(signInRoute.action, postRequest("/logga-in", { email: "", password: "" }));
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.email).toEqual(["E-post måste fyllas i."]);
    expect(result.data.fieldErrors.password).toEqual(["Lösenord måste fyllas i."]);
  });

  it("refuses a deactivated user", async () => {
    const user = await createUser(organisationId, "koordinator", { active: false });
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
  });

  it("stops an address after five wrong passwords for an account, even when the right one comes next", async () => {
    const user = await createUser(organisationId, "styrgrupp");
    for (let attempt = 0; attempt < 5; attempt++) expect((await signIn(user.email, "fel")).status).toBe(401);
    const blocked = await signIn(user.email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.data.formError).toMatch(/^För många misslyckade inloggningsförsök\. Vänta 15 minuter och försök igen\.$/);
  });

  it("does not follow a redirect to another site after sign-in", async () => {
    const user = await createUser(organisationId, "koordinator");
    const result = await callRoute(signInRoute.action, postRequest("/logga-in", { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/" }));
    expect(result.location).toBe("/");
  });

  it("rejects a sign-in posted from another site", async () => {
    const user = await createUser(organisationId, "koordinator");
    const result = await callRoute(
      signInRoute.action,
      postRequest("/logga-in", { email: user.email, password: TEST_PASSWORD }, { origin: "https://evil.example" }),
    );
    expect(result.status).toBe(403);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("sessions", () => {
  it("signing out deletes the session row, so the old cookie no longer works", async () => {
    const user = await createUser(organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    const out = await callRoute(signOutRoute.action, postRequest("/logga-ut", {}, { cookie }));
    expect(out.status).toBe(302);
    expect(out.location).toBe("/logga-in");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const home = await callRoute(homeRoute.loader, getRequest("/", cookie));
    expect(home.status).toBe(302);
    expect(home.location).toBe("/logga-in?redirectTo=%2F");
  });

  it("deactivating a user ends their sessions at once", async () => {
    const user = await createUser(organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await callRoute(homeRoute.loader, getRequest("/", cookie))).status).toBe(302);
  });

  it("ends a session that has been idle longer than the idle timeout", async () => {
    const user = await createUser(organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 61 * 60_000) } });
    expect((await callRoute(homeRoute.loader, getRequest("/", cookie))).status).toBe(302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("rejects a forged cookie", async () => {
    expect((await callRoute(homeRoute.loader, getRequest("/", "stegvis_session=forged"))).status).toBe(302);
  });
});

describe("change password", () => {
  it("changes the password and ends the user's other sessions, keeping the current one", async () => {
    const user = await createUser(organisationId, "koordinator");
    const current = await sessionCookie(user.id);
    const other = await sessionCookie(user.id);
    const result = await callRoute(
      changePasswordRoute.action,
      postRequest(
        "/konto/losenord",
        { currentPassword: TEST_PASSWORD, newPassword: "ett-nytt-långt-lösen", confirmPassword: "ett-nytt-långt-lösen" },
        { cookie: current },
      ),
    );
    expect(result.data).toEqual({
      ok: true,
      intent: "default",
      targetId: null,
      message: "Lösenordet är bytt. Dina andra inloggningar har loggats ut.",
      detail: {},
    });
    expect((await callRoute(homeRoute.loader, getRequest("/", other))).status).toBe(302);
    expect((await callRoute(homeRoute.loader, getRequest("/", current))).status).toBe(200);
    expect((await signIn(user.email, "ett-nytt-långt-lösen")).status).toBe(302);
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: "password-change" } })).toBe(1);
  });

  it("refuses a wrong current password, a short new one and a mismatch, and changes nothing", async () => {
    const user = await createUser(organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    const before = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const wrong = await callRoute(
      changePasswordRoute.action,
      postRequest("/konto/losenord", { currentPassword: "fel", newPassword: "ett-nytt-långt-lösen", confirmPassword: "ett-nytt-långt-lösen" }, { cookie }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.fieldErrors.currentPassword).toEqual(["Nuvarande lösenord stämmer inte."]);
    expect(wrong.data.values).toEqual({});
    const invalid = await callRoute(
      changePasswordRoute.action,
      postRequest("/konto/losenord", { currentPassword: TEST_PASSWORD, newPassword: "kort", confirmPassword: "annat" }, { cookie }),
    );
    expect(invalid.data.fieldErrors.newPassword).toEqual(["Lösenordet måste ha minst 12 tecken."]);
    expect(invalid.data.fieldErrors.confirmPassword).toEqual(["Lösenorden är inte likadana."]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
  });
});
