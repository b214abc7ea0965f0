// Who took part: the overview, per kommun, per kön and per åldersgrupp.
import { formatNumber } from "~/utils/format";
import { shareOf } from "~/domain/statistics/disclosure/shown";
import { type CellValue, type TableRow } from "../cells";
import {
  capitalize,
  caption,
  column,
  comparisonChart,
  type Context,
  countPhrase,
  GENDER_ROW_LABELS,
  genderPhrase,
  gendersIn,
  groupedChart,
  holdsHidden,
  largest,
  plural,
  PREVIOUS,
  type ReportSection,
  swedishList,
  TOTAL,
  unionKeys,
} from "./model";

export function overview(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const rows: Array<[string, CellValue, CellValue]> = [
    ["Aktiva deltagare", r.active.total, p.active.total],
    ["Nyinskrivna", r.newlyEnrolled.total, p.newlyEnrolled.total],
    ["Avslutade", r.closed.total, p.closed.total],
    ["Avslutade med planering efter avslut", r.closed.withPlanAfter, p.closed.withPlanAfter],
    ["Avslutade på steg 4–6 i Trappan", r.trappan.closedInUpperPart, p.trappan.closedInUpperPart],
    ["Remisser", r.referrals.total, p.referrals.total],
    ["Studiebesök", r.studyVisits.total, p.studyVisits.total],
  ];
  const tableRows = rows.map(([label, now, then]) => ({ matt: label, antal: now, foregaende: then }));
  const summary =
    r.active.total === 0
      ? "Inga deltagare har haft stöd under perioden."
      : `Totalt har ${countPhrase(r.active.total)} deltagare haft stöd under perioden, varav ` +
        `${countPhrase(r.newlyEnrolled.total)} ${plural(r.newlyEnrolled.total, "nyinskriven", "nyinskrivna")} och ` +
        `${countPhrase(r.closed.total)} ${plural(r.closed.total, "avslutad", "avslutade")}.`;
  return {
    id: "oversikt",
    title: "Deltagare under perioden",
    summary,
    chart: comparisonChart(
      ctx,
      ["Aktiva", "Nyinskrivna", "Avslutade"],
      tableRows.slice(0, 3).map((row) => row.antal),
      tableRows.slice(0, 3).map((row) => row.foregaende),
      "count",
    ),
    table: {
      caption: caption(ctx, "Deltagare, remisser och studiebesök"),
      columns: [column("matt", "Mått", "text"), column("antal", "Antal"), column("foregaende", PREVIOUS)],
      rows: tableRows,
      footer: [],
    },
  };
}

export function kommuner(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  // Each column: its key and label, the map by kommun, and the report's own total.
  const counts = [
    ["aktiva", "Aktiva", r.active.byKommun, r.active.total],
    ["nyinskrivna", "Nyinskrivna", r.newlyEnrolled.byKommun, r.newlyEnrolled.total],
    ["avslutade", "Avslutade", r.closed.byKommun, r.closed.total],
    ["studiebesok", "Studiebesök", r.studyVisits.byKommun, r.studyVisits.total],
    ["foregaende", "Aktiva, föregående period", p.active.byKommun, p.active.total],
  ] as const;
  const names = unionKeys(...counts.map(([, , map]) => map));
  const rows: TableRow[] = names.map((kommun) => ({
    kommun,
    ...Object.fromEntries(counts.map(([key, , map]) => [key, map[kommun] ?? 0])),
  }));
  const total: TableRow = { kommun: TOTAL, ...Object.fromEntries(counts.map(([key, , , sum]) => [key, sum])) };
  const parts = Object.entries(r.active.byKommun)
    .filter(([, cell]) => cell !== 0)
    .map(([kommun, cell]) => `${countPhrase(cell)} i ${kommun}`);
  let summary: string;
  if (r.active.total === 0) summary = "Inga deltagare har haft stöd under perioden i någon kommun.";
  else if (typeof r.active.total === "string") summary = `${capitalize(countPhrase(r.active.total))} deltagare har haft stöd under perioden.`;
  else summary = `Av de ${formatNumber(r.active.total)} aktiva deltagarna fanns ${swedishList(parts)}.`;
  return {
    id: "kommuner",
    title: "Deltagare per kommun",
    summary,
    chart: groupedChart(
      names,
      [
        ["Aktiva", rows.map((row) => row.aktiva)],
        ["Nyinskrivna", rows.map((row) => row.nyinskrivna)],
      ],
      "count",
    ),
    table: {
      caption: caption(ctx, "Aktiva, nyinskrivna och avslutade deltagare samt studiebesök per kommun"),
      columns: [column("kommun", "Kommun", "text"), ...counts.map(([key, label]) => column(key, label))],
      rows,
      footer: [total],
    },
  };
}

export function activeByGender(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const genders = gendersIn(r.active.byGender, r.newlyEnrolled.byGender, p.active.byGender);
  const rows = genders.map((gender) => {
    const count = r.active.byGender[gender] ?? 0;
    return {
      kon: GENDER_ROW_LABELS[gender],
      aktiva: count,
      andel: shareOf(count, r.active.total),
      nyinskrivna: r.newlyEnrolled.byGender[gender] ?? 0,
      foregaende: p.active.byGender[gender] ?? 0,
    };
  });
  const parts = genders
    .filter((gender) => gender !== "annat" || (r.active.byGender.annat ?? 0) !== 0)
    .map((gender) => genderPhrase(gender, countPhrase(r.active.byGender[gender] ?? 0)));
  const summary =
    r.active.total === 0 ? "Inga deltagare har haft stöd under perioden." : `Av ${countPhrase(r.active.total)} aktiva deltagare var ${swedishList(parts)}.`;
  return {
    id: "kon",
    title: "Aktiva deltagare per kön",
    summary,
    chart: comparisonChart(
      ctx,
      rows.map((row) => row.kon),
      rows.map((row) => row.aktiva),
      rows.map((row) => row.foregaende),
      "count",
    ),
    table: {
      caption: caption(ctx, "Aktiva och nyinskrivna deltagare per kön"),
      columns: [
        column("kon", "Kön", "text"),
        column("aktiva", "Aktiva"),
        column("andel", "Andel", "share"),
        column("nyinskrivna", "Nyinskrivna"),
        column("foregaende", "Aktiva, föregående period"),
      ],
      rows,
      footer: [
        {
          kon: TOTAL,
          aktiva: r.active.total,
          andel: shareOf(r.active.total, r.active.total),
          nyinskrivna: r.newlyEnrolled.total,
          foregaende: p.active.total,
        },
      ],
    },
  };
}

export function activeByAgeGroup(ctx: Context): ReportSection {
  const { bundle, now: r, then: p } = ctx;
  const configured = new Set(bundle.ageGroupOrder);
  const extra = unionKeys(r.active.byAgeGroup, p.active.byAgeGroup).filter((group) => !configured.has(group));
  const groups = [...bundle.ageGroupOrder, ...extra];
  const rows = groups.map((group) => ({
    aldersgrupp: `${group} år`,
    aktiva: r.active.byAgeGroup[group] ?? 0,
    andel: shareOf(r.active.byAgeGroup[group] ?? 0, r.active.total),
    foregaende: p.active.byAgeGroup[group] ?? 0,
  }));
  const top = largest(r.active.byAgeGroup, 3).map(([group, count]) => `${group} år (${formatNumber(count)})`);
  // A "dolt" group may be larger than any shown one: then only the shown ones can be ranked.
  const most = holdsHidden(Object.values(r.active.byAgeGroup))
    ? "Av de åldersgrupper som redovisas med antal fanns flest aktiva deltagare"
    : "Flest aktiva deltagare fanns";
  let summary: string;
  if (r.active.total === 0) summary = "Inga deltagare har haft stöd under perioden.";
  else if (top.length === 0) summary = "Antalet aktiva deltagare per åldersgrupp redovisas inte, eftersom talen är små.";
  else summary = `${most} i ${top.length === 1 ? "åldersgruppen" : "åldersgrupperna"} ${swedishList(top)}.`;
  return {
    id: "alder",
    title: "Aktiva deltagare per åldersgrupp",
    summary,
    chart: comparisonChart(
      ctx,
      groups,
      rows.map((row) => row.aktiva),
      rows.map((row) => row.foregaende),
      "count",
    ),
    table: {
      caption: caption(ctx, "Aktiva deltagare per åldersgrupp"),
      columns: [
        column("aldersgrupp", "Åldersgrupp", "text"),
        column("aktiva", "Aktiva"),
        column("andel", "Andel", "share"),
        column("foregaende", "Aktiva, föregående period"),
      ],
      rows,
      footer: [
        {
          aldersgrupp: TOTAL,
          aktiva: r.active.total,
          andel: shareOf(r.active.total, r.active.total),
          foregaende: p.active.total,
        },
      ],
    },
  };
}
