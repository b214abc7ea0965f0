// Referrals per remittent and per kommun, crossed; new enrolments per remittent; decisions per
// kommun and the queue on the last day.
import { UNDECIDED } from "~/domain/statistics";
import { NO_VALUE, shareOf } from "~/domain/statistics/disclosure/shown";
import { formatDate, formatNumber } from "~/utils/format";
import { type CellValue, formatCell, type TableRow } from "../cells";
import {
  capitalize,
  caption,
  column,
  comparisonChart,
  type Context,
  countPhrase,
  holdsHidden,
  largest,
  plural,
  PREVIOUS,
  type ReportSection,
  seriesFrom,
  swedishList,
  TOTAL,
  unionKeys,
} from "./model";

export function referralsByReferrer(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const names = unionKeys(r.referrals.byReferrer, p.referrals.byReferrer, r.active.byReferrer);
  const rows = names.map((referrer) => ({
    remittent: referrer,
    remisser: r.referrals.byReferrer[referrer] ?? 0,
    foregaende: p.referrals.byReferrer[referrer] ?? 0,
    aktiva: r.active.byReferrer[referrer] ?? 0,
  }));
  const total = r.referrals.total;
  const top = largest(r.referrals.byReferrer, 2).map(([name, count]) => `${name} (${formatNumber(count)})`);
  let summary: string;
  if (total === 0) summary = "Inga remisser har kommit in under perioden.";
  else {
    const enrolled = `${countPhrase(r.referrals.byDecision.inskriven ?? 0)} ledde till inskrivning`;
    // A "dolt" remittent may have more than any shown one: then only the shown ones are ranked.
    const most = holdsHidden(Object.values(r.referrals.byReferrer)) ? "av de remittenter som redovisas med antal kom flest" : "flest kom";
    const from =
      Object.keys(r.referrals.byReferrer).length === 1
        ? `; samtliga kom från ${Object.keys(r.referrals.byReferrer)[0]}`
        : top.length > 0
          ? `; ${most} från ${swedishList(top)}`
          : "";
    summary = `Under perioden kom ${countPhrase(total)} ${plural(total, "remiss", "remisser")} in, varav ${enrolled}${from}.`;
  }
  return {
    id: "remittenter",
    title: "Remisser per remittent",
    summary,
    chart: comparisonChart(
      ctx,
      names,
      rows.map((row) => row.remisser),
      rows.map((row) => row.foregaende),
      "count",
      true,
    ),
    table: {
      caption: caption(ctx, "Remisser per remittent, och aktiva deltagare per remittent"),
      columns: [
        column("remittent", "Remittent", "text"),
        column("remisser", "Remisser"),
        column("foregaende", "Remisser, föregående period"),
        column("aktiva", "Aktiva deltagare"),
      ],
      rows,
      footer: [{ remittent: TOTAL, remisser: total, foregaende: p.referrals.total, aktiva: r.active.total }],
    },
  };
}

export function referralsByKommun(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const names = unionKeys(r.referrals.byKommun, p.referrals.byKommun);
  const rows = names.map((kommun) => ({
    kommun,
    remisser: r.referrals.byKommun[kommun] ?? 0,
    foregaende: p.referrals.byKommun[kommun] ?? 0,
  }));
  const total = r.referrals.total;
  // In the parenthesis each kommun reads as its table cell: "Ljungby 20, Markaryd dolt".
  const parts = Object.entries(r.referrals.byKommun).map(([kommun, cell]) => `${kommun} ${formatCell(cell, "count")}`);
  const summary =
    total === 0
      ? "Inga remisser har kommit in under perioden."
      : `Under perioden kom ${countPhrase(total)} ${plural(total, "remiss", "remisser")} in (${parts.join(", ")}).`;
  return {
    id: "remisser-kommun",
    title: "Remisser per kommun",
    summary,
    chart: comparisonChart(
      ctx,
      names,
      rows.map((row) => row.remisser),
      rows.map((row) => row.foregaende),
      "count",
    ),
    table: {
      caption: caption(ctx, "Remisser per kommun"),
      columns: [column("kommun", "Kommun", "text"), column("remisser", "Remisser"), column("foregaende", PREVIOUS)],
      rows,
      footer: [{ kommun: TOTAL, remisser: total, foregaende: p.referrals.total }],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Issue 13: remittent × kommun, new enrolments by remittent, decisions by kommun and the queue.

/** Kommun names are labels a förbund typed: table columns are keyed by position, not by name. */
const kommunKey = (index: number) => `k${index}`;

/** Seed 000: where each kommun's inflow comes from. */
export function referralsByReferrerByKommun(ctx: Context): ReportSection {
  const { referrals } = ctx.now;
  const cross = referrals.byReferrerByKommun;
  const referrers = unionKeys(referrals.byReferrer, cross);
  const kommuner = unionKeys(referrals.byKommun, ...Object.values(cross));
  const cell = (referrer: string, kommun: string): CellValue => cross[referrer]?.[kommun] ?? 0;
  const rows: TableRow[] = referrers.map((referrer) => ({
    remittent: referrer,
    ...Object.fromEntries(kommuner.map((kommun, i) => [kommunKey(i), cell(referrer, kommun)])),
    totalt: referrals.byReferrer[referrer] ?? 0,
  }));
  const footer: TableRow = {
    remittent: TOTAL,
    ...Object.fromEntries(kommuner.map((kommun, i) => [kommunKey(i), referrals.byKommun[kommun] ?? 0])),
    totalt: referrals.total,
  };
  // Per kommun its largest remittent (all of them on a tie); none where a "dolt" cell may be larger.
  const parts = kommuner.flatMap((kommun) => {
    const column = referrers.map((referrer) => cell(referrer, kommun));
    if (holdsHidden(column)) return [];
    const ranked = largest(Object.fromEntries(referrers.map((referrer, i) => [referrer, column[i]!])), referrers.length);
    const top = ranked.filter(([, count]) => count === ranked[0]?.[1]);
    if (top.length === 0) return [];
    const names = swedishList(top.map(([referrer]) => referrer));
    return [`${names} i ${kommun} (${formatNumber(top[0]![1])}${top.length > 1 ? " vardera" : ""})`];
  });
  let summary: string;
  if (referrals.total === 0) summary = "Inga remisser har kommit in under perioden.";
  else if (parts.length === 0)
    summary = `Under perioden kom ${countPhrase(referrals.total)} ${plural(referrals.total, "remiss", "remisser")} in; tabellen visar från vilka remittenter, per kommun.`;
  else summary = `Flest remisser kom från ${swedishList(parts)}.`;
  return {
    id: "remittent-kommun",
    title: "Remisser per remittent och kommun",
    summary,
    chart: {
      kind: "stacked-bar",
      horizontal: false,
      labels: kommuner,
      series: referrers.map((referrer) =>
        seriesFrom(
          referrer,
          kommuner.map((kommun) => cell(referrer, kommun)),
        ),
      ),
      valueKind: "count",
    },
    table: {
      caption: `Remisser per remittent och kommun (antal remisser), ${ctx.current}`,
      columns: [column("remittent", "Remittent", "text"), ...kommuner.map((kommun, i) => column(kommunKey(i), kommun)), column("totalt", TOTAL)],
      rows,
      footer: [footer],
    },
  };
}

/** Seed 003's remittent list, if it means new enrolments: new enrolments by the enrolment's remittent. */
export function newlyEnrolledByReferrer(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const names = unionKeys(r.newlyEnrolled.byReferrer, p.newlyEnrolled.byReferrer);
  const rows = names.map((referrer) => ({
    remittent: referrer,
    nyinskrivna: r.newlyEnrolled.byReferrer[referrer] ?? 0,
    andel: shareOf(r.newlyEnrolled.byReferrer[referrer] ?? 0, r.newlyEnrolled.total),
    foregaende: p.newlyEnrolled.byReferrer[referrer] ?? 0,
  }));
  const total = r.newlyEnrolled.total;
  const top = largest(r.newlyEnrolled.byReferrer, 2).map(([name, count]) => `${name} (${formatNumber(count)})`);
  const most = holdsHidden(Object.values(r.newlyEnrolled.byReferrer)) ? "kom, bland de remittenter som redovisas med antal, flest" : "kom flest";
  let summary: string;
  if (total === 0) summary = "Ingen deltagare har skrivits in under perioden.";
  else if (top.length === 0) summary = `Under perioden skrevs ${countPhrase(total)} deltagare in; antalet per remittent redovisas inte, eftersom talen är små.`;
  else summary = `Av ${countPhrase(total)} ${plural(total, "nyinskrivning", "nyinskrivningar")} under perioden ${most} via ${swedishList(top)}.`;
  return {
    id: "nyinskrivna-remittent",
    title: "Nyinskrivna per remittent",
    summary,
    chart: comparisonChart(
      ctx,
      names,
      rows.map((row) => row.nyinskrivna),
      rows.map((row) => row.foregaende),
      "count",
      true,
    ),
    table: {
      caption: caption(ctx, "Nyinskrivna deltagare per remittent (inskrivningar)"),
      columns: [
        column("remittent", "Remittent", "text"),
        column("nyinskrivna", "Nyinskrivna"),
        column("andel", "Andel", "share"),
        column("foregaende", "Nyinskrivna, föregående period"),
      ],
      rows,
      footer: [{ remittent: TOTAL, nyinskrivna: total, andel: shareOf(total, total), foregaende: p.newlyEnrolled.total }],
    },
  };
}

/** The decisions in the order of byDecision, with their column labels. */
const DECISIONS: ReadonlyArray<[key: string, label: string]> = [
  ["inskriven", "Inskriven"],
  ["konsultation", "Konsultation"],
  ["ej_aktuell", "Ej aktuell"],
  ["ko", "Kö"],
  [UNDECIDED, "Ej beslutad"],
];

/** Seed 002's "Konsultationsärenden … 40 st mot 24 st föregående år" and seed 003's "samtliga har hanterats". */
export function referralDecisions(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const periods = [
    [capitalize(ctx.current), r.referrals],
    [capitalize(ctx.before), p.referrals],
  ] as const;
  const kommuner = unionKeys(...periods.flatMap(([, referrals]) => [referrals.byKommun, ...Object.values(referrals.byDecisionByKommun)]));
  const rows: TableRow[] = periods.flatMap(([label, referrals]) =>
    kommuner.map((kommun) => ({
      period: label,
      kommun,
      ...Object.fromEntries(DECISIONS.map(([key]) => [key, referrals.byDecisionByKommun[key]?.[kommun] ?? 0])),
      totalt: referrals.byKommun[kommun] ?? 0,
    })),
  );
  const footer: TableRow[] = periods.map(([label, referrals]) => ({
    period: label,
    kommun: TOTAL,
    ...Object.fromEntries(DECISIONS.map(([key]) => [key, referrals.byDecision[key] ?? 0])),
    totalt: referrals.total,
  }));
  const count = (key: string) => countPhrase(r.referrals.byDecision[key] ?? 0);
  const total = r.referrals.total;
  const summary =
    total === 0
      ? "Inga remisser har kommit in under perioden."
      : `Av ${countPhrase(total)} ${plural(total, "remiss", "remisser")} under perioden ledde ${count("inskriven")} till inskrivning och ` +
        `${count("konsultation")} till konsultation (föregående period ${countPhrase(p.referrals.byDecision.konsultation ?? 0)}); ` +
        `${count("ej_aktuell")} var inte ${plural(r.referrals.byDecision.ej_aktuell ?? 0, "aktuell", "aktuella")}, ` +
        `${count("ko")} ställdes i kö och ${count(UNDECIDED)} är inte ${plural(r.referrals.byDecision[UNDECIDED] ?? 0, "beslutad", "beslutade")}.`;
  return {
    id: "remissbeslut",
    title: "Remissbeslut per kommun",
    summary,
    chart: {
      kind: "stacked-bar",
      horizontal: false,
      labels: kommuner,
      series: DECISIONS.map(([key, label]) =>
        seriesFrom(
          label,
          kommuner.map((kommun) => r.referrals.byDecisionByKommun[key]?.[kommun] ?? 0),
        ),
      ),
      valueKind: "count",
    },
    table: {
      caption: caption(ctx, "Remisser per beslut och kommun (antal remisser)"),
      columns: [
        column("period", "Period", "text"),
        column("kommun", "Kommun", "text"),
        ...DECISIONS.map(([key, label]) => column(key, label)),
        column("totalt", TOTAL),
      ],
      rows,
      footer,
    },
  };
}

/** Seed 004's "I Växjö har det funnits kö till insatsen": the queue on the last day and its median wait. */
export function queue(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const dates = [formatDate(ctx.bundle.query.period.to), formatDate(ctx.bundle.previousPeriod.to)] as const;
  // The wait is told only beside a shown queue: for a small queue it would describe a few people.
  const wait = (referrals: typeof r.referrals): CellValue =>
    typeof referrals.queueAtEnd === "number" && referrals.queueAtEnd > 0 && typeof referrals.queueMedianWaitDays === "number"
      ? referrals.queueMedianWaitDays
      : NO_VALUE;
  const waits = [wait(r.referrals), wait(p.referrals)] as const;
  // "–" is no share here: the row is text so the table's note does not call it one.
  const waitFormat = (cell: CellValue) => (typeof cell === "number" ? "count" : "text");
  const rows: TableRow[] = [
    { matt: "Datum", antal: dates[0], foregaende: dates[1], format: "text", formatForegaende: "text" },
    { matt: "Remisser i kö", antal: r.referrals.queueAtEnd, foregaende: p.referrals.queueAtEnd, format: "count", formatForegaende: "count" },
    { matt: "Median väntetid, dagar", antal: waits[0], foregaende: waits[1], format: waitFormat(waits[0]), formatForegaende: waitFormat(waits[1]) },
  ];
  const inQueue = r.referrals.queueAtEnd;
  let summary: string;
  if (inQueue === 0) summary = `Ingen remiss stod i kö den ${dates[0]}.`;
  else if (typeof waits[0] === "number") summary = `${capitalize(countPhrase(inQueue))} i kö den ${dates[0]}, median väntetid ${countPhrase(waits[0])} dagar.`;
  else summary = `${capitalize(countPhrase(inQueue))} i kö den ${dates[0]}; väntetiden redovisas inte, eftersom antalet i kö är litet.`;
  return {
    id: "ko",
    title: "Kö till insatsen",
    summary,
    table: {
      caption: `Remisser med beslut kö som inte lett till inskrivning, periodens sista dag, ${ctx.current}, jämfört med ${ctx.before}`,
      columns: [
        column("matt", "Mått", "text"),
        { ...column("antal", capitalize(ctx.current)), formatKey: "format" },
        { ...column("foregaende", capitalize(ctx.before)), formatKey: "formatForegaende" },
      ],
      rows,
      footer: [],
    },
    note: "Väntetiden räknas från remissens datum till periodens sista dag. – är ingen väntetid (ingen kö, eller för få i kö för att redovisa den).",
  };
}
