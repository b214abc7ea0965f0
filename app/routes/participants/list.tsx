import { useMemo } from "react";
import { Link, useLoaderData, useNavigate } from "react-router";
import type { Route } from "./+types/list";
import { requirePermission } from "~/auth/guards.server";
import { ColumnPicker } from "~/components/data-table/ColumnPicker";
import { FilterForm } from "~/components/data-table/FilterForm";
import { Pagination } from "~/components/data-table/Pagination";
import type { DataTableColumn } from "~/components/data-table/DataTable";
import { ServerDataTable } from "~/components/data-table/ServerDataTable";
import { ShortDate } from "~/components/data-table/ShortDate";
import { SelectField, TextField } from "~/components/forms/fields";
import { listParticipants, type ParticipantListRow } from "~/data/participant-list.server";
import { intakeOptions } from "~/data/scope.server";
import { FLAG_DAYS, type ParticipantFlag } from "~/domain/follow-up-flags";
import { GENDER_LABELS, GENDERS } from "~/domain/reference-defaults";
import {
  ALWAYS_SHOWN_COLUMN,
  PARTICIPANT_COLUMNS,
  PARTICIPANT_SORTS,
  PARTICIPANT_STATUS_LABELS,
  PARTICIPANT_STATUSES,
  parseParticipantListQuery,
  participantListParams,
  STEP_FILTERS,
  type ParticipantColumn,
  type ParticipantListQuery,
  type ParticipantSort,
} from "~/schemas/intake-lists";
import { formatNumber } from "~/utils/format";

export const meta: Route.MetaFunction = () => [{ title: "Mina deltagare – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "participants:work");
  const query = parseParticipantListQuery(new URL(request.url).searchParams);
  const [options, list] = await Promise.all([intakeOptions(user), listParticipants(user, query)]);
  // The name is for the coordinator's eyes: it is not sent when its column is hidden.
  const rows = query.columns.includes("name") ? list.rows : list.rows.map((row) => ({ ...row, name: null }));
  return {
    query: { ...query, page: list.page },
    heading: user.role === "forbundschef" ? "Deltagare" : "Mina deltagare",
    insatser: options.insatser,
    kommuner: options.kommuner,
    ...list,
    rows,
  };
}

const COLUMN_LABELS: Record<ParticipantColumn, string> = {
  name: "Namn",
  insats: "Insats",
  kommun: "Kommun",
  coordinator: "Koordinator",
  gender: "Kön",
  ageGroup: "Åldersgrupp",
  enrolled: "Inskriven",
  closed: "Avslutad",
  step: "Steg i Trappan",
  activity: "Senaste aktivitet",
  flags: "Att göra",
};

const SORTABLE = new Set<string>(PARTICIPANT_SORTS);
const SORT_LABELS: Record<ParticipantSort, string> = {
  code: "kod",
  name: "namn",
  enrolled: "inskrivningsdatum",
  step: "steg i Trappan",
  activity: "senaste aktivitet",
};

// Short enough to fit a tablet-width table; the legend under the table says what each one means.
const FLAG_LABELS: Record<ParticipantFlag, string> = {
  "referrer-follow-up": `Remittent ej följd upp ${FLAG_DAYS} d`,
  trappan: `Trappan ej placerad ${FLAG_DAYS} d`,
  fov: "FOV ej frågat",
  skapa: "SKAPA ej erbjuden",
  "data-check": "Kontrollera avslut",
};

type Row = ParticipantListRow;

const column = (id: ParticipantColumn, definition: Omit<DataTableColumn<Row>, "id" | "header" | "sortable">): DataTableColumn<Row> => ({
  id,
  header: COLUMN_LABELS[id],
  sortable: SORTABLE.has(id),
  ...definition,
});

// The code is the link to the participant's page, so it is always shown.
const CODE_COLUMN: DataTableColumn<Row> = {
  id: "code",
  header: "Kod",
  rowHeader: true,
  value: (row) => row.code,
  cell: (row) => <Link to={`/deltagare/${row.participantId}`}>{row.code ?? "(utan kod)"}</Link>,
};

const OPTIONAL_COLUMNS: Record<ParticipantColumn, DataTableColumn<Row>> = {
  name: column("name", { value: (row) => row.name ?? "–" }),
  insats: column("insats", { value: (row) => row.insats }),
  kommun: column("kommun", { value: (row) => row.kommun }),
  coordinator: column("coordinator", { value: (row) => row.coordinator ?? "–" }),
  gender: column("gender", { value: (row) => GENDER_LABELS[row.gender] }),
  ageGroup: column("ageGroup", { value: (row) => row.ageGroup }),
  enrolled: column("enrolled", { value: (row) => row.enrolledDate, cell: (row) => <ShortDate date={row.enrolledDate} /> }),
  closed: column("closed", { value: (row) => row.closedDate, cell: (row) => <ShortDate date={row.closedDate} /> }),
  step: column("step", {
    numeric: true,
    value: (row) => row.currentStep,
    cell: (row) => row.currentStep ?? <span className="muted">Ej placerad</span>,
  }),
  activity: column("activity", { value: (row) => row.lastActivityDate, cell: (row) => <ShortDate date={row.lastActivityDate} /> }),
  flags: column("flags", { value: (row) => row.flags.length, cell: (row) => <FlagList flags={row.flags} /> }),
};

function FlagList({ flags }: { flags: readonly ParticipantFlag[] }) {
  if (!flags.length) return <span className="muted">–</span>;
  return (
    <ul className="flag-list">
      {flags.map((flag) => (
        <li key={flag}>
          <span className={flag === "data-check" ? "badge badge--error" : "badge badge--warn"}>{FLAG_LABELS[flag]}</span>
        </li>
      ))}
    </ul>
  );
}

function href(query: ParticipantListQuery, changes: Partial<ParticipantListQuery>): string {
  const params = participantListParams({ ...query, ...changes });
  const search = params.toString();
  return search ? `?${search}` : "/deltagare";
}

function withCount(label: string, count: number | undefined) {
  return `${label} (${formatNumber(count ?? 0)})`;
}

export default function ParticipantList() {
  const { query, heading, insatser, kommuner, rows, total, pageCount, facets } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const columns = useMemo(() => [CODE_COLUMN, ...query.columns.map((id) => OPTIONAL_COLUMNS[id])], [query.columns]);
  const sortLabel = SORT_LABELS[query.sort];
  return (
    <div className="stack">
      <div className="page-heading">
        <h1>{heading}</h1>
        <p className="stack-inline">
          <Link to="/remisser/ny" className="button">
            Ny remiss
          </Link>
          <Link to="/remisser">Remisser</Link>
          <Link to="/studiebesok">Studiebesök</Link>
        </p>
      </div>

      <FilterForm
        label="Sök och filtrera deltagare"
        resetTo="/deltagare"
        className="card filters stack"
        onSubmit={(event) => {
          // With JavaScript the URL is written without empty and default values, so it reads well as a bookmark.
          event.preventDefault();
          const params = new URLSearchParams();
          for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string") params.append(key, value);
          navigate(href(parseParticipantListQuery(params), {}));
        }}
      >
        <div className="row">
          <TextField label="Sök på kod eller namn" name="q" type="search" defaultValue={query.q} />
          <SelectField
            label="Status"
            name="status"
            placeholder={null}
            defaultValue={query.status}
            options={PARTICIPANT_STATUSES.map((status) => ({
              value: status,
              label: status === "alla" ? PARTICIPANT_STATUS_LABELS[status] : withCount(PARTICIPANT_STATUS_LABELS[status], facets.status[status]),
            }))}
          />
          <SelectField
            label="Insats"
            name="insats"
            placeholder="Alla insatser"
            defaultValue={query.insats}
            options={insatser.map((option) => ({ ...option, label: withCount(option.label, facets.insats[option.value]) }))}
          />
          <SelectField
            label="Kommun"
            name="kommun"
            placeholder="Alla kommuner"
            defaultValue={query.kommun}
            options={kommuner.map((option) => ({ ...option, label: withCount(option.label, facets.kommun[option.value]) }))}
          />
          <SelectField
            label="Steg i Trappan"
            name="step"
            placeholder="Alla steg"
            defaultValue={query.step}
            options={STEP_FILTERS.map((step) => ({ value: step, label: withCount(step === "ingen" ? "Ej placerad" : `Steg ${step}`, facets.step[step]) }))}
          />
          <SelectField
            label="Kön"
            name="gender"
            placeholder="Alla"
            defaultValue={query.gender}
            options={GENDERS.map((gender) => ({ value: gender, label: withCount(GENDER_LABELS[gender], facets.gender[gender]) }))}
          />
        </div>
        <ColumnPicker columns={PARTICIPANT_COLUMNS.map((id) => ({ id, label: COLUMN_LABELS[id] }))} visible={query.columns} alwaysShown={ALWAYS_SHOWN_COLUMN} />
        {/* The sort order survives a new filter; the page does not. */}
        {query.sort !== "code" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
      </FilterForm>

      <p role="status">{total === 1 ? "1 deltagare" : `${formatNumber(total)} deltagare`}</p>

      {rows.length ? (
        <ServerDataTable
          className="intake-table"
          caption={`${heading}, sorterade på ${sortLabel} ${query.dir === "asc" ? "stigande" : "fallande"}${pageCount > 1 ? `, sida ${query.page} av ${pageCount}` : ""}`}
          columns={columns}
          data={rows}
          getRowId={(row) => row.participantId}
          sort={{ columnId: query.sort, direction: query.dir }}
          sortHref={(columnId, dir) => href(query, { sort: columnId as ParticipantSort, dir, page: 1 })}
        />
      ) : (
        <p className="alert alert--info">
          Inga deltagare matchar sökningen. <Link to="/deltagare">Visa alla aktiva deltagare</Link>
        </p>
      )}

      <Pagination page={query.page} pageCount={pageCount} total={total} hrefFor={(page) => href(query, { page })} label="Sidor med deltagare" />

      {query.columns.includes("flags") ? (
        <details className="flag-legend">
          <summary>Vad betyder markeringarna?</summary>
          <ul>
            <li>
              {FLAG_LABELS["referrer-follow-up"]}: ingen uppföljning med remittenten på mer än {FLAG_DAYS} dagar (räknat från inskrivningen om ingen finns).
            </li>
            <li>
              {FLAG_LABELS.trappan}: ingen placering i Trappan på mer än {FLAG_DAYS} dagar (räknat från inskrivningen om ingen finns).
            </li>
            <li>{FLAG_LABELS.fov}: ingen FOV-screening med svar (ja, nej eller avböjt) i inskrivningen.</li>
            <li>{FLAG_LABELS.skapa}: inget datum då SKAPA erbjöds i inskrivningen.</li>
            <li>{FLAG_LABELS["data-check"]}: avslutet är daterat före den senaste aktiviteten – data att kontrollera.</li>
          </ul>
        </details>
      ) : null}
    </div>
  );
}
