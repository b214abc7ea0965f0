// SKAPA: offered and progressed, and the change per area.
import { NO_VALUE, shareOf } from "~/domain/statistics/disclosure/shown";
import { formatRatio } from "~/utils/format";
import { type CellValue, formatCell } from "../cells";
import { caption, collator, column, comparisonChart, type Context, countPhrase, type ReportSection, unionKeys } from "./model";

export function skapa(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const s = r.skapa;
  const rows = [
    {
      matt: "Erbjudna SKAPA",
      antal: s.offered,
      av: s.active,
      andel: shareOf(s.offered, s.active),
      foregaende: shareOf(p.skapa.offered, p.skapa.active),
    },
    {
      matt: "Progression i SKAPA",
      antal: s.progressed,
      av: s.assessedTwice,
      andel: shareOf(s.progressed, s.assessedTwice),
      foregaende: shareOf(p.skapa.progressed, p.skapa.assessedTwice),
    },
  ];
  const withShare = (count: CellValue, share: CellValue) => `${countPhrase(count)}${typeof share === "number" ? ` (${formatRatio(share)})` : ""}`;
  const offered = `Av ${countPhrase(s.active)} aktiva deltagare har ${withShare(s.offered, rows[0]!.andel)} erbjudits SKAPA`;
  let summary: string;
  if (s.active === 0) summary = "Inga deltagare har haft stöd under perioden, så SKAPA redovisas inte.";
  else if (s.assessedTwice === 0) summary = `${offered}; ingen har ännu skattat sig två gånger.`;
  else {
    summary =
      `${offered}, och av ${countPhrase(s.assessedTwice)} med minst två skattningar har ` + `${withShare(s.progressed, rows[1]!.andel)} visat progression.`;
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
  const { now: r, then: p } = ctx;
  const s = r.skapa;
  const areas = unionKeys(s.areaAnswered, p.skapa.areaAnswered);
  const rows = areas.map((area) => ({
    omrade: area,
    antal: s.areaAnswered[area] ?? 0,
    forandring: s.areaMeanChange[area] ?? NO_VALUE,
    foregaende: p.skapa.areaMeanChange[area] ?? NO_VALUE,
  }));
  const visible = rows
    .filter((row) => typeof row.forandring === "number")
    .sort((a, b) => (b.forandring as number) - (a.forandring as number) || collator.compare(a.omrade, b.omrade));
  const high = visible[0];
  const low = visible[visible.length - 1];
  // An area whose mean is kept back may lie outside the shown ones: rank the shown ones only.
  const most = rows.some((row) => row.forandring === NO_VALUE && row.antal !== 0)
    ? "Av de områden som redovisas fanns störst genomsnittlig förändring"
    : "Störst genomsnittlig förändring fanns";
  let summary: string;
  if (high === undefined || low === undefined) {
    summary = "Inget område har skattats vid två tillfällen av tillräckligt många deltagare för att redovisas.";
  } else if (visible.length === 1) {
    summary = `Den genomsnittliga förändringen inom ${high.omrade} var ${formatCell(high.forandring, "change")}.`;
  } else {
    summary =
      `${most} inom ${high.omrade} (${formatCell(high.forandring, "change")}) ` + `och minst inom ${low.omrade} (${formatCell(low.forandring, "change")}).`;
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
