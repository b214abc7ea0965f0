// SKAPA: offered and progressed, and the change per area.
import { formatRatio } from "~/utils/format";
import { type CellValue, formatCell } from "../cells";
import { caption, collator, column, comparisonChart, type Context, type ReportSection, unionKeys } from "./model";

export function skapa(ctx: Context): ReportSection {
  const { report: r, previous: p, hide } = ctx;
  const s = r.skapa;
  const rows = [
    {
      matt: "Erbjudna SKAPA",
      antal: hide.count(s.offered),
      av: hide.count(s.active),
      andel: hide.share(s.offered, s.active),
      foregaende: hide.share(p.skapa.offered, p.skapa.active),
    },
    {
      matt: "Progression i SKAPA",
      antal: hide.count(s.progressed),
      av: hide.count(s.assessedTwice),
      andel: hide.share(s.progressed, s.assessedTwice),
      foregaende: hide.share(p.skapa.progressed, p.skapa.assessedTwice),
    },
  ];
  const withShare = (count: number, share: CellValue) => `${hide.countText(count)}${typeof share === "number" ? ` (${formatRatio(share)})` : ""}`;
  const offered = `Av ${hide.countText(s.active)} aktiva deltagare har ${withShare(s.offered, rows[0]!.andel)} erbjudits SKAPA`;
  let summary: string;
  if (s.active === 0) summary = "Inga deltagare har haft stöd under perioden, så SKAPA redovisas inte.";
  else if (s.assessedTwice === 0) summary = `${offered}; ingen har ännu skattat sig två gånger.`;
  else {
    summary =
      `${offered}, och av ${hide.countText(s.assessedTwice)} med minst två skattningar har ` + `${withShare(s.progressed, rows[1]!.andel)} visat progression.`;
  }
  return {
    id: "skapa",
    title: "SKAPA: erbjudande och progression",
    summary,
    chart: comparisonChart(
      ctx,
      rows.map((row) => row.matt),
      rows.map((row) => row.andel),
      rows.map((row) => row.foregaende),
      "share",
    ),
    table: {
      caption: caption(ctx, "Erbjudna SKAPA och progression i SKAPA"),
      columns: [
        column("matt", "Mått", "text"),
        column("antal", "Antal"),
        column("av", "Av"),
        column("andel", "Andel", "share"),
        column("foregaende", "Andel, föregående period", "share"),
      ],
      rows,
      footer: [],
    },
    note: "Erbjudna räknas av de aktiva deltagarna; progression av dem som skattat sig minst två gånger.",
  };
}

export function skapaAreas(ctx: Context): ReportSection {
  const { report: r, previous: p, hide } = ctx;
  const s = r.skapa;
  const areas = unionKeys(s.areaAnswered, p.skapa.areaAnswered);
  const rows = areas.map((area) => ({
    omrade: area,
    antal: hide.count(s.areaAnswered[area] ?? 0),
    forandring: hide.mean(s.areaMeanChange[area], s.areaAnswered[area] ?? 0),
    foregaende: hide.mean(p.skapa.areaMeanChange[area], p.skapa.areaAnswered[area] ?? 0),
  }));
  const visible = rows
    .filter((row) => typeof row.forandring === "number")
    .sort((a, b) => (b.forandring as number) - (a.forandring as number) || collator.compare(a.omrade, b.omrade));
  const high = visible[0];
  const low = visible[visible.length - 1];
  let summary: string;
  if (high === undefined || low === undefined) {
    summary = "Inget område har skattats vid två tillfällen av tillräckligt många deltagare för att redovisas.";
  } else if (visible.length === 1) {
    summary = `Den genomsnittliga förändringen inom ${high.omrade} var ${formatCell(high.forandring, "change")}.`;
  } else {
    summary =
      `Störst genomsnittlig förändring fanns inom ${high.omrade} (${formatCell(high.forandring, "change")}) ` +
      `och minst inom ${low.omrade} (${formatCell(low.forandring, "change")}).`;
  }
  return {
    id: "skapa-omraden",
    title: "SKAPA: förändring per område",
    summary,
    chart: comparisonChart(
      ctx,
      areas,
      rows.map((row) => row.forandring),
      rows.map((row) => row.foregaende),
      "change",
      true,
    ),
    table: {
      caption: caption(ctx, "Genomsnittlig förändring per område i SKAPA mellan första och senaste skattning"),
      columns: [
        column("omrade", "Område", "text"),
        column("antal", "Deltagare med två skattningar"),
        column("forandring", "Genomsnittlig förändring", "change"),
        column("foregaende", "Förändring, föregående period", "change"),
      ],
      rows,
      footer: [],
    },
  };
}
