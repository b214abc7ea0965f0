// /import: the förbundschef moves the förbund's spreadsheets into Stegvis. A first submit is
// always a preview (dry run); "Importera" sends the same files again for real.
import { useEffect, useId, useState } from "react";
import { data, Form, Link, useNavigation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/import";
import { requirePermission } from "~/auth/guards.server";
import { CheckboxField, FormMessage } from "~/components/forms/fields";
import { filesFingerprint, importFiles } from "~/import";
import { TABLE_NAMES, TABLES } from "~/import/columns";
import type { ImportResult } from "~/import/types";
import { checkbox } from "~/schemas/form";
import { formatNumber } from "~/utils/format";

export const meta: Route.MetaFunction = () => [{ title: "Import – Stegvis" }];

const MAX_UPLOAD_MB = 50;
const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
const MAX_FILES = 20;
/** The page lists this many problems; the counts say how many there are in all. */
const SHOWN_PROBLEMS = 1000;
const ACCEPT = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

const ImportFormSchema = z.object({
  intent: z.enum(["preview", "import"], { error: "Okänd åtgärd. Ladda om sidan och försök igen." }),
  createMissing: checkbox,
  previewed: z.string().max(100).optional(),
});

type ActionResult =
  | { kind: "error"; message: string }
  | {
      kind: "result";
      result: Omit<ImportResult, "problems" | "timings"> & { problems: ImportResult["problems"]; problemCount: number };
      /** Identifies the previewed files and choice, so that "Importera" imports exactly those. */
      fingerprint: string;
      changedSincePreview: boolean;
    };

const failure = (message: string, status: number) => data<ActionResult>({ kind: "error", message }, { status });

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "import:run");
  return { maxUploadMb: MAX_UPLOAD_MB };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "import:run");
  const tooLarge = `Filerna är för stora: högst ${MAX_UPLOAD_MB} MB tillsammans. Dela upp importen, t.ex. en fil per tabell.`;
  // Refused before the body is read, so that a huge upload never fills the server's memory.
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_UPLOAD_BYTES + 1024 * 1024) return failure(tooLarge, 413);

  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return failure("Filerna kunde inte tas emot. Försök igen, och välj filerna på nytt om det inte hjälper.", 400);
  }
  const parsed = ImportFormSchema.safeParse({
    intent: formData.get("intent") ?? "preview",
    createMissing: formData.get("createMissing") ?? undefined,
    previewed: formData.get("previewed") ?? undefined,
  });
  if (!parsed.success) return failure(parsed.error.issues[0].message, 400);
  const { intent, createMissing, previewed } = parsed.data;

  const uploads = formData.getAll("files").filter((value): value is File => typeof value !== "string" && value.size > 0);
  if (uploads.length === 0) return failure("Välj minst en fil: en Excel-arbetsbok (.xlsx) eller CSV-filer (.csv).", 400);
  if (uploads.length > MAX_FILES) return failure(`Välj högst ${MAX_FILES} filer åt gången.`, 400);
  if (uploads.reduce((sum, file) => sum + file.size, 0) > MAX_UPLOAD_BYTES) return failure(tooLarge, 413);

  const files = await Promise.all(uploads.map(async (file) => ({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) })));
  const fingerprint = filesFingerprint(files, createMissing);
  // The real import only runs for exactly what was previewed; anything else is previewed first.
  const confirmed = intent === "import" && previewed === fingerprint;

  const result = await importFiles({ organisationId: user.organisationId, files, dryRun: !confirmed, createMissing, userId: user.id });
  const { timings: _timings, problems, ...rest } = result;
  return data<ActionResult>({
    kind: "result",
    result: { ...rest, problems: problems.slice(0, SHOWN_PROBLEMS), problemCount: problems.length },
    fingerprint,
    changedSincePreview: intent === "import" && !confirmed,
  });
}

export default function ImportPage({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const fileInputId = useId();
  const submitting = navigation.state === "submitting" && navigation.formAction?.startsWith("/import") === true;
  const importing = submitting && navigation.formData?.get("intent") === "import";
  // A change of files or of "Skapa saknade" makes the shown preview out of date.
  const [stale, setStale] = useState(false);
  useEffect(() => setStale(false), [actionData]);

  const outcome = actionData?.kind === "result" ? actionData : null;
  const canImport = !!outcome && outcome.result.ok && outcome.result.dryRun && !stale && !submitting;
  const status = importing ? "Importerar … Det kan ta en stund för stora filer." : submitting ? "Läser in filen …" : "";

  return (
    <div className="stack">
      <h1>Importera från Excel eller CSV</h1>
      <p>
        Flytta in förbundets befintliga kalkylblad: deltagare, Trappan, SKAPA, FOV, stödinsatser, aktiviteter, remisser och
        studiebesök. Allt kontrolleras innan något sparas, och antingen importeras allt eller ingenting.
      </p>

      <section className="card stack" aria-labelledby="import-template-heading">
        <h2 id="import-template-heading">1. Fyll i mallen</h2>
        <p>
          Mallen har ett blad per tabell med rubrikrad och en exempelrad, och ett blad med instruktioner och förbundets egna
          värden (insatser, kommuner, avslutsorsaker …).
        </p>
        <p>
          <a className="button button--secondary" href="/import/mall.xlsx" download>
            Ladda ner importmallen (.xlsx)
          </a>
        </p>
        <details>
          <summary>Tabeller och kolumner</summary>
          <ul className="import-tables">
            {TABLES.map((table) => (
              <li key={table.name}>
                <strong>{table.name}</strong>: {table.columns.map((column) => `${column.key}${column.required ? " *" : ""}`).join(", ")}
              </li>
            ))}
          </ul>
          <p className="muted">* = obligatorisk. Datum skrivs ÅÅÅÅ-MM-DD.</p>
        </details>
      </section>

      <Form method="post" encType="multipart/form-data" className="card stack" onChange={() => setStale(true)}>
        <h2>2. Välj filer och förhandsgranska</h2>
        <div className="field">
          <label htmlFor={fileInputId}>
            Filer<span aria-hidden="true"> *</span>
          </label>
          <input id={fileInputId} type="file" name="files" accept={ACCEPT} multiple required aria-describedby={`${fileInputId}-hint`} />
          <p className="field__hint" id={`${fileInputId}-hint`}>
            En Excel-arbetsbok (.xlsx) med ett blad per tabell, eller CSV-filer som heter som tabellerna (deltagare.csv,
            trappan.csv …), med semikolon eller komma. Högst {loaderData.maxUploadMb} MB tillsammans.
          </p>
        </div>
        <CheckboxField
          label="Skapa saknade insatser, kommuner och remittenter"
          name="createMissing"
          hint="Utan detta val räknas värden som förbundet inte har som fel, så att en felstavning inte blir en ny kommun."
        />
        {canImport ? <input type="hidden" name="previewed" value={outcome.fingerprint} /> : null}
        <div className="stack-inline">
          <button type="submit" name="intent" value="preview" className={canImport ? "button button--secondary" : "button"} disabled={submitting}>
            Förhandsgranska
          </button>
          {canImport ? (
            <button type="submit" name="intent" value="import" className="button">
              Importera
            </button>
          ) : null}
        </div>
        <div className="import-progress" hidden={!submitting}>
          <progress aria-label={importing ? "Importerar" : "Läser in filen"} />
        </div>
        <p role="status" aria-live="polite" className="import-status">
          {status}
        </p>
      </Form>

      {actionData?.kind === "error" ? <FormMessage error={actionData.message} /> : null}
      {outcome ? <ImportReport outcome={outcome} stale={stale} /> : null}
    </div>
  );
}

type Outcome = Extract<ActionResult, { kind: "result" }>;

function ImportReport({ outcome, stale }: { outcome: Outcome; stale: boolean }) {
  const { result } = outcome;
  const imported = TABLE_NAMES.reduce((sum, name) => sum + result.counts.tables[name].new, 0);
  return (
    <section className="stack import-report" aria-labelledby="import-report-heading">
      <h2 id="import-report-heading">{result.written ? "3. Resultat" : "3. Förhandsgranskning"}</h2>
      {outcome.changedSincePreview ? (
        <div className="alert alert--info" role="status">
          Filerna eller valet "Skapa saknade" ändrades efter förhandsgranskningen, så ingenting importerades. Här är en ny
          förhandsgranskning.
        </div>
      ) : null}
      {stale ? <p className="alert alert--info">Du har ändrat filerna eller valen. Förhandsgranska igen innan du importerar.</p> : null}
      {result.written ? (
        <div className="alert alert--success" role="status">
          Importen är klar: {formatNumber(imported)} rader importerades. <Link to="/deltagare">Gå till deltagarna</Link>
        </div>
      ) : result.ok ? (
        <div className="alert alert--success" role="status">
          Inga fel hittades. {formatNumber(imported)} rader kan importeras; ingenting har sparats ännu. Tryck på "Importera"
          för att spara.
        </div>
      ) : (
        <div className="alert alert--error" role="alert">
          {formatNumber(result.problemCount)} fel hittades. Ingenting har sparats. Rätta felen i filen och förhandsgranska igen.
        </div>
      )}
      <CountsTable result={result} />
      <MissingList result={result} />
      {result.warnings.length ? (
        <div className="stack">
          <h3>Anmärkningar</h3>
          <ul className="import-warnings">
            {result.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.problems.length ? <ProblemsTable problems={result.problems} total={result.problemCount} /> : null}
    </section>
  );
}

function CountsTable({ result }: { result: Outcome["result"] }) {
  const rows = TABLE_NAMES.filter((name) => result.counts.tables[name].rows > 0);
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table>
        <caption>Rader per tabell</caption>
        <thead>
          <tr>
            <th scope="col">Tabell</th>
            <th scope="col" className="num">Rader i filerna</th>
            <th scope="col" className="num">{result.written ? "Importerade" : "Nya"}</th>
            <th scope="col" className="num">Fanns redan</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((name) => {
            const count = result.counts.tables[name];
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className="num">{formatNumber(count.rows)}</td>
                <td className="num">{formatNumber(count.new)}</td>
                <td className="num">{formatNumber(count.existing)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="import-note">
        Nya deltagare: {formatNumber(result.counts.participants)}, samtycken: {formatNumber(result.counts.consents)}, SKAPA-bedömningar:{" "}
        {formatNumber(result.counts.assessments)}. Rader som redan finns i Stegvis hoppas över.
      </p>
    </div>
  );
}

function MissingList({ result }: { result: Outcome["result"] }) {
  const groups: Array<[string, string[]]> = [
    ["Insatser", result.missing.insatser],
    ["Kommuner", result.missing.kommuner],
    ["Remittenter", result.missing.remittenter],
  ];
  if (groups.every(([, names]) => names.length === 0)) return null;
  const created = result.ok;
  return (
    <div className="stack">
      <h3>{created ? (result.written ? "Skapades" : "Skapas vid importen") : "Saknas i förbundets listor"}</h3>
      <ul>
        {groups
          .filter(([, names]) => names.length > 0)
          .map(([label, names]) => (
            <li key={label}>
              {label}: {names.join(", ")}
            </li>
          ))}
      </ul>
      {created ? null : (
        <p className="muted">
          Rätta stavningen i filen, lägg till dem under <Link to="/admin">Administration</Link> eller kryssa i "Skapa saknade".
        </p>
      )}
    </div>
  );
}

function ProblemsTable({ problems, total }: { problems: Outcome["result"]["problems"]; total: number }) {
  return (
    <div className="table-wrap import-problems">
      <table>
        <caption>
          Fel som måste rättas ({formatNumber(total)})
          {total > problems.length ? ` – visar de första ${formatNumber(problems.length)}` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Blad</th>
            <th scope="col" className="num">Rad</th>
            <th scope="col">Kolumn</th>
            <th scope="col">Värde</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={index}>
              <td>{problem.sheet}</td>
              <td className="num">{problem.row ?? "–"}</td>
              <td>{problem.column ?? "–"}</td>
              <td className="import-value">{problem.value}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
