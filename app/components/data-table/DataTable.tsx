/**
 * The app's one data table, on TanStack Table v9: a <caption>, sortable column headers (buttons,
 * with aria-sort on the sorted column), numeric columns right-aligned, and optional footer rows
 * (totals) that stay under the body whatever the sort. TanStack keeps the sort state; this
 * component owns the markup and its accessibility.
 */
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type RowData,
  type SortFn,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo, useState, type ReactNode } from "react";
import { DataCell, DataTableBody } from "./DataTableBody";

export type SortValue = string | number | null | undefined;

export interface DataTableColumn<TRow> {
  id: string;
  header: string;
  /** What the column sorts by, and shows unless `cell` is given. */
  value: (row: TRow) => SortValue;
  cell?: (row: TRow) => ReactNode;
  /** Right-aligned with tabular figures. */
  numeric?: boolean;
  /** Defaults to true. */
  sortable?: boolean;
  /** Makes the cell a row header (<th scope="row">): usually the first column. */
  rowHeader?: boolean;
}

export interface DataTableProps<TRow> {
  caption: ReactNode;
  columns: ReadonlyArray<DataTableColumn<TRow>>;
  data: readonly TRow[];
  /** Totals and the like: rendered in <tfoot>, never sorted. */
  footer?: readonly TRow[];
  getRowId?: (row: TRow, index: number) => string;
  /** Uncontrolled: the sort a fresh table starts with. */
  initialSorting?: SortingState;
  /** Controlled (e.g. kept in the URL): pass both. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  emptyMessage?: string;
  className?: string;
}

const collator = new Intl.Collator("sv", { numeric: true, sensitivity: "base" });

/**
 * Numbers by value, text in Swedish order (å, ä, ö last); text before numbers, since in the
 * statistics a text cell in a count column is a hidden small count ("färre än 3") or "–".
 * Missing values go last in both directions.
 */
export function compareSortValues(a: SortValue, b: SortValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
  if (typeof a === "string" && typeof b === "number") return -1;
  if (typeof a === "number" && typeof b === "string") return 1;
  return 0;
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
});

type Features = typeof features;

// One sort function for every table: TanStack types it per row type, and it reads only cell values.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mixedSort: SortFn<Features, any> = (rowA, rowB, columnId) => compareSortValues(rowA.getValue<SortValue>(columnId), rowB.getValue<SortValue>(columnId));

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
const SORT_SIGN = { asc: "▲", desc: "▼" } as const;

export function DataTable<TRow extends RowData>({
  caption,
  columns,
  data,
  footer = [],
  getRowId,
  initialSorting = [],
  sorting: controlledSorting,
  onSortingChange,
  emptyMessage = "Inga rader att visa.",
  className,
}: DataTableProps<TRow>) {
  const [ownSorting, setOwnSorting] = useState<SortingState>(initialSorting);
  const sorting = controlledSorting ?? ownSorting;

  const tableColumns = useMemo(() => {
    const helper = createColumnHelper<Features, TRow>();
    return helper.columns(
      columns.map((column) =>
        helper.accessor((row: TRow) => column.value(row), {
          id: column.id,
          header: column.header,
          cell: (info) => (column.cell ? column.cell(info.row.original) : info.getValue()),
          enableSorting: column.sortable ?? true,
          sortFn: mixedSort,
          sortUndefined: "last",
        }),
      ),
    );
  }, [columns]);
  const rows = useMemo(() => [...data], [data]);
  const byId = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);

  const table = useTable({
    features,
    columns: tableColumns,
    data: rows,
    getRowId,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      if (controlledSorting === undefined) setOwnSorting(next);
      onSortingChange?.(next);
    },
  });

  const cellClass = (id: string) => (byId.get(id)?.numeric ? "num" : undefined);

  return (
    <div className={["table-wrap", className].filter(Boolean).join(" ")}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" className={cellClass(header.column.id)} aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <button type="button" className="data-table__sort" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="data-table__sign">
                          {sorted ? SORT_SIGN[sorted] : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <DataTableBody rows={table.getRowModel().rows} columns={columns} emptyMessage={emptyMessage} />
        {footer.length > 0 ? (
          <tfoot>
            {footer.map((row, index) => (
              <tr key={`footer-${index}`}>
                {columns.map((column) => (
                  <DataCell key={column.id} column={column}>
                    {column.cell ? column.cell(row) : column.value(row)}
                  </DataCell>
                ))}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
