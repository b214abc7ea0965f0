import { beforeEach, describe, expect, it } from "vitest";
import { eventKeys } from "./index";
import { person, resetIds, stored, table, validate, type BadRowCase } from "./testing";

beforeEach(resetIds);

describe("each kind of bad event, referral and study visit row", () => {
  const enrolled = table("deltagare", [person()]);
  const cases: BadRowCase[] = [
    {
      name: "a Trappan step off the ladder",
      tables: [enrolled, table("trappan", [{ deltagare: "P-1", datum: "2025-02-01", steg: 7 }])],
      sheet: "trappan",
      row: 2,
      column: "steg",
      value: "7",
      message: '"7" är inget giltigt steg. Förväntat ett heltal från 1 till 6.',
    },
    {
      name: "a SKAPA area the insats does not have",
      tables: [enrolled, table("skapa", [{ deltagare: "P-1", datum: "2025-02-01", omrade: "Motivation", poang: 5 }])],
      sheet: "skapa",
      row: 2,
      column: "omrade",
      value: "Motivation",
      message: expect.stringMatching(
        /^"Motivation" är inget SKAPA-område i insatsen SamSteg\. Förväntat ett av: Tro på att få arbete, Jobbsökning,/,
      ) as unknown as string,
    },
    {
      name: "a SKAPA score outside the insats's scale",
      tables: [enrolled, table("skapa", [{ deltagare: "P-1", datum: "2025-02-01", omrade: "Hälsa", poang: 11 }])],
      sheet: "skapa",
      row: 2,
      column: "poang",
      value: "11",
      message: "Poängen 11 ligger utanför skalan i insatsen SamSteg. Förväntat ett heltal från 1 till 10.",
    },
    {
      name: "a FOV answer that is not one of the four",
      tables: [enrolled, table("fov", [{ deltagare: "P-1", datum: "2025-02-01", svar: "vet ej" }])],
      sheet: "fov",
      row: 2,
      column: "svar",
      value: "vet ej",
      message: '"vet ej" är inget giltigt svar. Förväntat ja, nej, avböjt eller ej tillfrågad.',
    },
    {
      name: "a support type the förbund does not have",
      tables: [enrolled, table("stodinsatser", [{ deltagare: "P-1", datum: "2025-02-01", typ: "Simskola" }])],
      sheet: "stodinsatser",
      row: 2,
      column: "typ",
      value: "Simskola",
      message: expect.stringMatching(
        /^"Simskola" är ingen av förbundets stödinsatstyper\. Förväntat en av: Kommunal arbetsträning, .* … \(alla finns i bladet Instruktioner i mallen\)\.$/,
      ) as unknown as string,
    },
    {
      name: "an activity type the förbund does not have",
      tables: [enrolled, table("aktiviteter", [{ deltagare: "P-1", datum: "2025-02-01", typ: "Fika" }])],
      sheet: "aktiviteter",
      row: 2,
      column: "typ",
      value: "Fika",
      message:
        '"Fika" är ingen av förbundets aktivitetstyper. Förväntat en av: Individuellt samtal, Gruppaktivitet, Trepartsmöte/SIP, Myndighetskontakt, Uppföljning med remittent, Studiebesök, Övrigt.',
    },
    {
      name: "minutes that are not a whole number",
      tables: [enrolled, table("aktiviteter", [{ deltagare: "P-1", datum: "2025-02-01", typ: "Övrigt", minuter: "en timme" }])],
      sheet: "aktiviteter",
      row: 2,
      column: "minuter",
      value: "en timme",
      message: '"en timme" är inget giltigt antal minuter. Förväntat ett heltal från 1 till 1440.',
    },
    {
      name: "a participant code that is nowhere",
      tables: [enrolled, table("trappan", [{ deltagare: "P-9", datum: "2025-02-01", steg: 2 }])],
      sheet: "trappan",
      row: 2,
      column: "deltagare",
      value: "P-9",
      message: 'Deltagaren "P-9" finns inte i bladet deltagare och inte heller i Stegvis. Lägg till deltagaren i bladet deltagare.',
    },
    {
      name: "an event outside the enrolment",
      tables: [enrolled, table("fov", [{ deltagare: "P-1", datum: "2024-12-24", svar: "nej" }])],
      sheet: "fov",
      row: 2,
      column: "datum",
      value: "2024-12-24",
      message: 'Datumet 2024-12-24 ligger utanför inskrivningen för deltagaren "P-1" (inskriven 2025-01-10, pågår). Förväntat ett datum inom en inskrivning.',
    },
    {
      name: "the same event twice",
      tables: [
        enrolled,
        table("trappan", [
          { deltagare: "P-1", datum: "2025-02-01", steg: 2 },
          { deltagare: "P-1", datum: "20250201", steg: "2" },
        ]),
      ],
      sheet: "trappan",
      row: 3,
      column: null,
      value: "",
      message: "Raden är en dubblett av rad 2 (samma deltagare, datum och steg). Ta bort den ena.",
    },
    {
      name: "a referral decision that is not one of the four",
      tables: [table("remisser", [{ datum: "2025-01-02", remittent: "Regionen", kommun: "Ljungby", insats: "SamSteg", beslut: "kanske" }])],
      sheet: "remisser",
      row: 2,
      column: "beslut",
      value: "kanske",
      message: '"kanske" är inget giltigt beslut. Förväntat inskriven, konsultation, ej aktuell eller kö.',
    },
    {
      name: "a study visit naming an unknown participant",
      tables: [table("studiebesok", [{ datum: "2025-01-02", kommun: "Ljungby", insats: "SamSteg", deltagare: "P-7" }])],
      sheet: "studiebesok",
      row: 2,
      column: "deltagare",
      value: "P-7",
      message: 'Deltagaren "P-7" finns inte i bladet deltagare och inte heller i Stegvis. Lämna cellen tom för en anonym rad.',
    },
  ];

  it.each(cases)("reports $name in Swedish with sheet, row and column", ({ tables, name: _name, ...expected }) => {
    const result = validate(tables);
    expect(result.problems).toEqual([expected]);
  });
});

describe("events already in Stegvis", () => {
  it("skips stored rows and attaches new ones to the stored enrolment", () => {
    const result = validate(
      [
        table("deltagare", [person({ avslutad: "2025-06-30", avslutsorsak: "Flytt" })]),
        table("trappan", [
          { deltagare: "P-1", datum: "2025-01-10", steg: 2 },
          { deltagare: "P-1", datum: "2025-03-01", steg: 3 },
        ]),
      ],
      stored({ trappan: new Set([eventKeys.trappan("e-1", "2025-01-10", 2)]) }),
    );
    expect(result.problems).toEqual([]);
    expect(result.plan.participants).toEqual([]);
    expect(result.plan.enrolments).toEqual([]);
    expect(result.plan.consents).toEqual([]);
    expect(result.plan.placements).toEqual([{ enrolmentId: "e-1", date: "2025-03-01", step: 3 }]);
    expect(result.counts.tables.deltagare).toEqual({ rows: 1, new: 0, existing: 1 });
    expect(result.counts.tables.trappan).toEqual({ rows: 2, new: 1, existing: 1 });
  });

  it("adds only the missing area scores of a stored SKAPA assessment, and refuses a different score", () => {
    const events = {
      assessments: new Map([[eventKeys.assessment("e-1", "2025-02-01"), "a-1"]]),
      scores: new Map([[eventKeys.score("a-1", "area-hälsa"), 4]]),
    };
    const same = validate(
      [
        table("skapa", [
          { deltagare: "P-1", datum: "2025-02-01", omrade: "Hälsa", poang: 4 },
          { deltagare: "P-1", datum: "2025-02-01", omrade: "Vardagen", poang: 5 },
        ]),
      ],
      stored(events),
    );
    expect(same.problems).toEqual([]);
    expect(same.plan.assessments).toEqual([]);
    expect(same.plan.scores).toEqual([{ assessmentId: "a-1", areaId: "area-vardagen", participantScore: 5 }]);

    const different = validate([table("skapa", [{ deltagare: "P-1", datum: "2025-02-01", omrade: "Hälsa", poang: 6 }])], stored(events));
    expect(different.problems).toEqual([
      {
        sheet: "skapa",
        row: 2,
        column: "poang",
        value: "6",
        message: 'Området "Hälsa" har redan poängen 4 för "P-1" den 2025-02-01 i Stegvis. Förväntat samma poäng, eller ändra bedömningen i Stegvis.',
      },
    ]);
  });

  it("counts anonymous referrals: two identical rows with one stored add one", () => {
    const row = { datum: "2025-01-02", remittent: "Regionen", kommun: "Ljungby", insats: "SamSteg" };
    const key = eventKeys.referral("2025-01-02", "r-regionen", "k-ljungby", "i-samsteg", null);
    const result = validate([table("remisser", [row, row])], stored({ referrals: new Map([[key, 1]]) }));
    expect(result.problems).toEqual([]);
    expect(result.plan.referrals).toHaveLength(1);
    expect(result.counts.tables.remisser).toEqual({ rows: 2, new: 1, existing: 1 });
  });
});

describe("changes of försörjning (forsorjning)", () => {
  const enrolled = table("deltagare", [person({ forsorjning_start: "Sjukpenning" })]);

  it("plans each change on the enrolment open on its date, and skips one already stored", () => {
    const result = validate([
      enrolled,
      table("forsorjning", [
        { deltagare: "P-1", datum: "2025-03-01", forsorjning: "lön" },
        { deltagare: "P-1", datum: "20250601", forsorjning: "Studiemedel" },
      ]),
    ]);
    expect(result.problems).toEqual([]);
    const enrolmentId = result.plan.enrolments[0]!.id;
    expect(result.plan.incomeChanges).toEqual([
      { enrolmentId, date: "2025-03-01", incomeSourceId: "inc-lön" },
      { enrolmentId, date: "2025-06-01", incomeSourceId: "inc-studiemedel" },
    ]);
    expect(result.counts.tables.forsorjning).toEqual({ rows: 2, new: 2, existing: 0 });

    const again = validate(
      [table("forsorjning", [{ deltagare: "P-1", datum: "2025-03-01", forsorjning: "Lön" }])],
      stored({ incomeChanges: new Set([eventKeys.incomeChange("e-1", "2025-03-01", "inc-lön")]) }),
    );
    expect(again.problems).toEqual([]);
    expect(again.plan.incomeChanges).toEqual([]);
    expect(again.counts.tables.forsorjning).toEqual({ rows: 1, new: 0, existing: 1 });
  });

  it("refuses a försörjning the förbund does not have, a missing one, a date outside the enrolment and a duplicate", () => {
    const result = validate([
      enrolled,
      table("forsorjning", [
        { deltagare: "P-1", datum: "2025-03-01", forsorjning: "Lotteri" },
        { deltagare: "P-1", datum: "2025-03-02" },
        { deltagare: "P-1", datum: "2024-12-01", forsorjning: "Lön" },
        { deltagare: "P-1", datum: "2025-04-01", forsorjning: "Lön" },
        { deltagare: "P-1", datum: "2025-04-01", forsorjning: "LÖN" },
      ]),
    ]);
    expect(result.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [
        2,
        "forsorjning",
        '"Lotteri" är ingen av förbundets försörjningar. Förväntat en av: Sjukpenning, Aktivitetsersättning, Sjukersättning, Försörjningsstöd, Aktivitetsstöd, Studiemedel, Lön, Ingen ersättning, Annan.',
      ],
      [3, "forsorjning", "Värde saknas. Kolumnen forsorjning måste vara ifylld."],
      [
        4,
        "datum",
        'Datumet 2024-12-01 ligger utanför inskrivningen för deltagaren "P-1" (inskriven 2025-01-10, pågår). Förväntat ett datum inom en inskrivning.',
      ],
      [6, null, "Raden är en dubblett av rad 5 (samma deltagare, datum och försörjning). Ta bort den ena."],
    ]);
  });
});

describe("the koordinator's SKAPA rating (bedomare)", () => {
  const enrolled = table("deltagare", [person()]);
  const row = (omrade: string, poang: number, bedomare?: string) => ({
    deltagare: "P-1",
    datum: "2025-02-01",
    omrade,
    poang,
    ...(bedomare === undefined ? {} : { bedomare }),
  });

  it("puts the participant's and the koordinator's rating of one area and date on one score row", () => {
    const result = validate([
      enrolled,
      table("skapa", [row("Hälsa", 4), row("Hälsa", 6, "Koordinator"), row("Vardagen", 3, "koordinator"), row("Samarbete", 5, "deltagare")]),
    ]);
    expect(result.problems).toEqual([]);
    const enrolmentId = result.plan.enrolments[0]!.id;
    expect(result.plan.assessments).toEqual([{ id: expect.any(String) as unknown as string, enrolmentId, date: "2025-02-01" }]);
    const assessmentId = result.plan.assessments[0]!.id;
    expect(result.plan.scores).toEqual([
      { assessmentId, areaId: "area-hälsa", participantScore: 4, coordinatorScore: 6 },
      { assessmentId, areaId: "area-vardagen", participantScore: null, coordinatorScore: 3 },
      { assessmentId, areaId: "area-samarbete", participantScore: 5 },
    ]);
    expect(result.counts.tables.skapa).toEqual({ rows: 4, new: 4, existing: 0 });
    expect(result.counts.assessments).toBe(1);
  });

  it("refuses an unknown bedömare, and the same rater's area twice", () => {
    const result = validate([enrolled, table("skapa", [row("Hälsa", 4, "chef"), row("Hälsa", 6, "koordinator"), row("Hälsa", 7, "koordinator")])]);
    expect(result.problems.map((p) => [p.row, p.column, p.value, p.message])).toEqual([
      [2, "bedomare", "chef", '"chef" är ingen giltig bedömare. Förväntat deltagare eller koordinator (tomt betyder deltagare).'],
      [4, null, "", "Raden är en dubblett av rad 3 (samma deltagare, datum och område (koordinatorns bedömning)). Ta bort den ena."],
    ]);
  });

  it("fills in the koordinator's rating on a stored score row, keeps one already there, and refuses a different one", () => {
    const events = {
      assessments: new Map([[eventKeys.assessment("e-1", "2025-02-01"), "a-1"]]),
      scores: new Map([
        [eventKeys.score("a-1", "area-hälsa"), 4],
        [eventKeys.score("a-1", "area-vardagen"), 5],
      ]),
      coordinatorScores: new Map([[eventKeys.score("a-1", "area-vardagen"), 7]]),
    };
    const result = validate([table("skapa", [row("Hälsa", 4), row("Hälsa", 6, "koordinator"), row("Vardagen", 7, "koordinator")])], stored(events));
    expect(result.problems).toEqual([]);
    expect(result.plan.scores).toEqual([]);
    expect(result.plan.scoreUpdates).toEqual([{ assessmentId: "a-1", areaId: "area-hälsa", coordinatorScore: 6 }]);
    expect(result.counts.tables.skapa).toEqual({ rows: 3, new: 1, existing: 2 });

    const different = validate([table("skapa", [row("Vardagen", 8, "koordinator")])], stored(events));
    expect(different.problems.map((p) => p.message)).toEqual([
      'Området "Vardagen" har redan poängen 7 i koordinatorns bedömning för "P-1" den 2025-02-01 i Stegvis. Förväntat samma poäng, eller ändra bedömningen i Stegvis.',
    ]);
  });
});
