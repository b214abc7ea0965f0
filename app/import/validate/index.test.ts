import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SKAPA_AREAS } from "~/domain/reference-defaults";
import { NOTHING, person, resetIds, table, validate } from "./testing";

beforeEach(resetIds);

describe("a clean file", () => {
  it("plans participants, enrolments, consents and events with the förbund's ids", () => {
    const result = validate([
      table("deltagare", [
        person({
          kon: "K",
          aldersgrupp: "30–39",
          avslutad: "2025-06-30",
          avslutsorsak: "studier",
          planering_efter_avslut: "Ja",
          forsorjning_start: "Försörjningsstöd",
          forsorjning_slut: "Studiemedel",
          koordinator: "KIM@kommun.se",
          namn: "Anna Demosson",
        }),
        person({ deltagare: "P-1", samtycke: "2025-08-01", inskriven: "2025-08-01", kon: "kvinna" }),
        person({ deltagare: "P-2", kon: "m", kommun: "älmhult", koordinator: "Kim Koordinator" }),
      ]),
      table("trappan", [
        { deltagare: "P-1", datum: "2025-01-10", steg: 2 },
        { deltagare: "P-1", datum: "2025-09-01", steg: "3" },
      ]),
      table("skapa", [
        { deltagare: "P-2", datum: "2025-02-01", omrade: "Hälsa", poang: 4 },
        { deltagare: "P-2", datum: "2025-02-01", omrade: "jobbsökning", poang: 6 },
      ]),
      table("skapa_erbjuden", [{ deltagare: "P-2", datum: "2025-01-20" }]),
      table("fov", [{ deltagare: "P-2", datum: "2025-02-05", svar: "ej_tillfragad" }]),
      table("stodinsatser", [
        { deltagare: "P-2", datum: "2025-03-01", typ: "Kommunal arbetsträning" },
        { deltagare: "P-2", datum: "2025-03-02", typ: "Färdtjänst", hojd_aktivitetsniva: "ja" },
      ]),
      table("aktiviteter", [{ deltagare: "P-1", datum: "2025-02-03", typ: "Individuellt samtal", minuter: 45 }]),
      table("remisser", [{ datum: "2024-12-16", remittent: "Arbetsförmedlingen", kommun: "Ljungby", insats: "SamSteg", beslut: "ej aktuell" }]),
      table("studiebesok", [{ datum: "2024-12-02", kommun: "Ljungby", insats: "SamSteg", deltagare: "P-2" }]),
    ]);

    expect(result.problems).toEqual([]);
    const { plan } = result;
    expect(plan.participants).toEqual([
      { id: "new-2", code: "P-1", name: "Anna Demosson" },
      { id: "new-5", code: "P-2", name: null },
    ]);
    expect(plan.enrolments.map((e) => [e.participantId, e.enrolledDate, e.closedDate, e.gender])).toEqual([
      ["new-2", "2025-01-10", "2025-06-30", "kvinna"],
      ["new-2", "2025-08-01", null, "kvinna"],
      ["new-5", "2025-01-10", null, "man"],
    ]);
    expect(plan.enrolments[0]).toMatchObject({
      ageGroupId: "ag-30-39",
      closureReasonId: "cr-studier",
      planAfterClosure: true,
      incomeStartId: "inc-försörjningsstöd",
      incomeEndId: "inc-studiemedel",
      coordinatorId: "u-kim",
      kommunId: "k-ljungby",
      referrerId: "r-arbetsförmedlingen",
    });
    expect(plan.enrolments[2]).toMatchObject({ kommunId: "k-almhult", coordinatorId: "u-kim" });
    expect(plan.consents).toEqual([
      { participantId: "new-2", givenDate: "2025-01-08" },
      { participantId: "new-2", givenDate: "2025-08-01" },
      { participantId: "new-5", givenDate: "2025-01-08" },
    ]);
    // Each Trappan row lands in the enrolment that was open on its date.
    expect(plan.placements).toEqual([
      { enrolmentId: "new-1", date: "2025-01-10", step: 2 },
      { enrolmentId: "new-3", date: "2025-09-01", step: 3 },
    ]);
    expect(plan.assessments).toEqual([{ id: "new-6", enrolmentId: "new-4", date: "2025-02-01" }]);
    expect(plan.scores).toEqual([
      { assessmentId: "new-6", areaId: "area-hälsa", participantScore: 4 },
      { assessmentId: "new-6", areaId: "area-jobbsökning", participantScore: 6 },
    ]);
    expect(plan.fovScreenings).toEqual([{ enrolmentId: "new-4", date: "2025-02-05", outcome: "ej_tillfragad" }]);
    // hojd_aktivitetsniva: the type's default when empty, the cell when given.
    expect(plan.support.map((s) => [s.supportTypeId, s.raisesActivityLevel])).toEqual([
      ["st-kommunal-arbetsträning", true],
      ["st-färdtjänst", true],
    ]);
    expect(plan.activities).toEqual([{ enrolmentId: "new-1", date: "2025-02-03", activityTypeId: "at-individuellt-samtal", minutes: 45 }]);
    expect(plan.referrals).toEqual([
      { date: "2024-12-16", referrerId: "r-arbetsförmedlingen", kommunId: "k-ljungby", insatsId: "i-samsteg", decision: "ej_aktuell", participantId: null },
    ]);
    expect(plan.studyVisits).toEqual([{ date: "2024-12-02", kommunId: "k-ljungby", insatsId: "i-samsteg", participantId: "new-5" }]);
    expect(result.counts.tables.deltagare).toEqual({ rows: 3, new: 3, existing: 0 });
    expect(result.counts.tables.skapa).toEqual({ rows: 2, new: 2, existing: 0 });
    expect(result.counts).toMatchObject({ participants: 2, consents: 3, assessments: 1 });
  });

  it("imports an unknown coordinator as none, with one warning per name", () => {
    const result = validate([
      table("deltagare", [
        person({ koordinator: "Bo Borta" }),
        person({ deltagare: "P-2", koordinator: "Bo Borta" }),
        person({ deltagare: "P-3", koordinator: "Alex Andersson" }),
      ]),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.plan.enrolments.map((e) => e.coordinatorId)).toEqual([null, null, null]);
    expect(result.warnings).toEqual([
      'Koordinatorn "Bo Borta" finns inte som användare i Stegvis: 2 inskrivningar importeras utan koordinator.',
      // Two users share the name: only the e-mail address says which one.
      'Koordinatorn "Alex Andersson" finns inte som användare i Stegvis: 1 inskrivning importeras utan koordinator.',
    ]);
  });
});

describe("missing reference values", () => {
  const tables = () => [
    table("deltagare", [person({ insats: "Nya Steget", remittent: "Kriminalvården" })]),
    table("skapa", [{ deltagare: "P-1", datum: "2025-02-01", omrade: "Hälsa", poang: 3 }]),
    table("studiebesok", [{ datum: "2025-01-02", kommun: "Markaryd", insats: "nya steget" }]),
  ];

  it("lists them and plans nothing to create without createMissing", () => {
    const result = validate(tables());
    expect(result.missing).toEqual({ insatser: ["Nya Steget"], kommuner: ["Markaryd"], remittenter: ["Kriminalvården"] });
    expect(result.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ["deltagare", 2, "insats"],
      ["deltagare", 2, "remittent"],
      ["studiebesok", 2, "kommun"],
    ]);
    expect(result.plan.create).toEqual({ insatser: [], kommuner: [], referrers: [] });
  });

  it("creates them, the insats with the default SKAPA instrument, with createMissing", () => {
    const result = validate(tables(), NOTHING, true);
    expect(result.problems).toEqual([]);
    expect(result.missing).toEqual({ insatser: ["Nya Steget"], kommuner: ["Markaryd"], remittenter: ["Kriminalvården"] });
    const [insats] = result.plan.create.insatser;
    expect(insats.name).toBe("Nya Steget");
    expect(insats.areas.map((a) => a.label)).toEqual([...DEFAULT_SKAPA_AREAS]);
    expect(result.plan.enrolments[0].insatsId).toBe(insats.id);
    expect(result.plan.scores[0].areaId).toBe(insats.areas.find((a) => a.label === "Hälsa")!.id);
    expect(result.plan.studyVisits[0]).toMatchObject({ insatsId: insats.id, kommunId: result.plan.create.kommuner[0].id });
    expect(result.plan.create.referrers).toEqual([{ id: result.plan.enrolments[0].referrerId, name: "Kriminalvården" }]);
  });
});

describe("follow-on problems", () => {
  it("places the events of a participant whose deltagare row is wrong in another cell", () => {
    const result = validate([table("deltagare", [person({ kon: "?" })]), table("trappan", [{ deltagare: "P-1", datum: "2025-02-01", steg: 2 }])]);
    expect(result.problems.map((p) => [p.sheet, p.column])).toEqual([["deltagare", "kon"]]);
  });

  it("does not blame the events of a participant whose enrolment date is unreadable", () => {
    const result = validate([
      table("deltagare", [person({ inskriven: "i våras" })]),
      table("trappan", [{ deltagare: "P-1", datum: "2025-02-01", steg: 2 }]),
      table("remisser", [{ datum: "2025-01-02", remittent: "Regionen", kommun: "Ljungby", insats: "SamSteg", deltagare: "P-1" }]),
    ]);
    expect(result.problems.map((p) => [p.sheet, p.column])).toEqual([["deltagare", "inskriven"]]);
  });

  it("still checks events against an enrolment whose other cells are wrong", () => {
    const result = validate([table("deltagare", [person({ kon: "?" })]), table("trappan", [{ deltagare: "P-1", datum: "2024-02-01", steg: 2 }])]);
    expect(result.problems.map((p) => [p.sheet, p.column])).toEqual([
      ["deltagare", "kon"],
      ["trappan", "datum"],
    ]);
  });

  it("reports a missing kommun once, not on every row or event", () => {
    const result = validate([
      table("deltagare", [person({ kommun: "Växjö" }), person({ deltagare: "P-2", kommun: "Växjö" })]),
      table("fov", [{ deltagare: "P-2", datum: "2025-02-01", svar: "nej" }]),
    ]);
    expect(result.problems).toHaveLength(1);
  });
});
