/**
 * The statistics report as sections: for each chart of the report its title, one Swedish summary
 * sentence in the style of the förbunds' own reports, the chart's data and the table under it.
 * Pure: the statistics page, the print page and the DOCX/XLSX/CSV exports all present these,
 * so every presentation shows the same numbers, hidden the same way.
 *
 * Small numbers are hidden here, once: a table cell or sentence never holds a count that the
 * bundle says to hide, and FOV by kön is hidden below the threshold whatever the bundle says.
 */
import { achievementLabel, type GoalOutcome, type GoalRow } from "~/domain/goals";
import type { Period } from "~/domain/period";
import { CLOSURE_CATEGORY_LABELS, DEFAULT_CLOSURE_REASONS } from "~/domain/reference-defaults";
import type { ReportBundle } from "~/domain/report-bundle";
import { GENDERS, type ClosureCategory, type Gender, type ReportJson } from "~/domain/statistics";
import { formatDate, formatNumber, formatRatio } from "~/utils/format";
import {
  chartValue,
  formatCell,
  hiddenCount,
  NO_VALUE,
  suppressor,
  type CellValue,
  type Suppressor,
  type TableColumn,
  type TableRow,
} from "./cells";

export type { CellValue, TableColumn, TableRow, ValueFormat } from "./cells";

export interface ChartSeries {
  label: string;
  /** One value per label; null where the value is hidden or does not exist. */
  values: Array<number | null>;
}

export interface SectionChart {
  kind: "bar" | "stacked-bar" | "grouped-bar";
  /** Bars along the y axis: for long labels (closure reasons, support types, Trappan steps). */
  horizontal: boolean;
  labels: string[];
  series: ChartSeries[];
  /** count: people or events; share: ratios 0..1; change: signed means. */
  valueKind: "count" | "share" | "change";
}

export interface SectionTable {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Totals: shown under the rows and never sorted with them. */
  footer: TableRow[];
}

export interface ReportSection {
  id: string;
  title: string;
  summary: string;
  chart?: SectionChart;
  table: SectionTable;
  /** A remark printed under the table (how small numbers are shown in it). */
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Words

const GENDER_ROW_LABELS: Record<Gender, string> = { kvinna: "Kvinnor", man: "Män", annat: "Annat/ej angivet" };
const TOTAL = "Totalt";
const PREVIOUS = "Föregående period";

const collator = new Intl.Collator("sv");

/** "a", "a och b", "a, b och c". */
export function swedishList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "2025", "jan–jun 2025", "jan–aug 2025", otherwise the two dates. */
export function periodLabel(period: Period): string {
  const year = period.from.slice(0, 4);
  if (period.to.slice(0, 4) === year && period.from.endsWith("-01-01")) {
    if (period.to.endsWith("-12-31")) return year;
    if (period.to.endsWith("-06-30")) return `jan–jun ${year}`;
    if (period.to.endsWith("-08-31")) return `jan–aug ${year}`;
  }
  return `${formatDate(period.from)} – ${formatDate(period.to)}`;
}

function plural(count: CellValue, one: string, many: string): string {
  return count === 1 ? one : many;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

interface Context {
  bundle: ReportBundle;
  report: ReportJson;
  previous: ReportJson;
  hide: Suppressor;
  /** "jan–aug 2025" and "jan–aug 2024". */
  current: string;
  before: string;
}

function column(key: string, label: string, format: TableColumn["format"] = "count"): TableColumn {
  return { key, label, numeric: format !== "text", format };
}

function caption(ctx: Context, what: string): string {
  return `${what}, ${ctx.current}, jämfört med ${ctx.before}`;
}

/** The keys of several label maps, in Swedish alphabetical order. */
function unionKeys(...maps: ReadonlyArray<Record<string, unknown>>): string[] {
  return [...new Set(maps.flatMap((map) => Object.keys(map)))].sort(collator.compare);
}

/** Genders to show: kvinnor and män always, annat when either period has any. */
function gendersIn(...maps: ReadonlyArray<Partial<Record<Gender, unknown>>>): Gender[] {
  return GENDERS.filter((gender) => gender !== "annat" || maps.some((map) => map.annat !== undefined));
}

function genderPhrase(gender: Gender, count: string): string {
  if (gender === "kvinna") return `${count} kvinnor`;
  if (gender === "man") return `${count} män`;
  return `${count} med annat eller ej angivet kön`;
}

function seriesFrom(label: string, cells: CellValue[]): ChartSeries {
  return { label, values: cells.map(chartValue) };
}

/** Bars side by side, a group per label and a series per [name, cells]. */
function groupedChart(
  labels: string[],
  series: Array<[string, CellValue[]]>,
  valueKind: SectionChart["valueKind"],
  horizontal = false,
): SectionChart {
  return { kind: "grouped-bar", horizontal, labels, series: series.map(([label, cells]) => seriesFrom(label, cells)), valueKind };
}

/** This period's bars beside the previous period's. */
function comparisonChart(
  ctx: Context,
  labels: string[],
  now: CellValue[],
  before: CellValue[],
  valueKind: SectionChart["valueKind"],
  horizontal = false,
): SectionChart {
  return groupedChart(labels, [[capitalize(ctx.current), now], [capitalize(ctx.before), before]], valueKind, horizontal);
}

/** The visible counts of a map, largest first (ties in label order); hidden ones are left out. */
function largest(map: Record<string, number>, hide: Suppressor, limit: number): Array<[string, number]> {
  return Object.entries(map)
    .filter(([, count]) => count > 0 && !hide.hides(count))
    .sort(([a, x], [b, y]) => y - x || collator.compare(a, b))
    .slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Sections

function overview(ctx: Context): ReportSection {
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

function kommuner(ctx: Context): ReportSection {
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
    chart: groupedChart(names, [["Aktiva", rows.map((row) => row.aktiva)], ["Nyinskrivna", rows.map((row) => row.nyinskrivna)]], "count"),
    table: {
      caption: caption(ctx, "Aktiva, nyinskrivna och avslutade deltagare samt studiebesök per kommun"),
      columns: [column("kommun", "Kommun", "text"), ...counts.map(([key, label]) => column(key, label))],
      rows,
      footer: [total],
    },
  };
}

function activeByGender(ctx: Context): ReportSection {
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
    r.active.total === 0
      ? "Inga deltagare har haft stöd under perioden."
      : `Av ${hide.countText(r.active.total)} aktiva deltagare var ${swedishList(parts)}.`;
  return {
    id: "kon",
    title: "Aktiva deltagare per kön",
    summary,
    chart: comparisonChart(ctx, rows.map((row) => row.kon), rows.map((row) => row.aktiva), rows.map((row) => row.foregaende), "count"),
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

function activeByAgeGroup(ctx: Context): ReportSection {
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
    chart: comparisonChart(ctx, groups, rows.map((row) => row.aktiva), rows.map((row) => row.foregaende), "count"),
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

const TRAPPAN_COLUMNS = (first: TableColumn): TableColumn[] => [
  first,
  column("matta", "Mätta deltagare"),
  column("uppat", "Steg uppåt"),
  column("andel", "Andel", "share"),
  column("foregaende", "Andel, föregående period", "share"),
];

interface Progression {
  measured: number;
  movedUp: number;
}

interface TrappanCells {
  matta: CellValue;
  uppat: CellValue;
  andel: CellValue;
  foregaende: CellValue;
}

function trappanCells(hide: Suppressor, now: Progression | undefined, then: Progression | undefined): TrappanCells {
  const measured = now?.measured ?? 0;
  const movedUp = now?.movedUp ?? 0;
  return {
    matta: hide.count(measured),
    uppat: hide.count(movedUp),
    andel: hide.share(movedUp, measured),
    foregaende: hide.share(then?.movedUp ?? 0, then?.measured ?? 0),
  };
}

const NOBODY_MEASURED = "Ingen deltagare har placerats i Trappan vid två olika tillfällen under perioden.";

function trappanByGender(ctx: Context): ReportSection {
  const { report: r, previous: p, hide } = ctx;
  const t = r.trappan;
  const genders = gendersIn(t.byGender, p.trappan.byGender);
  const rows = genders.map((gender) => ({
    kon: GENDER_ROW_LABELS[gender],
    ...trappanCells(hide, t.byGender[gender], p.trappan.byGender[gender]),
  }));
  const total = { kon: TOTAL, ...trappanCells(hide, t, p.trappan) };
  let summary: string;
  if (t.measured === 0) summary = NOBODY_MEASURED;
  else if (hide.hides(t.measured)) {
    summary = `${capitalize(hiddenCount(hide.threshold))} deltagare har placerats i Trappan vid två olika tillfällen under perioden, så andelen redovisas inte.`;
  } else {
    const byGender = genders
      .map((gender) => [gender, hide.share(t.byGender[gender]?.movedUp ?? 0, t.byGender[gender]?.measured ?? 0)] as const)
      .filter(([, share]) => typeof share === "number")
      .map(([gender, share]) => `${GENDER_ROW_LABELS[gender].toLowerCase()} ${formatCell(share, "share")}`);
    const share = total.andel;
    const shareText = typeof share === "number" ? ` (${formatRatio(share)})` : "";
    const genderText = byGender.length > 0 ? ` (${byGender.join(", ")})` : "";
    const previousText = typeof total.foregaende === "number" ? `; föregående period ${formatRatio(total.foregaende)}` : "";
    summary =
      `Av ${hide.countText(t.measured)} deltagare med minst två placeringar i Trappan har ${hide.countText(t.movedUp)}` +
      `${shareText} gjort en positiv stegförflyttning${genderText}${previousText}.`;
  }
  return {
    id: "stegforflyttning-kon",
    title: "Stegförflyttning per kön",
    summary,
    chart: comparisonChart(
      ctx,
      [...genders.map((gender) => GENDER_ROW_LABELS[gender]), TOTAL],
      [...rows, total].map((row) => row.andel),
      [...rows, total].map((row) => row.foregaende),
      "share",
    ),
    table: {
      caption: caption(ctx, "Positiv stegförflyttning i Trappan per kön"),
      columns: TRAPPAN_COLUMNS(column("kon", "Kön", "text")),
      rows,
      footer: [total],
    },
    note: "Mätta deltagare har minst två placeringar i Trappan; andelen är steg uppåt delat med mätta.",
  };
}

function trappanByKommun(ctx: Context): ReportSection {
  const { report: r, previous: p, hide } = ctx;
  const t = r.trappan;
  const names = unionKeys(t.byKommun, p.trappan.byKommun);
  const rows = names.map((kommun) => ({ kommun, ...trappanCells(hide, t.byKommun[kommun], p.trappan.byKommun[kommun]) }));
  const total = { kommun: TOTAL, ...trappanCells(hide, t, p.trappan) };
  const shares = rows
    .flatMap((row) => (typeof row.andel === "number" ? [[row.kommun, row.andel] as const] : []))
    .sort(([a, x], [b, y]) => y - x || collator.compare(a, b));
  let summary: string;
  if (t.measured === 0) summary = NOBODY_MEASURED;
  else if (typeof total.andel !== "number") {
    summary = `Andelen med positiv stegförflyttning redovisas inte, eftersom den bygger på ${hiddenCount(hide.threshold)} deltagare.`;
  } else {
    const overall = `Totalt gjorde ${formatRatio(total.andel)} av de ${hide.countText(t.measured)} mätta deltagarna en positiv stegförflyttning`;
    const [high, low] = [shares[0], shares[shares.length - 1]];
    if (shares.length < 2 || high === undefined || low === undefined) summary = `${overall}.`;
    else if (high[1] === low[1]) summary = `${overall}, med samma andel i alla redovisade kommuner.`;
    else summary = `${overall}, med högst andel i ${high[0]} (${formatRatio(high[1])}) och lägst i ${low[0]} (${formatRatio(low[1])}).`;
  }
  return {
    id: "stegforflyttning-kommun",
    title: "Stegförflyttning per kommun",
    summary,
    chart: comparisonChart(ctx, names, rows.map((row) => row.andel), rows.map((row) => row.foregaende), "share"),
    table: {
      caption: caption(ctx, "Positiv stegförflyttning i Trappan per kommun"),
      columns: TRAPPAN_COLUMNS(column("kommun", "Kommun", "text")),
      rows,
      footer: [total],
    },
    note: "Totalen räknas på alla mätta deltagare, inte som ett medelvärde av kommunernas andelar.",
  };
}

/** "1. Isolerad" from "Isolerad – ingen struktur i vardagen, …": the chart's short step name. */
function shortStepLabel(step: string, label: string | undefined): string {
  const name = label?.split(" – ")[0]?.trim();
  return name ? `${step}. ${name}` : `Steg ${step}`;
}

function trappanSteps(ctx: Context): ReportSection {
  const { bundle, report: r, hide } = ctx;
  const t = r.trappan;
  const steps = ["1", "2", "3", "4", "5", "6"];
  const rows = steps.map((step) => ({
    steg: bundle.stepLabels[step] ? `${step}. ${bundle.stepLabels[step]}` : `Steg ${step}`,
    start: hide.count(t.baseline[step] ?? 0),
    senaste: hide.count(t.current[step] ?? 0),
  }));
  const summary =
    t.measured === 0
      ? NOBODY_MEASURED
      : `Av ${hide.countText(t.measured)} mätta deltagare gick ${hide.countText(t.movedUp)} uppåt, ` +
        `${hide.countText(t.unchanged)} stod kvar på samma steg och ${hide.countText(t.movedDown)} gick nedåt.`;
  return {
    id: "trappan",
    title: "Trappan vid start och senaste placering",
    summary,
    chart: groupedChart(
      steps.map((step) => shortStepLabel(step, bundle.stepLabels[step])),
      [["Vid start", rows.map((row) => row.start)], ["Senaste placering", rows.map((row) => row.senaste)]],
      "count",
      true,
    ),
    table: {
      caption: `Mätta deltagare per steg i Trappan vid första och senaste placering, ${ctx.current}`,
      columns: [column("steg", "Steg", "text"), column("start", "Vid start"), column("senaste", "Senaste placering")],
      rows,
      footer: [{ steg: TOTAL, start: hide.count(t.measured), senaste: hide.count(t.measured) }],
    },
  };
}

function skapa(ctx: Context): ReportSection {
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
      `${offered}, och av ${hide.countText(s.assessedTwice)} med minst två skattningar har ` +
      `${withShare(s.progressed, rows[1]!.andel)} visat progression.`;
  }
  return {
    id: "skapa",
    title: "SKAPA: erbjudande och progression",
    summary,
    chart: comparisonChart(ctx, rows.map((row) => row.matt), rows.map((row) => row.andel), rows.map((row) => row.foregaende), "share"),
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

function skapaAreas(ctx: Context): ReportSection {
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
    chart: comparisonChart(ctx, areas, rows.map((row) => row.forandring), rows.map((row) => row.foregaende), "change", true),
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

function referralsByReferrer(ctx: Context): ReportSection {
  const { report: r, previous: p, hide } = ctx;
  const names = unionKeys(r.referrals.byReferrer, p.referrals.byReferrer, r.active.byReferrer);
  const rows = names.map((referrer) => ({
    remittent: referrer,
    remisser: hide.count(r.referrals.byReferrer[referrer] ?? 0),
    foregaende: hide.count(p.referrals.byReferrer[referrer] ?? 0),
    aktiva: hide.count(r.active.byReferrer[referrer] ?? 0),
  }));
  const total = r.referrals.total;
  const top = largest(r.referrals.byReferrer, hide, 2).map(([name, count]) => `${name} (${formatNumber(count)})`);
  let summary: string;
  if (total === 0) summary = "Inga remisser har kommit in under perioden.";
  else {
    const enrolled = `${hide.countText(r.referrals.byDecision.inskriven ?? 0)} ledde till inskrivning`;
    const from =
      Object.keys(r.referrals.byReferrer).length === 1
        ? `; samtliga kom från ${Object.keys(r.referrals.byReferrer)[0]}`
        : top.length > 0
          ? `; flest kom från ${swedishList(top)}`
          : "";
    summary = `Under perioden kom ${hide.countText(total)} ${plural(hide.count(total), "remiss", "remisser")} in, varav ${enrolled}${from}.`;
  }
  return {
    id: "remittenter",
    title: "Remisser per remittent",
    summary,
    chart: comparisonChart(ctx, names, rows.map((row) => row.remisser), rows.map((row) => row.foregaende), "count", true),
    table: {
      caption: caption(ctx, "Remisser per remittent, och aktiva deltagare per remittent"),
      columns: [
        column("remittent", "Remittent", "text"),
        column("remisser", "Remisser"),
        column("foregaende", "Remisser, föregående period"),
        column("aktiva", "Aktiva deltagare"),
      ],
      rows,
      footer: [
        { remittent: TOTAL, remisser: hide.count(total), foregaende: hide.count(p.referrals.total), aktiva: hide.count(r.active.total) },
      ],
    },
  };
}

function referralsByKommun(ctx: Context): ReportSection {
  const { report: r, previous: p, hide } = ctx;
  const names = unionKeys(r.referrals.byKommun, p.referrals.byKommun);
  const rows = names.map((kommun) => ({
    kommun,
    remisser: hide.count(r.referrals.byKommun[kommun] ?? 0),
    foregaende: hide.count(p.referrals.byKommun[kommun] ?? 0),
  }));
  const total = r.referrals.total;
  const parts = Object.entries(r.referrals.byKommun).map(([kommun, count]) => `${kommun} ${hide.countText(count)}`);
  const summary =
    total === 0
      ? "Inga remisser har kommit in under perioden."
      : `Under perioden kom ${hide.countText(total)} ${plural(hide.count(total), "remiss", "remisser")} in (${parts.join(", ")}).`;
  return {
    id: "remisser-kommun",
    title: "Remisser per kommun",
    summary,
    chart: comparisonChart(ctx, names, rows.map((row) => row.remisser), rows.map((row) => row.foregaende), "count"),
    table: {
      caption: caption(ctx, "Remisser per kommun"),
      columns: [column("kommun", "Kommun", "text"), column("remisser", "Remisser"), column("foregaende", PREVIOUS)],
      rows,
      footer: [{ kommun: TOTAL, remisser: hide.count(total), foregaende: hide.count(p.referrals.total) }],
    },
  };
}

const UNCATEGORISED = "Ej kategoriserad";

/**
 * The category of a closure reason as the förbund has configured it. Only a closure without a
 * reason (imported history) has none and is shown as "Ej kategoriserad".
 */
function closureCategory(bundle: ReportBundle, reason: string): ClosureCategory | null {
  return bundle.closureReasonCategories[reason] ?? null;
}

const CATEGORY_ORDER: Array<ClosureCategory | null> = ["positive", "negative", null];

function closures(ctx: Context): ReportSection {
  const { bundle, report: r, previous: p, hide } = ctx;
  const defaultOrder = DEFAULT_CLOSURE_REASONS.map((reason) => reason.label);
  const rank = (reason: string) => {
    const index = defaultOrder.indexOf(reason);
    return index === -1 ? defaultOrder.length : index;
  };
  const reasons = unionKeys(r.closed.byReason, p.closed.byReason).sort(
    (a, b) =>
      CATEGORY_ORDER.indexOf(closureCategory(bundle, a)) - CATEGORY_ORDER.indexOf(closureCategory(bundle, b)) ||
      rank(a) - rank(b) ||
      collator.compare(a, b),
  );
  const rows = reasons.map((reason) => {
    const category = closureCategory(bundle, reason);
    return {
      skal: reason,
      kategori: category === null ? UNCATEGORISED : CLOSURE_CATEGORY_LABELS[category],
      antal: hide.count(r.closed.byReason[reason] ?? 0),
      foregaende: hide.count(p.closed.byReason[reason] ?? 0),
    };
  });
  const categoryTotal = (category: ClosureCategory) => ({
    skal: `${CLOSURE_CATEGORY_LABELS[category]}, totalt`,
    kategori: "",
    antal: hide.count(r.closed.byCategory[category]),
    foregaende: hide.count(p.closed.byCategory[category]),
  });
  const c = r.closed;
  const summary =
    c.total === 0
      ? "Ingen deltagare har avslutats under perioden."
      : `Totalt avslutades ${hide.countText(c.total)} deltagare under perioden, varav ${hide.countText(c.byCategory.positive)} ` +
        `med positiv eller potentiellt positiv förändring och ${hide.countText(c.byCategory.negative)} utan förändring ` +
        `eller med negativ förändring; ${hide.countText(c.withPlanAfter)} hade en planering efter avslutet.`;
  const series: ChartSeries[] = CATEGORY_ORDER.filter((category) =>
    rows.some((row) => row.kategori === (category === null ? UNCATEGORISED : CLOSURE_CATEGORY_LABELS[category])),
  ).map((category) => {
    const label = category === null ? UNCATEGORISED : CLOSURE_CATEGORY_LABELS[category];
    return { label, values: rows.map((row) => (row.kategori === label ? chartValue(row.antal) : null)) };
  });
  return {
    id: "avslut",
    title: "Avslut och avslutsskäl",
    summary,
    chart: { kind: "stacked-bar", horizontal: true, labels: reasons, series, valueKind: "count" },
    table: {
      caption: caption(ctx, "Avslutade deltagare per avslutsskäl"),
      columns: [
        column("skal", "Avslutsskäl", "text"),
        column("kategori", "Kategori", "text"),
        column("antal", "Antal"),
        column("foregaende", PREVIOUS),
      ],
      rows,
      footer: [
        categoryTotal("positive"),
        categoryTotal("negative"),
        { skal: TOTAL, kategori: "", antal: hide.count(c.total), foregaende: hide.count(p.closed.total) },
      ],
    },
  };
}

function support(ctx: Context): ReportSection {
  const { report: r, previous: p, hide } = ctx;
  const types = unionKeys(r.support.byType, p.support.byType);
  const rows = types.map((type) => ({
    stodinsats: type,
    antal: hide.count(r.support.byType[type]?.total ?? 0),
    hojd: hide.count(r.support.byType[type]?.raisedActivity ?? 0),
    foregaende: hide.count(p.support.byType[type]?.raisedActivity ?? 0),
  }));
  const s = r.support;
  const summary =
    s.total === 0
      ? "Inga nya eller utökade stödinsatser har registrerats under perioden."
      : `Under perioden har ${hide.countText(s.total)} ${plural(hide.count(s.total), "ny eller utökad stödinsats", "nya eller utökade stödinsatser")} ` +
        `registrerats, varav ${hide.countText(s.raisedActivity)} innebar en höjd aktivitetsnivå.`;
  return {
    id: "stodinsatser",
    title: "Stödinsatser och höjd aktivitetsnivå",
    summary,
    chart: groupedChart(
      types,
      [["Stödinsatser", rows.map((row) => row.antal)], ["Varav höjd aktivitetsnivå", rows.map((row) => row.hojd)]],
      "count",
      true,
    ),
    table: {
      caption: caption(ctx, "Nya eller utökade stödinsatser och höjd aktivitetsnivå per typ"),
      columns: [
        column("stodinsats", "Stödinsats", "text"),
        column("antal", "Antal"),
        column("hojd", "Varav höjd aktivitetsnivå"),
        column("foregaende", "Höjd aktivitetsnivå, föregående period"),
      ],
      rows,
      footer: [
        { stodinsats: TOTAL, antal: hide.count(s.total), hojd: hide.count(s.raisedActivity), foregaende: hide.count(p.support.raisedActivity) },
      ],
    },
  };
}

/**
 * FOV by kön is hidden below the threshold always. A total is shown only when none of its
 * by-kön cells is hidden: otherwise subtracting the shown cells from it would give the hidden one.
 */
function fov(ctx: Context): ReportSection {
  const { report: r, hide } = ctx;
  const f = r.fov;
  const genders = gendersIn(f.answeredByGender, f.yesByGender);
  const rows = genders.map((gender) => ({
    kon: GENDER_ROW_LABELS[gender],
    besvarat: hide.count(f.answeredByGender[gender] ?? 0, true),
    ja: hide.count(f.yesByGender[gender] ?? 0, true),
  }));
  type Key = "besvarat" | "ja";
  const totalCell = (key: Key, count: number) => (rows.some((row) => typeof row[key] === "string") ? NO_VALUE : hide.count(count));
  const total = { kon: TOTAL, besvarat: totalCell("besvarat", f.answered), ja: totalCell("ja", f.yes) };
  // "23 kvinnor och 15 män": annat only when there is something to say about it.
  const byGender = (key: Key) =>
    swedishList(
      genders
        .map((gender, i) => [gender, rows[i]![key]] as const)
        .filter(([gender, cell]) => gender !== "annat" || cell !== 0)
        .map(([gender, cell]) => genderPhrase(gender, formatCell(cell, "count"))),
    );
  let summary: string;
  if (f.answered === 0) summary = "Ingen deltagare har svarat på frågor om våld under perioden.";
  else {
    const answered = typeof total.besvarat === "number" ? `${formatNumber(total.besvarat)} deltagare` : byGender("besvarat");
    const yes =
      f.yes === 0
        ? "ingen av dem har svarat ja"
        : typeof total.ja === "number"
          ? `${formatNumber(total.ja)} av dem har svarat ja (${byGender("ja")})`
          : `av dem har ${byGender("ja")} svarat ja`;
    summary = `Under perioden har ${answered} svarat på frågor om våld, och ${yes}.`;
  }
  return {
    id: "fov",
    title: "Frågor om våld (FOV) per kön",
    summary,
    chart: groupedChart(
      rows.map((row) => row.kon),
      [["Besvarat", rows.map((row) => row.besvarat)], ["Svarat ja", rows.map((row) => row.ja)]],
      "count",
    ),
    table: {
      caption: `Deltagare som svarat på frågor om våld och som svarat ja, per kön, ${ctx.current}`,
      columns: [column("kon", "Kön", "text"), column("besvarat", "Besvarat (ja eller nej)"), column("ja", "Svarat ja")],
      rows,
      footer: [total],
    },
    note:
      `Svar om våld per kön visas aldrig för ${hiddenCount(hide.threshold)} personer, och en summa som ` +
      "skulle avslöja ett dolt tal visas som –.",
  };
}

function goalCell(hide: Suppressor, row: GoalRow, outcome: GoalOutcome | undefined): CellValue {
  if (outcome === undefined) return NO_VALUE;
  return row.kind === "share" ? hide.share(outcome.numerator, outcome.denominator) : hide.count(outcome.numerator);
}

function goals(ctx: Context): ReportSection | null {
  const { bundle, hide } = ctx;
  if (bundle.goals.length === 0) return null;
  const withAnnat = bundle.goals.some((row) => row.byGender.annat !== undefined);
  const rows = bundle.goals.map((row) => ({
    mal: row.label,
    format: row.kind,
    malvarde: row.target,
    utfall: goalCell(hide, row, row.outcome),
    kvinnor: goalCell(hide, row, row.byGender.kvinna),
    man: goalCell(hide, row, row.byGender.man),
    ...(withAnnat ? { annat: goalCell(hide, row, row.byGender.annat) } : {}),
    foregaende: goalCell(hide, row, row.previous),
    bedomning: achievementLabel(row.achieved),
  }));
  const achieved = bundle.goals.filter((row) => row.achieved);
  const n = bundle.goals.length;
  let summary: string;
  const quoted = (row: GoalRow) => `”${row.label}”`;
  if (n === 1) summary = `Målet ${quoted(bundle.goals[0]!)} är ${achieved.length === 1 ? "uppnått" : "inte uppnått"} under perioden.`;
  else if (achieved.length === n) summary = `Alla ${n} mål är uppnådda under perioden.`;
  else if (achieved.length === 0) summary = `Inget av de ${n} målen är uppnått under perioden.`;
  else {
    summary =
      `${achieved.length} av ${n} mål är ${achieved.length === 1 ? "uppnått" : "uppnådda"} under perioden: ` +
      `${swedishList(achieved.map(quoted))}.`;
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
        valued("share", "malvarde", "Målvärde"),
        valued("share", "utfall", "Utfall"),
        valued("share", "kvinnor", "Kvinnor"),
        valued("share", "man", "Män"),
        ...(withAnnat ? [valued("share", "annat", "Annat/ej angivet")] : []),
        valued("share", "foregaende", PREVIOUS),
        column("bedomning", "Bedömning", "text"),
      ],
      rows,
      footer: [],
    },
    note: "Ett mål är uppnått när utfallet når målvärdet; ett mål utan något att mäta är inte uppnått.",
  };
}

/** Every section of the report, in the order of a förbund's statistics chapter. */
export function reportSections(bundle: ReportBundle): ReportSection[] {
  const ctx: Context = {
    bundle,
    report: bundle.report,
    previous: bundle.previous,
    hide: suppressor(bundle.smallNumberThreshold, bundle.suppressSmallNumbers),
    current: periodLabel(bundle.query.period),
    before: periodLabel(bundle.previousPeriod),
  };
  const sections: Array<ReportSection | null> = [
    overview(ctx),
    goals(ctx),
    kommuner(ctx),
    activeByGender(ctx),
    activeByAgeGroup(ctx),
    trappanByGender(ctx),
    trappanByKommun(ctx),
    trappanSteps(ctx),
    skapa(ctx),
    skapaAreas(ctx),
    referralsByReferrer(ctx),
    referralsByKommun(ctx),
    closures(ctx),
    support(ctx),
    fov(ctx),
  ];
  return sections.filter((section): section is ReportSection => section !== null);
}

export interface ReportMeta {
  title: string;
  organisation: string;
  period: string;
  comparison: string;
  filters: string;
  suppression: string;
}

/** The lines above the sections: what the report covers and how small numbers are shown. */
export function reportMeta(bundle: ReportBundle): ReportMeta {
  const { period, insats, kommun } = bundle.query;
  const label = periodLabel(period);
  const dates = `${formatDate(period.from)} – ${formatDate(period.to)}`;
  const threshold = hiddenCount(bundle.smallNumberThreshold);
  return {
    title: `Statistik ${label}`,
    organisation: bundle.organisationName,
    period: label === dates ? `Period: ${dates}` : `Period: ${capitalize(label)} (${dates})`,
    comparison: `Jämförelse: ${periodLabel(bundle.previousPeriod)}`,
    filters: `Insats: ${insats ?? "alla insatser"}. Kommun: ${kommun ?? "alla kommuner"}.`,
    suppression: bundle.suppressSmallNumbers
      ? `Små tal är dolda: antal under ${bundle.smallNumberThreshold} visas som ”${threshold}”, och andelar som bygger på dem visas som –.`
      : `Alla tal visas, utom svar om våld per kön: där visas antal under ${bundle.smallNumberThreshold} alltid som ”${threshold}”.`,
  };
}
