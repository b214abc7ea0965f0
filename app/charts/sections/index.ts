/**
 * The statistics report as sections: for each chart of the report its title, one Swedish summary
 * sentence in the style of the förbunds' own reports, the chart's data and the table under it.
 * Pure: the statistics page, the print page and the DOCX/XLSX/CSV exports all present these,
 * so every presentation shows the same numbers, hidden the same way.
 *
 * Small numbers are hidden here, once: a table cell or sentence never holds a count that the
 * bundle says to hide, and FOV by kön is hidden below the threshold whatever the bundle says.
 */
import { type ReportBundle } from "~/domain/report-bundle";
import { formatDate } from "~/utils/format";
import { hiddenCount, suppressor } from "../cells";
import { capitalize, type Context, periodLabel, type ReportSection } from "./model";
import { activeByAgeGroup, activeByGender, kommuner, overview } from "./participants";
import { trappanByGender, trappanByKommun, trappanSteps } from "./trappan";
import { skapa, skapaAreas } from "./skapa";
import { referralsByKommun, referralsByReferrer } from "./referrals";
import { closures, support } from "./closures";
import { fov } from "./fov";
import { goals } from "./goals";

export type { CellValue, ChartSeries, ReportSection, SectionChart, SectionTable, TableColumn, TableRow, ValueFormat } from "./model";
export { periodLabel, swedishList } from "./model";

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
