// What the statistics page, its print version and its export share: parse the query from the
// URL, authenticate and authorise, decide the small-number rule for the role, and build the
// bundle. Steering roles get aggregates only; nothing here reads or returns a person.
import { requirePermission, type CurrentUser } from "~/auth/guards.server";
import { composeDocument, reportMeta, reportSections, type ReportDocument } from "~/charts/sections";
import { buildReportBundle, ReportQueryError } from "~/data/statistics.server";
import { statisticsOptions, type StatisticsOptions } from "~/data/statistics-options.server";
import type { ReportBundle } from "~/domain/report-bundle";
import { parseStatisticsQuery, resolvePeriod, statisticsSearch, type StatisticsErrors, type StatisticsFormValues } from "~/schemas/statistics";
import { todayInSweden } from "~/domain/period";

/**
 * The styrgrupp always sees small numbers hidden; the förbundschef chooses (default: hidden),
 * since the förbundschef may see individual data anyway and sometimes needs exact counts.
 */
export function hidesSmallNumbers(user: CurrentUser, requested: boolean): boolean {
  return user.role !== "forbundschef" || requested;
}

export const STEERING_PERIOD_MESSAGE =
  "Styrgruppen kan välja helår, jan–jun, jan–aug eller sedan start, inte egna datum: två rapporter med nästan samma datum skulle kunna avslöja enskilda deltagare.";

export type StatisticsRequest =
  | { ok: true; user: CurrentUser; bundle: ReportBundle; search: string; values: StatisticsFormValues; options: StatisticsOptions }
  | { ok: false; user: CurrentUser; errors: StatisticsErrors; values: StatisticsFormValues; options: StatisticsOptions };

export async function loadStatisticsRequest(request: Request): Promise<StatisticsRequest> {
  const user = await requirePermission(request, "statistics:read");
  const url = new URL(request.url);
  const options = await statisticsOptions(user.organisationId);
  const parsed = parseStatisticsQuery(url.searchParams, todayInSweden());
  if (!parsed.ok) return { ok: false, user, errors: parsed.errors, values: parsed.values, options };
  const { query } = parsed;
  const steering = user.role !== "forbundschef";
  // Any dates would let two reports a day apart be subtracted: steering roles use the fixed periods.
  if (steering && query.period === "anpassad") {
    return { ok: false, user, errors: { period: STEERING_PERIOD_MESSAGE }, values: parsed.values, options };
  }
  const period = resolvePeriod(query, options.insatser);
  if (!period.ok) return { ok: false, user, errors: { [period.field]: period.message }, values: parsed.values, options };
  const suppressSmallNumbers = hidesSmallNumbers(user, query.dolj);
  try {
    const bundle = await buildReportBundle(
      user.organisationId,
      { period: period.period, insats: query.insats, kommun: query.kommun },
      // Only the förbundschef sees koordinatorer by name (their caseload).
      { suppressSmallNumbers, caseload: !steering },
    );
    if (steering && bundle.steeringRefusal !== null) {
      return { ok: false, user, errors: { [bundle.steeringRefusal.field]: bundle.steeringRefusal.message }, values: parsed.values, options };
    }
    const values = { ...parsed.values, dolj: suppressSmallNumbers };
    return { ok: true, user, bundle, search: statisticsSearch(query, suppressSmallNumbers), values, options };
  } catch (error) {
    if (error instanceof ReportQueryError) {
      return { ok: false, user, errors: { [error.field]: error.message }, values: parsed.values, options };
    }
    throw error;
  }
}

/** Exactly what the page shows: the sections (already with small numbers hidden) and the choices. */
export interface StatisticsView {
  values: StatisticsFormValues;
  errors: StatisticsErrors;
  options: StatisticsOptions;
  canShowSmallNumbers: boolean;
  /** The förbund's small-number threshold, for the page's explanation; null with no report. */
  threshold: number | null;
  search: string | null;
  /** The report as the page presents it; null when the query has errors. */
  document: ReportDocument | null;
}

export function statisticsView(result: StatisticsRequest): StatisticsView {
  const common = {
    values: result.values,
    options: result.options,
    canShowSmallNumbers: result.user.role === "forbundschef",
  };
  if (!result.ok) return { ...common, threshold: null, errors: result.errors, search: null, document: null };
  return {
    ...common,
    threshold: result.bundle.smallNumberThreshold,
    errors: {},
    search: result.search,
    document: composeDocument(reportMeta(result.bundle), reportSections(result.bundle), null, todayInSweden()),
  };
}
