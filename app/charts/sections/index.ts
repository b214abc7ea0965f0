/**
 * The statistics report as sections: for each chart of the report its title, one Swedish summary
 * sentence in the style of the förbunds' own reports, the chart's data and the table under it.
 * Pure: the statistics page, the print page and the DOCX/XLSX/CSV exports all present these,
 * so every presentation shows the same numbers, hidden the same way.
 *
 * What is shown is decided once, for the whole report, by the protection module
 * (domain/statistics/disclosure): every table cell, chart value and sentence reads its shown
 * cells, so none can state a count it keeps back, and no section decides anything of its own.
 */
import { type ReportBundle } from "~/domain/report-bundle";
import { protectReport, smallMark } from "~/domain/statistics/disclosure";
import { formatDate } from "~/utils/format";
import { capitalize, type Context, periodLabel, type ReportSection, smallRange, withMarksNote } from "./model";
import { activeByAgeGroup, activeByGender, atEnd, caseload, kommuner, overview, persons } from "./participants";
import { trappanByGender, trappanByKommun, trappanSteps, trappanTransitions } from "./trappan";
import { skapa, skapaAreas } from "./skapa";
import { newlyEnrolledByReferrer, queue, referralDecisions, referralsByKommun, referralsByReferrer, referralsByReferrerByKommun } from "./referrals";
import { closures, support } from "./closures";
import { closuresByKommun, closuresByLastStep, outcomeGroups, survey } from "./outcomes";
import { fov } from "./fov";
import { goals } from "./goals";
import { finsamFollowUp } from "./finsam";
import { trend } from "./trend";
import { incomeAtEnd, incomeAtStart, incomeChanges, incomeStartToEnd } from "./income";

export type { CellValue, ChartSeries, ReportSection, SectionChart, SectionTable, TableColumn, TableRow, ValueFormat } from "./model";
export { periodLabel, swedishList } from "./model";
export { composeDocument, type DocumentSection, type ReportDocument } from "./document";

/** Every section of the report, in the order of a förbund's statistics chapter. */
export function reportSections(bundle: ReportBundle): ReportSection[] {
  const main = { filters: { insats: bundle.query.insats, kommun: bundle.query.kommun }, now: bundle.report, before: bundle.previous, goals: bundle.goals };
  const shown = protectReport(main, bundle.linked, {
    threshold: bundle.smallNumberThreshold,
    enabled: bundle.suppressSmallNumbers,
    closureCategories: bundle.closureReasonCategories,
    outcomeGroups: bundle.outcomeGroups,
  });
  const ctx: Context = {
    bundle,
    now: shown.now,
    then: shown.before,
    goals: shown.goals,
    threshold: shown.threshold,
    current: periodLabel(bundle.query.period),
    before: periodLabel(bundle.previousPeriod),
  };
  const sections: Array<ReportSection | null> = [
    overview(ctx),
    goals(ctx),
    finsamFollowUp(ctx),
    trend(ctx),
    kommuner(ctx),
    persons(ctx),
    atEnd(ctx),
    activeByGender(ctx),
    activeByAgeGroup(ctx),
    caseload(ctx),
    trappanByGender(ctx),
    trappanByKommun(ctx),
    trappanSteps(ctx),
    trappanTransitions(ctx),
    skapa(ctx),
    skapaAreas(ctx),
    referralsByReferrer(ctx),
    referralsByKommun(ctx),
    referralsByReferrerByKommun(ctx),
    newlyEnrolledByReferrer(ctx),
    referralDecisions(ctx),
    queue(ctx),
    closures(ctx),
    outcomeGroups(ctx),
    closuresByKommun(ctx),
    closuresByLastStep(ctx),
    survey(ctx),
    incomeAtStart(ctx),
    incomeAtEnd(ctx),
    incomeStartToEnd(ctx),
    incomeChanges(ctx),
    support(ctx),
    fov(ctx),
  ];
  return sections.filter((section): section is ReportSection => section !== null).map((section) => withMarksNote(section, shown.threshold));
}

export interface ReportMeta {
  title: string;
  organisation: string;
  period: string;
  comparison: string;
  filters: string;
  suppression: string;
  /** The two periods as the tables name them: "jan–aug 2025" and "jan–aug 2024". */
  current: string;
  before: string;
}

/** The lines above the sections: what the report covers and how small numbers are shown. */
export function reportMeta(bundle: ReportBundle): ReportMeta {
  const { period, insats, kommun } = bundle.query;
  const label = periodLabel(period);
  const dates = `${formatDate(period.from)} – ${formatDate(period.to)}`;
  const threshold = bundle.smallNumberThreshold;
  const marks =
    "”dolt” är ett tal som inte visas, eftersom ett litet tal annars skulle gå att räkna fram; " +
    "– är ingen andel (den bygger på ett dolt tal eller har inget att dela med).";
  return {
    title: `Statistik ${label}`,
    organisation: bundle.organisationName,
    period: label === dates ? `Period: ${dates}` : `Period: ${capitalize(label)} (${dates})`,
    comparison: `Jämförelse: ${periodLabel(bundle.previousPeriod)}`,
    filters: `Insats: ${insats ?? "alla insatser"}. Kommun: ${kommun ?? "alla kommuner"}.`,
    suppression: bundle.suppressSmallNumbers
      ? `Små tal skyddas: ”${smallMark(threshold)}” är ${smallRange(threshold)}; ${marks}`
      : `Små tal visas, utom svar om våld per kön: där står ”${smallMark(threshold)}” för ${smallRange(threshold)}. ${marks}`,
    current: label,
    before: periodLabel(bundle.previousPeriod),
  };
}
