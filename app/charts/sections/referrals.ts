// Referrals per remittent and per kommun.
import { formatNumber } from "~/utils/format";
import { formatCell } from "../cells";
import {
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
