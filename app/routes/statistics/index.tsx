import { useState, type MouseEvent } from "react";
import { data, Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/index";
import { SectionView } from "~/charts/SectionView";
import { CheckboxField, SelectField, TextField } from "~/components/forms/fields";
import { SmallNumberProtection } from "~/components/statistics/SmallNumberProtection";
import { PERIOD_PRESET_LABELS, PERIOD_PRESETS, type StatisticsErrors } from "~/schemas/statistics";
import { todayInSweden } from "~/domain/period";
import { loadStatisticsRequest, statisticsView } from "./view.server";

export const meta: Route.MetaFunction = () => [{ title: "Statistik – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const view = statisticsView(await loadStatisticsRequest(request));
  return data(view, { status: Object.keys(view.errors).length > 0 ? 400 : 200 });
}

const EXPORTS = [
  { format: "docx", label: "Word (DOCX)" },
  { format: "xlsx", label: "Excel (XLSX)" },
  { format: "csv", label: "CSV" },
] as const;

type DownloadState = { status: "idle" } | { status: "working"; label: string } | { status: "done"; fileName: string } | { status: "error"; message: string };

function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? "");
  return match?.[1] ?? fallback;
}

/**
 * Plain download links that work without JavaScript; with it, the file is fetched here so the
 * page can say that the document is being made (a DOCX with charts takes a moment) and then
 * hand it over.
 */
function ReportDownloads({ search }: { search: string }) {
  const [state, setState] = useState<DownloadState>({ status: "idle" });
  const working = state.status === "working";

  async function download(event: MouseEvent<HTMLAnchorElement>, href: string, label: string, fallbackName: string) {
    event.preventDefault();
    if (working) return;
    setState({ status: "working", label });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) throw new Error((await response.text()) || `Fel ${response.status}`);
      const blob = await response.blob();
      const fileName = fileNameFrom(response.headers.get("Content-Disposition"), fallbackName);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: some browsers read the blob only after click() has returned.
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ status: "done", fileName });
    } catch (error) {
      const detail = error instanceof Error && error.message.length < 300 ? ` (${error.message})` : "";
      setState({ status: "error", message: `Det gick inte att skapa filen${detail}. Försök igen om en stund.` });
    }
  }

  return (
    <section className="card stat-downloads no-print" aria-labelledby="ladda-ner">
      <h2 id="ladda-ner">Ladda ner</h2>
      <div className="stack-inline">
        {EXPORTS.map(({ format, label }) => {
          const href = `/statistik/export?format=${format}&${search}`;
          return (
            <a
              key={format}
              href={href}
              download
              className="button button--secondary"
              aria-disabled={working || undefined}
              onClick={(event) => download(event, href, label, `stegvis-statistik.${format}`)}
            >
              {label}
            </a>
          );
        })}
        <Link to={`/statistik/utskrift?${search}`} className="button button--secondary">
          Utskriftsvänlig version
        </Link>
      </div>
      <div className="stat-progress" aria-live="polite" role="status">
        {state.status === "working" ? (
          <>
            <progress aria-label={`Skapar ${state.label}`} />
            <span>Skapar dokument …</span>
          </>
        ) : state.status === "done" ? (
          <span>Klart: {state.fileName} har laddats ner.</span>
        ) : null}
      </div>
      {state.status === "error" ? (
        <p className="alert alert--error" role="alert">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}

function errorList(errors: StatisticsErrors, field: keyof StatisticsErrors): string[] | undefined {
  const message = errors[field];
  return message ? [message] : undefined;
}

function yearOptions(insatser: ReadonlyArray<{ startDate: string | null }>, selected: string): string[] {
  const current = Number(todayInSweden().slice(0, 4));
  const starts = insatser.flatMap((insats) => (insats.startDate ? [Number(insats.startDate.slice(0, 4))] : []));
  const first = Math.min(current - 5, ...starts);
  const years = Array.from({ length: current - first + 2 }, (_, i) => String(current + 1 - i));
  return years.includes(selected) || !/^\d{4}$/.test(selected) ? years : [selected, ...years];
}

export default function Statistics({ loaderData }: Route.ComponentProps) {
  const { values, errors, options, canShowSmallNumbers, search, document, threshold } = loaderData;
  const meta = document?.meta ?? null;
  const sections = document?.sections ?? [];
  // Only the förbundschef chooses their own dates and may show small numbers (view.server.ts).
  const canChooseDates = canShowSmallNumbers;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/statistik";
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <h1>Statistik</h1>
      {meta ? (
        <p className="stat-meta">
          {meta.period}. {meta.comparison}. {meta.filters}
        </p>
      ) : null}

      {/* Keyed by the query, so the fields show the URL's values again after back and forward. */}
      <Form method="get" className="card stat-filters" key={search ?? JSON.stringify(values)} aria-labelledby="urval">
        <h2 id="urval">Urval</h2>
        {hasErrors ? (
          <p className="alert alert--error" role="alert">
            Statistiken kunde inte tas fram. Rätta uppgifterna nedan.
          </p>
        ) : null}
        <div className="row">
          <SelectField
            label="Period"
            name="period"
            placeholder={null}
            defaultValue={values.period}
            options={PERIOD_PRESETS.filter((preset) => canChooseDates || preset !== "anpassad").map((preset) => ({
              value: preset,
              label: PERIOD_PRESET_LABELS[preset],
            }))}
            errors={errorList(errors, "period")}
          />
          <SelectField
            label="År"
            name="ar"
            placeholder={null}
            defaultValue={values.ar}
            options={yearOptions(options.insatser, values.ar).map((year) => ({ value: year, label: year }))}
            errors={errorList(errors, "ar")}
          />
          <SelectField
            label="Insats"
            name="insats"
            placeholder="Alla insatser"
            defaultValue={values.insats}
            options={options.insatser.map((insats) => ({ value: insats.name, label: insats.name }))}
            errors={errorList(errors, "insats")}
          />
          <SelectField
            label="Kommun"
            name="kommun"
            placeholder="Alla kommuner"
            defaultValue={values.kommun}
            options={options.kommuner.map((kommun) => ({ value: kommun, label: kommun }))}
            errors={errorList(errors, "kommun")}
          />
        </div>
        {canChooseDates ? (
          <fieldset className="row">
            <legend>Anpassad period</legend>
            <p className="field__hint">Datumen används när perioden är Anpassad.</p>
            <TextField label="Från" name="fran" type="date" defaultValue={values.fran} errors={errorList(errors, "fran")} />
            <TextField label="Till" name="till" type="date" defaultValue={values.till} errors={errorList(errors, "till")} />
          </fieldset>
        ) : null}
        {canShowSmallNumbers ? (
          <>
            {/* Sent also when the box is unticked, so "show small numbers" survives in the link. */}
            <input type="hidden" name="dolj" value="0" />
            <CheckboxField
              label="Dölj små tal"
              name="dolj"
              value="1"
              defaultChecked={values.dolj}
              hint="Antal under förbundets gräns visas som ”färre än N”, som i styrgruppens vy. Svar om våld per kön döljs alltid."
            />
          </>
        ) : (
          <p className="muted">Små tal döljs alltid i styrgruppens vy.</p>
        )}
        <div className="stack-inline">
          <button type="submit" className="button" disabled={loading}>
            Visa statistik
          </button>
          {loading ? <span role="status">Hämtar statistik …</span> : null}
        </div>
      </Form>

      {meta && search ? (
        <>
          <p className="muted stat-suppression">{meta.suppression}</p>
          {threshold !== null ? <SmallNumberProtection threshold={threshold} /> : null}
          <ReportDownloads search={search} />
          <nav aria-label="Avsnitt" className="stat-toc">
            <h2>Avsnitt</h2>
            <ol>
              {sections.map((section) => (
                <li key={section.id}>
                  <a href={`#avsnitt-${section.id}`}>{section.title}</a>
                </li>
              ))}
            </ol>
          </nav>
          {sections.map((section) => (
            <SectionView key={section.id} section={section} />
          ))}
        </>
      ) : null}
    </>
  );
}
