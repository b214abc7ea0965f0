// The report under the /import form: what a preview or an import found, table by table, with
// the values the förbund lacks, the warnings and every problem with sheet, row and column.
import type { Ref } from "react";
import { Link } from "react-router";
import { TABLE_NAMES } from "~/import/columns";
import type { ImportUploadResult } from "~/import/handle-upload.server";
import { formatNumber } from "~/utils/format";

type Outcome = Extract<ImportUploadResult, { kind: "result" }>;

export function ImportReport({ outcome, stale, headingRef }: { outcome: Outcome; stale: boolean; headingRef: Ref<HTMLHeadingElement> }) {
  const { result } = outcome;
  const imported = TABLE_NAMES.reduce((sum, name) => sum + result.counts.tables[name].new, 0);
  return (
    <section className="stack import-report" aria-labelledby="import-report-heading">
      <h2 id="import-report-heading" tabIndex={-1} ref={headingRef}>
        {result.written ? "3. Resultat" : "3. Förhandsgranskning"}
      </h2>
      {outcome.changedSincePreview ? (
        <div className="alert alert--info" role="status">
          Filerna eller valet "Skapa saknade" ändrades efter förhandsgranskningen, så ingenting importerades. Här är en ny förhandsgranskning.
        </div>
      ) : null}
      {stale ? <p className="alert alert--info">Du har ändrat filerna eller valen. Förhandsgranska igen innan du importerar.</p> : null}
      {result.written ? (
        <div className="alert alert--success" role="status">
          Importen är klar: {formatNumber(imported)} rader importerades. <Link to="/deltagare">Gå till deltagarna</Link>
        </div>
      ) : result.ok ? (
        <div className="alert alert--success" role="status">
          Inga fel hittades. {formatNumber(imported)} rader kan importeras; ingenting har sparats ännu. Tryck på "Importera" för att spara.
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
            <th scope="col" className="num">
              Rader i filerna
            </th>
            <th scope="col" className="num">
              {result.written ? "Importerade" : "Nya"}
            </th>
            <th scope="col" className="num">
              Fanns redan
            </th>
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
          Fel som måste rättas ({formatNumber(total)}){total > problems.length ? ` – visar de första ${formatNumber(problems.length)}` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Blad</th>
            <th scope="col" className="num">
              Rad
            </th>
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
