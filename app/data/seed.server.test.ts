import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { prisma } from "~/data/db.server";
import { DEMO_PASSWORD, seedDemo, writeGeneratedData } from "~/data/seed.server";
import { ensureReferenceData } from "~/data/setup.server";
import { countEvents, generateDemoData } from "../../prisma/seed/generate";

const TODAY = "2026-03-15";
const SETTINGS = { seed: 7, today: TODAY, kommuner: ["Ljungby", "Markaryd", "Älmhult"], insatser: ["SamSteg", "Samverkansteam"] };

describe("generateDemoData", () => {
  it("gives the same records for the same seed and different ones for another seed", () => {
    const first = generateDemoData({ ...SETTINGS, participants: 200 });
    const again = generateDemoData({ ...SETTINGS, participants: 200 });
    const other = generateDemoData({ ...SETTINGS, participants: 200, seed: 8 });
    expect(again).toEqual(first);
    expect(other.enrolments).not.toEqual(first.enrolments);
  });

  it("yields about 15 events per participant for 10,000 participants", () => {
    const data = generateDemoData({ ...SETTINGS, participants: 10_000 });
    expect(data.participants).toHaveLength(10_000);
    expect(countEvents(data)).toBeGreaterThanOrEqual(140_000);
    expect(countEvents(data)).toBeLessThanOrEqual(170_000);
  });

  it("dates nothing before enrolment, after closure or after today", () => {
    const data = generateDemoData({ ...SETTINGS, participants: 2_000 });
    const enrolments = new Map(data.enrolments.map((e) => [e.id, e]));
    const events = [
      ...data.placements,
      ...data.skapaOffers,
      ...data.assessments,
      ...data.activities,
      ...data.support,
      ...data.incomeChanges,
      ...data.fovScreenings,
    ];
    const outside = events.filter((event) => {
      const enrolment = enrolments.get(event.enrolmentId)!;
      return event.date < enrolment.enrolledDate || event.date > (enrolment.closedDate ?? TODAY);
    });
    expect(outside).toEqual([]);
    const intakeDates = [...data.referrals, ...data.studyVisits, ...data.consents.map((c) => ({ date: c.givenDate }))].map((r) => r.date);
    expect(intakeDates.filter((date) => date > TODAY)).toEqual([]);
  });

  it("closes about 40 % of enrolments, re-enrols about 10 % of participants and spreads over two calendar years", () => {
    const data = generateDemoData({ ...SETTINGS, participants: 10_000 });
    const closed = data.enrolments.filter((e) => e.closedDate !== null).length / data.enrolments.length;
    expect(closed).toBeGreaterThan(0.33);
    expect(closed).toBeLessThan(0.47);
    const reEnrolled = (data.enrolments.length - data.participants.length) / data.participants.length;
    expect(reEnrolled).toBeGreaterThan(0.08);
    expect(reEnrolled).toBeLessThan(0.12);
    expect(data.enrolments.some((e) => e.enrolledDate.startsWith("2025"))).toBe(true);
    expect(data.enrolments.some((e) => e.enrolledDate.startsWith("2026"))).toBe(true);
    // A participant's enrolments never overlap: the earlier one is closed before the next starts.
    const byParticipant = new Map<string, typeof data.enrolments>();
    for (const e of data.enrolments) byParticipant.set(e.participantId, [...(byParticipant.get(e.participantId) ?? []), e]);
    for (const periods of byParticipant.values()) {
      for (let i = 1; i < periods.length; i++) expect(periods[i - 1].closedDate! < periods[i].enrolledDate).toBe(true);
    }
  });
});

describe("seedDemo", () => {
  it("fills an empty database with the demo förbund, once", async () => {
    const result = await seedDemo({ today: TODAY });
    expect(result).not.toBeNull();
    expect(result!.logins).toEqual([
      { email: "koordinator@demo.stegvis.se", role: "koordinator" },
      { email: "koordinator2@demo.stegvis.se", role: "koordinator" },
      { email: "styrgrupp@demo.stegvis.se", role: "styrgrupp" },
      { email: "forbundschef@demo.stegvis.se", role: "forbundschef" },
    ]);

    const organisations = await prisma.organisation.findMany();
    expect(organisations).toHaveLength(1);
    expect(organisations[0]).toMatchObject({ id: result!.organisationId, name: "Demoförbundet (demodata)", isDemo: true });

    const users = await prisma.user.findMany({ orderBy: { email: "asc" }, include: { assignments: true } });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["forbundschef@demo.stegvis.se", "forbundschef"],
      ["koordinator2@demo.stegvis.se", "koordinator"],
      ["koordinator@demo.stegvis.se", "koordinator"],
      ["styrgrupp@demo.stegvis.se", "styrgrupp"],
    ]);
    expect(users.map((u) => u.assignments.length)).toEqual([0, 4, 2, 0]);
    expect(await verifyPassword(DEMO_PASSWORD, users[0].passwordHash)).toBe(true);

    const participants = await prisma.participant.findMany();
    expect(participants).toHaveLength(60);
    expect(participants.every((p) => p.code?.startsWith("DEMO-"))).toBe(true);

    const kommuner = await prisma.kommun.findMany({ orderBy: { name: "asc" } });
    expect(kommuner.map((k) => k.name)).toEqual(["Ljungby", "Markaryd", "Älmhult"]);
    const insatser = await prisma.insats.findMany({ orderBy: { name: "asc" }, include: { targets: true, skapaAreas: true, trappanSteps: true } });
    expect(insatser.map((i) => [i.name, i.startDate, i.targets.length, i.skapaAreas.length, i.trappanSteps.length])).toEqual([
      ["SamSteg", "2024-03-15", 5, 7, 6],
      ["Samverkansteam", "2024-03-15", 5, 7, 6],
    ]);
  });

  it("gives every demo enrolment the koordinator assigned to its insats and kommun", async () => {
    const enrolments = await prisma.enrolment.findMany({ include: { insats: true, kommun: true, coordinator: true } });
    expect(enrolments.length).toBeGreaterThanOrEqual(60);
    for (const e of enrolments) {
      const expected = e.insats.name === "SamSteg" && e.kommun.name !== "Älmhult" ? "koordinator@demo.stegvis.se" : "koordinator2@demo.stegvis.se";
      expect(e.coordinator?.email).toBe(expected);
    }
    expect(enrolments.some((e) => e.coordinator?.email === "koordinator@demo.stegvis.se")).toBe(true);
  });

  it("dates every stored event within its enrolment and not after today", async () => {
    const enrolments = await prisma.enrolment.findMany({
      select: {
        enrolledDate: true,
        closedDate: true,
        placements: { select: { date: true } },
        skapaOffers: { select: { date: true } },
        assessments: { select: { date: true } },
        activities: { select: { date: true } },
        support: { select: { date: true } },
        incomeChanges: { select: { date: true } },
        fovScreenings: { select: { date: true } },
      },
    });
    let events = 0;
    const outside: string[] = [];
    for (const e of enrolments) {
      const end = e.closedDate ?? TODAY;
      for (const list of [e.placements, e.skapaOffers, e.assessments, e.activities, e.support, e.incomeChanges, e.fovScreenings]) {
        for (const { date } of list) {
          events += 1;
          if (date < e.enrolledDate || date > end || date > TODAY) outside.push(`${e.enrolledDate}–${end}: ${date}`);
        }
      }
    }
    expect(outside).toEqual([]);
    expect(events).toBeGreaterThan(600);
    expect(await prisma.skapaScore.count()).toBeGreaterThan(0);
  });

  it("does nothing when an organisation already exists", async () => {
    const before = await prisma.participant.count();
    expect(await seedDemo({ today: TODAY })).toBeNull();
    expect(await prisma.organisation.count()).toBe(1);
    expect(await prisma.user.count()).toBe(4);
    expect(await prisma.participant.count()).toBe(before);
  });
});

describe("writeGeneratedData", () => {
  // Its speed is the bench's to measure (npm run bench), not a timed assertion's.
  it("writes 10,000 participants and their events into another förbund", async () => {
    const org = await prisma.organisation.create({ data: { name: "Volymförbundet" } });
    await ensureReferenceData(org.id);
    const data = generateDemoData({ ...SETTINGS, participants: 10_000, kommuner: ["Växjö", "Alvesta"], insatser: ["Samverkansteam Värend"] });

    const summary = await writeGeneratedData(org.id, data);

    expect(summary).toEqual({ participants: 10_000, enrolments: data.enrolments.length, events: countEvents(data) });
    expect(await prisma.participant.count({ where: { organisationId: org.id } })).toBe(10_000);
    expect(await prisma.activity.count({ where: { enrolment: { organisationId: org.id } } })).toBe(data.activities.length);
    expect(await prisma.skapaScore.count({ where: { assessment: { enrolment: { organisationId: org.id } } } })).toBe(
      data.assessments.reduce((sum, a) => sum + a.scores.length, 0),
    );
    // Created because they were missing, with the default instruments.
    const insats = await prisma.insats.findUniqueOrThrow({
      where: { organisationId_name: { organisationId: org.id, name: "Samverkansteam Värend" } },
      include: { skapaAreas: true, trappanSteps: true },
    });
    expect([insats.skapaAreas.length, insats.trappanSteps.length]).toEqual([7, 6]);
  }, 120_000);
});
