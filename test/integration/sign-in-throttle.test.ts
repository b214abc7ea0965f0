import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { prisma } from "~/data/db.server";
import * as changePasswordRoute from "~/routes/auth/change-password";
import * as signInRoute from "~/routes/auth/sign-in";
import { createOrganisation, createUser, sessionCookie, TEST_PASSWORD } from "../factories";
import { callRoute, postRequest } from "../route";

// The sign-in throttle of ADR 0008, through the real sign-in and change-password actions against
// a real database: simultaneous guesses, an attacker who tries to lock the real user out, and a
// shared address. Every test uses addresses of its own, so the tests do not count each other's
// failures.

let organisationId: string;

beforeAll(async () => {
  ({ organisationId } = await createOrganisation());
});

function signIn(email: string, password: string, address: string) {
  return callRoute(signInRoute.action, postRequest("/logga-in", { email, password, redirectTo: "/" }), {}, address);
}

const wrongPasswords = (email: string, address: string, count: number) =>
  Promise.all(Array.from({ length: count }, () => signIn(email, "fel-lösenord", address)));

const WAIT_15_MINUTES = "För många misslyckade inloggningsförsök. Vänta 15 minuter och försök igen.";

describe("sign-in throttle", () => {
  it("checks at most five of twelve simultaneous wrong passwords for one account and address; the other seven get 429", async () => {
    const user = await createUser(organisationId, "koordinator");
    const results = await wrongPasswords(user.email, "203.0.113.1", 12);
    expect(results.map((result) => result.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    const throttled = results.filter((result) => result.status === 429);
    expect(new Set(throttled.map((result) => result.data.formError))).toEqual(new Set([WAIT_15_MINUTES]));
  });

  it("stops the attacker's address after five failures, even with the right password, while the user signs in from another address", async () => {
    const user = await createUser(organisationId, "koordinator");
    for (let attempt = 0; attempt < 5; attempt++) expect((await signIn(user.email, "fel-lösenord", "203.0.113.2")).status).toBe(401);
    const attacker = await signIn(user.email, TEST_PASSWORD, "203.0.113.2");
    expect(attacker.status).toBe(429);
    expect(attacker.data.formError).toBe(WAIT_15_MINUTES);
    const realUser = await signIn(user.email, TEST_PASSWORD, "198.51.100.2");
    expect(realUser.status).toBe(302);
  });

  it("lets a right password in from an address with 28 failures for other e-mails (a proxy without TRUST_PROXY)", async () => {
    const proxy = "10.0.0.3";
    const others = await Promise.all(Array.from({ length: 5 }, () => createUser(organisationId, "koordinator")));
    const failures = await Promise.all([
      ...others.map((other) => wrongPasswords(other.email, proxy, 5)),
      wrongPasswords("finns-inte@test.stegvis.se", proxy, 3),
    ]);
    expect(failures.flat().map((result) => result.status)).toEqual(Array(28).fill(401));
    const colleague = await createUser(organisationId, "styrgrupp");
    expect((await signIn(colleague.email, TEST_PASSWORD, proxy)).status).toBe(302);
  });

  it("slows down guessing from many addresses: after ten failures a new address waits 30 seconds, the user's own address does not", async () => {
    const user = await createUser(organisationId, "koordinator");
    expect((await signIn(user.email, TEST_PASSWORD, "198.51.100.4")).status).toBe(302);
    for (let n = 1; n <= 10; n++) expect((await signIn(user.email, "fel-lösenord", `192.0.2.${n}`)).status).toBe(401);

    const newAddress = await signIn(user.email, TEST_PASSWORD, "192.0.2.200");
    expect(newAddress.status).toBe(429);
    expect(newAddress.data.formError).toBe("För många misslyckade inloggningsförsök. Vänta 30 sekunder och försök igen.");
    expect((await signIn(user.email, TEST_PASSWORD, "198.51.100.4")).status).toBe(302);

    // Half a minute later the right password gets in from the new address too.
    await prisma.loginAttempt.updateMany({ where: { key: { contains: user.email } }, data: { createdAt: new Date(Date.now() - 31_000) } });
    expect((await signIn(user.email, TEST_PASSWORD, "192.0.2.200")).status).toBe(302);
  });
});

describe("change-password throttle", () => {
  const NEW_PASSWORD = "ett-nytt-långt-lösen";

  async function changePassword(cookie: string, currentPassword: string, address: string) {
    const fields = { currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    return callRoute(changePasswordRoute.action, postRequest("/konto/losenord", fields, { cookie }), {}, address);
  }

  it("counts wrong current passwords like failed sign-ins: after five even the right one waits, and the password stays", async () => {
    const user = await createUser(organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => changePassword(cookie, "fel-lösenord", "203.0.113.5")));
    const messages = results.map((result) => result.data.fieldErrors.currentPassword?.[0] ?? result.data.formError);
    expect(messages.filter((message) => message === "Nuvarande lösenord stämmer inte.")).toHaveLength(5);
    const throttled = "För många felaktiga lösenord. Vänta 15 minuter och försök igen.";
    expect(messages.filter((message) => message === throttled)).toHaveLength(3);

    const right = await changePassword(cookie, TEST_PASSWORD, "203.0.113.5");
    expect(right.status).toBe(400);
    expect(right.data.formError).toBe(throttled);
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(TEST_PASSWORD, passwordHash)).toBe(true);
    // The same guesses count against signing in from that address.
    expect((await signIn(user.email, TEST_PASSWORD, "203.0.113.5")).status).toBe(429);
  });
});
