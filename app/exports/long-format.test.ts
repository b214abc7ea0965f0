import { describe, expect, it } from "vitest";
import { reportMeta, reportSections } from "~/charts/sections";
import { testBundle } from "~/charts/testing";
import type { GoalRow } from "~/domain/goals";
import { longRows, sectionLongRows } from "./long-format";

const goal: GoalRow = {
  key: "trappan_share",
  metric: "trappan_share",
  outcomeGroup: null,
  label: "Stegförflyttning",
  kind: "share",
  target: 0.8,
  periodTarget: 0.8,
  outcome: { numerator: 35, denominator: 43, value: 35 / 43 },
  byGender: { kvinna: { numerator: 19, denominator: 24, value: 19 / 24 }, man: { numerator: 16, denominator: 19, value: 16 / 19 } },
  previous: { numerator: 43, denominator: 55, value: 43 / 55 },
  previousByGender: { kvinna: { numerator: 23, denominator: 30, value: 23 / 30 }, man: { numerator: 20, denominator: 25, value: 20 / 25 } },
  achieved: true,
};

const bundle = testBundle({
  goals: [goal],
  report: {
    active: { total: 14, byKommun: { Ljungby: 12, Markaryd: 2 }, byGender: { kvinna: 8, man: 6 } },
    referrals: { total: 5, byKommun: { Ljungby: 5 }, byDecision: { inskriven: 5 }, byDecisionByKommun: { inskriven: { Ljungby: 5 } } },
  },
  previous: { active: { total: 9, byKommun: { Ljungby: 9 }, byGender: { kvinna: 5, man: 4 } } },
  suppressSmallNumbers: true,
});
const meta = reportMeta(bundle);
const sections = reportSections(bundle);
const section = (id: string) => sections.find((candidate) => candidate.id === id)!;
const tuple = ({ grouping, group, measure, period, value }: ReturnType<typeof longRows>[number]) => [grouping, group, measure, period, value];

describe("the long format", () => {
  it("gives each cell a row: the row's grouping and label, the measure and its period, the value", () => {
    const rows = sectionLongRows(section("kommuner"), meta);
    expect(rows.filter((row) => row.group === "Markaryd").map(tuple)).toEqual([
      ["Kommun", "Markaryd", "Aktiva", "Jan–aug 2025", "färre än 3"],
      ["Kommun", "Markaryd", "Nyinskrivna", "Jan–aug 2025", 0],
      ["Kommun", "Markaryd", "Avslutade", "Jan–aug 2025", 0],
      ["Kommun", "Markaryd", "Studiebesök", "Jan–aug 2025", 0],
      ["Kommun", "Markaryd", "Aktiva", "Jan–aug 2024", 0],
    ]);
    expect(rows.every((row) => row.section === "Deltagare per kommun")).toBe(true);
  });

  it("keeps a hidden count as its mark, never as 0 or blank", () => {
    const hidden = longRows(sections, meta).filter((row) => typeof row.value === "string" && row.format !== "text");
    expect(hidden.length).toBeGreaterThan(0);
    expect(new Set(hidden.map((row) => row.value))).toEqual(new Set(["färre än 3", "dolt", "–"]));
  });

  it("pairs a previous-period column with the measure it repeats, whatever its label", () => {
    const goals = sectionLongRows(section("mal"), meta);
    expect(goals.filter((row) => row.measure === "Utfall").map((row) => [row.period, row.value])).toEqual([
      ["Jan–aug 2025", 35 / 43],
      ["Jan–aug 2024", 43 / 55],
    ]);
    expect(goals.filter((row) => row.measure === "Kvinnor").map((row) => row.period)).toEqual(["Jan–aug 2025", "Jan–aug 2024"]);
    // Every measure told for the previous period is one the table also tells for this period.
    const unpaired = sections.flatMap((s) => {
      const rows = sectionLongRows(s, meta);
      const now = new Set(rows.filter((row) => row.period === "Jan–aug 2025").map((row) => row.measure));
      return [...new Set(rows.filter((row) => row.period === "Jan–aug 2024" && !now.has(row.measure)).map((row) => `${s.id}: ${row.measure}`))];
    });
    expect(unpaired).toEqual([]);
  });

  it("reads the period from a table that has a period column, and the grouping from a mixed table's rows", () => {
    const decisions = sectionLongRows(section("remissbeslut"), meta);
    expect(decisions.filter((row) => row.group === "Ljungby" && row.measure === "Inskriven").map(tuple)).toEqual([
      ["Kommun", "Ljungby", "Inskriven", "Jan–aug 2025", 5],
      ["Kommun", "Ljungby", "Inskriven", "Jan–aug 2024", 0],
    ]);
    const persons = sectionLongRows(section("personer"), meta);
    expect(persons.find((row) => row.group === "Kvinnor" && row.measure === "Aktiva, inskrivningar")).toMatchObject({
      grouping: "Kön",
      period: "Jan–aug 2025",
    });
  });

  it("names the measure by the row in a table whose columns are periods", () => {
    expect(sectionLongRows(section("ko"), meta).map(tuple)).toContainEqual(["Mått", "Remisser i kö", "Värde", "Jan–aug 2024", 0]);
  });

  it("gives each year of Utveckling över tid its own period", () => {
    const year = { active: 40, newlyEnrolled: 20, closed: 10, measured: 20, movedUp: 8, assessedTwice: 10, progressed: 5, closedToWorkOrStudies: 4 };
    const withTrend = testBundle({ report: { trend: { "2024": year, "2025": { ...year, active: 50 } } } });
    const trend = reportSections(withTrend).find((candidate) => candidate.id === "utveckling")!;
    const rows = sectionLongRows(trend, reportMeta(withTrend)).map(tuple);
    expect(rows).toContainEqual(["Mått", "Aktiva deltagare", "Värde", "jan–aug 2024", 40]);
    expect(rows).toContainEqual(["Mått", "Aktiva deltagare", "Värde", "jan–aug 2025", 50]);
  });
});
