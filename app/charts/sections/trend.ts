// "Utveckling över tid": the key measures for the same dates in each of the last years, side by
// side, as the seeds compare year on year by hand. One row per measure, one column per year; the
// chart follows the counts of participants as lines.
import { previousPeriod, type Period } from "~/domain/period";
import { TREND_OUTCOME_GROUP, type TrendMeasures } from "~/domain/statistics";
import { type Shown, shareOf } from "~/domain/statistics/disclosure/shown";
import { type CellValue, formatCell, type TableRow } from "../cells";
import { column, type Context, countPhrase, periodLabel, type ReportSection, seriesFrom, type ValueFormat } from "./model";

interface TrendRow {
  label: string;
  format: ValueFormat;
  value: (measures: Shown<TrendMeasures>) => CellValue | undefined;
}

const ROWS: TrendRow[] = [
  { label: "Aktiva deltagare", format: "count", value: (m) => m.active },
  { label: "Nyinskrivna", format: "count", value: (m) => m.newlyEnrolled },
  { label: "Avslutade", format: "count", value: (m) => m.closed },
  { label: "Stegförflyttning uppåt i Trappan, andel av mätta", format: "share", value: (m) => shareOf(m.movedUp, m.measured) },
  { label: "Progression i SKAPA, andel av dem med två skattningar", format: "share", value: (m) => shareOf(m.progressed, m.assessedTwice) },
  { label: `Avslutade till ${TREND_OUTCOME_GROUP.toLowerCase()}`, format: "count", value: (m) => m.closedToWorkOrStudies },
  {
    label: `Avslutade till ${TREND_OUTCOME_GROUP.toLowerCase()}, andel av avslutade`,
    format: "share",
    value: (m) => (m.closedToWorkOrStudies === undefined ? undefined : shareOf(m.closedToWorkOrStudies, m.closed)),
  },
];

/** The chart's lines: the counts of people, which share one axis. */
const LINES = ROWS.slice(0, 3);

/** The report period moved back to the year `year` (the trend's columns are keyed by year). */
function periodOfYear(period: Period, year: string): Period {
  let shifted = period;
  while (shifted.from.slice(0, 4) > year) shifted = previousPeriod(shifted);
  return shifted;
}

/** Null without earlier years to compare with (a period since the start, or a förbund in its first year). */
export function trend(ctx: Context): ReportSection | null {
  const byYear = ctx.now.trend;
  const years = Object.keys(byYear ?? {}).sort();
  if (byYear === undefined || years.length < 2) return null;
  const labels = years.map((year) => periodLabel(periodOfYear(ctx.bundle.query.period, year)));
  const keys = years.map((year) => `ar${year}`);
  const rows: TableRow[] = ROWS.flatMap((row) => {
    const cells = years.map((year) => row.value(byYear[year]!));
    if (cells.every((cell) => cell === undefined)) return [];
    return [{ matt: row.label, format: row.format, ...Object.fromEntries(keys.map((key, i) => [key, cells[i] ?? 0])) }];
  });
  const first = byYear[years[0]!]!;
  const last = byYear[years[years.length - 1]!]!;
  const stepShare = (measures: Shown<TrendMeasures>) => formatCell(shareOf(measures.movedUp, measures.measured), "share");
  const summary =
    `Från ${labels[0]} till ${labels[labels.length - 1]} gick antalet aktiva deltagare från ${countPhrase(first.active)} till ` +
    `${countPhrase(last.active)}, och andelen med stegförflyttning uppåt från ${stepShare(first)} till ${stepShare(last)}.`;
  return {
    id: "utveckling",
    title: "Utveckling över tid",
    summary,
    chart: {
      kind: "line",
      horizontal: false,
      labels,
      series: LINES.map((row) =>
        seriesFrom(
          row.label,
          years.map((year) => row.value(byYear[year]!) ?? 0),
        ),
      ),
      valueKind: "count",
    },
    table: {
      caption: `Nyckeltal för samma period de senaste ${years.length} åren, ${labels[0]}–${labels[labels.length - 1]}`,
      columns: [column("matt", "Mått", "text"), ...keys.map((key, i) => ({ ...column(key, labels[i]!), formatKey: "format", period: labels[i]! }))],
      rows,
      footer: [],
    },
    note:
      "Varje år räknas på samma sätt och för samma datum som rapportens period. " +
      `Avslut till ${TREND_OUTCOME_GROUP.toLowerCase()} är utfallsgruppen med det namnet; raden saknas om förbundet inte har den.`,
  };
}
