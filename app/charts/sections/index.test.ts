import { describe, expect, it } from "vitest";
import type { GoalOutcome, GoalRow } from "~/domain/goals";
import { computeReport } from "~/domain/statistics";
import type { ReportSlice } from "~/domain/statistics/disclosure";
import { enrolment, reportInput } from "~/domain/statistics/testing";
import { janAug } from "~/domain/period";
import { cellFormat, formatCell } from "../cells";
import { periodLabel, reportMeta, reportSections, swedishList, type ReportSection } from ".";
import { testBundle } from "../testing";

function section(sections: ReportSection[], id: string): ReportSection {
  const found = sections.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

/** A table as the reader sees it: every cell formatted, body then footer. */
function shown(s: ReportSection): string[][] {
  return [...s.table.rows, ...s.table.footer].map((row) => s.table.columns.map((column) => formatCell(row[column.key], cellFormat(column, row))));
}

function outcome(numerator: number, denominator: number): GoalOutcome {
  return { numerator, denominator, value: denominator === 0 ? 0 : numerator / denominator };
}

describe("words", () => {
  it("names the usual report periods as the förbunds do, and any other by its dates", () => {
    expect(periodLabel({ from: "2025-01-01", to: "2025-12-31" })).toBe("2025");
    expect(periodLabel({ from: "2025-01-01", to: "2025-06-30" })).toBe("jan–jun 2025");
    expect(periodLabel({ from: "2025-01-01", to: "2025-08-31" })).toBe("jan–aug 2025");
    expect(periodLabel({ from: "2023-11-01", to: "2025-12-31" })).toBe("1 november 2023 – 31 december 2025");
  });

  it("joins a list with commas and a final och", () => {
    expect(swedishList(["Ljungby"])).toBe("Ljungby");
    expect(swedishList(["Ljungby", "Markaryd", "Älmhult"])).toBe("Ljungby, Markaryd och Älmhult");
  });
});

describe("the overview", () => {
  it("says how many took part, were enrolled and closed, in the words of the reports", () => {
    const sections = reportSections(
      testBundle({
        report: { active: { total: 70 }, newlyEnrolled: { total: 24 }, closed: { total: 30, withPlanAfter: 25 }, referrals: { total: 45 } },
        previous: { active: { total: 64 }, newlyEnrolled: { total: 20 }, closed: { total: 28 } },
      }),
    );
    const overview = section(sections, "oversikt");
    expect(overview.title).toBe("Deltagare under perioden");
    expect(overview.summary).toBe("Totalt har 70 deltagare haft stöd under perioden, varav 24 nyinskrivna och 30 avslutade.");
    expect(overview.table.caption).toBe("Deltagare, remisser och studiebesök, jan–aug 2025, jämfört med jan–aug 2024");
    expect(shown(overview)).toEqual([
      ["Aktiva deltagare", "70", "64"],
      ["Nyinskrivna", "24", "20"],
      ["Avslutade", "30", "28"],
      ["Avslutade med planering efter avslut", "25", "0"],
      ["Avslutade på steg 4–6 i Trappan", "0", "0"],
      ["Remisser", "45", "0"],
      ["Studiebesök", "0", "0"],
    ]);
    expect(overview.chart?.series).toEqual([
      { label: "Jan–aug 2025", values: [70, 24, 30], marks: [null, null, null] },
      { label: "Jan–aug 2024", values: [64, 20, 28], marks: [null, null, null] },
    ]);
  });

  it("has every section in report order, and goals only when the insats has targets", () => {
    expect(reportSections(testBundle()).map((s) => s.id)).toEqual([
      "oversikt",
      "uppfoljning-finsam",
      "kommuner",
      "personer",
      "sista-dagen",
      "kon",
      "alder",
      "stegforflyttning-kon",
      "stegforflyttning-kommun",
      "trappan",
      "trappan-forflyttning",
      "skapa",
      "skapa-omraden",
      "remittenter",
      "remisser-kommun",
      "remittent-kommun",
      "nyinskrivna-remittent",
      "remissbeslut",
      "ko",
      "avslut",
      "avslut-kommun",
      "avslut-steg",
      "deltagarnas-bedomning",
      "forsorjning-start",
      "forsorjning-avslut",
      "forsorjning-start-slut",
      "forsorjning-byten",
      "stodinsatser",
      "fov",
    ]);
  });

  it("says plainly when a period has nothing to report", () => {
    const sections = reportSections(testBundle());
    expect(sections.map((s) => s.summary)).toEqual([
      "Inga deltagare har haft stöd under perioden.",
      "Ingen individ deltog i någon insats under perioden.",
      "Inga deltagare har haft stöd under perioden i någon kommun.",
      "Inga deltagare har haft stöd under perioden.",
      "Ingen deltagare var inskriven den sista dagen i perioden.",
      "Inga deltagare har haft stöd under perioden.",
      "Inga deltagare har haft stöd under perioden.",
      "Ingen deltagare har placerats i Trappan vid två olika tillfällen under perioden.",
      "Ingen deltagare har placerats i Trappan vid två olika tillfällen under perioden.",
      "Ingen deltagare har placerats i Trappan vid två olika tillfällen under perioden.",
      "Ingen deltagare har placerats i Trappan vid två olika tillfällen under perioden.",
      "Inga deltagare har haft stöd under perioden, så SKAPA redovisas inte.",
      "Inget område har skattats vid två tillfällen av tillräckligt många deltagare för att redovisas.",
      "Inga remisser har kommit in under perioden.",
      "Inga remisser har kommit in under perioden.",
      "Inga remisser har kommit in under perioden.",
      "Ingen deltagare har skrivits in under perioden.",
      "Inga remisser har kommit in under perioden.",
      "Ingen remiss stod i kö den 31 augusti 2025.",
      "Ingen deltagare har avslutats under perioden.",
      "Ingen deltagare har avslutats under perioden.",
      "Ingen deltagare som avslutats under perioden hade en placering i Trappan.",
      "Ingen deltagare som avslutats under perioden har besvarat frågorna om stöd, inflytande och beredskap.",
      "Inga deltagare har haft stöd under perioden.",
      "Ingen deltagare har avslutats under perioden.",
      "Ingen deltagare har avslutats under perioden.",
      "Inga byten av försörjning har registrerats under perioden.",
      "Inga nya eller utökade stödinsatser har registrerats under perioden.",
      "Ingen deltagare har svarat på frågor om våld under perioden.",
    ]);
    expect(shown(section(sections, "stegforflyttning-kon"))).toEqual([
      ["Kvinnor", "0", "0", "–", "–"],
      ["Män", "0", "0", "–", "–"],
      ["Totalt", "0", "0", "–", "–"],
    ]);
  });
});

describe("participants by kommun, kön and age group", () => {
  const bundle = testBundle({
    report: {
      active: {
        total: 95,
        byKommun: { Alvesta: 14, Tingsryd: 29, Uppvidinge: 14, Växjö: 38 },
        byGender: { kvinna: 50, man: 43, annat: 2 },
        byAgeGroup: { "20-29": 12, "30-39": 30, "40-49": 25, "50-59": 28 },
      },
      newlyEnrolled: { total: 52, byKommun: { Alvesta: 12, Tingsryd: 14, Uppvidinge: 6, Växjö: 19, Lessebo: 1 }, byGender: { kvinna: 30, man: 22 } },
      studyVisits: { total: 5, byKommun: { Växjö: 5 } },
    },
    previous: { active: { total: 80, byKommun: { Växjö: 80 }, byGender: { kvinna: 40, man: 40 }, byAgeGroup: { "30-39": 80 } } },
  });
  const sections = reportSections(bundle);

  it("lists each kommun with a total row computed by the report, not by adding the rows shown", () => {
    const kommuner = section(sections, "kommuner");
    expect(kommuner.summary).toBe("Av de 95 aktiva deltagarna fanns 14 i Alvesta, 29 i Tingsryd, 14 i Uppvidinge och 38 i Växjö.");
    expect(shown(kommuner)).toEqual([
      ["Alvesta", "14", "12", "0", "0", "0"],
      ["Lessebo", "0", "1", "0", "0", "0"],
      ["Tingsryd", "29", "14", "0", "0", "0"],
      ["Uppvidinge", "14", "6", "0", "0", "0"],
      ["Växjö", "38", "19", "0", "5", "80"],
      ["Totalt", "95", "52", "0", "5", "80"],
    ]);
  });

  it("shows kvinnor and män, and annat when there are any, with shares of the total", () => {
    const kon = section(sections, "kon");
    expect(kon.summary).toBe("Av 95 aktiva deltagare var 50 kvinnor, 43 män och 2 med annat eller ej angivet kön.");
    expect(shown(kon)).toEqual([
      ["Kvinnor", "50", "52,6 %", "30", "40"],
      ["Män", "43", "45,3 %", "22", "40"],
      ["Annat/ej angivet", "2", "2,1 %", "0", "0"],
      ["Totalt", "95", "100,0 %", "52", "80"],
    ]);
  });

  it("keeps the configured order of age groups, empty groups included, and names the largest", () => {
    const alder = section(sections, "alder");
    expect(alder.summary).toBe("Flest aktiva deltagare fanns i åldersgrupperna 30-39 år (30), 50-59 år (28) och 40-49 år (25).");
    expect(shown(alder).map((row) => row.slice(0, 3))).toEqual([
      ["16-19 år", "0", "0,0 %"],
      ["20-29 år", "12", "12,6 %"],
      ["30-39 år", "30", "31,6 %"],
      ["40-49 år", "25", "26,3 %"],
      ["50-59 år", "28", "29,5 %"],
      ["60-64 år", "0", "0,0 %"],
      ["Totalt", "95", "100,0 %"],
    ]);
  });
});

describe("stegförflyttning", () => {
  const bundle = testBundle({
    report: {
      trappan: {
        measured: 43,
        movedUp: 35,
        unchanged: 6,
        movedDown: 2,
        byGender: { kvinna: { measured: 24, movedUp: 19, share: 19 / 24 }, man: { measured: 19, movedUp: 16, share: 16 / 19 } },
        byKommun: {
          Karlskrona: { measured: 9, movedUp: 7, share: 7 / 9 },
          Ronneby: { measured: 20, movedUp: 17, share: 17 / 20 },
          Sölvesborg: { measured: 14, movedUp: 11, share: 11 / 14 },
        },
        baseline: { "1": 20, "2": 15, "3": 8 },
        current: { "2": 6, "3": 10, "4": 15, "5": 8, "6": 4 },
      },
    },
    previous: {
      trappan: {
        measured: 55,
        movedUp: 43,
        byGender: { kvinna: { measured: 30, movedUp: 23, share: 0 }, man: { measured: 25, movedUp: 20, share: 0 } },
        byKommun: { Ronneby: { measured: 55, movedUp: 43, share: 0 } },
      },
    },
  });
  const sections = reportSections(bundle);

  it("gives the share by kön with the previous period, as in the goal follow-up of seed 002", () => {
    const kon = section(sections, "stegforflyttning-kon");
    expect(kon.summary).toBe(
      "Av 43 deltagare med minst två placeringar i Trappan har 35 (81,4 %) gjort en positiv stegförflyttning " +
        "(kvinnor 79,2 %, män 84,2 %); föregående period 78,2 %.",
    );
    expect(shown(kon)).toEqual([
      ["Kvinnor", "24", "19", "79,2 %", "76,7 %"],
      ["Män", "19", "16", "84,2 %", "80,0 %"],
      ["Totalt", "43", "35", "81,4 %", "78,2 %"],
    ]);
    expect(kon.chart).toEqual({
      kind: "grouped-bar",
      horizontal: false,
      labels: ["Kvinnor", "Män", "Totalt"],
      series: [
        { label: "Jan–aug 2025", values: [19 / 24, 16 / 19, 35 / 43], marks: [null, null, null] },
        { label: "Jan–aug 2024", values: [23 / 30, 20 / 25, 43 / 55], marks: [null, null, null] },
      ],
      valueKind: "share",
    });
  });

  it("computes the overall share per kommun from counts, never as the mean of the kommun shares", () => {
    const kommun = section(sections, "stegforflyttning-kommun");
    // The mean of 77,8 %, 85,0 % and 78,6 % would be 80,5 %: the report slip seed 002 warns about.
    expect(kommun.summary).toBe(
      "Totalt gjorde 81,4 % av de 43 mätta deltagarna en positiv stegförflyttning, med högst andel i Ronneby (85,0 %) " + "och lägst i Karlskrona (77,8 %).",
    );
    expect(shown(kommun)).toEqual([
      ["Karlskrona", "9", "7", "77,8 %", "–"],
      ["Ronneby", "20", "17", "85,0 %", "78,2 %"],
      ["Sölvesborg", "14", "11", "78,6 %", "–"],
      ["Totalt", "43", "35", "81,4 %", "78,2 %"],
    ]);
  });

  it("shows the distribution over the steps with their labels at start and at the latest placement", () => {
    const trappan = section(sections, "trappan");
    expect(trappan.summary).toBe("Av 43 mätta deltagare gick 35 uppåt, 6 stod kvar på samma steg och 2 gick nedåt.");
    expect(shown(trappan)).toEqual([
      ["1. Isolerad – ingen struktur i vardagen, svårt att ta emot stöd", "20", "0"],
      ["2. Kontakt etablerad – träffar koordinator, enstaka aktiviteter", "15", "6"],
      ["3. Regelbunden aktivitet – deltar i insatsens individuella samtal och gruppaktiviteter", "8", "10"],
      ["4. Förberedande steg utanför insatsen – t.ex. arbetsträning, praktik, studiebesök på arbetsplats", "0", "15"],
      ["5. Nära arbete eller studier – redo att skrivas in på AF, studier eller arbete på del av tid", "0", "8"],
      ["6. Arbete, studier eller rätt försörjning – målet för insatsen är nått", "0", "4"],
      ["Totalt", "43", "43"],
    ]);
    expect(trappan.chart?.labels).toEqual([
      "1. Isolerad",
      "2. Kontakt etablerad",
      "3. Regelbunden aktivitet",
      "4. Förberedande steg utanför insatsen",
      "5. Nära arbete eller studier",
      "6. Arbete, studier eller rätt försörjning",
    ]);
  });
});

describe("closures", () => {
  // Seed 004, Samverkansteam Värend 2025.
  const byReason = {
    Studier: 4,
    "Hel aktivitetsersättning": 1,
    "Hel sjukersättning": 2,
    Arbete: 2,
    "Övergång till gruppverksamhet": 1,
    "Avslut mot pension": 1,
    Flytt: 5,
    "Åter till remittent i väntan på beslut om sjukersättning": 2,
    "Åter till remittent, samordningsinsatser uttömda": 3,
    "Åter till remittent vid personalomställning i insatsen": 6,
    "Egen begäran, önskar inte stöd": 1,
    "Kraftigt försämrad hälsa, kan ej delta i insatsen": 1,
    "Missbruk återfall": 1,
  };
  const sections = reportSections(testBundle({ report: { closed: { total: 30, byReason, byCategory: { positive: 18, negative: 12 }, withPlanAfter: 21 } } }));

  it("splits the reasons into positive and negative, with a total per category and overall", () => {
    const avslut = section(sections, "avslut");
    expect(avslut.summary).toBe(
      "Totalt avslutades 30 deltagare under perioden, varav 18 med positiv eller potentiellt positiv förändring " +
        "och 12 utan förändring eller med negativ förändring; 21 hade en planering efter avslutet.",
    );
    const positive = "Positiv eller potentiellt positiv förändring";
    const negative = "Ingen förändring eller negativ förändring";
    expect(shown(avslut)).toEqual([
      ["Arbete", positive, "2", "0"],
      ["Studier", positive, "4", "0"],
      ["Hel aktivitetsersättning", positive, "1", "0"],
      ["Hel sjukersättning", positive, "2", "0"],
      ["Övergång till gruppverksamhet", positive, "1", "0"],
      ["Avslut mot pension", positive, "1", "0"],
      ["Flytt", positive, "5", "0"],
      ["Åter till remittent i väntan på beslut om sjukersättning", positive, "2", "0"],
      ["Åter till remittent, samordningsinsatser uttömda", negative, "3", "0"],
      ["Åter till remittent vid personalomställning i insatsen", negative, "6", "0"],
      ["Egen begäran, önskar inte stöd", negative, "1", "0"],
      ["Kraftigt försämrad hälsa, kan ej delta i insatsen", negative, "1", "0"],
      ["Missbruk återfall", negative, "1", "0"],
      [`${positive}, totalt`, "", "18", "0"],
      [`${negative}, totalt`, "", "12", "0"],
      ["Totalt", "", "30", "0"],
    ]);
    expect(avslut.chart?.kind).toBe("stacked-bar");
    expect(avslut.chart?.series.map((series) => series.label)).toEqual([positive, negative]);
    // A reason of the other category is no segment of this one: nothing drawn, nothing marked.
    expect(avslut.chart?.series[1]!.values.slice(6, 10)).toEqual([0, 0, 3, 6]);
    expect(avslut.chart?.series[1]!.marks.slice(6, 10)).toEqual([null, null, null, null]);
  });

  it("places a reason the förbund added itself in the category it was given", () => {
    const bundle = testBundle({
      report: { closed: { total: 3, byReason: { Arbete: 1, "Annan orsak": 1, "Ej angiven": 1 }, byCategory: { positive: 1, negative: 1 } } },
    });
    const custom = reportSections({ ...bundle, closureReasonCategories: { ...bundle.closureReasonCategories, "Annan orsak": "negative" } });
    expect(shown(section(custom, "avslut")).slice(0, 3)).toEqual([
      ["Arbete", "Positiv eller potentiellt positiv förändring", "1", "0"],
      ["Annan orsak", "Ingen förändring eller negativ förändring", "1", "0"],
      // A closure without a reason (imported history) has no category to show.
      ["Ej angiven", "Ej kategoriserad", "1", "0"],
    ]);
  });
});

describe("SKAPA, referrals and support", () => {
  const sections = reportSections(
    testBundle({
      report: {
        skapa: {
          active: 70,
          offered: 50,
          assessedTwice: 30,
          progressed: 18,
          areaMeanChange: { Hälsa: 1.25, Jobbsökning: -0.5, Vardagen: 0.04 },
          areaAnswered: { Hälsa: 28, Jobbsökning: 30, Vardagen: 25 },
        },
        referrals: {
          total: 45,
          byReferrer: { Försäkringskassan: 18, "Region Kronoberg": 16, Arbetsförmedlingen: 11 },
          byKommun: { Ljungby: 20, Markaryd: 10, Älmhult: 15 },
          byDecision: { inskriven: 30, konsultation: 5, ej_aktuell: 5, ko: 5, ej_beslutad: 0 },
        },
        support: {
          total: 226,
          raisedActivity: 59,
          byType: { "Kommunal arbetsträning": { total: 12, raisedActivity: 12 }, Körkort: { total: 4, raisedActivity: 0 } },
        },
      },
      previous: { skapa: { active: 60, offered: 30, assessedTwice: 20, progressed: 8 } },
    }),
  );

  it("gives the offered and progression shares of SKAPA with the previous period", () => {
    const skapa = section(sections, "skapa");
    expect(skapa.summary).toBe(
      "Av 70 aktiva deltagare har 50 (71,4 %) erbjudits SKAPA, och av 30 med minst två skattningar har 18 (60,0 %) visat progression.",
    );
    expect(shown(skapa)).toEqual([
      ["Erbjudna SKAPA", "50", "70", "71,4 %", "50,0 %"],
      ["Progression i SKAPA", "18", "30", "60,0 %", "40,0 %"],
    ]);
  });

  it("gives the mean change per area with its sign", () => {
    const areas = section(sections, "skapa-omraden");
    expect(areas.summary).toBe("Störst genomsnittlig förändring fanns inom Hälsa (+1,3) och minst inom Jobbsökning (−0,5).");
    expect(shown(areas)).toEqual([
      ["Hälsa", "28", "+1,3", "–"],
      ["Jobbsökning", "30", "−0,5", "–"],
      ["Vardagen", "25", "0,0", "–"],
    ]);
  });

  it("names the largest remittenter and lists referrals per kommun as seed 000 lists study visits", () => {
    expect(section(sections, "remittenter").summary).toBe(
      "Under perioden kom 45 remisser in, varav 30 ledde till inskrivning; flest kom från Försäkringskassan (18) och Region Kronoberg (16).",
    );
    expect(section(sections, "remisser-kommun").summary).toBe("Under perioden kom 45 remisser in (Ljungby 20, Markaryd 10, Älmhult 15).");
  });

  it("counts support and how much of it raised the activity level, as Värend reports it", () => {
    const support = section(sections, "stodinsatser");
    expect(support.summary).toBe("Under perioden har 226 nya eller utökade stödinsatser registrerats, varav 59 innebar en höjd aktivitetsnivå.");
    expect(shown(support)).toEqual([
      ["Kommunal arbetsträning", "12", "12", "0"],
      ["Körkort", "4", "0", "0"],
      ["Totalt", "226", "59", "0"],
    ]);
  });
});

// Internally consistent: every published total is the sum of its parts, so the protection
// module sees the relations a reader would use.
const smallReport = {
  active: { total: 20, byKommun: { Ljungby: 18, Markaryd: 2 }, byGender: { kvinna: 19, man: 1 }, byAgeGroup: { "30-39": 20 } },
  trappan: {
    measured: 12,
    movedUp: 2,
    unchanged: 10,
    movedDown: 0,
    byGender: { kvinna: { measured: 10, movedUp: 2, share: 0.2 }, man: { measured: 2, movedUp: 0, share: 0 } },
  },
  fov: { answered: 12, yes: 4, answeredByGender: { kvinna: 10, man: 2 }, yesByGender: { kvinna: 3, man: 1 } },
};

describe("small numbers", () => {
  it("shows small counts as färre än 3 and keeps back one more cell where the total would give them away", () => {
    const sections = reportSections(testBundle({ report: smallReport, suppressSmallNumbers: true }));
    const kommuner = section(sections, "kommuner");
    // 20 − 18 would be Markaryd's 2: Ljungby is kept back, the total stays.
    expect(shown(kommuner).map((row) => row.slice(0, 2))).toEqual([
      ["Ljungby", "dolt"],
      ["Markaryd", "färre än 3"],
      ["Totalt", "20"],
    ]);
    expect(kommuner.summary).toBe("Av de 20 aktiva deltagarna fanns ett dolt antal i Ljungby och färre än 3 i Markaryd.");
    expect(shown(section(sections, "kon"))).toEqual([
      ["Kvinnor", "dolt", "–", "0", "0"],
      ["Män", "färre än 3", "–", "0", "0"],
      ["Totalt", "20", "100,0 %", "0", "0"],
    ]);
    expect(section(sections, "kon").summary).toBe("Av 20 aktiva deltagare var ett dolt antal kvinnor och färre än 3 män.");
    const kon = section(sections, "stegforflyttning-kon");
    expect(shown(kon)).toEqual([
      ["Kvinnor", "dolt", "färre än 3", "–", "–"],
      ["Män", "färre än 3", "0", "–", "–"],
      ["Totalt", "12", "färre än 3", "–", "–"],
    ]);
    expect(kon.summary).toBe("Av 12 deltagare med minst två placeringar i Trappan har färre än 3 gjort en positiv stegförflyttning.");
    // 12 measured = 2 up + 10 unchanged + 0 down: unchanged is kept back with the small count.
    expect(section(sections, "trappan").summary).toBe("Av 12 mätta deltagare gick färre än 3 uppåt, ett dolt antal stod kvar på samma steg och 0 gick nedåt.");
  });

  it("explains under each table the marks it holds, and only those", () => {
    const sections = reportSections(testBundle({ report: smallReport, suppressSmallNumbers: true }));
    expect(section(sections, "kommuner").note).toBe(
      "”färre än 3” är 1 eller 2. ”dolt” är ett tal som inte visas, eftersom ett litet tal annars skulle gå att räkna fram.",
    );
    expect(section(sections, "kon").note).toBe(
      "”färre än 3” är 1 eller 2. ”dolt” är ett tal som inte visas, eftersom ett litet tal annars skulle gå att räkna fram. " +
        "– är ingen andel (den bygger på ett dolt tal eller har inget att dela med).",
    );
    expect(section(sections, "alder").note).toBeUndefined();
    expect(section(reportSections(testBundle({ report: smallReport, suppressSmallNumbers: true, threshold: 5 })), "kommuner").note).toBe(
      "”färre än 5” är 1–4. ”dolt” är ett tal som inte visas, eftersom ett litet tal annars skulle gå att räkna fram.",
    );
  });

  it("never leaves a count from 1 to threshold − 1 in any table cell or chart value", () => {
    const threshold = 5;
    const sections = reportSections(testBundle({ report: smallReport, suppressSmallNumbers: true, threshold }));
    for (const s of sections) {
      for (const row of [...s.table.rows, ...s.table.footer]) {
        for (const column of s.table.columns) {
          const value = row[column.key];
          if (cellFormat(column, row) === "count" && typeof value === "number") {
            expect(value === 0 || value >= threshold, `${s.id} ${column.key} = ${value}`).toBe(true);
          }
        }
      }
      if (s.chart?.valueKind === "count") {
        for (const value of s.chart.series.flatMap((series) => series.values)) {
          expect(value === null || value === 0 || value >= threshold, `${s.id} chart ${value}`).toBe(true);
        }
      }
    }
  });

  it("shows every count when suppression is off, except FOV by kön, which keeps the totals and hides a second cell", () => {
    const sections = reportSections(testBundle({ report: smallReport, suppressSmallNumbers: false }));
    expect(shown(section(sections, "kon"))[1]).toEqual(["Män", "1", "5,0 %", "0", "0"]);
    const fov = section(sections, "fov");
    expect(shown(fov)).toEqual([
      // 12 − 10 and 4 − 3 would give the small cells away: the kvinnor cells are kept back instead.
      ["Kvinnor", "dolt", "dolt"],
      ["Män", "färre än 3", "färre än 3"],
      ["Totalt", "12", "4"],
    ]);
    expect(fov.summary).toBe(
      "Under perioden har 12 deltagare svarat på frågor om våld, och 4 av dem har svarat ja (ett dolt antal kvinnor och färre än 3 män).",
    );
    expect(fov.chart?.series).toEqual([
      { label: "Besvarat", values: [null, null], marks: ["dolt", "färre än 3"] },
      { label: "Svarat ja", values: [null, null], marks: ["dolt", "färre än 3"] },
    ]);
  });

  it("shows FOV totals when no cell by kön is hidden, in the words of seed 000", () => {
    const sections = reportSections(
      testBundle({ report: { fov: { answered: 85, yes: 38, answeredByGender: { kvinna: 50, man: 35 }, yesByGender: { kvinna: 23, man: 15 } } } }),
    );
    expect(section(sections, "fov").summary).toBe(
      "Under perioden har 85 deltagare svarat på frågor om våld, och 38 av dem har svarat ja (23 kvinnor och 15 män).",
    );
  });

  it("counts FOV from records the same way: answers dated up to the period's end, by kön", () => {
    const period = janAug(2025);
    const report = computeReport(
      reportInput({
        period,
        enrolments: [
          enrolment({ gender: "kvinna", fov: [{ date: "2025-02-01", outcome: "ja" }] }),
          enrolment({ gender: "kvinna", fov: [{ date: "2025-03-01", outcome: "nej" }] }),
          enrolment({ gender: "kvinna", fov: [{ date: "2025-04-01", outcome: "ja" }] }),
          enrolment({ gender: "man", fov: [{ date: "2025-05-01", outcome: "nej" }] }),
          enrolment({ gender: "man", fov: [{ date: "2025-09-01", outcome: "ja" }] }),
        ],
      }),
    );
    const fov = section(reportSections({ ...testBundle(), report }), "fov");
    // 2 ja, all kvinnor: a total of 2 next to 0 män would be the kvinnor cell, so it is kept back.
    expect(shown(fov)).toEqual([
      ["Kvinnor", "dolt", "färre än 3"],
      ["Män", "färre än 3", "0"],
      ["Totalt", "4", "dolt"],
    ]);
    expect(fov.summary).toBe("Under perioden har 4 deltagare svarat på frågor om våld, och av dem har färre än 3 kvinnor och 0 män svarat ja.");
  });
});

describe("secondary suppression: the examples of issue 12", () => {
  /** Every hidden cell of a column reads as a mark; the column's visible cells as numbers. */
  const columnOf = (s: ReportSection, key: string) => [...s.table.rows, ...s.table.footer].map((row) => formatCell(row[key], "count"));

  it("Deltagare per kommun, Avslutade: Ljungby 6 + Markaryd 6 + Älmhult färre än 3 = 14 keeps one more cell back", () => {
    const bundle = testBundle({
      suppressSmallNumbers: true,
      report: {
        active: { total: 30, byKommun: { Ljungby: 12, Markaryd: 10, Älmhult: 8 } },
        closed: { total: 14, byKommun: { Ljungby: 6, Markaryd: 6, Älmhult: 2 } },
      },
    });
    const kommuner = section(reportSections(bundle), "kommuner");
    expect(columnOf(kommuner, "avslutade")).toEqual(["dolt", "6", "färre än 3", "14"]);
    expect(columnOf(kommuner, "aktiva")).toEqual(["12", "10", "8", "30"]);
    expect(section(reportSections(bundle), "oversikt").table.rows[2]).toEqual({ matt: "Avslutade", antal: 14, foregaende: 0 });
  });

  it("Stegförflyttning per kön: 24 + 14 + färre än 3 = 40 steps up keeps a second cell and its share back", () => {
    const group = (measured: number, movedUp: number) => ({ measured, movedUp, share: movedUp / measured });
    const bundle = testBundle({
      suppressSmallNumbers: true,
      report: {
        trappan: { measured: 54, movedUp: 40, unchanged: 10, movedDown: 4, byGender: { kvinna: group(30, 24), man: group(20, 14), annat: group(4, 2) } },
      },
    });
    const kon = section(reportSections(bundle), "stegforflyttning-kon");
    expect(shown(kon)).toEqual([
      ["Kvinnor", "30", "24", "80,0 %", "–"],
      ["Män", "20", "dolt", "–", "–"],
      ["Annat/ej angivet", "4", "färre än 3", "–", "–"],
      ["Totalt", "54", "40", "74,1 %", "–"],
    ]);
    expect(kon.summary).toBe("Av 54 deltagare med minst två placeringar i Trappan har 40 (74,1 %) gjort en positiv stegförflyttning (kvinnor 80,0 %).");
    expect(kon.chart?.series[0]!.marks).toEqual([null, "–", "–", null]);
  });

  it("Remisser per remittent: the visible rows no longer add up to one less than the total", () => {
    const bundle = testBundle({
      suppressSmallNumbers: true,
      report: {
        referrals: {
          total: 47,
          byReferrer: { Arbetsförmedlingen: 11, Försäkringskassan: 20, "Region Kronoberg": 15, "Annan insats": 1 },
          byDecision: { inskriven: 30, konsultation: 7, ej_aktuell: 5, ko: 5, ej_beslutad: 0 },
        },
      },
    });
    const remittenter = section(reportSections(bundle), "remittenter");
    expect(columnOf(remittenter, "remisser")).toEqual(["färre än 3", "dolt", "20", "15", "47"]);
    // A "dolt" remittent may be the largest: the sentence ranks only those shown with a number.
    expect(remittenter.summary).toBe(
      "Under perioden kom 47 remisser in, varav 30 ledde till inskrivning; av de remittenter som redovisas med antal kom flest från " +
        "Försäkringskassan (20) och Region Kronoberg (15).",
    );
  });

  it("Stödinsatser, föregående period: total 7, one visible 3 and four small cells no longer make each of them 1", () => {
    const type = (total: number, raisedActivity: number) => ({ total, raisedActivity });
    const bundle = testBundle({
      suppressSmallNumbers: true,
      previous: {
        support: {
          total: 30,
          raisedActivity: 7,
          byType: { Arbetsträning: type(10, 3), Körkort: type(5, 1), Praktik: type(5, 1), Studier: type(5, 1), Hälsa: type(5, 1) },
        },
      },
    });
    const stod = section(reportSections(bundle), "stodinsatser");
    expect(columnOf(stod, "foregaende")).toEqual(["dolt", "färre än 3", "färre än 3", "färre än 3", "färre än 3", "7"]);
  });

  it("Samverkansteam + Älmhult: Kvinnor färre än 3, Män 3 (75,0 %), Totalt 4 hides Män and both shares", () => {
    const bundle = testBundle({
      suppressSmallNumbers: true,
      insats: "Samverkansteam",
      kommun: "Älmhult",
      report: { active: { total: 4, byGender: { kvinna: 1, man: 3 } } },
    });
    const kon = section(reportSections(bundle), "kon");
    expect(shown(kon)).toEqual([
      ["Kvinnor", "färre än 3", "–", "0", "0"],
      ["Män", "dolt", "–", "0", "0"],
      ["Totalt", "4", "100,0 %", "0", "0"],
    ]);
    expect(kon.summary).toBe("Av 4 aktiva deltagare var färre än 3 kvinnor och ett dolt antal män.");
  });

  it("protects a small count of one kommun's view in the views it can be worked out from (the bundle's linked views)", () => {
    const slice = (kommun: string | null, byKommun: Record<string, number>, kvinna: number, man: number): ReportSlice => {
      const bundle = testBundle({ kommun, report: { active: { total: kvinna + man, byKommun, byGender: { kvinna, man } } } });
      return { filters: { insats: null, kommun }, now: bundle.report, before: bundle.previous, goals: [] };
    };
    // Älmhult has 1 kvinna: the whole förbund's 6 minus Ljungby's 5.
    const all = slice(null, { Ljungby: 10, Älmhult: 5 }, 6, 9);
    const ljungby = slice("Ljungby", { Ljungby: 10 }, 5, 5);
    const almhult = slice("Älmhult", { Älmhult: 5 }, 1, 4);
    const view = (main: ReportSlice, linked: ReportSlice[]) =>
      reportSections({ ...testBundle({ suppressSmallNumbers: true, kommun: main.filters.kommun, linked }), report: main.now, previous: main.before });
    const kvinnor = (sections: ReportSection[]) => shown(section(sections, "kon"))[0]![1];
    expect(kvinnor(view(ljungby, []))).toBe("5");
    expect(kvinnor(view(ljungby, [all, almhult]))).toBe("dolt");
    // The narrow views take the extra hidden cells, so the whole förbund's table stays readable.
    expect(kvinnor(view(all, [ljungby, almhult]))).toBe("6");
    // The same count is marked the same way wherever it is published.
    const almhultRow = shown(section(view(all, [ljungby, almhult]), "kommuner"))[1]!;
    const almhultTotal = shown(section(view(almhult, [all, ljungby]), "kommuner"))[1]!;
    expect([almhultRow[0], almhultRow[1], almhultTotal[0], almhultTotal[1]]).toEqual(["Älmhult", "5", "Totalt", "5"]);
  });

  it("never states in a sentence a number that the section or the report does not show", () => {
    const bundles = [
      testBundle({ report: smallReport, suppressSmallNumbers: true }),
      testBundle({ report: smallReport, suppressSmallNumbers: false }),
      testBundle({
        suppressSmallNumbers: true,
        report: {
          active: { total: 14, byKommun: { Ljungby: 6, Markaryd: 6, Älmhult: 2 }, byGender: { kvinna: 1, man: 13 }, byAgeGroup: { "20-29": 2, "30-39": 12 } },
          newlyEnrolled: { total: 2, byKommun: { Ljungby: 2 }, byGender: { kvinna: 0, man: 2 } },
          closed: { total: 5, byReason: { Arbete: 1, Flytt: 4 }, byCategory: { positive: 5, negative: 0 }, byKommun: { Ljungby: 5 }, withPlanAfter: 1 },
          referrals: { total: 9, byReferrer: { Försäkringskassan: 8, "Annan insats": 1 }, byKommun: { Ljungby: 8, Älmhult: 1 } },
          support: { total: 3, raisedActivity: 1, byType: { Körkort: { total: 3, raisedActivity: 1 } } },
        },
      }),
    ];
    const numbers = (text: string) => text.replace(/färre än \d+/g, "").match(/\d[\d\u00a0]*(,\d+)?( %)?/g) ?? [];
    for (const bundle of bundles) {
      for (const s of reportSections(bundle)) {
        const published = new Set(shown(s).flatMap((row) => row.flatMap(numbers)));
        // Counts a sentence restates from other tables of the report (Trappan's unchanged, say).
        for (const other of reportSections(bundle)) for (const row of shown(other)) for (const n of row.flatMap(numbers)) published.add(n);
        for (const n of numbers(s.summary)) expect(published.has(n), `${s.id}: "${n}" in "${s.summary}"`).toBe(true);
      }
    }
  });
});

describe("goal follow-up", () => {
  const goals: GoalRow[] = [
    {
      key: "trappan_share",
      metric: "trappan_share",
      outcomeGroup: null,
      label: "Stegförflyttning",
      kind: "share",
      target: 0.8,
      periodTarget: 0.8,
      outcome: outcome(35, 43),
      byGender: { kvinna: outcome(19, 24), man: outcome(16, 19) },
      previous: outcome(43, 55),
      previousByGender: { kvinna: outcome(23, 30), man: outcome(20, 25) },
      achieved: true,
    },
    {
      key: "new_enrolments",
      metric: "new_enrolments",
      outcomeGroup: null,
      label: "Nyinskrivna deltagare",
      kind: "count",
      target: 80,
      periodTarget: 80,
      outcome: { numerator: 52, denominator: 1, value: 52 },
      byGender: { kvinna: { numerator: 30, denominator: 1, value: 30 }, man: { numerator: 22, denominator: 1, value: 22 } },
      previous: { numerator: 61, denominator: 1, value: 61 },
      previousByGender: { kvinna: { numerator: 31, denominator: 1, value: 31 }, man: { numerator: 30, denominator: 1, value: 30 } },
      achieved: false,
    },
    {
      key: "skapa_offered_share",
      metric: "skapa_offered_share",
      outcomeGroup: null,
      label: "Erbjudna SKAPA",
      kind: "share",
      target: 1,
      periodTarget: 1,
      outcome: outcome(50, 70),
      byGender: { kvinna: outcome(30, 40), man: outcome(20, 30) },
      previous: outcome(0, 0),
      previousByGender: { kvinna: outcome(0, 0), man: outcome(0, 0) },
      achieved: false,
    },
  ];
  const sections = reportSections(testBundle({ goals, insats: "SamSteg" }));

  it("comes right after the overview with target, outcome by kön, previous period and Uppnått / Ej uppnått", () => {
    expect(sections.map((s) => s.id).slice(0, 2)).toEqual(["oversikt", "mal"]);
    const mal = section(sections, "mal");
    expect(mal.summary).toBe("1 av 3 mål är uppnått under perioden: ”Stegförflyttning”.");
    expect(mal.table.columns.map((column) => column.label)).toEqual([
      "Mål",
      "Målvärde",
      "Utfall",
      "Kvinnor",
      "Män",
      "Föregående period",
      "Kvinnor, föregående period",
      "Män, föregående period",
      "Bedömning",
    ]);
    expect(shown(mal)).toEqual([
      ["Stegförflyttning", "80,0 %", "81,4 %", "79,2 %", "84,2 %", "78,2 %", "76,7 %", "80,0 %", "Uppnått"],
      ["Nyinskrivna deltagare", "80", "52", "30", "22", "61", "31", "30", "Ej uppnått"],
      ["Erbjudna SKAPA", "100,0 %", "71,4 %", "75,0 %", "66,7 %", "–", "–", "–", "Ej uppnått"],
    ]);
    // Share goals only: a count does not belong on a percentage axis.
    expect(mal.chart?.labels).toEqual(["Stegförflyttning", "Erbjudna SKAPA"]);
    expect(mal.chart?.series[0]).toEqual({ label: "Målvärde", values: [0.8, 1], marks: [null, null] });
  });

  it("shows a delår count goal's annual target beside the pro-rata target it is judged against", () => {
    const delar: GoalRow = { ...goals[1]!, periodTarget: 54, achieved: false };
    const mal = section(reportSections(testBundle({ goals: [delar], insats: "SamSteg" })), "mal");
    expect(mal.table.columns.map((column) => column.label).slice(1, 4)).toEqual(["Målvärde för året", "Målvärde för perioden", "Utfall"]);
    expect(shown(mal)[0]!.slice(1, 4)).toEqual(["80", "54", "52"]);
    expect(mal.note).toMatch(/i proportion till periodens antal dagar/);
  });

  it("says so when every goal, or the only one, is reached", () => {
    const all = reportSections(testBundle({ goals: goals.map((goal) => ({ ...goal, achieved: true })) }));
    expect(section(all, "mal").summary).toBe("Alla 3 mål är uppnådda under perioden.");
    const one = reportSections(testBundle({ goals: [goals[1]!] }));
    expect(section(one, "mal").summary).toBe("Målet ”Nyinskrivna deltagare” är inte uppnått under perioden.");
  });

  it("does not judge a goal whose outcome is hidden: Uppnått against 100 % would give the count away", () => {
    // 2 of 2 offered SKAPA: "Uppnått" says offered = active, whatever the cells show.
    const small: GoalRow = { ...goals[2]!, outcome: outcome(2, 2), byGender: { kvinna: outcome(2, 2), man: outcome(0, 0) }, achieved: true };
    const mal = section(reportSections(testBundle({ goals: [goals[0]!, small], insats: "SamSteg", suppressSmallNumbers: true })), "mal");
    expect(shown(mal)[1]).toEqual(["Erbjudna SKAPA", "100,0 %", "–", "–", "–", "–", "–", "–", "–"]);
    expect(mal.summary).toBe("Målet ”Stegförflyttning” är uppnått under perioden. Ett mål bedöms inte här, eftersom utfallet bygger på små tal.");
  });
});

describe("the report heading", () => {
  it("names the period, the comparison, the selection and how small numbers are shown", () => {
    expect(reportMeta(testBundle({ insats: "SamSteg", suppressSmallNumbers: true }))).toEqual({
      title: "Statistik jan–aug 2025",
      organisation: "Testförbundet",
      period: "Period: Jan–aug 2025 (1 januari 2025 – 31 augusti 2025)",
      comparison: "Jämförelse: jan–aug 2024",
      filters: "Insats: SamSteg. Kommun: alla kommuner.",
      suppression:
        "Små tal skyddas: ”färre än 3” är 1 eller 2; ”dolt” är ett tal som inte visas, eftersom ett litet tal annars skulle gå att " +
        "räkna fram; – är ingen andel (den bygger på ett dolt tal eller har inget att dela med).",
      current: "jan–aug 2025",
      before: "jan–aug 2024",
    });
    expect(reportMeta(testBundle({ suppressSmallNumbers: false })).suppression).toBe(
      "Små tal visas, utom svar om våld per kön: där står ”färre än 3” för 1 eller 2. ”dolt” är ett tal som inte visas, eftersom " +
        "ett litet tal annars skulle gå att räkna fram; – är ingen andel (den bygger på ett dolt tal eller har inget att dela med).",
    );
  });
});

describe("försörjning", () => {
  const bundle = testBundle({
    report: {
      active: { total: 40 },
      closed: { total: 12 },
      income: {
        atStart: { Aktivitetsersättning: 14, Sjukpenning: 20, "ej angiven": 6 },
        atEnd: { Lön: 5, Sjukpenning: 4, Studiemedel: 2, "ej angiven": 1 },
        startToEnd: { Sjukpenning: { Lön: 4, Sjukpenning: 4, "ej angiven": 1 }, Aktivitetsersättning: { Lön: 1, Studiemedel: 2 } },
        changes: { total: 20, bySource: { Lön: 9, Studiemedel: 6, Aktivitetsstöd: 5 } },
      },
    },
    previous: { active: { total: 30 }, income: { atStart: { Sjukpenning: 30 }, changes: { total: 3, bySource: { Lön: 3 } } } },
  });
  const sections = reportSections(bundle);

  it("shows the active by försörjning at start, in the list's order with ej angiven last", () => {
    const s = section(sections, "forsorjning-start");
    expect(s.title).toBe("Försörjning vid inskrivning");
    expect(s.summary).toBe(
      "Bland de 40 aktiva deltagarna var den vanligaste försörjningen vid inskrivningen sjukpenning (20), följd av aktivitetsersättning (14); för 6 saknas uppgift om försörjning.",
    );
    expect(shown(s)).toEqual([
      ["Sjukpenning", "20", "30"],
      ["Aktivitetsersättning", "14", "0"],
      ["Ej angiven", "6", "0"],
      ["Totalt", "40", "30"],
    ]);
  });

  it("shows the closed by försörjning at end, a closure without one as Ej angiven", () => {
    const s = section(sections, "forsorjning-avslut");
    expect(shown(s)).toEqual([
      ["Sjukpenning", "4", "0"],
      ["Studiemedel", "2", "0"],
      ["Lön", "5", "0"],
      ["Ej angiven", "1", "0"],
      ["Totalt", "12", "0"],
    ]);
    expect(s.summary).toBe(
      "Bland de 12 deltagare som avslutades under perioden var den vanligaste försörjningen vid avslutet lön (5), följd av sjukpenning (4) och studiemedel (2); för 1 saknas uppgift om försörjning.",
    );
  });

  it("crosses start and end for the closed, with the end totals as the footer", () => {
    const s = section(sections, "forsorjning-start-slut");
    expect(s.table.columns.map((c) => c.label)).toEqual(["Vid inskrivning \\ vid avslut", "Sjukpenning", "Studiemedel", "Lön", "Ej angiven"]);
    expect(shown(s)).toEqual([
      ["Sjukpenning", "4", "0", "4", "1"],
      ["Aktivitetsersättning", "0", "2", "1", "0"],
      ["Totalt", "4", "2", "5", "1"],
    ]);
    expect(s.summary).toBe(
      "De vanligaste övergångarna bland de 12 avslutade deltagarna var från sjukpenning till lön (4) och från aktivitetsersättning till studiemedel (2).",
    );
    expect(s.chart?.kind).toBe("stacked-bar");
  });

  it("counts the changes during the period by the new försörjning, as seed 003 does", () => {
    const s = section(sections, "forsorjning-byten");
    expect(s.summary).toBe("Under perioden registrerades 20 fall av nytt försörjningsmedel, oftast lön (9), studiemedel (6) och aktivitetsstöd (5).");
    expect(shown(s)).toEqual([
      ["Aktivitetsstöd", "5", "0"],
      ["Studiemedel", "6", "0"],
      ["Lön", "9", "3"],
      ["Totalt", "20", "3"],
    ]);
  });

  it("speaks of small counts only as the protection shows them", () => {
    const small = reportSections(
      testBundle({
        suppressSmallNumbers: true,
        report: {
          active: { total: 25 },
          closed: { total: 10 },
          income: {
            atStart: { Sjukpenning: 23, Lön: 2 },
            atEnd: { Lön: 8, Studiemedel: 2 },
            startToEnd: { Sjukpenning: { Lön: 8, Studiemedel: 2 } },
            changes: { total: 2, bySource: { Lön: 2 } },
          },
        },
      }),
    );
    const text = small
      .filter((s) => s.id.startsWith("forsorjning"))
      .map((s) => [s.summary, ...shown(s).flat()].join(" "))
      .join(" ");
    expect(text).not.toMatch(/\b2\b/);
    expect(section(small, "forsorjning-byten").summary).toBe("Under perioden registrerades färre än 3 fall av nytt försörjningsmedel.");
  });
});

describe("persons beside enrolments, and the last day (issue 13)", () => {
  const sections = reportSections(
    testBundle({
      report: {
        active: {
          total: 72,
          byKommun: { Ljungby: 40, Markaryd: 32 },
          byGender: { kvinna: 38, man: 34 },
          persons: 70,
          personsByGender: { kvinna: 37, man: 33 },
          personsByKommun: { Ljungby: 39, Markaryd: 32 },
          atEnd: { total: 60, byKommun: { Ljungby: 35, Markaryd: 25 }, byGender: { kvinna: 31, man: 29 } },
        },
        newlyEnrolled: {
          total: 26,
          byKommun: { Ljungby: 16, Markaryd: 10 },
          byGender: { kvinna: 14, man: 12 },
          persons: 24,
          personsByGender: { kvinna: 13, man: 11 },
          personsByKommun: { Ljungby: 15, Markaryd: 10 },
        },
      },
      previous: { active: { atEnd: { total: 55, byKommun: { Ljungby: 30, Markaryd: 25 }, byGender: { kvinna: 30, man: 25 } } } },
    }),
  );

  it("counts enrolments and unique persons side by side, by kön and by kommun, and says which is which", () => {
    const s = section(sections, "personer");
    expect(s.title).toBe("Deltagare och personer");
    expect(s.summary).toBe("Under perioden hade 70 personer 72 aktiva inskrivningar, och 24 personer skrevs in (26 nyinskrivningar).");
    expect(s.table.columns.map((c) => c.label)).toEqual([
      "Indelning",
      "Grupp",
      "Aktiva, inskrivningar",
      "Aktiva, personer",
      "Nyinskrivna, inskrivningar",
      "Nyinskrivna, personer",
    ]);
    expect(shown(s)).toEqual([
      ["Kön", "Kvinnor", "38", "37", "14", "13"],
      ["Kön", "Män", "34", "33", "12", "11"],
      ["Kommun", "Ljungby", "40", "39", "16", "15"],
      ["Kommun", "Markaryd", "32", "32", "10", "10"],
      ["Alla", "Totalt", "72", "70", "26", "24"],
    ]);
    expect(s.note).toContain("raderna kan tillsammans bli fler än totalen");
  });

  it("counts those enrolled on the last day by kön and kommun, with the previous period's last day", () => {
    const s = section(sections, "sista-dagen");
    expect(s.summary).toBe("Den sista dagen i perioden var 60 deltagare inskrivna, 31 kvinnor och 29 män, mot 55 den sista dagen i föregående period.");
    expect(s.table.caption).toBe("Inskrivna deltagare den 31 augusti 2025, jämfört med den 31 augusti 2024, per kön och kommun (inskrivningar)");
    expect(shown(s)).toEqual([
      ["Kön", "Kvinnor", "31", "30"],
      ["Kön", "Män", "29", "25"],
      ["Kommun", "Ljungby", "35", "30"],
      ["Kommun", "Markaryd", "25", "25"],
      ["Alla", "Totalt", "60", "55"],
    ]);
  });
});

describe("caseload per koordinator (issue 13)", () => {
  const report = {
    active: {
      total: 30,
      byKommun: { Ljungby: 18, Markaryd: 12 },
      byCoordinator: { "Anna Berg": 12, "ej angiven": 6, "Omar Said": 12 },
      byCoordinatorByKommun: { "Anna Berg": { Ljungby: 12 }, "ej angiven": { Ljungby: 6 }, "Omar Said": { Markaryd: 12 } },
    },
  };

  it("is not among the sections, and names no koordinator anywhere, unless the bundle is the förbundschef's", () => {
    const sections = reportSections(testBundle({ report }));
    expect(sections.map((s) => s.id)).not.toContain("koordinatorer");
    const text = JSON.stringify(sections);
    expect(text).not.toContain("Anna Berg");
    expect(text).not.toContain("Omar Said");
  });

  it("gives the förbundschef active enrolments per koordinator and kommun, those without one last", () => {
    const sections = reportSections({ ...testBundle({ report }), caseload: true });
    const s = section(sections, "koordinatorer");
    expect(sections.map((x) => x.id).indexOf("koordinatorer")).toBe(sections.map((x) => x.id).indexOf("alder") + 1);
    expect(s.title).toBe("Aktiva deltagare per koordinator och kommun");
    expect(s.summary).toBe("Under perioden fanns 30 aktiva inskrivningar; flest hade Anna Berg och Omar Said (12 vardera).");
    expect(s.table.columns.map((c) => c.label)).toEqual(["Koordinator", "Ljungby", "Markaryd", "Totalt"]);
    expect(shown(s)).toEqual([
      ["Anna Berg", "12", "0", "12"],
      ["Omar Said", "0", "12", "12"],
      ["Ingen koordinator angiven", "6", "0", "6"],
      ["Totalt", "18", "12", "30"],
    ]);
  });
});

describe("referrals by remittent and kommun, new enrolments by remittent (issue 13)", () => {
  const sections = reportSections(
    testBundle({
      report: {
        referrals: {
          total: 30,
          byReferrer: { Försäkringskassan: 12, "Region Kronoberg": 14, "Markaryds kommun": 4 },
          byKommun: { Ljungby: 20, Markaryd: 10 },
          byReferrerByKommun: {
            Försäkringskassan: { Ljungby: 6, Markaryd: 6 },
            "Region Kronoberg": { Ljungby: 14 },
            "Markaryds kommun": { Markaryd: 4 },
          },
        },
        newlyEnrolled: { total: 20, byReferrer: { Försäkringskassan: 8, "Region Kronoberg": 12 } },
      },
      previous: { newlyEnrolled: { total: 10, byReferrer: { Försäkringskassan: 10 } } },
    }),
  );

  it("crosses remittent and kommun, each row and column with the report's own totals", () => {
    const s = section(sections, "remittent-kommun");
    expect(s.title).toBe("Remisser per remittent och kommun");
    expect(s.summary).toBe("Flest remisser kom från Region Kronoberg i Ljungby (14) och Försäkringskassan i Markaryd (6).");
    expect(s.table.columns.map((c) => c.label)).toEqual(["Remittent", "Ljungby", "Markaryd", "Totalt"]);
    expect(shown(s)).toEqual([
      ["Försäkringskassan", "6", "6", "12"],
      ["Markaryds kommun", "0", "4", "4"],
      ["Region Kronoberg", "14", "0", "14"],
      ["Totalt", "20", "10", "30"],
    ]);
    expect(s.chart?.kind).toBe("stacked-bar");
    expect(s.chart?.labels).toEqual(["Ljungby", "Markaryd"]);
  });

  it("counts new enrolments by their remittent, with shares and the previous period", () => {
    const s = section(sections, "nyinskrivna-remittent");
    expect(s.summary).toBe("Av 20 nyinskrivningar under perioden kom flest via Region Kronoberg (12) och Försäkringskassan (8).");
    expect(shown(s)).toEqual([
      ["Försäkringskassan", "8", "40,0 %", "10"],
      ["Region Kronoberg", "12", "60,0 %", "0"],
      ["Totalt", "20", "100,0 %", "10"],
    ]);
  });
});

describe("referral decisions by kommun and the queue (issue 13)", () => {
  const decisions = (inskriven: number, konsultation: number, ejAktuell: number, ko: number, ejBeslutad: number) => ({
    inskriven,
    konsultation,
    ej_aktuell: ejAktuell,
    ko,
    ej_beslutad: ejBeslutad,
  });
  const bundle = testBundle({
    report: {
      referrals: {
        total: 60,
        byKommun: { Karlskrona: 45, Ronneby: 15 },
        byDecision: decisions(10, 40, 5, 3, 2),
        byDecisionByKommun: {
          inskriven: { Karlskrona: 5, Ronneby: 5 },
          konsultation: { Karlskrona: 35, Ronneby: 5 },
          ej_aktuell: { Karlskrona: 5 },
          ko: { Ronneby: 3 },
          ej_beslutad: { Ronneby: 2 },
        },
        queueAtEnd: 4,
        queueMedianWaitDays: 41,
      },
    },
    previous: {
      referrals: {
        total: 30,
        byKommun: { Karlskrona: 30 },
        byDecision: decisions(6, 24, 0, 0, 0),
        byDecisionByKommun: { inskriven: { Karlskrona: 6 }, konsultation: { Karlskrona: 24 }, ej_aktuell: {}, ko: {}, ej_beslutad: {} },
        queueAtEnd: 0,
        queueMedianWaitDays: null,
      },
    },
  });

  it("tabulates the decisions per kommun for both periods, as seed 002's consultations 40 against 24", () => {
    const s = section(reportSections(bundle), "remissbeslut");
    expect(s.summary).toBe(
      "Av 60 remisser under perioden ledde 10 till inskrivning och 40 till konsultation (föregående period 24); " +
        "5 var inte aktuella, 3 ställdes i kö och 2 är inte beslutade.",
    );
    expect(s.table.columns.map((c) => c.label)).toEqual(["Period", "Kommun", "Inskriven", "Konsultation", "Ej aktuell", "Kö", "Ej beslutad", "Totalt"]);
    expect(shown(s)).toEqual([
      ["Jan–aug 2025", "Karlskrona", "5", "35", "5", "0", "0", "45"],
      ["Jan–aug 2025", "Ronneby", "5", "5", "0", "3", "2", "15"],
      ["Jan–aug 2024", "Karlskrona", "6", "24", "0", "0", "0", "30"],
      ["Jan–aug 2024", "Ronneby", "0", "0", "0", "0", "0", "0"],
      ["Jan–aug 2025", "Totalt", "10", "40", "5", "3", "2", "60"],
      ["Jan–aug 2024", "Totalt", "6", "24", "0", "0", "0", "30"],
    ]);
  });

  it("says how many were in the queue on the last day and their median wait", () => {
    const s = section(reportSections(bundle), "ko");
    expect(s.summary).toBe("4 i kö den 31 augusti 2025, median väntetid 41 dagar.");
    expect(shown(s)).toEqual([
      ["Datum", "31 augusti 2025", "31 augusti 2024"],
      ["Remisser i kö", "4", "0"],
      ["Median väntetid, dagar", "41", "–"],
    ]);
  });

  it("keeps the wait back beside a small queue", () => {
    const small = testBundle({
      suppressSmallNumbers: true,
      report: { referrals: { total: 9, byKommun: { Ronneby: 9 }, byDecision: decisions(7, 0, 0, 2, 0), queueAtEnd: 2, queueMedianWaitDays: 30 } },
    });
    const s = section(reportSections(small), "ko");
    expect(s.summary).toBe("Färre än 3 i kö den 31 augusti 2025; väntetiden redovisas inte, eftersom antalet i kö är litet.");
    expect(shown(s)[2]).toEqual(["Median väntetid, dagar", "–", "–"]);
  });
});

describe("closures: reasons per kommun, last Trappan step, outcome groups", () => {
  const NO_STEPS = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 };

  it("crosses the reasons with the kommuner, with the kommun totals underneath", () => {
    const s = section(
      reportSections(
        testBundle({
          report: {
            closed: {
              total: 9,
              byReason: { Arbete: 5, Flytt: 4 },
              byKommun: { Ljungby: 6, Älmhult: 3 },
              byReasonByKommun: { Arbete: { Ljungby: 3, Älmhult: 2 }, Flytt: { Ljungby: 3, Älmhult: 1 } },
            },
          },
        }),
      ),
      "avslut-kommun",
    );
    expect(s.title).toBe("Avslutsskäl per kommun");
    expect(s.table.columns.map((c) => c.label)).toEqual(["Avslutsskäl", "Ljungby", "Älmhult", "Totalt"]);
    expect(shown(s)).toEqual([
      ["Arbete", "3", "2", "5"],
      ["Flytt", "3", "1", "4"],
      ["Totalt", "6", "3", "9"],
    ]);
  });

  it("says how many of those with a placement reached the highest step and why they closed, as seed 001", () => {
    const s = section(
      reportSections(
        testBundle({
          report: {
            closed: {
              total: 14,
              byLastStep: { ...NO_STEPS, "4": 3, "6": 9 },
              byReasonByLastStep: {
                Arbete: { ...NO_STEPS, "6": 4 },
                Studier: { ...NO_STEPS, "4": 1, "6": 3 },
                "Hel sjukersättning": { ...NO_STEPS, "4": 2, "6": 2 },
              },
            },
            trappan: { closedWithPlacement: 12, closedInUpperPart: 12 },
          },
        }),
      ),
      "avslut-steg",
    );
    expect(s.summary).toBe("Av 12 avslutade deltagare med en placering i Trappan hade 9 nått det högsta steget: 4 arbete, 3 studier och 2 hel sjukersättning.");
    expect(shown(s)).toEqual([
      ["Arbete", "0", "0", "0", "0", "0", "4", "4"],
      ["Studier", "0", "0", "0", "1", "0", "3", "4"],
      ["Hel sjukersättning", "0", "0", "0", "2", "0", "2", "4"],
      ["Totalt", "0", "0", "0", "3", "0", "9", "12"],
    ]);
  });

  it("shows each outcome group with its count, its share of all closed and its reasons, in the configured order", () => {
    const s = section(
      reportSections(
        testBundle({
          report: { closed: { total: 30, byGroup: { "Arbete eller studier": 6, "Rätt försörjning": 3, "Åter till remittent": 11 } } },
          previous: { closed: { total: 20, byGroup: { "Arbete eller studier": 5, "Rätt försörjning": 0, "Åter till remittent": 4 } } },
        }),
      ),
      "utfallsgrupper",
    );
    expect(s.title).toBe("Avslut per utfallsgrupp");
    expect(s.summary).toBe(
      "Av 30 avslutade deltagare avslutades 6 (20,0 %) arbete eller studier, 3 (10,0 %) rätt försörjning och 11 (36,7 %) åter till remittent.",
    );
    expect(shown(s)).toEqual([
      ["Arbete eller studier", "6", "20,0 %", "5", "25,0 %", "Arbete, Reguljärt arbete och Studier"],
      ["Rätt försörjning", "3", "10,0 %", "0", "0,0 %", "Hel aktivitetsersättning, Hel sjukersättning och Avslut mot pension"],
      [
        "Åter till remittent",
        "11",
        "36,7 %",
        "4",
        "20,0 %",
        "Åter till remittent i väntan på beslut om sjukersättning, Åter till remittent, samordningsinsatser uttömda och Åter till remittent vid personalomställning i insatsen",
      ],
      ["Alla avslutade", "30", "", "20", "", ""],
    ]);
    expect(reportSections(testBundle()).map((x) => x.id)).not.toContain("utfallsgrupper");
  });
});

describe("the participants' own view at closure", () => {
  it("gives each question by kön with the previous period, as seed 002 reports upplevt stöd and inflytande", () => {
    const question = (answered: [number, number], yes: [number, number]) => ({
      answered: answered[0] + answered[1],
      yes: yes[0] + yes[1],
      answeredByGender: { kvinna: answered[0], man: answered[1] },
      yesByGender: { kvinna: yes[0], man: yes[1] },
    });
    const s = section(
      reportSections(
        testBundle({
          report: { survey: { support: question([9, 6], [7, 5]), influence: question([9, 6], [6, 5]), readiness: question([0, 0], [0, 0]) } },
          previous: { survey: { support: question([10, 10], [8, 8]), influence: question([0, 0], [0, 0]), readiness: question([0, 0], [0, 0]) } },
        }),
      ),
      "deltagarnas-bedomning",
    );
    expect(s.summary).toBe(
      "Vid avslutet svarade 12 av 15 (80,0 %) upplevt stöd, 11 av 15 (73,3 %) upplevt inflytande och 0 av 0 ökad beredskap för arbete eller studier.",
    );
    expect(shown(s).slice(0, 6)).toEqual([
      ["Upplevt stöd", "Totalt", "15", "12", "80,0 %", "80,0 %"],
      ["Upplevt stöd", "Kvinnor", "9", "7", "77,8 %", "80,0 %"],
      ["Upplevt stöd", "Män", "6", "5", "83,3 %", "80,0 %"],
      ["Upplevt inflytande", "Totalt", "15", "11", "73,3 %", "–"],
      ["Upplevt inflytande", "Kvinnor", "9", "6", "66,7 %", "–"],
      ["Upplevt inflytande", "Män", "6", "5", "83,3 %", "–"],
    ]);
  });
});

describe("Trappan transitions", () => {
  const NO_STEPS = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0 };
  const transitions = {
    "1": { ...NO_STEPS, "2": 3 },
    "2": { ...NO_STEPS, "2": 1, "4": 8 },
    "3": NO_STEPS,
    "4": { ...NO_STEPS, "3": 4 },
    "5": NO_STEPS,
    "6": NO_STEPS,
  };
  const s = section(
    reportSections(
      testBundle({
        report: {
          trappan: {
            measured: 16,
            movedUp: 11,
            unchanged: 1,
            movedDown: 4,
            baseline: { ...NO_STEPS, "1": 3, "2": 9, "4": 4 },
            current: { ...NO_STEPS, "2": 4, "3": 4, "4": 8 },
            transitions,
          },
        },
      }),
    ),
    "trappan-forflyttning",
  );

  it("crosses the step at start with the latest step, with totals on both sides", () => {
    expect(s.summary).toBe(
      "Av 16 mätta deltagare gick 11 uppåt, 1 stod kvar och 4 gick nedåt. Den vanligaste förflyttningen uppåt var från steg 2 till steg 4 (8).",
    );
    expect(shown(s)).toEqual([
      ["1. Isolerad", "0", "3", "0", "0", "0", "0", "3"],
      ["2. Kontakt etablerad", "0", "1", "0", "8", "0", "0", "9"],
      ["3. Regelbunden aktivitet", "0", "0", "0", "0", "0", "0", "0"],
      ["4. Förberedande steg utanför insatsen", "0", "0", "4", "0", "0", "0", "4"],
      ["5. Nära arbete eller studier", "0", "0", "0", "0", "0", "0", "0"],
      ["6. Arbete, studier eller rätt försörjning", "0", "0", "0", "0", "0", "0", "0"],
      ["Totalt", "0", "4", "4", "8", "0", "0", "16"],
    ]);
  });

  it("shades each cell by its size among the table's cells, and none that is 0", () => {
    const row2 = s.table.rows[1]!;
    expect([row2.shade2, row2.shade4, row2.shade1]).toEqual([1, 4, 0]);
    expect(s.table.rows[0]!.shade2).toBe(2);
    expect(s.table.columns.filter((c) => c.shadeKey !== undefined).map((c) => c.shadeKey)).toEqual([
      "shade1",
      "shade2",
      "shade3",
      "shade4",
      "shade5",
      "shade6",
    ]);
  });

  it("draws a bar per step at start, stacked by the step reached", () => {
    expect(s.chart?.kind).toBe("stacked-bar");
    expect(s.chart?.labels[1]).toBe("Start: steg 2");
    expect(s.chart?.series.map((series) => series.label)).toEqual([
      "Senaste: steg 1",
      "Senaste: steg 2",
      "Senaste: steg 3",
      "Senaste: steg 4",
      "Senaste: steg 5",
      "Senaste: steg 6",
    ]);
    expect(s.chart?.series[3]!.values).toEqual([0, 8, 0, 0, 0, 0]);
  });
});

describe("Uppföljning Finsam", () => {
  const active = {
    total: 36,
    persons: 30,
    personsByGender: { kvinna: 16, man: 14 },
    byGender: { kvinna: 20, man: 16 },
    personsByInsats: { SamSteg: 20, Samverkansteam: 12 },
    personsByInsatsByGender: { SamSteg: { kvinna: 11, man: 9 }, Samverkansteam: { kvinna: 6, man: 6 } },
  };

  it("lays out one row per insats with kvinnor, män and totalt, and the förbund's unique individuals under them", () => {
    const finsam = section(reportSections(testBundle({ report: { active } })), "uppfoljning-finsam");
    expect(finsam.table.columns.map((column) => column.label)).toEqual(["Insats", "Kvinnor", "Män", "Totalt"]);
    expect(shown(finsam)).toEqual([
      ["SamSteg", "11", "9", "20"],
      ["Samverkansteam", "6", "6", "12"],
      ["Totalt (unika individer)", "16", "14", "30"],
    ]);
    expect(finsam.summary).toBe("Under jan–aug 2025 deltog 30 individer i 2 insatser.");
    expect(finsam.chart).toBeUndefined();
  });

  it("hides a small count in the steering group's view, and one more so it cannot be worked out", () => {
    const small = {
      ...active,
      personsByInsats: { SamSteg: 20, Samverkansteam: 3 },
      personsByInsatsByGender: { SamSteg: { kvinna: 11, man: 9 }, Samverkansteam: { kvinna: 1, man: 2 } },
    };
    const finsam = section(reportSections(testBundle({ report: { active: small }, suppressSmallNumbers: true })), "uppfoljning-finsam");
    const [, team] = shown(finsam);
    expect(team).toEqual(["Samverkansteam", "färre än 3", "färre än 3", "3"]);
  });
});

describe("Utveckling över tid", () => {
  const year = (active: number, newlyEnrolled: number, closed: number, movedUp: number, closedToWorkOrStudies: number) => ({
    active,
    newlyEnrolled,
    closed,
    measured: 20,
    movedUp,
    assessedTwice: 10,
    progressed: 5,
    closedToWorkOrStudies,
  });
  const report = {
    active: { total: 60 },
    newlyEnrolled: { total: 25 },
    closed: { total: 20, byGroup: { "Arbete eller studier": 8 } },
    trappan: { measured: 20, movedUp: 12 },
    skapa: { assessedTwice: 10, progressed: 5 },
    trend: { "2023": year(40, 20, 10, 8, 4), "2024": year(50, 22, 15, 10, 6), "2025": year(60, 25, 20, 12, 8) },
  };

  it("puts the key measures of each year side by side, oldest first, with a line chart of the counts", () => {
    const s = section(reportSections(testBundle({ report })), "utveckling");
    expect(s.table.columns.map((column) => column.label)).toEqual(["Mått", "jan–aug 2023", "jan–aug 2024", "jan–aug 2025"]);
    expect(shown(s)).toEqual([
      ["Aktiva deltagare", "40", "50", "60"],
      ["Nyinskrivna", "20", "22", "25"],
      ["Avslutade", "10", "15", "20"],
      ["Stegförflyttning uppåt i Trappan, andel av mätta", "40,0 %", "50,0 %", "60,0 %"],
      ["Progression i SKAPA, andel av dem med två skattningar", "50,0 %", "50,0 %", "50,0 %"],
      ["Avslutade till arbete eller studier", "4", "6", "8"],
      ["Avslutade till arbete eller studier, andel av avslutade", "40,0 %", "40,0 %", "40,0 %"],
    ]);
    expect(s.chart).toMatchObject({ kind: "line", labels: ["jan–aug 2023", "jan–aug 2024", "jan–aug 2025"] });
    expect(s.chart!.series.map((series) => series.values)).toEqual([
      [40, 50, 60],
      [20, 22, 25],
      [10, 15, 20],
    ]);
    expect(s.summary).toBe(
      "Från jan–aug 2023 till jan–aug 2025 gick antalet aktiva deltagare från 40 till 60, och andelen med stegförflyttning uppåt från 40,0 % till 60,0 %.",
    );
  });

  it("is left out without earlier years (a period since the start, or the förbund's first year)", () => {
    expect(reportSections(testBundle()).map((s) => s.id)).not.toContain("utveckling");
    const first = { ...report, trend: { "2025": report.trend["2025"] } };
    expect(reportSections(testBundle({ report: first })).map((s) => s.id)).not.toContain("utveckling");
  });

  it("hides a small count of an earlier year, its share with it, and marks it in the chart", () => {
    const small = { ...report, trend: { ...report.trend, "2023": year(40, 20, 2, 8, 1) } };
    const s = section(reportSections(testBundle({ report: small, suppressSmallNumbers: true })), "utveckling");
    const rows = Object.fromEntries(shown(s).map(([label, ...cells]) => [label, cells]));
    expect(rows["Avslutade"]![0]).toBe("färre än 3");
    expect(rows["Avslutade till arbete eller studier"]![0]).toBe("färre än 3");
    expect(rows["Avslutade till arbete eller studier, andel av avslutade"]![0]).toBe("–");
    expect(s.chart!.series[2]!.marks[0]).toBe("färre än 3");
    expect(s.chart!.series[2]!.values[0]).toBeNull();
  });
});
