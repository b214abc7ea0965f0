// Försörjning: what the participants lived on when they came and when they left, how it moved
// for those who left, and the changes recorded along the way (seed 002: "unga med
// aktivitetsersättning"; seed 003: "20 fall av nytt försörjningsmedel").
import { DEFAULT_INCOME_SOURCES } from "~/domain/reference-defaults";
import { INCOME_NOT_GIVEN } from "~/domain/statistics";
import { formatNumber } from "~/utils/format";
import { type CellValue } from "../cells";
import {
  capitalize,
  caption,
  collator,
  column,
  comparisonChart,
  type Context,
  countPhrase,
  holdsHidden,
  largest,
  PREVIOUS,
  type ReportSection,
  seriesFrom,
  swedishList,
  TOTAL,
  unionKeys,
} from "./model";

/** The default list's order first, then other labels alphabetically, "ej angiven" last. */
function sourceOrder(...maps: ReadonlyArray<Record<string, unknown>>): string[] {
  const rank = (label: string) => {
    if (label === INCOME_NOT_GIVEN) return DEFAULT_INCOME_SOURCES.length + 1;
    const index = DEFAULT_INCOME_SOURCES.indexOf(label);
    return index === -1 ? DEFAULT_INCOME_SOURCES.length : index;
  };
  return unionKeys(...maps).sort((a, b) => rank(a) - rank(b) || collator.compare(a, b));
}

/** The label as a table row shows it. */
function rowLabel(source: string): string {
  return source === INCOME_NOT_GIVEN ? capitalize(INCOME_NOT_GIVEN) : source;
}

/** The label inside a sentence: "sjukpenning", but "CSN" stays as it is. */
function inSentence(source: string): string {
  return /^[A-ZÅÄÖ][a-zåäö]/.test(source) ? source.charAt(0).toLowerCase() + source.slice(1) : source;
}

/** "sjukpenning (30), lön (12) och studiemedel (4)": the largest shown counts, without "ej angiven". */
function largestSources(map: Record<string, CellValue>, limit: number): string[] {
  const given = Object.fromEntries(Object.entries(map).filter(([source]) => source !== INCOME_NOT_GIVEN));
  return largest(given, limit).map(([source, count]) => `${inSentence(source)} (${formatNumber(count)})`);
}

/** "; för 4 saknas uppgift om försörjning", or "" when it is there for everyone. */
function notGivenClause(map: Record<string, CellValue>): string {
  const missing = map[INCOME_NOT_GIVEN];
  return missing === undefined || missing === 0 ? "" : `; för ${countPhrase(missing)} saknas uppgift om försörjning`;
}

/**
 * "Bland de 40 aktiva deltagarna var den vanligaste försörjningen vid inskrivningen sjukpenning
 * (20), följd av aktivitetsersättning (14); för 6 saknas uppgift om försörjning." A "dolt" count
 * may be larger than any shown one, so then the sentence ranks the shown ones only.
 */
function distributionSentence(among: string, when: string, map: Record<string, CellValue>): string {
  const top = largestSources(map, 3);
  const missing = notGivenClause(map);
  if (top.length === 0) return `Försörjningen ${when} redovisas för ${among}${missing}.`;
  const which = holdsHidden(Object.values(map)) ? "den vanligaste försörjningen som redovisas med antal" : "den vanligaste försörjningen";
  const rest = top.length > 1 ? `, följd av ${swedishList(top.slice(1))}` : "";
  return `Bland ${among} var ${which} ${when} ${top[0]}${rest}${missing}.`;
}

/** What distinguishes the försörjning table at start from the one at end. */
interface DistributionSpec {
  id: string;
  title: string;
  /** "vid inskrivningen", "vid avslutet". */
  when: string;
  counts: (report: Context["now"]) => { map: Record<string, CellValue>; total: CellValue };
  /** The participants counted, for the sentence: "de 40 aktiva deltagarna". */
  among: (total: CellValue) => string;
  empty: string;
  caption: string;
  countLabel: string;
}

function incomeDistribution(ctx: Context, spec: DistributionSpec): ReportSection {
  const now = spec.counts(ctx.now);
  const then = spec.counts(ctx.then);
  const rows = sourceOrder(now.map, then.map).map((source) => ({
    forsorjning: rowLabel(source),
    antal: now.map[source] ?? 0,
    foregaende: then.map[source] ?? 0,
  }));
  const summary = now.total === 0 ? spec.empty : distributionSentence(spec.among(now.total), spec.when, now.map);
  return {
    id: spec.id,
    title: spec.title,
    summary,
    chart: comparisonChart(
      ctx,
      rows.map((row) => row.forsorjning),
      rows.map((row) => row.antal),
      rows.map((row) => row.foregaende),
      "count",
      true,
    ),
    table: {
      caption: caption(ctx, spec.caption),
      columns: [column("forsorjning", spec.title, "text"), column("antal", spec.countLabel), column("foregaende", PREVIOUS)],
      rows,
      footer: [{ forsorjning: TOTAL, antal: now.total, foregaende: then.total }],
    },
  };
}

export function incomeAtStart(ctx: Context): ReportSection {
  return incomeDistribution(ctx, {
    id: "forsorjning-start",
    title: "Försörjning vid inskrivning",
    when: "vid inskrivningen",
    counts: (report) => ({ map: report.income.atStart, total: report.active.total }),
    among: (total) => `de ${countPhrase(total)} aktiva deltagarna`,
    empty: "Inga deltagare har haft stöd under perioden.",
    caption: "Aktiva deltagare per försörjning vid inskrivning",
    countLabel: "Aktiva deltagare",
  });
}

export function incomeAtEnd(ctx: Context): ReportSection {
  return incomeDistribution(ctx, {
    id: "forsorjning-avslut",
    title: "Försörjning vid avslut",
    when: "vid avslutet",
    counts: (report) => ({ map: report.income.atEnd, total: report.closed.total }),
    among: (total) => `de ${countPhrase(total)} deltagare som avslutades under perioden`,
    empty: "Ingen deltagare har avslutats under perioden.",
    caption: "Avslutade deltagare per försörjning vid avslut",
    countLabel: "Avslutade deltagare",
  });
}

/** The closed participants by försörjning at start (rows) and at end (columns). */
export function incomeStartToEnd(ctx: Context): ReportSection {
  const { now: r } = ctx;
  const matrix = r.income.startToEnd;
  const starts = sourceOrder(matrix);
  const ends = sourceOrder(r.income.atEnd, ...Object.values(matrix));
  const key = (index: number) => `slut${index}`;
  const rows = starts.map((start) => {
    const row: Record<string, CellValue> = { start: rowLabel(start) };
    ends.forEach((end, index) => {
      row[key(index)] = matrix[start]?.[end] ?? 0;
    });
    return row;
  });
  const footer: Record<string, CellValue> = { start: TOTAL };
  ends.forEach((end, index) => {
    footer[key(index)] = r.income.atEnd[end] ?? 0;
  });

  // The moves from one recorded försörjning to another, as shown.
  const moves: Record<string, CellValue> = {};
  const labels = new Map<string, string>();
  for (const start of starts) {
    if (start === INCOME_NOT_GIVEN) continue;
    for (const [end, cell] of Object.entries(matrix[start] ?? {})) {
      if (end === INCOME_NOT_GIVEN || end === start) continue;
      const move = `${start}\u0001${end}`;
      moves[move] = cell;
      labels.set(move, `från ${inSentence(start)} till ${inSentence(end)}`);
    }
  }
  const total = r.closed.total;
  let summary: string;
  if (total === 0) summary = "Ingen deltagare har avslutats under perioden.";
  else {
    const top = largest(moves, 2).map(([move, count]) => `${labels.get(move)} (${formatNumber(count)})`);
    const cells = Object.values(moves);
    if (top.length > 0) {
      const shownOnly = holdsHidden(cells) ? " som redovisas med antal" : "";
      const most = top.length === 1 ? `Den vanligaste övergången${shownOnly}` : `De vanligaste övergångarna${shownOnly}`;
      summary = `${most} bland de ${countPhrase(total)} avslutade deltagarna var ${swedishList(top)}.`;
    } else if (cells.every((cell) => cell === 0)) {
      summary = `Ingen av de ${countPhrase(total)} avslutade deltagarna har en annan registrerad försörjning vid avslutet än vid inskrivningen.`;
    } else {
      summary = `Av de ${countPhrase(total)} avslutade deltagarna är övergångarna mellan försörjningar för få för att redovisas var för sig.`;
    }
  }
  return {
    id: "forsorjning-start-slut",
    title: "Försörjning före och efter, avslutade deltagare",
    summary,
    chart: {
      kind: "stacked-bar",
      horizontal: true,
      labels: starts.map(rowLabel),
      series: ends.map((end, index) =>
        seriesFrom(
          rowLabel(end),
          rows.map((row) => row[key(index)]!),
        ),
      ),
      valueKind: "count",
    },
    table: {
      caption: `Avslutade deltagare per försörjning vid inskrivning (rader) och vid avslut (kolumner), ${ctx.current}`,
      columns: [column("start", "Vid inskrivning \\ vid avslut", "text"), ...ends.map((end, index) => column(key(index), rowLabel(end)))],
      rows,
      footer: [footer],
    },
  };
}

export function incomeChanges(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const sources = sourceOrder(r.income.changes.bySource, p.income.changes.bySource);
  const rows = sources.map((source) => ({
    forsorjning: rowLabel(source),
    antal: r.income.changes.bySource[source] ?? 0,
    foregaende: p.income.changes.bySource[source] ?? 0,
  }));
  const total = r.income.changes.total;
  let summary: string;
  if (total === 0) summary = "Inga byten av försörjning har registrerats under perioden.";
  else {
    const top = largestSources(r.income.changes.bySource, 3);
    const most = holdsHidden(Object.values(r.income.changes.bySource)) ? "bland dem som redovisas med antal oftast" : "oftast";
    const listed = top.length > 0 ? `, ${most} ${swedishList(top)}` : "";
    summary = `Under perioden registrerades ${countPhrase(total)} fall av nytt försörjningsmedel${listed}.`;
  }
  return {
    id: "forsorjning-byten",
    title: "Nytt försörjningsmedel under perioden",
    summary,
    chart: comparisonChart(
      ctx,
      rows.map((row) => row.forsorjning),
      rows.map((row) => row.antal),
      rows.map((row) => row.foregaende),
      "count",
      true,
    ),
    table: {
      caption: caption(ctx, "Byten av försörjning per ny försörjning"),
      columns: [column("forsorjning", "Ny försörjning", "text"), column("antal", "Byten"), column("foregaende", PREVIOUS)],
      rows,
      footer: [{ forsorjning: TOTAL, antal: total, foregaende: p.income.changes.total }],
    },
  };
}
