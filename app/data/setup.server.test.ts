import { describe, expect, it } from "vitest";
import { DEFAULT_CLOSURE_REASONS, DEFAULT_SKAPA_AREAS } from "~/domain/reference-defaults";
import { prisma } from "./db.server";
import { setupDatabase } from "./setup.server";

describe("db:setup", () => {
  it("creates the förbund with every default list once, and a second run changes nothing", async () => {
    const first = await setupDatabase("Sunnerbo");
    expect(first.created).toBe(true);
    const org = { organisationId: first.organisationId };
    expect(await prisma.closureReason.count({ where: org })).toBe(DEFAULT_CLOSURE_REASONS.length);
    expect(await prisma.closureReason.count({ where: { ...org, category: "positive" } })).toBe(10);
    expect(await prisma.ageGroup.count({ where: org })).toBe(6);
    expect(await prisma.supportType.count({ where: org })).toBe(24);
    expect(await prisma.activityType.count({ where: org })).toBe(7);

    const second = await setupDatabase("Sunnerbo");
    expect(second).toEqual({ organisationId: first.organisationId, created: false });
    expect(await prisma.closureReason.count({ where: org })).toBe(DEFAULT_CLOSURE_REASONS.length);
  });

  it("does not bring back a default the förbundschef deleted", async () => {
    const { organisationId } = await setupDatabase("Värend");
    await prisma.closureReason.deleteMany({ where: { organisationId, label: "Flytt" } });
    await setupDatabase("Värend");
    expect(await prisma.closureReason.count({ where: { organisationId, label: "Flytt" } })).toBe(0);
  });

  it("gives a new insats the six Trappan steps and the default SKAPA instrument", async () => {
    const { organisationId } = await setupDatabase("Blekinge");
    const insats = await prisma.insats.create({ data: { organisationId, name: "SamSteg" } });
    await setupDatabase("Blekinge");
    const steps = await prisma.trappanStep.findMany({ where: { insatsId: insats.id }, orderBy: { step: "asc" } });
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    const areas = await prisma.skapaArea.findMany({ where: { insatsId: insats.id }, orderBy: { sortOrder: "asc" } });
    expect(areas.map((a) => a.label)).toEqual([...DEFAULT_SKAPA_AREAS]);
  });
});
