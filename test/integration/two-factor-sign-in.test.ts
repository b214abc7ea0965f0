import { beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "~/auth/two-factor-codes";
import { PENDING_EXPIRED } from "~/auth/two-factor.server";
import { pendingSignInCookie } from "~/auth/two-factor-pending.server";
import { prisma } from "~/data/db.server";
import { WRONG_CODE } from "~/data/two-factor.server";
import * as twoFactorRoute from "~/routes/account/two-factor";
import * as signInCodeRoute from "~/routes/auth/sign-in-code";
import * as signInSetupRoute from "~/routes/auth/sign-in-setup";
import * as homeRoute from "~/routes/home";
import { createOrganisation, createUser, sessionCookie, TEST_PASSWORD } from "../factories";
import { callRoute, getRequest, postRequest } from "../route";
import { cookiesOf, nextCode, setUpTwoFactor, signInWithPassword, TWO_FACTOR_PATH } from "../two-factor";

let organisationId: string;

beforeAll(async () => {
  ({ organisationId } = await createOrganisation());
});

/** A user with two-factor sign-in on, and the pending cookie of a right password. */
async function pastThePassword(role: "koordinator" | "styrgrupp" = "koordinator") {
  const user = await createUser(organisationId, role);
  const setup = await setUpTwoFactor(await sessionCookie(user.id));
  const signIn = await signInWithPassword(user.email, TEST_PASSWORD);
  return { user, ...setup, signIn, pending: cookiesOf(signIn).stegvis_2fa };
}

const postCode = (pending: string, code: string) => callRoute(signInCodeRoute.action, postRequest("/logga-in/kod", { code }, { cookie: pending }));

describe("the second step of a sign-in", () => {
  it("creates no session after the password, only a five-minute pending sign-in that opens no page", async () => {
    const { user, signIn, pending } = await pastThePassword();
    expect(signIn.status).toBe(302);
    expect(signIn.location).toBe("/logga-in/kod");
    expect(Object.keys(cookiesOf(signIn))).toEqual(["stegvis_2fa"]);
    expect(signIn.headers.getSetCookie()[0]).toMatch(/HttpOnly; SameSite=Lax; Max-Age=300$/);
    // Only the setup's own session exists (from the factory), none from this sign-in.
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const home = await callRoute(homeRoute.loader, getRequest("/", pending));
    expect(home.status).toBe(302);
    expect(home.location).toMatch(/^\/logga-in\?redirectTo=/);
    expect((await callRoute(signInCodeRoute.loader, getRequest("/logga-in/kod", pending))).status).toBe(200);
  });

  it("signs in with the app's code, goes on where the user was going and logs how", async () => {
    const { user, secret, pending } = await pastThePassword();
    const done = await postCode(pending, nextCode(secret));
    expect(done.status).toBe(302);
    expect(done.location).toBe("/deltagare");
    const cookies = cookiesOf(done);
    expect(cookies.stegvis_2fa).toBe("stegvis_2fa=");
    const home = await callRoute(homeRoute.loader, getRequest("/", cookies.stegvis_session));
    expect(home.data.name).toBe(user.name);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "sign-in" } });
    expect(event.detail).toBe("med kod från app");
  });

  it("refuses a code used before, even within its 30 seconds", async () => {
    const { secret, firstCode, pending, user } = await pastThePassword();
    // The code that confirmed the setup cannot sign in.
    const setupCode = await postCode(pending, firstCode);
    expect(setupCode.status).toBe(401);
    expect(setupCode.data.fieldErrors.code).toEqual([WRONG_CODE]);
    const code = nextCode(secret);
    expect((await postCode(pending, code)).status).toBe(302);
    const again = cookiesOf(await signInWithPassword(user.email, TEST_PASSWORD)).stegvis_2fa;
    expect((await postCode(again, code)).status).toBe(401);
  });

  it("signs in with a recovery code once; the same code is refused the next time", async () => {
    const { user, recoveryCodes, pending } = await pastThePassword();
    const done = await postCode(pending, recoveryCodes[3].toUpperCase());
    expect(done.status).toBe(302);
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "sign-in" } })).detail).toBe("med reservkod");
    const again = cookiesOf(await signInWithPassword(user.email, TEST_PASSWORD)).stegvis_2fa;
    expect((await postCode(again, recoveryCodes[3])).status).toBe(401);
    const page = await callRoute(twoFactorRoute.loader, getRequest(TWO_FACTOR_PATH, cookiesOf(done).stegvis_session));
    expect(page.data.recoveryCodesLeft).toBe(9);
  });

  it("slows down wrong codes like passwords: after five, not even the right code is tried", async () => {
    const { user, secret, pending } = await pastThePassword("styrgrupp");
    for (let attempt = 0; attempt < 5; attempt++) expect((await postCode(pending, "000000")).status).toBe(401);
    const blocked = await postCode(pending, nextCode(secret));
    expect(blocked.status).toBe(429);
    expect(blocked.data.formError).toMatch(/^För många felaktiga koder\. Vänta \d+ minuter? och försök igen\.$/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an expired pending sign-in and one that was tampered with", async () => {
    const { user, secret } = await pastThePassword();
    const old = (await pendingSignInCookie({ userId: user.id, stage: "code", redirectTo: "/" }, Date.now() - 6 * 60_000)).split(";")[0];
    const expired = await postCode(old, nextCode(secret));
    expect(expired.status).toBe(400);
    expect(expired.data.formError).toBe(PENDING_EXPIRED);
    expect((await callRoute(signInCodeRoute.loader, getRequest("/logga-in/kod", old))).location).toBe("/logga-in");
    expect((await postCode("stegvis_2fa=Fe26.2**forged", nextCode(secret))).data.formError).toBe(PENDING_EXPIRED);
  });
});

describe("a role that requires two-factor sign-in", () => {
  it("leads a user without it through setup before any session exists, then signs in", async () => {
    const { organisationId: orgId } = await createOrganisation("Kravförbundet");
    await prisma.organisation.update({ where: { id: orgId }, data: { twoFactorRoles: "koordinator,forbundschef" } });
    const user = await createUser(orgId, "koordinator");
    const signIn = await signInWithPassword(user.email, TEST_PASSWORD);
    expect(signIn.location).toBe("/logga-in/tvastegsverifiering");
    const pending = cookiesOf(signIn).stegvis_2fa;
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // Nothing else is reachable: not the app, not the code step.
    expect((await callRoute(homeRoute.loader, getRequest("/", pending))).status).toBe(302);
    expect((await callRoute(signInCodeRoute.loader, getRequest("/logga-in/kod", pending))).location).toBe("/logga-in");

    const setupPath = "/logga-in/tvastegsverifiering";
    expect((await callRoute(signInSetupRoute.loader, getRequest(setupPath, pending))).data.setup).toBeNull();
    await callRoute(signInSetupRoute.action, postRequest(setupPath, { intent: "start" }, { cookie: pending }));
    const page = await callRoute(signInSetupRoute.loader, getRequest(setupPath, pending));
    const secret = (page.data.setup.manualKey as string).replace(/ /g, "");
    expect(page.data.setup.qrSvg).toMatch(/^<svg [^>]*width="200"/);

    const wrong = await callRoute(signInSetupRoute.action, postRequest(setupPath, { intent: "confirm", code: "12345" }, { cookie: pending }));
    expect(wrong.status).toBe(400);
    expect(wrong.data.fieldErrors.code).toEqual(["Koden har sex siffror."]);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    const done = await callRoute(
      signInSetupRoute.action,
      postRequest(setupPath, { intent: "confirm", code: totpCodeAt(secret, Date.now()) }, { cookie: pending }),
    );
    expect(done.status).toBe(200);
    expect(done.data.detail.redirectTo).toBe("/deltagare");
    expect(String(done.data.detail.recoveryCodes).split(" ")).toHaveLength(10);
    const home = await callRoute(homeRoute.loader, getRequest("/", cookiesOf(done).stegvis_session));
    expect(home.data.name).toBe(user.name);
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: "sign-in" } })).detail).toBe("med ny tvåstegsverifiering");
    // From now on the sign-in asks for a code.
    expect((await signInWithPassword(user.email, TEST_PASSWORD)).location).toBe("/logga-in/kod");
  });

  it("requires it of a new förbund's förbundschef by default", async () => {
    const { organisationId: orgId } = await createOrganisation("Nytt förbund");
    const chef = await createUser(orgId, "forbundschef");
    expect((await signInWithPassword(chef.email, TEST_PASSWORD)).location).toBe("/logga-in/tvastegsverifiering");
    const koordinator = await createUser(orgId, "koordinator");
    expect((await signInWithPassword(koordinator.email, TEST_PASSWORD)).location).toBe("/deltagare");
  });

  it("cannot be turned off by the user, only swapped for a new app", async () => {
    const user = await createUser(organisationId, "forbundschef");
    const cookie = await sessionCookie(user.id);
    const { secret } = await setUpTwoFactor(cookie);
    const swapped = await callRoute(twoFactorRoute.action, postRequest(TWO_FACTOR_PATH, { intent: "turn-off", code: nextCode(secret) }, { cookie }));
    expect(swapped.data.message).toBe("Den gamla appen fungerar inte längre. Lägg till den nya nyckeln nedan.");
    const page = await callRoute(twoFactorRoute.loader, getRequest(TWO_FACTOR_PATH, cookie));
    expect(page.data.setup.manualKey.replace(/ /g, "")).not.toBe(secret);
    expect(page.data.required).toBe(true);
  });
});
