import { Form, Link } from "react-router";
import type { Route } from "./+types/goals";
import { notFound, requirePermission } from "~/auth/guards.server";
import { GoalTargetFields } from "~/components/admin/GoalTargetFields";
import { SectionMessage } from "~/components/admin/SectionMessage";
import { TextField } from "~/components/forms/fields";
import { goalInsatser, goalOutcomeGroups, saveGoalTargets, targetsOf, targetYears } from "~/data/goal-targets.server";
import { goalKey, type GoalKind, type YearlyGoalTarget } from "~/domain/goals";
import { goalFields, goalTargetsSchema } from "~/schemas/goals";
import { formAction, intent } from "~/utils/form-action.server";
import { failureFor, fieldState } from "~/utils/form-answer";
import { formatNumber } from "~/utils/format";
import { ok } from "~/utils/write-result";

// Goals per year: targets for the whole förbund across every insats, or for one insats, for one
// calendar year or for every year without targets of its own. The report of the whole förbund
// and of a kommun follows the förbund's; an insats's report follows the insats's. The insats's
// page edits its targets for every year too.

export const meta: Route.MetaFunction = () => [{ title: "Mål – Stegvis" }];

/** The year being edited: `?ar=2026`, or every year when absent or not a year. */
function chosenYear(url: URL): number | null {
  const text = url.searchParams.get("ar") ?? "";
  return /^\d{4}$/.test(text) ? Number(text) : null;
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "admin:manage");
  const url = new URL(request.url);
  const [insatser, outcomeGroups] = await Promise.all([goalInsatser(user.organisationId), goalOutcomeGroups(user.organisationId)]);
  const insatsId = url.searchParams.get("insats") || null;
  const insats = insatsId === null ? null : (insatser.find((row) => row.id === insatsId) ?? notFound("Insatsen finns inte."));
  const targets = await targetsOf(user.organisationId, insats?.id ?? null);
  return { insatser, insats, outcomeGroups, targets, years: targetYears(targets), year: chosenYear(url) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "admin:manage");
  const fields = goalFields(await goalOutcomeGroups(user.organisationId));
  return formAction(request, {
    targets: intent(goalTargetsSchema(fields), async ({ scope, targets }) => {
      const result = await saveGoalTargets(user, scope, targets);
      return result.ok ? ok({ message: `Målvärdena för ${scope.year === null ? "alla år" : scope.year} är sparade.` }) : result;
    }),
  });
}

/** A ratio as the percentage typed in the form: 0.8 → "80". */
function percentText(ratio: number): string {
  return String(Number((ratio * 100).toFixed(2)));
}

function targetText(kind: GoalKind, value: number | undefined): string {
  if (value === undefined) return "–";
  return kind === "share" ? `${formatNumber(Number((value * 100).toFixed(2)))} %` : formatNumber(value);
}

const yearLabel = (year: number | null) => (year === null ? "Alla år" : String(year));

/** The page for an insats (null: the whole förbund) and a year (null: every year). */
function goalsLink(insatsId: string | null, year: number | null): string {
  const query = new URLSearchParams();
  if (insatsId !== null) query.set("insats", insatsId);
  if (year !== null) query.set("ar", String(year));
  const text = query.toString();
  return text ? `/admin/mal?${text}` : "/admin/mal";
}

/** The form field a stored target fills: its metric, or its group's goal field. */
function fieldOf(target: YearlyGoalTarget, groups: ReadonlyArray<{ id: string; name: string }>): string {
  const group = target.outcomeGroup === undefined ? undefined : groups.find((candidate) => candidate.name === target.outcomeGroup);
  return group === undefined ? goalKey(target) : `${target.metric}:${group.id}`;
}

export default function Goals({ loaderData, actionData }: Route.ComponentProps) {
  const { insatser, insats, outcomeGroups, targets, years, year } = loaderData;
  const scopeId = insats?.id ?? null;
  const targetFields = goalFields(outcomeGroups);
  const yearLink = (forYear: number | null) => goalsLink(scopeId, forYear);
  const valueOf = (field: string, forYear: number | null) =>
    targets.find((target) => fieldOf(target, outcomeGroups) === field && target.year === forYear)?.value;
  const stored = targetFields.map(({ metric, kind }) => {
    const value = valueOf(metric, year);
    return [metric, value === undefined ? "" : kind === "share" ? percentText(value) : String(value)];
  });
  const fields = fieldState(failureFor(actionData, "targets"), { year: year === null ? "" : String(year), ...Object.fromEntries(stored) });
  return (
    <>
      <p>
        <Link to="/admin">Administration</Link>
      </p>
      <h1>Mål{insats ? ` för ${insats.name}` : " för hela förbundet"}</h1>
      <p>
        Förbundets mål gäller hela förbundet, över alla insatser: rapporten för hela förbundet och för en kommun följer upp dem. En insats rapport följer
        insatsens egna mål. Ett mål kan gälla ett visst år (till exempel ”År 1 12, År 2 25”): rapporten använder målet för rapportperiodens år och annars målet
        för alla år. Antal gäller per kalenderår; en delårsrapport bedöms mot den del av målet som motsvarar perioden. Varje utfallsgrupp (Administration →
        Utfallsgrupper) kan få ett mål för sin andel av alla avslutade.
      </p>
      <nav aria-label="Vems mål">
        <ul>
          <li>{insats === null ? <strong>Hela förbundet</strong> : <Link to={goalsLink(null, null)}>Hela förbundet</Link>}</li>
          {insatser.map((row) => (
            <li key={row.id}>{row.id === scopeId ? <strong>{row.name}</strong> : <Link to={goalsLink(row.id, null)}>{row.name}</Link>}</li>
          ))}
        </ul>
      </nav>
      {years.length > 0 ? (
        <section aria-labelledby="saved-heading">
          <h2 id="saved-heading">Sparade mål</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Mål</th>
                {years.map((column) => (
                  <th key={String(column)} scope="col">
                    <Link to={yearLink(column)} aria-label={`Ändra målen för ${yearLabel(column).toLowerCase()}`}>
                      {yearLabel(column)}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {targetFields
                .filter(({ metric }) => targets.some((target) => fieldOf(target, outcomeGroups) === metric))
                .map(({ metric, label, kind }) => (
                  <tr key={metric}>
                    <th scope="row">{label}</th>
                    {years.map((column) => (
                      <td key={String(column)}>{targetText(kind, valueOf(metric, column))}</td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">Målvärden för {yearLabel(year).toLowerCase()}</h2>
        <Form method="post" className="card stack narrow" noValidate preventScrollReset>
          <p className="field__hint">Andelar skrivs i procent, antal som heltal. Ett tomt fält betyder inget mål för året.</p>
          <SectionMessage actionData={actionData} intents={["targets"]} />
          <input type="hidden" name="intent" value="targets" />
          <input type="hidden" name="insatsId" value={scopeId ?? ""} />
          <TextField
            label="År"
            name="year"
            inputMode="numeric"
            hint="Tomt: målen gäller alla år som inte har egna mål. Skriv ett annat år för att spara samma värden för det året."
            defaultValue={fields.value("year")}
            errors={fields.errors("year")}
          />
          <GoalTargetFields metrics={targetFields} fields={fields} />
          <button type="submit" className="button">
            Spara målvärden
          </button>
        </Form>
      </section>
    </>
  );
}
