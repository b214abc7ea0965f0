import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/permissions";
import { startSession } from "~/auth/session.server";
import { prisma } from "~/data/db.server";
import { ensureInsatsInstruments, setupDatabase } from "~/data/setup.server";

// Small factories for integration tests: a förbund with reference data, users and sessions.

export const TEST_PASSWORD = "rätt-lösenord-123";
let passwordHash: Promise<string> | undefined;

export async function createOrganisation(name = "Testförbundet") {
  const { organisationId } = await setupDatabase(name);
  const kommuner = await Promise.all(["Ljungby", "Markaryd", "Älmhult"].map((kommun) => prisma.kommun.create({ data: { organisationId, name: kommun } })));
  const insatser = await Promise.all(
    ["SamSteg", "Samverkansteam"].map((insats) => prisma.insats.create({ data: { organisationId, name: insats, startDate: "2024-01-01" } })),
  );
  for (const insats of insatser) await ensureInsatsInstruments(insats.id);
  return { organisationId, kommuner, insatser };
}

let userCounter = 0;

export async function createUser(
  organisationId: string,
  role: Role,
  { assignments = [], email, active = true }: { assignments?: { insatsId: string; kommunId: string }[]; email?: string; active?: boolean } = {},
) {
  userCounter += 1;
  return prisma.user.create({
    data: {
      organisationId,
      role,
      active,
      email: email ?? `${role}-${userCounter}@test.stegvis.se`,
      name: `Test ${role} ${userCounter}`,
      passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
      assignments: { create: assignments },
    },
  });
}

/** A signed-in session for the user, as the Cookie header value a browser would send. */
export async function sessionCookie(userId: string): Promise<string> {
  const setCookie = await startSession(userId);
  return setCookie.split(";")[0];
}
