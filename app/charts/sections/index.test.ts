import { describe, expect, it } from "vitest";
import type { GoalOutcome, GoalRow } from "~/domain/goals";
import { computeReport } from "~/domain/statistics";
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
      { label: "Jan–aug 2025", values: [70, 24, 30] },
      { label: "Jan–aug 2024", values: [64, 20, 28] },
    ]);
  });

  it("has every section in report order, and goals only when the insats has targets", () => {
    expect(reportSections(testBundle()).map((s) => s.id)).toEqual([
      "oversikt",
      "kommuner",
      "kon",
      "alder",
      "stegforflyttning-kon",
      "stegforflyttning-kommun",
      "trappan",
      "skapa",
      "skapa-omraden",
      "remittenter",
      "remisser-kommun",
      "avslut",
      "stodinsatser",
      "fov",
    ]);
  });

  it("says plainly when a period has nothing to report", () => {
    const sections = reportSections(testBundle());
    expect(sections.map((s) => s.summary)).toEqual([
      "Inga deltagare har haft stöd under perioden.",
      "Inga deltagare har haft stöd under perioden i någon kommun.",
      "Inga deltagare har haft stöd under perioden.",
      "Inga deltagare har haft stöd under perioden.",
      "Ingen deltagare har placerats i Trappan vid två olika tillfällen under perioden.",
      "Ingen deltagare har placerats i Trappan vid två olika tillfällen under perioden.",
      "Ingen deltagare har placerats i Trappan vid två olika tillfällen under perioden.",
      "Inga deltagare har haft stöd under perioden, så SKAPA redovisas inte.",
      "Inget område har skattats vid två tillfällen av tillräckligt många deltagare för att redovisas.",
      "Inga remisser har kommit in under perioden.",
      "Inga remisser har kommit in under perioden.",
      "Ingen deltagare har avslutats under perioden.",
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
        { label: "Jan–aug 2025", values: [19 / 24, 16 / 19, 35 / 43] },
        { label: "Jan–aug 2024", values: [23 / 30, 20 / 25, 43 / 55] },
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
    expect(avslut.chart?.series[1]!.values.slice(6, 10)).toEqual([null, null, 3, 6]);
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

describe("small numbers", () => {
  const report = {
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

  it("hides counts below the threshold, and the shares built on them, wherever the bundle says so", () => {
    const sections = reportSections(testBundle({ report, suppressSmallNumbers: true }));
    expect(section(sections, "kommuner").summary).toBe("Av de 20 aktiva deltagarna fanns 18 i Ljungby och färre än 3 i Markaryd.");
    expect(shown(section(sections, "kon")).slice(0, 2)).toEqual([
      ["Kvinnor", "19", "95,0 %", "0", "0"],
      ["Män", "färre än 3", "–", "0", "0"],
    ]);
    expect(section(sections, "stegforflyttning-kon").summary).toBe(
      "Av 12 deltagare med minst två placeringar i Trappan har färre än 3 gjort en positiv stegförflyttning.",
    );
    expect(shown(section(sections, "stegforflyttning-kon"))).toEqual([
      ["Kvinnor", "10", "färre än 3", "–", "–"],
      ["Män", "färre än 3", "0", "–", "–"],
      ["Totalt", "12", "färre än 3", "–", "–"],
    ]);
  });

  it("never leaves a count from 1 to threshold − 1 in any table cell or chart value", () => {
    const threshold = 5;
    const sections = reportSections(testBundle({ report, suppressSmallNumbers: true, threshold }));
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

  it("shows every count when suppression is off, except FOV by kön", () => {
    const sections = reportSections(testBundle({ report, suppressSmallNumbers: false }));
    expect(shown(section(sections, "kon"))[1]).toEqual(["Män", "1", "5,0 %", "0", "0"]);
    const fov = section(sections, "fov");
    expect(shown(fov)).toEqual([
      ["Kvinnor", "10", "3"],
      ["Män", "färre än 3", "färre än 3"],
      // A total next to one hidden cell would give it away by subtraction.
      ["Totalt", "–", "–"],
    ]);
    expect(fov.summary).toBe(
      "Under perioden har 10 kvinnor och färre än 3 män svarat på frågor om våld, och av dem har 3 kvinnor och färre än 3 män svarat ja.",
    );
    expect(fov.chart?.series).toEqual([
      { label: "Besvarat", values: [10, null] },
      { label: "Svarat ja", values: [3, null] },
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
    expect(shown(fov)).toEqual([
      ["Kvinnor", "3", "färre än 3"],
      ["Män", "färre än 3", "0"],
      ["Totalt", "–", "–"],
    ]);
  });
});

describe("goal follow-up", () => {
  const goals: GoalRow[] = [
    {
      metric: "trappan_share",
      label: "Stegförflyttning",
      kind: "share",
      target: 0.8,
      outcome: outcome(35, 43),
      byGender: { kvinna: outcome(19, 24), man: outcome(16, 19) },
      previous: outcome(43, 55),
      previousByGender: { kvinna: outcome(23, 30), man: outcome(20, 25) },
      achieved: true,
    },
    {
      metric: "new_enrolments",
      label: "Nyinskrivna deltagare",
      kind: "count",
      target: 80,
      outcome: { numerator: 52, denominator: 1, value: 52 },
      byGender: { kvinna: { numerator: 30, denominator: 1, value: 30 }, man: { numerator: 22, denominator: 1, value: 22 } },
      previous: { numerator: 61, denominator: 1, value: 61 },
      previousByGender: { kvinna: { numerator: 31, denominator: 1, value: 31 }, man: { numerator: 30, denominator: 1, value: 30 } },
      achieved: false,
    },
    {
      metric: "skapa_offered_share",
      label: "Erbjudna SKAPA",
      kind: "share",
      target: 1,
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
    expect(mal.table.columns.map((column) => column.label)).toEqual(["Mål", "Målvärde", "Utfall", "Kvinnor", "Män", "Föregående period", "Bedömning"]);
    expect(shown(mal)).toEqual([
      ["Stegförflyttning", "80,0 %", "81,4 %", "79,2 %", "84,2 %", "78,2 %", "Uppnått"],
      ["Nyinskrivna deltagare", "80", "52", "30", "22", "61", "Ej uppnått"],
      ["Erbjudna SKAPA", "100,0 %", "71,4 %", "75,0 %", "66,7 %", "–", "Ej uppnått"],
    ]);
    // Share goals only: a count does not belong on a percentage axis.
    expect(mal.chart?.labels).toEqual(["Stegförflyttning", "Erbjudna SKAPA"]);
    expect(mal.chart?.series[0]).toEqual({ label: "Målvärde", values: [0.8, 1] });
  });

  it("says so when every goal, or the only one, is reached", () => {
    const all = reportSections(testBundle({ goals: goals.map((goal) => ({ ...goal, achieved: true })) }));
    expect(section(all, "mal").summary).toBe("Alla 3 mål är uppnådda under perioden.");
    const one = reportSections(testBundle({ goals: [goals[1]!] }));
    expect(section(one, "mal").summary).toBe("Målet ”Nyinskrivna deltagare” är inte uppnått under perioden.");
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
      suppression: "Små tal är dolda: antal under 3 visas som ”färre än 3”, och andelar som bygger på dem visas som –.",
    });
  });
});
