import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { DEMO_PASSWORD, seedDemo } from "~/data/seed.server";
import { setupDatabase } from "~/data/setup.server";
import { signInWithPassword } from "../two-factor";

describe("which förbund require two-factor sign-in from the start", () => {
  it("the demo förbund requires it of nobody, so its förbundschef signs in with the password alone", async () => {
    const seeded = await seedDemo({ today: "2026-11-24" });
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: seeded!.organisationId } })).twoFactorRoles).toBe("");
    const signIn = await signInWithPassword("forbundschef@demo.stegvis.se", DEMO_PASSWORD, "/");
    expect(signIn.location).toBe("/");
  });

  it("a förbund set up for real requires it of its förbundschef", async () => {
    const { organisationId } = await setupDatabase("Riktiga förbundet");
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } })).twoFactorRoles).toBe("forbundschef");
  });
});
