import { describe, expect, it } from "vitest";
import type { GoalOutcome, GoalRow } from "~/domain/goals";
import { cellFormat, formatCell } from "../cells";
import { testBundle } from "../testing";
import { reportSections } from ".";

const count = (value: number): GoalOutcome => ({ numerator: value, denominator: 1, value });
const NOT_RECORDED: GoalOutcome = { numerator: 0, denominator: 0, value: 0 };

describe("the goals section, the new measures", () => {
  const rows: GoalRow[] = [
    {
      key: "consultations",
      metric: "consultations",
      outcomeGroup: null,
      label: "Konsultationsärenden",
      kind: "count",
      target: 30,
      periodTarget: 30,
      outcome: count(40),
      byGender: { kvinna: NOT_RECORDED, man: NOT_RECORDED },
      previous: count(24),
      previousByGender: { kvinna: NOT_RECORDED, man: NOT_RECORDED },
      achieved: true,
    },
    {
      key: "active_persons",
      metric: "active_persons",
      outcomeGroup: null,
      label: "Aktiva personer",
      kind: "count",
      target: 50,
      periodTarget: 50,
      outcome: count(0),
      byGender: { kvinna: count(0), man: count(0) },
      previous: count(0),
      previousByGender: { kvinna: count(0), man: count(0) },
      achieved: false,
    },
  ];

  it("shows a kön that is not recorded as – and a counted 0 as 0, in the förbund's report with no insats chosen", () => {
    const mal = reportSections(testBundle({ goals: rows })).find((section) => section.id === "mal")!;
    const cells = mal.table.rows.map((row) => mal.table.columns.map((column) => formatCell(row[column.key], cellFormat(column, row))));
    expect(cells).toEqual([
      ["Konsultationsärenden", "30", "40", "–", "–", "24", "–", "–", "Uppnått"],
      ["Aktiva personer", "50", "0", "0", "0", "0", "0", "0", "Ej uppnått"],
    ]);
  });
});
