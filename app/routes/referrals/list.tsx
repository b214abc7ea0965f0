import { Link, useLoaderData, useLocation } from "react-router";
import type { Route } from "./+types/list";
import { requirePermission } from "~/auth/guards.server";
import type { DataTableColumn } from "~/components/data-table/DataTable";
import { FilterForm } from "~/components/data-table/FilterForm";
import { Pagination } from "~/components/data-table/Pagination";
import { ServerDataTable } from "~/components/data-table/ServerDataTable";
import { ShortDate } from "~/components/data-table/ShortDate";
import { SelectField, TextField } from "~/components/forms/fields";
import { listReferrals } from "~/data/referrals.server";
import { intakeOptions } from "~/data/scope.server";
import { REFERRAL_DECISION_LABELS, REFERRAL_DECISIONS } from "~/domain/reference-defaults";
import { PAGE_SIZE, parseReferralListQuery } from "~/schemas/intake-lists";
import { formatNumber } from "~/utils/format";

export const meta: Route.MetaFunction = () => [{ title: "Remisser – Stegvis" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "participants:work");
  const query = parseReferralListQuery(new URL(request.url).searchParams);
  const [options, list] = await Promise.all([intakeOptions(user), listReferrals(user, query)]);
  return { query, insatser: options.insatser, kommuner: options.kommuner, ...list };
}

type Row = Awaited<ReturnType<typeof loader>>["rows"][number];

const REFERRAL_COLUMNS: DataTableColumn<Row>[] = [
  {
    id: "date",
    header: "Remissdatum",
    rowHeader: true,
    value: (row) => row.date,
    cell: (row) => (
      <Link to={`/remisser/${row.id}`}>
        <ShortDate date={row.date} />
      </Link>
    ),
  },
  { id: "referrer", header: "Remittent", value: (row) => row.referrer },
  { id: "insats", header: "Insats", value: (row) => row.insats },
  { id: "kommun", header: "Kommun", value: (row) => row.kommun },
  {
    id: "decision",
    header: "Beslut",
    value: (row) => (row.decision ? REFERRAL_DECISION_LABELS[row.decision] : "Ej beslutad"),
  },
  {
    id: "participant",
    header: "Deltagare",
    value: (row) => row.participantCode,
    cell: (row) =>
      row.participantId ? <Link to={`/deltagare/${row.participantId}`}>{row.participantCode}</Link> : <span className="muted">Inget samtycke</span>,
  },
];

function withCount(label: string, count: number | undefined) {
  return `${label} (${formatNumber(count ?? 0)})`;
}

export default function ReferralList() {
  const { query, insatser, kommuner, rows, total, decisionCounts } = useLoaderData<typeof loader>();
  const location = useLocation();
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hrefFor = (page: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(page));
    return `?${params}`;
  };
  const decisionOptions = [
    ...REFERRAL_DECISIONS.map((decision) => ({ value: decision, label: withCount(REFERRAL_DECISION_LABELS[decision], decisionCounts[decision]) })),
    { value: "obeslutad", label: withCount("Ej beslutad", decisionCounts.obeslutad) },
  ];
  return (
    <div className="stack">
      <div className="page-heading">
        <h1>Remisser</h1>
        <p className="stack-inline">
          <Link to="/remisser/ny" className="button">
            Ny remiss
          </Link>
          <Link to="/studiebesok">Studiebesök</Link>
          <Link to="/deltagare">Mina deltagare</Link>
        </p>
      </div>
      <FilterForm label="Filtrera remisser" resetTo="/remisser">
        <div className="row">
          <SelectField label="Insats" name="insats" options={insatser} defaultValue={query.insats} placeholder="Alla insatser" />
          <SelectField label="Kommun" name="kommun" options={kommuner} defaultValue={query.kommun} placeholder="Alla kommuner" />
          <SelectField label="Beslut" name="decision" options={decisionOptions} defaultValue={query.decision} placeholder="Alla beslut" />
          <TextField label="Från och med" name="from" type="date" defaultValue={query.from} />
          <TextField label="Till och med" name="to" type="date" defaultValue={query.to} />
        </div>
      </FilterForm>
      <p role="status">{formatNumber(total)} remisser</p>
      <ServerDataTable
        caption="Remisser, nyaste först"
        className="intake-table"
        columns={REFERRAL_COLUMNS}
        data={rows}
        getRowId={(row) => row.id}
        emptyMessage="Inga remisser matchar filtret."
      />
      <Pagination page={Math.min(query.page, pageCount)} pageCount={pageCount} total={total} hrefFor={hrefFor} label="Sidor med remisser" />
    </div>
  );
}
