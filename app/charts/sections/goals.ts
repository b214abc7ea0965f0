// Goal follow-up: the insats's targets (or, with no insats chosen, the förbund's) against this period and the one before.
import { achievementLabel, type GoalOutcome, type GoalRow } from "~/domain/goals";
import { NO_VALUE, type TableColumn } from "../cells";
import { capitalize, caption, column, type Context, groupedChart, PREVIOUS, type ReportSection, swedishList } from "./model";

export function goals(ctx: Context): ReportSection | null {
  const { bundle } = ctx;
  if (bundle.goals.length === 0) return null;
  const withAnnat = bundle.goals.some((row) => row.byGender.annat !== undefined);
  // A count goal in a delår is judged against its part of the annual target: show both.
  const proRata = bundle.goals.some((row) => row.periodTarget !== row.target);
  const rows = bundle.goals.map((row, i) => {
    const shown = ctx.goals[i]!;
    // A count by a kön that is not recorded (consultations: a referral has no kön) is "–", not 0.
    const byKon = <T>(outcome: GoalOutcome | undefined, value: T): T | typeof NO_VALUE =>
      row.kind === "count" && outcome?.denominator === 0 ? NO_VALUE : value;
    return {
      mal: row.label,
      format: row.kind,
      malvarde: row.target,
      ...(proRata ? { periodmal: row.periodTarget } : {}),
      utfall: shown.outcome,
      kvinnor: byKon(row.byGender.kvinna, shown.byGender.kvinna),
      man: byKon(row.byGender.man, shown.byGender.man),
      ...(withAnnat ? { annat: byKon(row.byGender.annat, shown.byGender.annat) ?? NO_VALUE } : {}),
      foregaende: shown.previous,
      foregaendeKvinnor: byKon(row.previousByGender.kvinna, shown.previousByGender.kvinna),
      foregaendeMan: byKon(row.previousByGender.man, shown.previousByGender.man),
      bedomning: shown.achieved === null ? NO_VALUE : achievementLabel(shown.achieved),
    };
  });
  // Goals whose outcome is kept back are not judged in the text either (see ShownGoal.achieved).
  const judged = bundle.goals.filter((_, i) => ctx.goals[i]!.achieved !== null);
  const unjudged = bundle.goals.length - judged.length;
  const achieved = bundle.goals.filter((_, i) => ctx.goals[i]!.achieved === true);
  const n = judged.length;
  let summary: string;
  const quoted = (row: GoalRow) => `”${row.label}”`;
  if (n === 0) summary = "";
  else if (n === 1) summary = `Målet ${quoted(judged[0]!)} är ${achieved.length === 1 ? "uppnått" : "inte uppnått"} under perioden.`;
  else if (achieved.length === n) summary = `Alla ${n} mål är uppnådda under perioden.`;
  else if (achieved.length === 0) summary = `Inget av de ${n} målen är uppnått under perioden.`;
  else {
    summary = `${achieved.length} av ${n} mål är ${achieved.length === 1 ? "uppnått" : "uppnådda"} under perioden: ` + `${swedishList(achieved.map(quoted))}.`;
  }
  if (unjudged > 0) {
    const which = unjudged === 1 ? "Ett mål bedöms" : `${unjudged} mål bedöms`;
    summary = `${summary} ${which} inte här, eftersom utfallet bygger på små tal.`.trim();
  }
  const shareRows = rows.filter((row) => row.format === "share");
  const valued = (format: TableColumn["format"], key: string, label: string): TableColumn => ({
    ...column(key, label, format),
    formatKey: "format",
  });
  return {
    id: "mal",
    title: "Måluppfyllelse",
    summary,
    chart:
      shareRows.length === 0
        ? undefined
        : groupedChart(
            shareRows.map((row) => row.mal),
            [
              ["Målvärde", shareRows.map((row) => row.malvarde)],
              [capitalize(ctx.current), shareRows.map((row) => row.utfall)],
              [capitalize(ctx.before), shareRows.map((row) => row.foregaende)],
            ],
            "share",
            true,
          ),
    table: {
      caption: caption(ctx, "Mål, utfall totalt och per kön, och bedömning"),
      columns: [
        column("mal", "Mål", "text"),
        valued("share", "malvarde", proRata ? "Målvärde för året" : "Målvärde"),
        ...(proRata ? [valued("share", "periodmal", "Målvärde för perioden")] : []),
        valued("share", "utfall", "Utfall"),
        valued("share", "kvinnor", "Kvinnor"),
        valued("share", "man", "Män"),
        ...(withAnnat ? [valued("share", "annat", "Annat/ej angivet")] : []),
        valued("share", "foregaende", PREVIOUS),
        valued("share", "foregaendeKvinnor", "Kvinnor, föregående period"),
        valued("share", "foregaendeMan", "Män, föregående period"),
        column("bedomning", "Bedömning", "text"),
      ],
      rows,
      footer: [],
    },
    note:
      "Ett mål är uppnått när utfallet når målvärdet; ett mål utan något att mäta är inte uppnått." +
      (proRata
        ? " Antalsmål gäller per kalenderår: för en del av året bedöms utfallet mot årets mål i proportion till periodens antal dagar, avrundat uppåt till hela personer."
        : ""),
  };
}
