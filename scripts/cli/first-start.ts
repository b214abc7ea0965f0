// Run by `npm start` and `npm run dev` before the server: migrate, and on a fresh database
// either fill it with demo data or (STEGVIS_DEMO=0) create an empty förbund with one admin.
import { randomBytes } from "node:crypto";
import { hashPassword } from "~/auth/password.server";
import { databaseUrl } from "~/data/db.server";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "~/data/seed.server";
import { createFirstAdministrator, hasDemoOrganisation, organisationCount, setupDatabase } from "~/data/setup.server";
import { migrateSqlite } from "~/data/sqlite.server";
import { env, sessionSecret } from "~/env.server";

export async function main(): Promise<number> {
  const { STEGVIS_DEMO } = env();
  sessionSecret(); // generates the local secret file on first start
  migrateSqlite(databaseUrl());
  const organisations = await organisationCount();
  if (organisations === 0 && STEGVIS_DEMO === "1") {
    console.log("Ny databas: fyller den med demodata (påhittade deltagare, koder DEMO-…) …");
    await seedDemo({});
  } else if (organisations === 0) {
    await createEmptyOrganisation();
  }
  if (await hasDemoOrganisation()) {
    console.log(`\nDemoinloggningar (lösenord: ${DEMO_PASSWORD}):`);
    for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(32)} ${login.role}`);
    console.log("");
  }
  return 0;
}

async function createEmptyOrganisation() {
  const { organisationId } = await setupDatabase();
  const email = (process.env.STEGVIS_ADMIN_EMAIL ?? "admin@stegvis.local").toLowerCase();
  const password = randomBytes(9).toString("base64url");
  await createFirstAdministrator(organisationId, { email, name: "Förbundschef", passwordHash: await hashPassword(password) });
  console.log(`Tom databas skapad. Logga in som ${email} med lösenordet ${password} och byt det direkt.`);
}
