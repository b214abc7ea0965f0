import { beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_ACTIVITY_TYPES,
  DEFAULT_AGE_GROUPS,
  DEFAULT_CLOSURE_REASONS,
  DEFAULT_INCOME_SOURCES,
  DEFAULT_REFERRERS,
  DEFAULT_SKAPA_AREAS,
  DEFAULT_SUPPORT_TYPES,
} from "~/domain/reference-defaults";
import { TABLE_BY_NAME, type TableName } from "../columns";
import type { RawTable, RawValue } from "../types";
import {
  eventKeys,
  NO_EXISTING_EVENTS,
  validateImport,
  type ExistingData,
  type ExistingEvents,
  type ReferenceLists,
} from "./index";

const slug = (label: string) => label.toLowerCase().replace(/[^a-z0-9åäö]+/g, "-");

const REFERENCE: ReferenceLists = {
  insatser: [
    { id: "i-samsteg", name: "SamSteg", skapaScaleMin: 1, skapaScaleMax: 10, areas: DEFAULT_SKAPA_AREAS.map((label) => ({ id: `area-${slug(label)}`, label })) },
    { id: "i-grupp", name: "Gruppverksamhet", skapaScaleMin: 0, skapaScaleMax: 4, areas: [{ id: "area-grupp-halsa", label: "Hälsa" }] },
  ],
  kommuner: [{ id: "k-ljungby", name: "Ljungby" }, { id: "k-almhult", name: "Älmhult" }],
  referrers: DEFAULT_REFERRERS.map((name) => ({ id: `r-${slug(name)}`, name })),
  ageGroups: DEFAULT_AGE_GROUPS.map((group) => ({ id: `ag-${group.label}`, name: group.label })),
  closureReasons: DEFAULT_CLOSURE_REASONS.map((reason) => ({ id: `cr-${slug(reason.label)}`, name: reason.label })),
  supportTypes: DEFAULT_SUPPORT_TYPES.map((type) => ({ id: `st-${slug(type.label)}`, name: type.label, raisesActivityLevel: type.raisesActivityLevel })),
  activityTypes: DEFAULT_ACTIVITY_TYPES.map((type) => ({ id: `at-${slug(type.label)}`, name: type.label })),
  incomeSources: DEFAULT_INCOME_SOURCES.map((label) => ({ id: `inc-${slug(label)}`, name: label })),
  users: [
    { id: "u-kim", name: "Kim Koordinator", email: "kim@kommun.se" },
    { id: "u-a", name: "Alex Andersson", email: "alex1@kommun.se" },
    { id: "u-b", name: "Alex Andersson", email: "alex2@kommun.se" },
  ],
};

const NOTHING: ExistingData = { participants: [], enrolments: [], consents: [], events: NO_EXISTING_EVENTS };

/** A table as the parser gives it: data rows start at row 2, under the header. */
function table(name: TableName, rows: Array<Record<string, RawValue>>, sheet: string = name): RawTable {
  return {
    table: name,
    sheet,
    columns: TABLE_BY_NAME.get(name)!.columns.map((column) => column.key),
    rows: rows.map((values, index) => ({ rowNumber: index + 2, values })),
  };
}

function person(overrides: Record<string, RawValue | undefined> = {}): Record<string, RawValue> {
  const row: Record<string, RawValue | undefined> = {
    deltagare: "P-1",
    insats: "SamSteg",
    kommun: "Ljungby",
    kon: "kvinna",
    aldersgrupp: "30-39",
    remittent: "Arbetsförmedlingen",
    samtycke: "2025-01-08",
    inskriven: "2025-01-10",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as Record<string, RawValue>;
}

let counter = 0;
const newId = () => `new-${++counter}`;
beforeEach(() => {
  counter = 0;
});

function validate(tables: RawTable[], existing: ExistingData = NOTHING, createMissing = false) {
  return validateImport(tables, REFERENCE, existing, { createMissing, newId });
}

describe("a clean file", () => {
  it("plans participants, enrolments, consents and events with the förbund's ids", () => {
    const result = validate([
      table("deltagare", [
        person({
          kon: "K", aldersgrupp: "30–39", avslutad: "2025-06-30", avslutsorsak: "studier", planering_efter_avslut: "Ja",
          forsorjning_start: "Försörjningsstöd", forsorjning_slut: "Studiemedel", koordinator: "KIM@kommun.se", namn: "Anna Demosson",
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
      table("deltagare", [person({ koordinator: "Bo Borta" }), person({ deltagare: "P-2", koordinator: "Bo Borta" }), person({ deltagare: "P-3", koordinator: "Alex Andersson" })]),
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

describe("each kind of bad row", () => {
  const enrolled = table("deltagare", [person()]);
  const cases: Array<{ name: string; tables: RawTable[]; sheet: string; row: number; column: string | null; value: string; message: string }> = [
    {
      name: "a required cell left empty",
      tables: [table("deltagare", [person({ kon: undefined })])],
      sheet: "deltagare", row: 2, column: "kon", value: "",
      message: "Värde saknas. Kolumnen kon måste vara ifylld.",
    },
    {
      name: "a date that is not a date",
      tables: [table("deltagare", [person({ inskriven: "10/1/2025" })])],
      sheet: "deltagare", row: 2, column: "inskriven", value: "10/1/2025",
      message: '"10/1/2025" är inget giltigt datum. Förväntat ÅÅÅÅ-MM-DD (t.ex. 2025-03-14), ÅÅÅÅMMDD eller en datumcell.',
    },
    {
      name: "a day that is not in the calendar",
      tables: [table("deltagare", [person({ samtycke: "2025-02-30" })])],
      sheet: "deltagare", row: 2, column: "samtycke", value: "2025-02-30",
      message: '"2025-02-30" är inget riktigt datum: den dagen finns inte i kalendern.',
    },
    {
      name: "an unknown gender",
      tables: [table("deltagare", [person({ kon: "X" })])],
      sheet: "deltagare", row: 2, column: "kon", value: "X",
      message: '"X" är inget giltigt kön. Förväntat kvinna, man eller annat (eller K, M, A).',
    },
    {
      name: "an age group the förbund does not have",
      tables: [table("deltagare", [person({ aldersgrupp: "25-35" })])],
      sheet: "deltagare", row: 2, column: "aldersgrupp", value: "25-35",
      message: '"25-35" är ingen av förbundets åldersgrupper. Förväntat en av: 16-19, 20-29, 30-39, 40-49, 50-59, 60-64.',
    },
    {
      name: "a closure without a reason",
      tables: [table("deltagare", [person({ avslutad: "2025-05-01" })])],
      sheet: "deltagare", row: 2, column: "avslutsorsak", value: "",
      message: "Avslutsorsak saknas. Den måste fyllas i när avslutad är ifylld (2025-05-01).",
    },
    {
      name: "a closure reason the förbund does not have",
      tables: [table("deltagare", [person({ avslutad: "2025-05-01", avslutsorsak: "Nöjd" })])],
      sheet: "deltagare", row: 2, column: "avslutsorsak", value: "Nöjd",
      message: expect.stringMatching(/^"Nöjd" är ingen av förbundets avslutsorsaker\. Förväntat en av: Arbete, Reguljärt arbete, /) as unknown as string,
    },
    {
      name: "a closure before the enrolment",
      tables: [table("deltagare", [person({ avslutad: "2024-12-31", avslutsorsak: "Flytt" })])],
      sheet: "deltagare", row: 2, column: "avslutad", value: "2024-12-31",
      message: "Avslutsdatumet 2024-12-31 är före inskrivningsdatumet 2025-01-10. Förväntat samma dag eller senare.",
    },
    {
      name: "a closure reason without a closure",
      tables: [table("deltagare", [person({ avslutsorsak: "Flytt" })])],
      sheet: "deltagare", row: 2, column: "avslutsorsak", value: "Flytt",
      message: "avslutsorsak är ifylld men avslutad är tom. Fyll i avslutsdatum eller töm avslutsorsak.",
    },
    {
      name: "a yes/no cell with something else",
      tables: [table("deltagare", [person({ avslutad: "2025-05-01", avslutsorsak: "Flytt", planering_efter_avslut: "kanske" })])],
      sheet: "deltagare", row: 2, column: "planering_efter_avslut", value: "kanske",
      message: '"kanske" är inget giltigt svar. Förväntat ja eller nej.',
    },
    {
      name: "a personnummer as participant code",
      tables: [table("deltagare", [person({ deltagare: "19850101-1234" })])],
      sheet: "deltagare", row: 2, column: "deltagare", value: "19850101-1234",
      message: "Koden ser ut som ett personnummer. Förväntat en pseudonym kod (Stegvis sparar inga personnummer).",
    },
    {
      name: "the same enrolment twice",
      tables: [table("deltagare", [person(), person({ kon: "man" })])],
      sheet: "deltagare", row: 3, column: "inskriven", value: "2025-01-10",
      message: 'Deltagaren "P-1" med inskrivningsdatum 2025-01-10 finns redan på rad 2. Varje inskrivning ska stå på en rad.',
    },
    {
      name: "overlapping enrolments of one participant",
      tables: [table("deltagare", [person({ avslutad: "2025-06-30", avslutsorsak: "Flytt" }), person({ samtycke: "2025-06-01", inskriven: "2025-06-01" })])],
      sheet: "deltagare", row: 3, column: "inskriven", value: "2025-06-01",
      message:
        'Inskrivningen av "P-1" inskriven 2025-06-01, pågår överlappar inskrivningen inskriven 2025-01-10, avslutad 2025-06-30 (på rad 2). ' +
        "En deltagare kan bara ha en inskrivning åt gången: den tidigare måste avslutas före nästa inskrivningsdatum.",
    },
    {
      name: "a Trappan step off the ladder",
      tables: [enrolled, table("trappan", [{ deltagare: "P-1", datum: "2025-02-01", steg: 7 }])],
      sheet: "trappan", row: 2, column: "steg", value: "7",
      message: '"7" är inget giltigt steg. Förväntat ett heltal från 1 till 6.',
    },
    {
      name: "a SKAPA area the insats does not have",
      tables: [enrolled, table("skapa", [{ deltagare: "P-1", datum: "2025-02-01", omrade: "Motivation", poang: 5 }])],
      sheet: "skapa", row: 2, column: "omrade", value: "Motivation",
      message: expect.stringMatching(/^"Motivation" är inget SKAPA-område i insatsen SamSteg\. Förväntat ett av: Tro på att få arbete, Jobbsökning,/) as unknown as string,
    },
    {
      name: "a SKAPA score outside the insats's scale",
      tables: [enrolled, table("skapa", [{ deltagare: "P-1", datum: "2025-02-01", omrade: "Hälsa", poang: 11 }])],
      sheet: "skapa", row: 2, column: "poang", value: "11",
      message: "Poängen 11 ligger utanför skalan i insatsen SamSteg. Förväntat ett heltal från 1 till 10.",
    },
    {
      name: "a FOV answer that is not one of the four",
      tables: [enrolled, table("fov", [{ deltagare: "P-1", datum: "2025-02-01", svar: "vet ej" }])],
      sheet: "fov", row: 2, column: "svar", value: "vet ej",
      message: '"vet ej" är inget giltigt svar. Förväntat ja, nej, avböjt eller ej tillfrågad.',
    },
    {
      name: "a support type the förbund does not have",
      tables: [enrolled, table("stodinsatser", [{ deltagare: "P-1", datum: "2025-02-01", typ: "Simskola" }])],
      sheet: "stodinsatser", row: 2, column: "typ", value: "Simskola",
      message: expect.stringMatching(/^"Simskola" är ingen av förbundets stödinsatstyper\. Förväntat en av: Kommunal arbetsträning, .* … \(alla finns i bladet Instruktioner i mallen\)\.$/) as unknown as string,
    },
    {
      name: "an activity type the förbund does not have",
      tables: [enrolled, table("aktiviteter", [{ deltagare: "P-1", datum: "2025-02-01", typ: "Fika" }])],
      sheet: "aktiviteter", row: 2, column: "typ", value: "Fika",
      message: '"Fika" är ingen av förbundets aktivitetstyper. Förväntat en av: Individuellt samtal, Gruppaktivitet, Trepartsmöte/SIP, Myndighetskontakt, Uppföljning med remittent, Studiebesök, Övrigt.',
    },
    {
      name: "minutes that are not a whole number",
      tables: [enrolled, table("aktiviteter", [{ deltagare: "P-1", datum: "2025-02-01", typ: "Övrigt", minuter: "en timme" }])],
      sheet: "aktiviteter", row: 2, column: "minuter", value: "en timme",
      message: '"en timme" är inget giltigt antal minuter. Förväntat ett heltal från 1 till 1440.',
    },
    {
      name: "a participant code that is nowhere",
      tables: [enrolled, table("trappan", [{ deltagare: "P-9", datum: "2025-02-01", steg: 2 }])],
      sheet: "trappan", row: 2, column: "deltagare", value: "P-9",
      message: 'Deltagaren "P-9" finns inte i bladet deltagare och inte heller i Stegvis. Lägg till deltagaren i bladet deltagare.',
    },
    {
      name: "an event outside the enrolment",
      tables: [enrolled, table("fov", [{ deltagare: "P-1", datum: "2024-12-24", svar: "nej" }])],
      sheet: "fov", row: 2, column: "datum", value: "2024-12-24",
      message: 'Datumet 2024-12-24 ligger utanför inskrivningen för deltagaren "P-1" (inskriven 2025-01-10, pågår). Förväntat ett datum inom en inskrivning.',
    },
    {
      name: "the same event twice",
      tables: [enrolled, table("trappan", [{ deltagare: "P-1", datum: "2025-02-01", steg: 2 }, { deltagare: "P-1", datum: "20250201", steg: "2" }])],
      sheet: "trappan", row: 3, column: null, value: "",
      message: "Raden är en dubblett av rad 2 (samma deltagare, datum och steg). Ta bort den ena.",
    },
    {
      name: "a referral decision that is not one of the four",
      tables: [table("remisser", [{ datum: "2025-01-02", remittent: "Regionen", kommun: "Ljungby", insats: "SamSteg", beslut: "kanske" }])],
      sheet: "remisser", row: 2, column: "beslut", value: "kanske",
      message: '"kanske" är inget giltigt beslut. Förväntat inskriven, konsultation, ej aktuell eller kö.',
    },
    {
      name: "a study visit naming an unknown participant",
      tables: [table("studiebesok", [{ datum: "2025-01-02", kommun: "Ljungby", insats: "SamSteg", deltagare: "P-7" }])],
      sheet: "studiebesok", row: 2, column: "deltagare", value: "P-7",
      message: 'Deltagaren "P-7" finns inte i bladet deltagare och inte heller i Stegvis. Lämna cellen tom för en anonym rad.',
    },
    {
      name: "a kommun the förbund does not have",
      tables: [table("deltagare", [person({ kommun: "Växjö" }), person({ deltagare: "P-2", kommun: "växjö" })])],
      sheet: "deltagare", row: 2, column: "kommun", value: "Växjö",
      message:
        'Kommunen "Växjö" finns inte i förbundets lista (används på 2 rader). Rätta stavningen, lägg till den under Administration ' +
        'eller välj "Skapa saknade" (--create-missing på kommandoraden).',
    },
  ];

  it.each(cases)("reports $name in Swedish with sheet, row and column", ({ tables, name: _name, ...expected }) => {
    const result = validate(tables);
    expect(result.problems).toEqual([expected]);
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

describe("what Stegvis already holds", () => {
  const existing = (events: Partial<ExistingEvents> = {}): ExistingData => ({
    participants: [{ id: "p-1", code: "P-1" }],
    enrolments: [{ id: "e-1", participantId: "p-1", insatsId: "i-samsteg", enrolledDate: "2025-01-10", closedDate: "2025-06-30" }],
    consents: [{ participantId: "p-1", givenDate: "2025-01-08" }],
    events: { ...NO_EXISTING_EVENTS, ...events },
  });

  it("skips stored rows and attaches new ones to the stored enrolment", () => {
    const result = validate(
      [
        table("deltagare", [person({ avslutad: "2025-06-30", avslutsorsak: "Flytt" })]),
        table("trappan", [
          { deltagare: "P-1", datum: "2025-01-10", steg: 2 },
          { deltagare: "P-1", datum: "2025-03-01", steg: 3 },
        ]),
      ],
      existing({ trappan: new Set([eventKeys.trappan("e-1", "2025-01-10", 2)]) }),
    );
    expect(result.problems).toEqual([]);
    expect(result.plan.participants).toEqual([]);
    expect(result.plan.enrolments).toEqual([]);
    expect(result.plan.consents).toEqual([]);
    expect(result.plan.placements).toEqual([{ enrolmentId: "e-1", date: "2025-03-01", step: 3 }]);
    expect(result.counts.tables.deltagare).toEqual({ rows: 1, new: 0, existing: 1 });
    expect(result.counts.tables.trappan).toEqual({ rows: 2, new: 1, existing: 1 });
  });

  it("adds a re-enrolment of a stored participant to that participant", () => {
    const result = validate(
      [table("deltagare", [person({ samtycke: "2025-09-01", inskriven: "2025-09-01" })])],
      existing(),
    );
    expect(result.problems).toEqual([]);
    expect(result.plan.participants).toEqual([]);
    expect(result.plan.enrolments).toMatchObject([{ participantId: "p-1", enrolledDate: "2025-09-01" }]);
    expect(result.plan.consents).toEqual([{ participantId: "p-1", givenDate: "2025-09-01" }]);
  });

  it("refuses a new enrolment that overlaps a stored one", () => {
    const result = validate([table("deltagare", [person({ samtycke: "2025-05-01", inskriven: "2025-05-01" })])], existing());
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: "deltagare", row: 2, column: "inskriven", message: expect.stringContaining("(i Stegvis)") }),
    ]);
  });

  it("warns when a stored enrolment's closure differs, and leaves it as it is", () => {
    const result = validate([table("deltagare", [person()])], existing());
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      'deltagare rad 2: inskrivningen av "P-1" 2025-01-10 finns redan i Stegvis och ändras inte (avslutad i filen: tom, i Stegvis: 2025-06-30). Ändra den i Stegvis vid behov.',
    ]);
  });

  it("adds only the missing area scores of a stored SKAPA assessment, and refuses a different score", () => {
    const events = {
      assessments: new Map([[eventKeys.assessment("e-1", "2025-02-01"), "a-1"]]),
      scores: new Map([[eventKeys.score("a-1", "area-hälsa"), 4]]),
    };
    const same = validate(
      [table("skapa", [
        { deltagare: "P-1", datum: "2025-02-01", omrade: "Hälsa", poang: 4 },
        { deltagare: "P-1", datum: "2025-02-01", omrade: "Vardagen", poang: 5 },
      ])],
      existing(events),
    );
    expect(same.problems).toEqual([]);
    expect(same.plan.assessments).toEqual([]);
    expect(same.plan.scores).toEqual([{ assessmentId: "a-1", areaId: "area-vardagen", participantScore: 5 }]);

    const different = validate([table("skapa", [{ deltagare: "P-1", datum: "2025-02-01", omrade: "Hälsa", poang: 6 }])], existing(events));
    expect(different.problems).toEqual([
      {
        sheet: "skapa", row: 2, column: "poang", value: "6",
        message: 'Området "Hälsa" har redan poängen 4 för "P-1" den 2025-02-01 i Stegvis. Förväntat samma poäng, eller ändra bedömningen i Stegvis.',
      },
    ]);
  });

  it("counts anonymous referrals: two identical rows with one stored add one", () => {
    const row = { datum: "2025-01-02", remittent: "Regionen", kommun: "Ljungby", insats: "SamSteg" };
    const key = eventKeys.referral("2025-01-02", "r-regionen", "k-ljungby", "i-samsteg", null);
    const result = validate([table("remisser", [row, row])], existing({ referrals: new Map([[key, 1]]) }));
    expect(result.problems).toEqual([]);
    expect(result.plan.referrals).toHaveLength(1);
    expect(result.counts.tables.remisser).toEqual({ rows: 2, new: 1, existing: 1 });
  });
});

describe("follow-on problems", () => {
  it("places the events of a participant whose deltagare row is wrong in another cell", () => {
    const result = validate([
      table("deltagare", [person({ kon: "?" })]),
      table("trappan", [{ deltagare: "P-1", datum: "2025-02-01", steg: 2 }]),
    ]);
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
    const result = validate([
      table("deltagare", [person({ kon: "?" })]),
      table("trappan", [{ deltagare: "P-1", datum: "2024-02-01", steg: 2 }]),
    ]);
    expect(result.problems.map((p) => [p.sheet, p.column])).toEqual([["deltagare", "kon"], ["trappan", "datum"]]);
  });

  it("reports a missing kommun once, not on every row or event", () => {
    const result = validate([
      table("deltagare", [person({ kommun: "Växjö" }), person({ deltagare: "P-2", kommun: "Växjö" })]),
      table("fov", [{ deltagare: "P-2", datum: "2025-02-01", svar: "nej" }]),
    ]);
    expect(result.problems).toHaveLength(1);
  });
});
