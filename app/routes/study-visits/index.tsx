import { Form, Link, useLocation, useNavigation } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "~/auth/guards.server";
import { DataTable, type DataTableColumn } from "~/components/data-table/DataTable";
import { FilterForm } from "~/components/data-table/FilterForm";
import { Pagination } from "~/components/data-table/Pagination";
import { ServerDataTable } from "~/components/data-table/ServerDataTable";
import { ShortDate } from "~/components/data-table/ShortDate";
import { FormMessage, SelectField, TextField } from "~/components/forms/fields";
import { InsatsKommunFields } from "~/components/forms/insats-kommun";
import { intakeOptions } from "~/data/scope.server";
import { createStudyVisit, listStudyVisits } from "~/data/study-visits.server";
import { todayInSweden } from "~/domain/period";
import { PAGE_SIZE, parseStudyVisitListQuery } from "~/schemas/intake-lists";
import { StudyVisitSchema } from "~/schemas/participants";
import { formAction, intent } from "~/utils/form-action.server";
import { DEFAULT_INTENT, failureFor, fieldState } from "~/utils/form-answer";
import { formatNumber } from "~/utils/format";
import { ok } from "~/utils/write-result";

export const meta: Route.MetaFunction = () => [{ title: "Studiebesök – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "participants:work");
  const url = new URL(request.url);
  const query = parseStudyVisitListQuery(url.searchParams);
  const [options, list] = await Promise.all([intakeOptions(user), listStudyVisits(user, query)]);
  const { insatser, kommuner, pairs } = options;
  return { query, options: { insatser, kommuner, pairs }, ...list, saved: url.searchParams.get("sparat") === "1", today: todayInSweden() };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "participants:work");
  return formAction(request, {
    [DEFAULT_INTENT]: intent(StudyVisitSchema, async (input) => {
      const result = await createStudyVisit(user, input);
      // Back to the list, so that a reload does not register the visit twice.
      return result.ok ? ok({ redirectTo: "/studiebesok?sparat=1" }) : result;
    }),
  });
}

type Row = Awaited<ReturnType<typeof loader>>["rows"][number];

const VISIT_COLUMNS: DataTableColumn<Row>[] = [
  { id: "date", header: "Datum", rowHeader: true, value: (row) => row.date, cell: (row) => <ShortDate date={row.date} /> },
  { id: "insats", header: "Insats", value: (row) => row.insats },
  { id: "kommun", header: "Kommun", value: (row) => row.kommun },
  {
    id: "participant",
    header: "Deltagare",
    value: (row) => row.participantCode,
    cell: (row) => (row.participantId ? <Link to={`/deltagare/${row.participantId}`}>{row.participantCode}</Link> : "–"),
  },
];

const PER_KOMMUN_COLUMNS: DataTableColumn<{ kommun: string; count: number }>[] = [
  { id: "kommun", header: "Kommun", rowHeader: true, value: (row) => row.kommun },
  { id: "count", header: "Antal", numeric: true, value: (row) => row.count, cell: (row) => formatNumber(row.count) },
];

export default function StudyVisits({ loaderData, actionData }: Route.ComponentProps) {
  const { query, options, rows, total, perKommun, saved, today } = loaderData;
  const failure = failureFor(actionData, DEFAULT_INTENT);
  const f = fieldState(failure, { date: today });
  const location = useLocation();
  const saving = useNavigation().state === "submitting";
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hrefFor = (page: number) => {
    const params = new URLSearchParams(location.search);
    params.delete("sparat");
    params.set("page", String(page));
    return `?${params}`;
  };
  return (
    <div className="stack">
      <p className="stack-inline">
        <Link to="/remisser">← Remisser</Link>
        <Link to="/deltagare">Mina deltagare</Link>
      </p>
      <h1>Studiebesök</h1>
      <section className="card" aria-labelledby="new-visit-heading">
        <h2 id="new-visit-heading">Registrera studiebesök</h2>
        <p className="muted">Besöket räknas per kommun även om personen aldrig skrivs in.</p>
        <Form method="post" className="stack" noValidate>
          <FormMessage error={failure?.formError} success={saved && !failure ? "Studiebesöket är registrerat." : null} />
          <div className="row">
            <TextField label="Datum" name="date" type="date" required max={today} defaultValue={f.value("date")} errors={f.errors("date")} />
            <TextField
              label="Deltagarkod (frivilligt)"
              name="participantCode"
              defaultValue={f.value("participantCode")}
              hint="Bara om personen redan är deltagare."
              errors={f.errors("participantCode")}
              autoComplete="off"
            />
          </div>
          <InsatsKommunFields
            insatser={options.insatser}
            kommuner={options.kommuner}
            pairs={options.pairs}
            defaultInsatsId={f.value("insatsId")}
            defaultKommunId={f.value("kommunId")}
            errors={failure?.fieldErrors ?? {}}
          />
          <button type="submit" className="button" disabled={saving}>
            Registrera studiebesök
          </button>
        </Form>
      </section>

      <section className="stack" aria-labelledby="visits-heading">
        <h2 id="visits-heading">Registrerade studiebesök</h2>
        <FilterForm label="Filtrera studiebesök" resetTo="/studiebesok">
          <div className="row">
            <SelectField label="Insats" name="insats" options={options.insatser} defaultValue={query.insats} placeholder="Alla insatser" />
            <SelectField label="Kommun" name="kommun" options={options.kommuner} defaultValue={query.kommun} placeholder="Alla kommuner" />
            <TextField label="Från och med" name="from" type="date" defaultValue={query.from} />
            <TextField label="Till och med" name="to" type="date" defaultValue={query.to} />
          </div>
        </FilterForm>
        <DataTable
          caption={`Studiebesök per kommun (${formatNumber(total)} totalt)`}
          columns={PER_KOMMUN_COLUMNS}
          data={options.kommuner.filter((kommun) => perKommun[kommun.value]).map((kommun) => ({ kommun: kommun.label, count: perKommun[kommun.value] }))}
          getRowId={(row) => row.kommun}
          emptyMessage="Inga studiebesök."
        />
        <ServerDataTable
          caption="Studiebesök, nyaste först"
          className="intake-table"
          columns={VISIT_COLUMNS}
          data={rows}
          getRowId={(row) => row.id}
          emptyMessage="Inga studiebesök matchar filtret."
        />
        <Pagination page={Math.min(query.page, pageCount)} pageCount={pageCount} total={total} hrefFor={hrefFor} label="Sidor med studiebesök" />
      </section>
    </div>
  );
}
