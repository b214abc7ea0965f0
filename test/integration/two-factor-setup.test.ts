import { beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "~/auth/two-factor-codes";
import { decryptTotpSecret } from "~/auth/two-factor-crypto.server";
import { prisma } from "~/data/db.server";
import { SELF_RESET, WRONG_CODE } from "~/data/two-factor.server";
import * as accountRoute from "~/routes/account/index";
import * as twoFactorRoute from "~/routes/account/two-factor";
import * as adminRoute from "~/routes/admin/index";
import * as userEditRoute from "~/routes/admin/user-edit";
import { createOrganisation, createUser, sessionCookie, TEST_PASSWORD } from "../factories";
import { callRoute, getRequest, postRequest } from "../route";
import { nextCode, setUpTwoFactor, shownKey, signInWithPassword, TWO_FACTOR_PATH } from "../two-factor";

let organisationId: string;

beforeAll(async () => {
  ({ organisationId } = await createOrganisation());
});

const post = (cookie: string, fields: Record<string, string | string[]>) => callRoute(twoFactorRoute.action, postRequest(TWO_FACTOR_PATH, fields, { cookie }));

describe("setting up two-factor sign-in on the account page", () => {
  it("refuses a wrong first code and leaves two-factor sign-in off", async () => {
    const user = await createUser(organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    expect((await post(cookie, { intent: "start" })).status).toBe(200);
    const secret = await shownKey(cookie);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = totpCodeAt(secret, Date.now()) === "123456" ? "654321" : "123456";
    const refused = await post(cookie, { intent: "confirm", code: wrong });
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors.code).toEqual([WRONG_CODE]);
    expect((await prisma.twoFactor.findUniqueOrThrow({ where: { userId: user.id } })).enabledAt).toBeNull();
    // The password alone still signs in.
    expect((await signInWithPassword(user.email, TEST_PASSWORD)).location).toBe("/deltagare");
  });

  it("keeps the same key when the page is reloaded before the first code", async () => {
    const user = await createUser(organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    await post(cookie, { intent: "start" });
    const first = await shownKey(cookie);
    await post(cookie, { intent: "start" });
    expect(await shownKey(cookie)).toBe(first);
  });

  it("turns on with the right first code, shows ten recovery codes once and never the key again", async () => {
    const user = await createUser(organisationId, "styrgrupp");
    const cookie = await sessionCookie(user.id);
    const { secret, recoveryCodes } = await setUpTwoFactor(cookie);
    expect(recoveryCodes).toHaveLength(10);
    const page = await callRoute(twoFactorRoute.loader, getRequest(TWO_FACTOR_PATH, cookie));
    expect(page.data).toMatchObject({ setup: null, recoveryCodesLeft: 10, required: false });
    expect(page.data.enabledAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(JSON.stringify(page.data)).not.toContain(secret);
    // A reload shows no codes: they exist only as hashes now.
    expect(JSON.stringify(page.data)).not.toContain(recoveryCodes[0]);
    const account = await callRoute(accountRoute.loader, getRequest("/konto", cookie));
    expect(account.data.twoFactor).toBe("Påslagen.");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, detail: "tvåstegsverifiering påslagen" } });
    expect(event).toMatchObject({ action: "update", entity: "user", entityId: user.id });
  });

  it("stores the secret encrypted and the recovery codes hashed", async () => {
    const user = await createUser(organisationId, "koordinator");
    const { secret, recoveryCodes } = await setUpTwoFactor(await sessionCookie(user.id));
    const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secret).not.toContain(secret);
    expect(row.secret).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(decryptTotpSecret(row.secret)).toBe(secret);
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.some((r) => r.codeHash.includes(code.replace(/-/g, "")))).toBe(false);
  });

  it("makes new recovery codes after a right code, and the old ones stop working", async () => {
    const user = await createUser(organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    const { secret, recoveryCodes } = await setUpTwoFactor(cookie);
    const renewed = await post(cookie, { intent: "recovery-codes", code: nextCode(secret) });
    expect(renewed.status).toBe(200);
    const fresh = String(renewed.data.detail.recoveryCodes).split(" ");
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    const old = await post(cookie, { intent: "turn-off", code: recoveryCodes[0] });
    expect(old.status).toBe(400);
    expect((await post(cookie, { intent: "turn-off", code: fresh[0] })).data.message).toBe("Tvåstegsverifiering är avstängd.");
    expect(await prisma.twoFactor.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the förbundschef's rules and resets", () => {
  it("chooses the roles that must use two-factor sign-in, audited", async () => {
    const { organisationId: orgId } = await createOrganisation("Kravförbundet");
    const chef = await createUser(orgId, "forbundschef");
    const cookie = await sessionCookie(chef.id);
    expect((await callRoute(adminRoute.loader, getRequest("/admin", cookie))).data.twoFactorRoles).toEqual(["forbundschef"]);
    const saved = await callRoute(adminRoute.action, postRequest("/admin", { intent: "two-factor", role: ["forbundschef", "styrgrupp"] }, { cookie }));
    expect(saved.data.message).toBe("Kraven på tvåstegsverifiering är sparade.");
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: orgId } })).twoFactorRoles).toBe("styrgrupp,forbundschef");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { organisationId: orgId, entity: "organisation" }, orderBy: { at: "desc" } });
    expect(event.detail).toBe("ändrat: tvåstegsverifiering krävs för Styrgrupp/beredningsgrupp/styrelse, Förbundschef");
    const bogus = await callRoute(adminRoute.action, postRequest("/admin", { intent: "two-factor", role: "admin" }, { cookie }));
    expect(bogus.status).toBe(400);
    const koordinator = await createUser(orgId, "koordinator");
    const forbidden = await callRoute(adminRoute.action, postRequest("/admin", { intent: "two-factor" }, { cookie: await sessionCookie(koordinator.id) }));
    expect(forbidden.status).toBe(403);
  });

  it("resets a user's second factor, audited; the user then signs in with the password alone", async () => {
    const chef = await createUser(organisationId, "forbundschef");
    const user = await createUser(organisationId, "koordinator");
    await setUpTwoFactor(await sessionCookie(user.id));
    const cookie = await sessionCookie(chef.id);
    const path = `/admin/anvandare/${user.id}`;
    const page = await callRoute(userEditRoute.loader, getRequest(path, cookie), { userId: user.id });
    expect(page.data.security).toMatchObject({ twoFactor: "on", activeSessions: 1 });
    const reset = await callRoute(userEditRoute.action, postRequest(path, { intent: "reset-two-factor" }, { cookie }), { userId: user.id });
    expect(reset.data.message).toBe("Tvåstegsverifieringen är återställd. Användaren kan sätta upp den på nytt.");
    expect(await prisma.twoFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { userId: chef.id, entityId: user.id, detail: "tvåstegsverifiering återställd av förbundschef" },
    });
    expect(event.action).toBe("update");
    expect((await signInWithPassword(user.email, TEST_PASSWORD)).location).toBe("/deltagare");
  });

  it("refuses to reset the förbundschef's own second factor or another förbund's user", async () => {
    const chef = await createUser(organisationId, "forbundschef");
    const cookie = await sessionCookie(chef.id);
    const own = await callRoute(userEditRoute.action, postRequest(`/admin/anvandare/${chef.id}`, { intent: "reset-two-factor" }, { cookie }), {
      userId: chef.id,
    });
    expect(own.status).toBe(400);
    expect(own.data.formError).toBe(SELF_RESET);
    const { organisationId: otherOrg } = await createOrganisation("Grannförbundet");
    const stranger = await createUser(otherOrg, "koordinator");
    await setUpTwoFactor(await sessionCookie(stranger.id));
    const path = `/admin/anvandare/${stranger.id}`;
    const foreign = await callRoute(userEditRoute.action, postRequest(path, { intent: "reset-two-factor" }, { cookie }), { userId: stranger.id });
    expect(foreign.status).toBe(404);
    expect(await prisma.twoFactor.count({ where: { userId: stranger.id } })).toBe(1);
  });
});
