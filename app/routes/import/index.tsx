// /import: the förbundschef moves the förbund's spreadsheets into Stegvis. A first submit is
// always a preview (dry run); "Importera" sends the same files again for real. Without JavaScript
// the form posts here; with it, the page sends the same form to /import/skicka with
// XMLHttpRequest, shows how far the upload has come, and renders the JSON answer the same way.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { data, Form, useNavigation } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "~/auth/guards.server";
import { CheckboxField } from "~/components/forms/fields";
import { ImportReport } from "~/components/import/ImportReport";
import { TABLES } from "~/import/columns";
import { handleImportUpload, MAX_UPLOAD_MB, type ImportUploadResult } from "~/import/handle-upload.server";

export const meta: Route.MetaFunction = () => [{ title: "Import – Stegvis" }];

const ACCEPT = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";
/** Where the page sends the form with JavaScript (routes/import/submit.tsx). */
const SUBMIT_URL = "/import/skicka";
/** The progress text is read aloud at most this often, so that a screen reader is not flooded. */
const ANNOUNCE_EVERY_MS = 1000;

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "import:run");
  return { maxUploadMb: MAX_UPLOAD_MB };
}

export async function action({ request }: Route.ActionArgs) {
  const { status, body } = await handleImportUpload(request);
  return data<ImportUploadResult>(body, { status });
}

type Intent = "preview" | "import";
/** An upload sent with XMLHttpRequest: the bytes going up, then the server checking them. */
type UploadState =
  { phase: "idle" } | { phase: "uploading"; intent: Intent; loaded: number; total: number; announced: number } | { phase: "processing"; intent: Intent };

const percentOf = (loaded: number, total: number) => (total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0);
const NO_CONNECTION = "Filerna kunde inte skickas. Kontrollera anslutningen och försök igen.";

/** Reads the JSON answer of /import/skicka; anything else becomes a message for the page. */
function readAnswer(xhr: XMLHttpRequest, maxUploadMb: number): ImportUploadResult {
  try {
    const body = JSON.parse(xhr.responseText) as ImportUploadResult;
    if (body && (body.kind === "result" || (body.kind === "error" && typeof body.message === "string"))) return body;
  } catch {
    /* not JSON: an error page from a proxy, say */
  }
  if (xhr.status === 403) return { kind: "error", message: "Du har inte behörighet att importera." };
  if (xhr.status === 413) return { kind: "error", message: `Filerna är för stora: högst ${maxUploadMb} MB tillsammans.` };
  return { kind: "error", message: `Importen kunde inte genomföras (fel ${xhr.status || "i anslutningen"}). Försök igen om en stund.` };
}

export default function ImportPage({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const { maxUploadMb } = loaderData;
  const fileInputId = useId();
  const progressLabelId = useId();
  // A plain post through React Router (only when XMLHttpRequest is missing).
  const navigating = navigation.state === "submitting" && navigation.formAction?.startsWith("/import") === true;
  const [upload, setUpload] = useState<UploadState>({ phase: "idle" });
  // The latest answer of /import/skicka; counter makes each answer a new one for the focus.
  const [answer, setAnswer] = useState<{ body: ImportUploadResult; counter: number } | null>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const shown: ImportUploadResult | undefined = answer?.body ?? actionData;

  // A change of files or of "Skapa saknade" makes the shown preview out of date.
  // It is the answer that goes out of date: a new answer is current again.
  const [staleAnswer, setStaleAnswer] = useState<ImportUploadResult | undefined>(undefined);
  const stale = shown !== undefined && staleAnswer === shown;

  // The answer is announced by moving focus to its heading (or to the error).
  useEffect(() => {
    if (!answer) return;
    (answer.body.kind === "result" ? reportHeading.current : errorBox.current)?.focus();
  }, [answer]);
  // Leaving the page stops an upload that is still going.
  useEffect(() => () => request.current?.abort(), []);

  const uploading = upload.phase !== "idle";
  const submitting = uploading || navigating;
  const intent: Intent | null =
    upload.phase !== "idle" ? upload.intent : navigating ? (navigation.formData?.get("intent") === "import" ? "import" : "preview") : null;
  const outcome = shown?.kind === "result" ? shown : null;
  const canImport = !!outcome && outcome.result.ok && outcome.result.dryRun && !stale && !submitting;

  const send = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      if (typeof XMLHttpRequest === "undefined") return; // React Router posts the form instead
      event.preventDefault();
      if (request.current) return;
      const form = event.currentTarget;
      const body = new FormData(form);
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      if (submitter instanceof HTMLButtonElement && submitter.name) body.set(submitter.name, submitter.value);
      const sentIntent: Intent = body.get("intent") === "import" ? "import" : "preview";
      const size = body.getAll("files").reduce((sum, value) => sum + (typeof value === "string" ? 0 : value.size), 0);

      const xhr = new XMLHttpRequest();
      request.current = xhr;
      // The percentage read aloud, and when it last changed.
      let announced = 0;
      let announcedAt = Date.now();
      const finish = (result: ImportUploadResult) => {
        request.current = null;
        setUpload({ phase: "idle" });
        setAnswer((previous) => ({ body: result, counter: (previous?.counter ?? 0) + 1 }));
      };
      xhr.upload.onprogress = (progress) => {
        const total = progress.lengthComputable ? progress.total : size;
        const percent = percentOf(progress.loaded, total);
        const now = Date.now();
        if (percent === 100 || now - announcedAt >= ANNOUNCE_EVERY_MS) {
          announced = percent;
          announcedAt = now;
        }
        setUpload({ phase: "uploading", intent: sentIntent, loaded: progress.loaded, total, announced });
      };
      xhr.upload.onload = () => setUpload({ phase: "processing", intent: sentIntent });
      xhr.onload = () => {
        if (xhr.status === 401) {
          // Signed out meanwhile: sign in again, then back to this page.
          request.current = null;
          window.location.assign(`/logga-in?redirectTo=${encodeURIComponent("/import")}`);
          return;
        }
        finish(readAnswer(xhr, maxUploadMb));
      };
      xhr.onerror = () => finish({ kind: "error", message: NO_CONNECTION });
      xhr.ontimeout = xhr.onerror;
      xhr.onabort = () => {
        request.current = null;
      };
      xhr.open("POST", SUBMIT_URL);
      xhr.setRequestHeader("Accept", "application/json");
      setUpload({ phase: "uploading", intent: sentIntent, loaded: 0, total: size, announced: 0 });
      xhr.send(body);
    },
    [maxUploadMb],
  );

  const status =
    upload.phase === "uploading"
      ? `Laddar upp … ${upload.announced}\u00a0%`
      : intent === "import"
        ? "Kontrollerar och importerar … Det kan ta en stund för stora filer."
        : submitting
          ? "Kontrollerar filen …"
          : "";
  const progressLabel = upload.phase === "uploading" ? "Uppladdning av filerna" : intent === "import" ? "Import" : "Kontroll av filerna";

  return (
    <div className="stack">
      <h1>Importera från Excel eller CSV</h1>
      <p>
        Flytta in förbundets befintliga kalkylblad: deltagare, Trappan, SKAPA, FOV, stödinsatser, aktiviteter, remisser och studiebesök. Allt kontrolleras innan
        något sparas, och antingen importeras allt eller ingenting.
      </p>

      <section className="card stack" aria-labelledby="import-template-heading">
        <h2 id="import-template-heading">1. Fyll i mallen</h2>
        <p>
          Mallen har ett blad per tabell med rubrikrad och en exempelrad, och ett blad med instruktioner och förbundets egna värden (insatser, kommuner,
          avslutsorsaker …).
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

      <Form method="post" encType="multipart/form-data" className="card stack" onChange={() => setStaleAnswer(shown)} onSubmit={send} aria-busy={submitting}>
        <h2>2. Välj filer och förhandsgranska</h2>
        <div className="field">
          <label htmlFor={fileInputId}>
            Filer<span aria-hidden="true"> *</span>
          </label>
          <input id={fileInputId} type="file" name="files" accept={ACCEPT} multiple required aria-describedby={`${fileInputId}-hint`} />
          <p className="field__hint" id={`${fileInputId}-hint`}>
            En Excel-arbetsbok (.xlsx) med ett blad per tabell, eller CSV-filer som heter som tabellerna (deltagare.csv, trappan.csv …), med semikolon eller
            komma. Högst {maxUploadMb} MB tillsammans.
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
            <button type="submit" name="intent" value="import" className="button" disabled={submitting}>
              Importera
            </button>
          ) : null}
        </div>
        <div className="import-progress" hidden={!submitting}>
          <span id={progressLabelId} className="visually-hidden">
            {progressLabel}
          </span>
          {upload.phase === "uploading" ? (
            // Determinate while the bytes go up; a new element after, so that it becomes indeterminate.
            <progress key="upload" aria-labelledby={progressLabelId} value={upload.loaded} max={Math.max(upload.total, 1)} />
          ) : (
            <progress key="server" aria-labelledby={progressLabelId} />
          )}
        </div>
        <p role="status" aria-live="polite" className="import-status">
          {status}
        </p>
      </Form>

      {shown?.kind === "error" ? (
        <div className="alert alert--error" role="alert" tabIndex={-1} ref={errorBox}>
          {shown.message}
        </div>
      ) : null}
      {outcome ? <ImportReport outcome={outcome} stale={stale} headingRef={reportHeading} /> : null}
    </div>
  );
}
