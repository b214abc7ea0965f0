// Referrals per remittent and per kommun.
import { formatNumber } from "~/utils/format";
import { caption, column, comparisonChart, type Context, largest, plural, PREVIOUS, type ReportSection, swedishList, TOTAL, unionKeys } from "./model";

export function referralsByReferrer(ctx: Context): ReportSection {
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
      footer: [{ remittent: TOTAL, remisser: hide.count(total), foregaende: hide.count(p.referrals.total), aktiva: hide.count(r.active.total) }],
    },
  };
}

export function referralsByKommun(ctx: Context): ReportSection {
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
      footer: [{ kommun: TOTAL, remisser: hide.count(total), foregaende: hide.count(p.referrals.total) }],
    },
  };
}
