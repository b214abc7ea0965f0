// Where closures led: reasons per kommun, the last Trappan step at closure, the förbund's outcome
// groups, and the participants' own view at closure.
import { HIDDEN_MARK, shareOf } from "~/domain/statistics/disclosure/shown";
import { formatCell } from "../cells";
import { sortReasons } from "./closures";
import {
  caption,
  type CellValue,
  column,
  comparisonChart,
  type Context,
  countPhrase,
  GENDER_ROW_LABELS,
  gendersIn,
  largest,
  PREVIOUS,
  type ReportSection,
  swedishList,
  type TableColumn,
  type TableRow,
  TOTAL,
  unionKeys,
} from "./model";

const STEPS = ["1", "2", "3", "4", "5", "6"] as const;
const NOBODY_CLOSED = "Ingen deltagare har avslutats under perioden.";

/** Columns for labels a förbund has typed: keyed by position, since a label may be any text. */
function labelColumns(labels: readonly string[], prefix: string): TableColumn[] {
  return labels.map((label, index) => column(`${prefix}${index}`, label));
}

export function closuresByKommun(ctx: Context): ReportSection {
  const { bundle, now: r } = ctx;
  const c = r.closed;
  const kommuner = unionKeys(c.byKommun);
  const reasons = sortReasons(bundle, unionKeys(c.byReason, c.byReasonByKommun));
  const cells = (byKommun: Record<string, CellValue> | undefined): TableRow =>
    Object.fromEntries(kommuner.map((kommun, index) => [`k${index}`, byKommun?.[kommun] ?? 0]));
  const rows = reasons.map((reason) => ({ skal: reason, ...cells(c.byReasonByKommun[reason]), totalt: c.byReason[reason] ?? 0 }));
  const summary =
    c.total === 0
      ? NOBODY_CLOSED
      : `Tabellen visar de ${countPhrase(c.total)} avslutade deltagarnas avslutsskäl i ${kommuner.length === 1 ? "en kommun" : `${kommuner.length} kommuner`}.`;
  return {
    id: "avslut-kommun",
    title: "Avslutsskäl per kommun",
    summary,
    table: {
      caption: `Avslutade deltagare per avslutsskäl och kommun, ${ctx.current}`,
      columns: [column("skal", "Avslutsskäl", "text"), ...labelColumns(kommuner, "k"), column("totalt", TOTAL)],
      rows,
      footer: [{ skal: TOTAL, ...cells(c.byKommun), totalt: c.total }],
    },
  };
}

/** "4 Arbete och 2 Hel sjukersättning", the shown counts largest first; "bland annat" when some are not named. */
function reasonList(byReason: Record<string, CellValue>, total: CellValue): string {
  const named = largest(byReason, 4);
  if (named.length === 0) return "";
  const sum = named.reduce((acc, [, count]) => acc + count, 0);
  const list = swedishList(named.map(([reason, count]) => `${countPhrase(count)} ${reason.toLowerCase()}`));
  return sum === total ? list : `bland annat ${list}`;
}

export function closuresByLastStep(ctx: Context): ReportSection {
  const { bundle, now: r, then: p } = ctx;
  const c = r.closed;
  const withPlacement = r.trappan.closedWithPlacement;
  const reasons = sortReasons(bundle, unionKeys(c.byReasonByLastStep));
  const stepCells = (byStep: Record<string, CellValue> | undefined): TableRow => Object.fromEntries(STEPS.map((step) => [`s${step}`, byStep?.[step] ?? 0]));
  const rows = reasons.map((reason) => {
    const byStep = c.byReasonByLastStep[reason];
    return { skal: reason, ...stepCells(byStep), totalt: sumOrMark(STEPS.map((step) => byStep?.[step] ?? 0)) };
  });
  let summary: string;
  if (withPlacement === 0) summary = "Ingen deltagare som avslutats under perioden hade en placering i Trappan.";
  else {
    const top = c.byLastStep["6"] ?? 0;
    const atTop = Object.fromEntries(reasons.map((reason) => [reason, c.byReasonByLastStep[reason]?.["6"] ?? 0]));
    const list = top === 0 ? "" : reasonList(atTop, top);
    summary =
      `Av ${countPhrase(withPlacement)} avslutade deltagare med en placering i Trappan hade ${countPhrase(top)} nått det högsta steget` +
      `${list === "" ? "" : `: ${list}`}.`;
  }
  return {
    id: "avslut-steg",
    title: "Avslut efter sista steget i Trappan",
    summary,
    chart: comparisonChart(
      ctx,
      STEPS.map((step) => `Steg ${step}`),
      STEPS.map((step) => c.byLastStep[step] ?? 0),
      STEPS.map((step) => p.closed.byLastStep[step] ?? 0),
      "count",
    ),
    table: {
      caption: `Avslutade deltagare per avslutsskäl och sista steg i Trappan före avslutet, ${ctx.current}`,
      columns: [column("skal", "Avslutsskäl", "text"), ...STEPS.map((step) => column(`s${step}`, `Steg ${step}`)), column("totalt", TOTAL)],
      rows,
      footer: [{ skal: TOTAL, ...stepCells(c.byLastStep), totalt: withPlacement }],
    },
    note: `Sista steget är den senaste placeringen i Trappan på eller före avslutsdagen; avslutade utan placering ingår inte. ${
      bundle.stepLabels["6"] ? `Steg 6: ${bundle.stepLabels["6"]}.` : ""
    }`.trim(),
  };
}

/** A row total from its shown cells, or "dolt" when a cell is kept back: the row may not be worked out. */
function sumOrMark(cells: CellValue[]): CellValue {
  let sum = 0;
  for (const cell of cells) {
    if (typeof cell !== "number") return HIDDEN_MARK;
    sum += cell;
  }
  return sum;
}

export function outcomeGroups(ctx: Context): ReportSection | null {
  const { bundle, now: r, then: p } = ctx;
  const configured = bundle.outcomeGroups.map((group) => group.name);
  const names = [...configured.filter((name) => name in r.closed.byGroup || name in p.closed.byGroup)];
  for (const name of Object.keys(r.closed.byGroup)) if (!names.includes(name)) names.push(name);
  if (names.length === 0) return null;
  const rows = names.map((name) => {
    const now = r.closed.byGroup[name] ?? 0;
    const before = p.closed.byGroup[name] ?? 0;
    return {
      grupp: name,
      antal: now,
      andel: shareOf(now, r.closed.total),
      foregaende: before,
      foregaendeAndel: shareOf(before, p.closed.total),
      skal: swedishList(bundle.outcomeGroups.find((group) => group.name === name)?.reasons ?? []),
    };
  });
  let summary: string;
  if (r.closed.total === 0) summary = NOBODY_CLOSED;
  else {
    const parts = rows.map((row) => {
      const share = typeof row.andel === "number" ? ` (${formatCell(row.andel, "share")})` : "";
      return `${countPhrase(row.antal)}${share} ${row.grupp.toLowerCase()}`;
    });
    summary = `Av ${countPhrase(r.closed.total)} avslutade deltagare avslutades ${swedishList(parts)}.`;
  }
  return {
    id: "utfallsgrupper",
    title: "Avslut per utfallsgrupp",
    summary,
    chart: comparisonChart(
      ctx,
      names,
      rows.map((row) => row.andel),
      rows.map((row) => row.foregaendeAndel),
      "share",
      true,
    ),
    table: {
      caption: caption(ctx, "Avslutade deltagare per utfallsgrupp och andel av alla avslutade"),
      columns: [
        column("grupp", "Utfallsgrupp", "text"),
        column("antal", "Antal"),
        column("andel", "Andel av avslutade", "share"),
        column("foregaende", PREVIOUS),
        column("foregaendeAndel", "Andel, föregående period", "share"),
        column("skal", "Avslutsskäl i gruppen", "text"),
      ],
      rows,
      // No share or reasons beside the total: the cells are left empty.
      footer: [{ grupp: "Alla avslutade", antal: r.closed.total, foregaende: p.closed.total }],
    },
    note: "Ett avslutsskäl kan ingå i flera grupper, så grupperna kan tillsammans bli fler än alla avslutade. Förbundschefen bestämmer grupperna under Administration.",
  };
}

const SURVEY_LABELS = {
  support: "Upplevt stöd",
  influence: "Upplevt inflytande",
  readiness: "Ökad beredskap för arbete eller studier",
} as const;

const SURVEY_KEYS = Object.keys(SURVEY_LABELS) as Array<keyof typeof SURVEY_LABELS>;

export function survey(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const genders = gendersIn(...SURVEY_KEYS.flatMap((key) => [r.survey[key].answeredByGender, p.survey[key].answeredByGender]));
  const rows: TableRow[] = SURVEY_KEYS.flatMap((key) => {
    const now = r.survey[key];
    const before = p.survey[key];
    const total = {
      fraga: SURVEY_LABELS[key],
      kon: TOTAL,
      besvarat: now.answered,
      ja: now.yes,
      andel: shareOf(now.yes, now.answered),
      foregaende: shareOf(before.yes, before.answered),
    };
    const byGender = genders.map((gender) => ({
      fraga: SURVEY_LABELS[key],
      kon: GENDER_ROW_LABELS[gender],
      besvarat: now.answeredByGender[gender] ?? 0,
      ja: now.yesByGender[gender] ?? 0,
      andel: shareOf(now.yesByGender[gender] ?? 0, now.answeredByGender[gender] ?? 0),
      foregaende: shareOf(before.yesByGender[gender] ?? 0, before.answeredByGender[gender] ?? 0),
    }));
    return [total, ...byGender];
  });
  const answeredAny = SURVEY_KEYS.some((key) => r.survey[key].answered !== 0);
  let summary: string;
  if (!answeredAny) summary = "Ingen deltagare som avslutats under perioden har besvarat frågorna om stöd, inflytande och beredskap.";
  else {
    const parts = SURVEY_KEYS.map((key) => {
      const q = r.survey[key];
      const share = shareOf(q.yes, q.answered);
      const shareText = typeof share === "number" ? ` (${formatCell(share, "share")})` : "";
      return `${countPhrase(q.yes)} av ${countPhrase(q.answered)}${shareText} ${SURVEY_LABELS[key].toLowerCase()}`;
    });
    summary = `Vid avslutet svarade ${swedishList(parts)}.`;
  }
  return {
    id: "deltagarnas-bedomning",
    title: "Deltagarnas egen bedömning vid avslut",
    summary,
    chart: comparisonChart(
      ctx,
      SURVEY_KEYS.map((key) => SURVEY_LABELS[key]),
      SURVEY_KEYS.map((key) => shareOf(r.survey[key].yes, r.survey[key].answered)),
      SURVEY_KEYS.map((key) => shareOf(p.survey[key].yes, p.survey[key].answered)),
      "share",
      true,
    ),
    table: {
      caption: caption(ctx, "Avslutade deltagare som svarat ja, per fråga och kön"),
      columns: [
        column("fraga", "Fråga", "text"),
        column("kon", "Kön", "text"),
        column("besvarat", "Besvarat"),
        column("ja", "Svarat ja"),
        column("andel", "Andel ja", "share"),
        column("foregaende", "Andel ja, föregående period", "share"),
      ],
      rows,
      footer: [],
    },
    note: "Frågorna ställs vid avslutet. Andelen räknas på dem som besvarat frågan; avslutade utan svar ingår inte.",
  };
}
