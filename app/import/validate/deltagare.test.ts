import { beforeEach, describe, expect, it } from "vitest";
import { person, resetIds, stored, table, validate, type BadRowCase } from "./testing";

beforeEach(resetIds);

describe("each kind of bad deltagare row", () => {
  const cases: BadRowCase[] = [
    {
      name: "a required cell left empty",
      tables: [table("deltagare", [person({ kon: undefined })])],
      sheet: "deltagare",
      row: 2,
      column: "kon",
      value: "",
      message: "Värde saknas. Kolumnen kon måste vara ifylld.",
    },
    {
      name: "a date that is not a date",
      tables: [table("deltagare", [person({ inskriven: "10/1/2025" })])],
      sheet: "deltagare",
      row: 2,
      column: "inskriven",
      value: "10/1/2025",
      message: '"10/1/2025" är inget giltigt datum. Förväntat ÅÅÅÅ-MM-DD (t.ex. 2025-03-14), ÅÅÅÅMMDD eller en datumcell.',
    },
    {
      name: "a day that is not in the calendar",
      tables: [table("deltagare", [person({ samtycke: "2025-02-30" })])],
      sheet: "deltagare",
      row: 2,
      column: "samtycke",
      value: "2025-02-30",
      message: '"2025-02-30" är inget riktigt datum: den dagen finns inte i kalendern.',
    },
    {
      name: "an unknown gender",
      tables: [table("deltagare", [person({ kon: "X" })])],
      sheet: "deltagare",
      row: 2,
      column: "kon",
      value: "X",
      message: '"X" är inget giltigt kön. Förväntat kvinna, man eller annat (eller K, M, A).',
    },
    {
      name: "an age group the förbund does not have",
      tables: [table("deltagare", [person({ aldersgrupp: "25-35" })])],
      sheet: "deltagare",
      row: 2,
      column: "aldersgrupp",
      value: "25-35",
      message: '"25-35" är ingen av förbundets åldersgrupper. Förväntat en av: 16-19, 20-29, 30-39, 40-49, 50-59, 60-64.',
    },
    {
      name: "a closure without a reason",
      tables: [table("deltagare", [person({ avslutad: "2025-05-01" })])],
      sheet: "deltagare",
      row: 2,
      column: "avslutsorsak",
      value: "",
      message: "Avslutsorsak saknas. Den måste fyllas i när avslutad är ifylld (2025-05-01).",
    },
    {
      name: "a closure reason the förbund does not have",
      tables: [table("deltagare", [person({ avslutad: "2025-05-01", avslutsorsak: "Nöjd" })])],
      sheet: "deltagare",
      row: 2,
      column: "avslutsorsak",
      value: "Nöjd",
      message: expect.stringMatching(/^"Nöjd" är ingen av förbundets avslutsorsaker\. Förväntat en av: Arbete, Reguljärt arbete, /) as unknown as string,
    },
    {
      name: "a closure before the enrolment",
      tables: [table("deltagare", [person({ avslutad: "2024-12-31", avslutsorsak: "Flytt" })])],
      sheet: "deltagare",
      row: 2,
      column: "avslutad",
      value: "2024-12-31",
      message: "Avslutsdatumet 2024-12-31 är före inskrivningsdatumet 2025-01-10. Förväntat samma dag eller senare.",
    },
    {
      name: "a closure reason without a closure",
      tables: [table("deltagare", [person({ avslutsorsak: "Flytt" })])],
      sheet: "deltagare",
      row: 2,
      column: "avslutsorsak",
      value: "Flytt",
      message: "avslutsorsak är ifylld men avslutad är tom. Fyll i avslutsdatum eller töm avslutsorsak.",
    },
    {
      name: "a yes/no cell with something else",
      tables: [table("deltagare", [person({ avslutad: "2025-05-01", avslutsorsak: "Flytt", planering_efter_avslut: "kanske" })])],
      sheet: "deltagare",
      row: 2,
      column: "planering_efter_avslut",
      value: "kanske",
      message: '"kanske" är inget giltigt svar. Förväntat ja eller nej.',
    },
    {
      name: "a personnummer as participant code",
      tables: [table("deltagare", [person({ deltagare: "19850101-1234" })])],
      sheet: "deltagare",
      row: 2,
      column: "deltagare",
      value: "19850101-1234",
      message: "Deltagarkoden ser ut som ett personnummer eller samordningsnummer. Använd en pseudonym kod, t.ex. SAM-0123.",
    },
    {
      name: "a samordningsnummer as participant code",
      tables: [table("deltagare", [person({ deltagare: "8501611234" })])],
      sheet: "deltagare",
      row: 2,
      column: "deltagare",
      value: "8501611234",
      message: "Deltagarkoden ser ut som ett personnummer eller samordningsnummer. Använd en pseudonym kod, t.ex. SAM-0123.",
    },
    {
      name: "a bidirectional override in a participant code",
      tables: [table("deltagare", [person({ deltagare: "P-\u202E1" })])],
      sheet: "deltagare",
      row: 2,
      column: "deltagare",
      value: "P-\u202E1",
      message: "Deltagarkoden innehåller otillåtna tecken.",
    },
    {
      name: "a NUL byte in a name",
      tables: [table("deltagare", [person({ namn: "Anna\u0000" })])],
      sheet: "deltagare",
      row: 2,
      column: "namn",
      value: "Anna\u0000",
      message: "Namnet innehåller otillåtna tecken.",
    },
    {
      name: "a date before 1900",
      tables: [table("deltagare", [person({ samtycke: "18991231" })])],
      sheet: "deltagare",
      row: 2,
      column: "samtycke",
      value: "18991231",
      message: "Datumet 1899-12-31 ligger utanför de år Stegvis tar emot. Förväntat ett datum mellan 1900-01-01 och 2100-12-31.",
    },
    {
      name: "the same enrolment twice",
      tables: [table("deltagare", [person(), person({ kon: "man" })])],
      sheet: "deltagare",
      row: 3,
      column: "inskriven",
      value: "2025-01-10",
      message: 'Deltagaren "P-1" med inskrivningsdatum 2025-01-10 finns redan på rad 2. Varje inskrivning ska stå på en rad.',
    },
    {
      name: "overlapping enrolments of one participant",
      tables: [table("deltagare", [person({ avslutad: "2025-06-30", avslutsorsak: "Flytt" }), person({ samtycke: "2025-06-01", inskriven: "2025-06-01" })])],
      sheet: "deltagare",
      row: 3,
      column: "inskriven",
      value: "2025-06-01",
      message:
        'Inskrivningen av "P-1" inskriven 2025-06-01, pågår överlappar inskrivningen inskriven 2025-01-10, avslutad 2025-06-30 (på rad 2). ' +
        "En deltagare kan bara ha en inskrivning åt gången: den tidigare måste avslutas före nästa inskrivningsdatum.",
    },
    {
      name: "a kommun the förbund does not have",
      tables: [table("deltagare", [person({ kommun: "Växjö" }), person({ deltagare: "P-2", kommun: "växjö" })])],
      sheet: "deltagare",
      row: 2,
      column: "kommun",
      value: "Växjö",
      message:
        'Kommunen "Växjö" finns inte i förbundets lista (används på 2 rader). Rätta stavningen, lägg till den under Administration ' +
        'eller välj "Skapa saknade" (--create-missing på kommandoraden).',
    },
    {
      name: "an enrolment before its consent",
      tables: [table("deltagare", [person({ samtycke: "2025-03-05", inskriven: "2025-03-01" })])],
      sheet: "deltagare",
      row: 2,
      column: "inskriven",
      value: "2025-03-01",
      message: "Inskrivningsdatumet 2025-03-01 är före samtycket 2025-03-05. Förväntat samtycke samma dag eller tidigare.",
    },
    {
      name: "a re-enrolment on the day the previous enrolment closed",
      tables: [table("deltagare", [person({ avslutad: "2025-06-30", avslutsorsak: "Flytt" }), person({ samtycke: "2025-06-30", inskriven: "2025-06-30" })])],
      sheet: "deltagare",
      row: 3,
      column: "inskriven",
      value: "2025-06-30",
      message:
        'Inskrivningen av "P-1" inskriven 2025-06-30, pågår börjar samma dag som den förra inskrivningen avslutades ' +
        "(inskriven 2025-01-10, avslutad 2025-06-30, på rad 2). Förväntat inskrivningsdatum 2025-07-01 eller senare: " +
        "en ny inskrivning börjar tidigast dagen efter avslutet.",
    },
  ];

  it.each(cases)("reports $name in Swedish with sheet, row and column", ({ tables, name: _name, ...expected }) => {
    const result = validate(tables);
    expect(result.problems).toEqual([expected]);
  });
});

describe("enrolment dates", () => {
  it("plans nothing of an enrolment before its consent", () => {
    const result = validate([table("deltagare", [person({ samtycke: "2025-01-11", inskriven: "2025-01-10" })])]);
    expect(result.problems.map((p) => [p.column, p.value])).toEqual([["inskriven", "2025-01-10"]]);
    expect(result.plan.enrolments).toEqual([]);
    expect(result.plan.consents).toEqual([]);
  });

  it("accepts a re-enrolment the day after the previous enrolment closed", () => {
    const result = validate([
      table("deltagare", [person({ avslutad: "2025-06-30", avslutsorsak: "Flytt" }), person({ samtycke: "2025-07-01", inskriven: "2025-07-01" })]),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.plan.enrolments.map((e) => [e.enrolledDate, e.closedDate])).toEqual([
      ["2025-01-10", "2025-06-30"],
      ["2025-07-01", null],
    ]);
  });

  it("refuses a re-enrolment on the day a stored enrolment closed", () => {
    const result = validate([table("deltagare", [person({ samtycke: "2025-06-30", inskriven: "2025-06-30" })])], stored());
    expect(result.problems).toEqual([
      {
        sheet: "deltagare",
        row: 2,
        column: "inskriven",
        value: "2025-06-30",
        message:
          'Inskrivningen av "P-1" inskriven 2025-06-30, pågår börjar samma dag som den förra inskrivningen avslutades ' +
          "(inskriven 2025-01-10, avslutad 2025-06-30, i Stegvis). Förväntat inskrivningsdatum 2025-07-01 eller senare: " +
          "en ny inskrivning börjar tidigast dagen efter avslutet.",
      },
    ]);
  });

  it("refuses an earlier enrolment that closes on the day a stored one starts, at its closure", () => {
    const result = validate(
      [table("deltagare", [person({ samtycke: "2024-06-01", inskriven: "2024-06-01", avslutad: "2025-01-10", avslutsorsak: "Flytt" })])],
      stored(),
    );
    expect(result.problems).toEqual([
      {
        sheet: "deltagare",
        row: 2,
        column: "avslutad",
        value: "2025-01-10",
        message:
          'Inskrivningen av "P-1" inskriven 2024-06-01, avslutad 2025-01-10 avslutas samma dag som nästa inskrivning börjar ' +
          "(inskriven 2025-01-10, avslutad 2025-06-30, i Stegvis). Förväntat avslutsdatum 2025-01-09 eller tidigare: " +
          "en ny inskrivning börjar tidigast dagen efter avslutet.",
      },
    ]);
  });
});

describe("deltagare already in Stegvis", () => {
  it("adds a re-enrolment of a stored participant to that participant", () => {
    const result = validate([table("deltagare", [person({ samtycke: "2025-09-01", inskriven: "2025-09-01" })])], stored());
    expect(result.problems).toEqual([]);
    expect(result.plan.participants).toEqual([]);
    expect(result.plan.enrolments).toMatchObject([{ participantId: "p-1", enrolledDate: "2025-09-01" }]);
    expect(result.plan.consents).toEqual([{ participantId: "p-1", givenDate: "2025-09-01" }]);
  });

  it("refuses a new enrolment that overlaps a stored one", () => {
    const result = validate([table("deltagare", [person({ samtycke: "2025-05-01", inskriven: "2025-05-01" })])], stored());
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: "deltagare", row: 2, column: "inskriven", message: expect.stringContaining("(i Stegvis)") }),
    ]);
  });

  it("warns when a stored enrolment's closure differs, and leaves it as it is", () => {
    const result = validate([table("deltagare", [person()])], stored());
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      'deltagare rad 2: inskrivningen av "P-1" 2025-01-10 finns redan i Stegvis och ändras inte (avslutad i filen: tom, i Stegvis: 2025-06-30). Ändra den i Stegvis vid behov.',
    ]);
  });
});
