// Closures per reason and category, and the support given.
import { CLOSURE_CATEGORY_LABELS, DEFAULT_CLOSURE_REASONS } from "~/domain/reference-defaults";
import { type ClosureCategory } from "~/domain/statistics";
import {
  caption,
  type ChartSeries,
  collator,
  column,
  type Context,
  countPhrase,
  groupedChart,
  plural,
  PREVIOUS,
  type ReportSection,
  type ReportSettings,
  seriesFrom,
  TOTAL,
  unionKeys,
} from "./model";

const UNCATEGORISED = "Ej kategoriserad";

/**
 * The category of a closure reason as the förbund has configured it. Only a closure without a
 * reason (imported history) has none and is shown as "Ej kategoriserad".
 */
function closureCategory(bundle: ReportSettings, reason: string): ClosureCategory | null {
  return bundle.closureReasonCategories[reason] ?? null;
}

const CATEGORY_ORDER: Array<ClosureCategory | null> = ["positive", "negative", null];

/** Reasons as the closures table lists them: by category, then in the default list's order, then by name. */
export function sortReasons(bundle: ReportSettings, reasons: string[]): string[] {
  const defaultOrder = DEFAULT_CLOSURE_REASONS.map((reason) => reason.label);
  const rank = (reason: string) => {
    const index = defaultOrder.indexOf(reason);
    return index === -1 ? defaultOrder.length : index;
  };
  return [...reasons].sort(
    (a, b) =>
      CATEGORY_ORDER.indexOf(closureCategory(bundle, a)) - CATEGORY_ORDER.indexOf(closureCategory(bundle, b)) || rank(a) - rank(b) || collator.compare(a, b),
  );
}

export function closures(ctx: Context): ReportSection {
  const { bundle, now: r, then: p } = ctx;
  const reasons = sortReasons(bundle, unionKeys(r.closed.byReason, p.closed.byReason));
  const rows = reasons.map((reason) => {
    const category = closureCategory(bundle, reason);
    return {
      skal: reason,
      kategori: category === null ? UNCATEGORISED : CLOSURE_CATEGORY_LABELS[category],
      antal: r.closed.byReason[reason] ?? 0,
      foregaende: p.closed.byReason[reason] ?? 0,
    };
  });
  const categoryTotal = (category: ClosureCategory) => ({
    skal: `${CLOSURE_CATEGORY_LABELS[category]}, totalt`,
    kategori: "",
    antal: r.closed.byCategory[category],
    foregaende: p.closed.byCategory[category],
  });
  const c = r.closed;
  const summary =
    c.total === 0
      ? "Ingen deltagare har avslutats under perioden."
      : `Totalt avslutades ${countPhrase(c.total)} deltagare under perioden, varav ${countPhrase(c.byCategory.positive)} ` +
        `med positiv eller potentiellt positiv förändring och ${countPhrase(c.byCategory.negative)} utan förändring ` +
        `eller med negativ förändring; ${countPhrase(c.withPlanAfter)} hade en planering efter avslutet.`;
  const series: ChartSeries[] = CATEGORY_ORDER.filter((category) =>
    rows.some((row) => row.kategori === (category === null ? UNCATEGORISED : CLOSURE_CATEGORY_LABELS[category])),
  ).map((category) => {
    const label = category === null ? UNCATEGORISED : CLOSURE_CATEGORY_LABELS[category];
    return seriesFrom(
      label,
      rows.map((row) => (row.kategori === label ? row.antal : 0)),
    );
  });
  return {
    id: "avslut",
    title: "Avslut och avslutsskäl",
    summary,
    chart: { kind: "stacked-bar", horizontal: true, labels: reasons, series, valueKind: "count" },
    table: {
      caption: caption(ctx, "Avslutade deltagare per avslutsskäl"),
      columns: [column("skal", "Avslutsskäl", "text"), column("kategori", "Kategori", "text"), column("antal", "Antal"), column("foregaende", PREVIOUS)],
      rows,
      footer: [categoryTotal("positive"), categoryTotal("negative"), { skal: TOTAL, kategori: "", antal: c.total, foregaende: p.closed.total }],
    },
  };
}

export function support(ctx: Context): ReportSection {
  const { now: r, then: p } = ctx;
  const types = unionKeys(r.support.byType, p.support.byType);
  const rows = types.map((type) => ({
    stodinsats: type,
    antal: r.support.byType[type]?.total ?? 0,
    hojd: r.support.byType[type]?.raisedActivity ?? 0,
    foregaende: p.support.byType[type]?.raisedActivity ?? 0,
  }));
  const s = r.support;
  const summary =
    s.total === 0
      ? "Inga nya eller utökade stödinsatser har registrerats under perioden."
      : `Under perioden har ${countPhrase(s.total)} ${plural(s.total, "ny eller utökad stödinsats", "nya eller utökade stödinsatser")} ` +
        `registrerats, varav ${countPhrase(s.raisedActivity)} innebar en höjd aktivitetsnivå.`;
  return {
    id: "stodinsatser",
    title: "Stödinsatser och höjd aktivitetsnivå",
    summary,
    chart: groupedChart(
      types,
      [
        ["Stödinsatser", rows.map((row) => row.antal)],
        ["Varav höjd aktivitetsnivå", rows.map((row) => row.hojd)],
      ],
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
      footer: [{ stodinsats: TOTAL, antal: s.total, hojd: s.raisedActivity, foregaende: p.support.raisedActivity }],
    },
  };
}
