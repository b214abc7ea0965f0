/**
 * The statistics view lives in the URL (period, year, dates, insats, kommun, small numbers), so a
 * view is a link that can be sent to the styrgrupp; the export and print pages read the same
 * query. Parsed here once with zod; Swedish messages for everything a user can type.
 */
import { z } from "zod";
import { fullYear, janAug, janJun, sinceStart, type Period } from "~/domain/period";
import { emptyToUndefined, isoDate } from "./form";

export const PERIOD_PRESETS = ["helar", "jan-jun", "jan-aug", "anpassad", "sedan-start"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  helar: "Helår",
  "jan-jun": "Jan–jun",
  "jan-aug": "Jan–aug (delår)",
  anpassad: "Anpassad",
  "sedan-start": "Sedan insatsen startade",
};

export const EXPORT_FORMATS = ["docx", "xlsx", "csv"] as const;
export type ExportFileFormat = (typeof EXPORT_FORMATS)[number];

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const optionalName = z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()).transform((value) => value ?? null);
const optionalDate = (label: string) => z.preprocess(emptyToUndefined, isoDate(label).optional()).transform((value) => value ?? null);

function querySchema(currentYear: number) {
  return z
    .object({
      period: z.preprocess(emptyToUndefined, z.enum(PERIOD_PRESETS, { error: "Välj en period i listan." }).default("helar")),
      ar: z.preprocess(
        emptyToUndefined,
        z.coerce
          .number({ error: "Året ska vara ett årtal." })
          .int("Året ska vara ett årtal.")
          .min(FIRST_YEAR, `Året ska vara mellan ${FIRST_YEAR} och ${LAST_YEAR}.`)
          .max(LAST_YEAR, `Året ska vara mellan ${FIRST_YEAR} och ${LAST_YEAR}.`)
          .default(currentYear),
      ),
      fran: optionalDate("Från-datumet"),
      till: optionalDate("Till-datumet"),
      insats: optionalName,
      kommun: optionalName,
      // A checkbox sends nothing when unticked, so the form pairs it with a hidden "0": no value
      // at all means a fresh visit (hide small numbers), "0" alone means the box was unticked.
      dolj: z.array(z.string()).transform((values) => values.length === 0 || values.includes("1")),
    })
    .superRefine((query, ctx) => {
      if (query.period !== "anpassad") return;
      if (query.fran === null) ctx.addIssue({ code: "custom", path: ["fran"], message: "Ange från vilket datum, ÅÅÅÅ-MM-DD." });
      if (query.till === null) ctx.addIssue({ code: "custom", path: ["till"], message: "Ange till vilket datum, ÅÅÅÅ-MM-DD." });
      if (query.fran !== null && query.till !== null && query.fran > query.till) {
        ctx.addIssue({ code: "custom", path: ["till"], message: "Till-datumet får inte vara före från-datumet." });
      }
    });
}

export type StatisticsQuery = z.output<ReturnType<typeof querySchema>>;
export type StatisticsField = keyof StatisticsQuery | "format";
export type StatisticsErrors = Partial<Record<StatisticsField, string>>;

/** The form's values as typed, for showing them again next to their messages. */
export type StatisticsFormValues = Record<"period" | "ar" | "fran" | "till" | "insats" | "kommun", string> & { dolj: boolean };

function firstErrors(error: z.ZodError): StatisticsErrors {
  const errors: StatisticsErrors = {};
  for (const [field, messages] of Object.entries(z.flattenError(error).fieldErrors)) {
    const message = (messages as string[] | undefined)?.[0];
    if (message) errors[field as StatisticsField] = message;
  }
  return errors;
}

export type ParsedStatisticsQuery =
  { ok: true; query: StatisticsQuery; values: StatisticsFormValues } | { ok: false; errors: StatisticsErrors; values: StatisticsFormValues };

function formValues(params: URLSearchParams, currentYear: number): StatisticsFormValues {
  const dolj = params.getAll("dolj");
  return {
    period: params.get("period") ?? "helar",
    ar: params.get("ar") ?? String(currentYear),
    fran: params.get("fran") ?? "",
    till: params.get("till") ?? "",
    insats: params.get("insats") ?? "",
    kommun: params.get("kommun") ?? "",
    dolj: dolj.length === 0 || dolj.includes("1"),
  };
}

/** `today` is "YYYY-MM-DD": the year a fresh visit shows. */
export function parseStatisticsQuery(params: URLSearchParams, today: string): ParsedStatisticsQuery {
  const currentYear = Number(today.slice(0, 4));
  const input = {
    period: params.get("period") ?? undefined,
    ar: params.get("ar") ?? undefined,
    fran: params.get("fran") ?? undefined,
    till: params.get("till") ?? undefined,
    insats: params.get("insats") ?? undefined,
    kommun: params.get("kommun") ?? undefined,
    dolj: params.getAll("dolj"),
  };
  const values = formValues(params, currentYear);
  const parsed = querySchema(currentYear).safeParse(input);
  return parsed.success ? { ok: true, query: parsed.data, values } : { ok: false, errors: firstErrors(parsed.error), values };
}

export function parseExportFormat(value: string | null): ExportFileFormat | null {
  return (EXPORT_FORMATS as readonly string[]).includes(value ?? "") ? (value as ExportFileFormat) : null;
}

export interface InsatsStart {
  name: string;
  startDate: string | null;
}

export type ResolvedPeriod = { ok: true; period: Period } | { ok: false; field: StatisticsField; message: string };

/**
 * The dates of the chosen period. "Sedan insatsen startade" runs from the chosen insats's start
 * date (or, for all insatser, the earliest one) to the end of the chosen year.
 */
export function resolvePeriod(query: StatisticsQuery, insatser: readonly InsatsStart[]): ResolvedPeriod {
  switch (query.period) {
    case "helar":
      return { ok: true, period: fullYear(query.ar) };
    case "jan-jun":
      return { ok: true, period: janJun(query.ar) };
    case "jan-aug":
      return { ok: true, period: janAug(query.ar) };
    case "anpassad":
      return { ok: true, period: { from: query.fran!, to: query.till! } };
    case "sedan-start": {
      const chosen = query.insats === null ? insatser : insatser.filter((insats) => insats.name === query.insats);
      const starts = chosen.flatMap((insats) => (insats.startDate ? [insats.startDate] : [])).sort();
      const to = fullYear(query.ar).to;
      if (starts.length === 0) {
        return {
          ok: false,
          field: "period",
          message: query.insats
            ? `Insatsen ${query.insats} har inget startdatum. Förbundschefen anger det under Administration → Insatser; välj under tiden en annan period.`
            : "Ingen insats har ett startdatum. Välj en annan period.",
        };
      }
      if (starts[0]! > to) return { ok: false, field: "ar", message: `Insatsen startade först ${starts[0]}. Välj ett senare år.` };
      return { ok: true, period: sinceStart(starts[0]!, to) };
    }
  }
}

/** The canonical query string of a view: what the export and print links carry. */
export function statisticsSearch(query: StatisticsQuery, hideSmallNumbers: boolean): string {
  const params = new URLSearchParams({ period: query.period });
  if (query.period === "anpassad") {
    params.set("fran", query.fran ?? "");
    params.set("till", query.till ?? "");
  } else params.set("ar", String(query.ar));
  if (query.insats) params.set("insats", query.insats);
  if (query.kommun) params.set("kommun", query.kommun);
  params.set("dolj", hideSmallNumbers ? "1" : "0");
  return params.toString();
}
