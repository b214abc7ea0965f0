// Trappan: step progression per kön and per kommun, and where participants stand.
import { NO_VALUE } from "~/domain/statistics/disclosure/shown";
import { formatNumber, formatRatio } from "~/utils/format";
import { type CellValue, formatCell, shadeLevel, type TableColumn, type TableRow } from "../cells";
import {
  capitalize,
  caption,
  collator,
  column,
  comparisonChart,
  type Context,
  countPhrase,
  GENDER_ROW_LABELS,
  gendersIn,
  groupedChart,
  type ReportSection,
  seriesFrom,
  TOTAL,
  unionKeys,
} from "./model";

const TRAPPAN_COLUMNS = (first: TableColumn): TableColumn[] => [
  first,
  column("matta", "Mätta deltagare"),
  column("uppat", "Steg uppåt"),
  column("andel", "Andel", "share"),
  column("foregaende", "Andel, föregående period", "share"),
];

/** A shown Trappan group: the counts and the share the protection module shows for them. */
interface Progression {
  measured: CellValue;
  movedUp: CellValue;
  share: CellValue;
}

interface TrappanCells {
  matta: CellValue;
  uppat: CellValue;
  andel: CellValue;
  foregaende: CellValue;
}

function trappanCells(now: Progression | undefined, then: Progression | undefined): TrappanCells {
  return { matta: now?.measured ?? 0, uppat: now?.movedUp ?? 0, andel: now?.share ?? NO_VALUE, foregaende: then?.share ?? NO_VALUE };
}

const NOBODY_MEASURED = "Ingen deltagare har placerats i Trappan vid två olika tillfällen under perioden.";

export function trappanByGender(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const t = r.trappan;
  const genders = gendersIn(t.byGender, p.trappan.byGender);
  const rows = genders.map((gender) => ({
    kon: GENDER_ROW_LABELS[gender],
    ...trappanCells(t.byGender[gender], p.trappan.byGender[gender]),
  }));
  const total = { kon: TOTAL, ...trappanCells(t, p.trappan) };
  let summary: string;
  if (t.measured === 0) summary = NOBODY_MEASURED;
  else if (typeof t.measured === "string") {
    summary = `${capitalize(countPhrase(t.measured))} deltagare har placerats i Trappan vid två olika tillfällen under perioden, så andelen redovisas inte.`;
  } else {
    const byGender = genders
      .map((gender, i) => [gender, rows[i]!.andel] as const)
      .filter(([, share]) => typeof share === "number")
      .map(([gender, share]) => `${GENDER_ROW_LABELS[gender].toLowerCase()} ${formatCell(share, "share")}`);
    const share = total.andel;
    const shareText = typeof share === "number" ? ` (${formatRatio(share)})` : "";
    const genderText = byGender.length > 0 ? ` (${byGender.join(", ")})` : "";
    const previousText = typeof total.foregaende === "number" ? `; föregående period ${formatRatio(total.foregaende)}` : "";
    summary =
      `Av ${countPhrase(t.measured)} deltagare med minst två placeringar i Trappan har ${countPhrase(t.movedUp)}` +
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

export function trappanByKommun(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const t = r.trappan;
  const names = unionKeys(t.byKommun, p.trappan.byKommun);
  const rows = names.map((kommun) => ({ kommun, ...trappanCells(t.byKommun[kommun], p.trappan.byKommun[kommun]) }));
  const total = { kommun: TOTAL, ...trappanCells(t, p.trappan) };
  const shares = rows
    .flatMap((row) => (typeof row.andel === "number" ? [[row.kommun, row.andel] as const] : []))
    .sort(([a, x], [b, y]) => y - x || collator.compare(a, b));
  let summary: string;
  if (t.measured === 0) summary = NOBODY_MEASURED;
  else if (typeof total.andel !== "number" || typeof t.measured !== "number") {
    summary = "Andelen med positiv stegförflyttning redovisas inte, eftersom den skulle avslöja ett litet tal.";
  } else {
    const overall = `Totalt gjorde ${formatRatio(total.andel)} av de ${formatNumber(t.measured)} mätta deltagarna en positiv stegförflyttning`;
    // A kommun whose share is kept back may lie outside the shown ones: rank the shown ones only.
    const among = rows.some((row) => row.andel === NO_VALUE && row.matta !== 0) ? " bland de kommuner som redovisas" : "";
    const [high, low] = [shares[0], shares[shares.length - 1]];
    if (shares.length < 2 || high === undefined || low === undefined) summary = `${overall}.`;
    else if (high[1] === low[1]) summary = `${overall}, med samma andel i alla redovisade kommuner.`;
    else summary = `${overall}, med högst andel i ${high[0]} (${formatRatio(high[1])}) och lägst i ${low[0]} (${formatRatio(low[1])})${among}.`;
  }
  return {
    id: "stegforflyttning-kommun",
    title: "Stegförflyttning per kommun",
    summary,
    chart: comparisonChart(
      ctx,
      names,
      rows.map((row) => row.andel),
      rows.map((row) => row.foregaende),
      "share",
    ),
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

export function trappanSteps(ctx: Context): ReportSection {
  const { bundle, now: r } = ctx;
  const t = r.trappan;
  const steps = ["1", "2", "3", "4", "5", "6"];
  const rows = steps.map((step) => ({
    steg: bundle.stepLabels[step] ? `${step}. ${bundle.stepLabels[step]}` : `Steg ${step}`,
    start: t.baseline[step] ?? 0,
    senaste: t.current[step] ?? 0,
  }));
  const summary =
    t.measured === 0
      ? NOBODY_MEASURED
      : `Av ${countPhrase(t.measured)} mätta deltagare gick ${countPhrase(t.movedUp)} uppåt, ` +
        `${countPhrase(t.unchanged)} stod kvar på samma steg och ${countPhrase(t.movedDown)} gick nedåt.`;
  return {
    id: "trappan",
    title: "Trappan vid start och senaste placering",
    summary,
    chart: groupedChart(
      steps.map((step) => shortStepLabel(step, bundle.stepLabels[step])),
      [
        ["Vid start", rows.map((row) => row.start)],
        ["Senaste placering", rows.map((row) => row.senaste)],
      ],
      "count",
      true,
    ),
    table: {
      caption: `Mätta deltagare per steg i Trappan vid första och senaste placering, ${ctx.current}`,
      columns: [column("steg", "Steg", "text"), column("start", "Vid start"), column("senaste", "Senaste placering")],
      rows,
      footer: [{ steg: TOTAL, start: t.measured, senaste: t.measured }],
    },
  };
}

const STEP_KEYS = ["1", "2", "3", "4", "5", "6"] as const;

/**
 * Where the measured participants moved: step at baseline (rows) × step at the latest placement
 * (columns), each cell shaded by its size, and a bar per baseline step stacked by the step reached.
 */
export function trappanTransitions(ctx: Context): ReportSection {
  const { bundle, now: r } = ctx;
  const t = r.trappan;
  const cell = (from: string, to: string): CellValue => t.transitions[from]?.[to] ?? 0;
  const max = Math.max(0, ...STEP_KEYS.flatMap((from) => STEP_KEYS.map((to) => cell(from, to))).filter((value): value is number => typeof value === "number"));
  const rows: TableRow[] = STEP_KEYS.map((from) => ({
    start: shortStepLabel(from, bundle.stepLabels[from]),
    ...Object.fromEntries(
      STEP_KEYS.flatMap((to) => [
        [`c${to}`, cell(from, to)],
        [`shade${to}`, shadeLevel(cell(from, to), max)],
      ]),
    ),
    totalt: t.baseline[from] ?? 0,
  }));
  let summary: string;
  if (t.measured === 0) summary = NOBODY_MEASURED;
  else {
    // The largest shown move upwards, in the words of the styrgrupp: "flest gick från steg 2 till steg 4".
    const moves = STEP_KEYS.flatMap((from) =>
      STEP_KEYS.filter((to) => to > from).flatMap((to) => {
        const value = cell(from, to);
        return typeof value === "number" && value > 0 ? [{ from, to, value }] : [];
      }),
    ).sort((a, b) => b.value - a.value || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
    const top = moves[0];
    const most = top === undefined ? "" : ` Den vanligaste förflyttningen uppåt var från steg ${top.from} till steg ${top.to} (${countPhrase(top.value)}).`;
    summary = `Av ${countPhrase(t.measured)} mätta deltagare gick ${countPhrase(t.movedUp)} uppåt, ${countPhrase(t.unchanged)} stod kvar och ${countPhrase(t.movedDown)} gick nedåt.${most}`;
  }
  const series = STEP_KEYS.map((to) =>
    seriesFrom(
      `Senaste: steg ${to}`,
      STEP_KEYS.map((from) => cell(from, to)),
    ),
  );
  return {
    id: "trappan-forflyttning",
    title: "Förflyttning i Trappan",
    summary,
    chart: { kind: "stacked-bar", horizontal: true, labels: STEP_KEYS.map((from) => `Start: steg ${from}`), series, valueKind: "count" },
    table: {
      caption: `Mätta deltagare per steg vid start (rader) och vid senaste placering (kolumner), ${ctx.current}`,
      columns: [
        column("start", "Steg vid start", "text"),
        ...STEP_KEYS.map((to): TableColumn => ({ ...column(`c${to}`, `Senaste: steg ${to}`), shadeKey: `shade${to}` })),
        column("totalt", TOTAL),
      ],
      rows,
      footer: [{ start: TOTAL, ...Object.fromEntries(STEP_KEYS.map((to) => [`c${to}`, t.current[to] ?? 0])), totalt: t.measured }],
    },
    note: "Rutor ovanför diagonalen är steg uppåt, under diagonalen steg nedåt; ju mörkare ruta, desto fler deltagare.",
  };
}
