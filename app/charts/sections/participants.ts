// Who took part: the overview, per kommun, per kön and per åldersgrupp.
import { formatNumber } from "~/utils/format";
import { hiddenCount, type TableRow } from "../cells";
import {
  capitalize,
  caption,
  column,
  comparisonChart,
  type Context,
  GENDER_ROW_LABELS,
  genderPhrase,
  gendersIn,
  groupedChart,
  largest,
  plural,
  PREVIOUS,
  type ReportSection,
  swedishList,
  TOTAL,
  unionKeys,
} from "./model";

export function overview(ctx: Context): ReportSection {
  const { report: r, previous: p, hide } = ctx;
  const rows: Array<[string, number, number]> = [
    ["Aktiva deltagare", r.active.total, p.active.total],
    ["Nyinskrivna", r.newlyEnrolled.total, p.newlyEnrolled.total],
    ["Avslutade", r.closed.total, p.closed.total],
    ["Avslutade med planering efter avslut", r.closed.withPlanAfter, p.closed.withPlanAfter],
    ["Avslutade på steg 4–6 i Trappan", r.trappan.closedInUpperPart, p.trappan.closedInUpperPart],
    ["Remisser", r.referrals.total, p.referrals.total],
    ["Studiebesök", r.studyVisits.total, p.studyVisits.total],
  ];
  const tableRows = rows.map(([label, now, then]) => ({ matt: label, antal: hide.count(now), foregaende: hide.count(then) }));
  const summary =
    r.active.total === 0
      ? "Inga deltagare har haft stöd under perioden."
      : `Totalt har ${hide.countText(r.active.total)} deltagare haft stöd under perioden, varav ` +
        `${hide.countText(r.newlyEnrolled.total)} ${plural(hide.count(r.newlyEnrolled.total), "nyinskriven", "nyinskrivna")} och ` +
        `${hide.countText(r.closed.total)} ${plural(hide.count(r.closed.total), "avslutad", "avslutade")}.`;
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
  const { report: r, previous: p, hide } = ctx;
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
    ...Object.fromEntries(counts.map(([key, , map]) => [key, hide.count(map[kommun] ?? 0)])),
  }));
  const total: TableRow = { kommun: TOTAL, ...Object.fromEntries(counts.map(([key, , , sum]) => [key, hide.count(sum)])) };
  const parts = Object.entries(r.active.byKommun)
    .filter(([, count]) => count > 0)
    .map(([kommun, count]) => `${hide.countText(count)} i ${kommun}`);
  let summary: string;
  if (r.active.total === 0) summary = "Inga deltagare har haft stöd under perioden i någon kommun.";
  else if (hide.hides(r.active.total)) summary = `${capitalize(hiddenCount(hide.threshold))} deltagare har haft stöd under perioden.`;
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
  const { report: r, previous: p, hide } = ctx;
  const genders = gendersIn(r.active.byGender, r.newlyEnrolled.byGender, p.active.byGender);
  const rows = genders.map((gender) => {
    const count = r.active.byGender[gender] ?? 0;
    return {
      kon: GENDER_ROW_LABELS[gender],
      aktiva: hide.count(count),
      andel: hide.share(count, r.active.total),
      nyinskrivna: hide.count(r.newlyEnrolled.byGender[gender] ?? 0),
      foregaende: hide.count(p.active.byGender[gender] ?? 0),
    };
  });
  const parts = genders
    .filter((gender) => gender !== "annat" || (r.active.byGender.annat ?? 0) > 0)
    .map((gender) => genderPhrase(gender, hide.countText(r.active.byGender[gender] ?? 0)));
  const summary =
    r.active.total === 0 ? "Inga deltagare har haft stöd under perioden." : `Av ${hide.countText(r.active.total)} aktiva deltagare var ${swedishList(parts)}.`;
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
          aktiva: hide.count(r.active.total),
          andel: hide.share(r.active.total, r.active.total),
          nyinskrivna: hide.count(r.newlyEnrolled.total),
          foregaende: hide.count(p.active.total),
        },
      ],
    },
  };
}

export function activeByAgeGroup(ctx: Context): ReportSection {
  const { bundle, report: r, previous: p, hide } = ctx;
  const configured = new Set(bundle.ageGroupOrder);
  const extra = unionKeys(r.active.byAgeGroup, p.active.byAgeGroup).filter((group) => !configured.has(group));
  const groups = [...bundle.ageGroupOrder, ...extra];
  const rows = groups.map((group) => ({
    aldersgrupp: `${group} år`,
    aktiva: hide.count(r.active.byAgeGroup[group] ?? 0),
    andel: hide.share(r.active.byAgeGroup[group] ?? 0, r.active.total),
    foregaende: hide.count(p.active.byAgeGroup[group] ?? 0),
  }));
  const top = largest(r.active.byAgeGroup, hide, 3).map(([group, count]) => `${group} år (${formatNumber(count)})`);
  let summary: string;
  if (r.active.total === 0) summary = "Inga deltagare har haft stöd under perioden.";
  else if (top.length === 0) summary = `Varje åldersgrupp har ${hiddenCount(hide.threshold)} aktiva deltagare.`;
  else summary = `Flest aktiva deltagare fanns i ${top.length === 1 ? "åldersgruppen" : "åldersgrupperna"} ${swedishList(top)}.`;
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
          aktiva: hide.count(r.active.total),
          andel: hide.share(r.active.total, r.active.total),
          foregaende: hide.count(p.active.total),
        },
      ],
    },
  };
}
