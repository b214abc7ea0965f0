/**
 * The table of a server-paginated list whose state lives in the URL (filters, sort, page,
 * columns). Same column definitions as DataTable, but the rows arrive sorted and paged from the
 * loader: a sortable header is a link to the next sort, so sorting works without JavaScript and
 * every view is a bookmark. DataTable sorts on the client, which would reorder one page by other
 * rules than the server's, so it is not used for these lists.
 */
import { createColumnHelper, tableFeatures, useTable, type RowData } from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";
import type { DataTableColumn } from "./DataTable";
import { DataTableBody } from "./DataTableBody";
import { ariaSort, SortHeader, type SortDirection } from "./SortHeader";

export interface ServerSort {
  columnId: string;
  direction: SortDirection;
}

export interface ServerDataTableProps<TRow> {
  caption: ReactNode;
  /** The visible columns, in order (a column chooser filters this list). */
  columns: ReadonlyArray<DataTableColumn<TRow>>;
  data: readonly TRow[];
  getRowId: (row: TRow, index: number) => string;
  /** The sort the rows came in; null when the list has a fixed order. */
  sort?: ServerSort | null;
  /** The URL of the list sorted by this column in this direction. */
  sortHref?: (columnId: string, direction: SortDirection) => string;
  emptyMessage?: string;
  className?: string;
}

const features = tableFeatures({});

export function ServerDataTable<TRow extends RowData>({
  caption,
  columns,
  data,
  getRowId,
  sort = null,
  sortHref,
  emptyMessage = "Inga rader att visa.",
  className,
}: ServerDataTableProps<TRow>) {
  const tableColumns = useMemo(() => {
    const helper = createColumnHelper<typeof features, TRow>();
    return helper.columns(
      columns.map((column) =>
        helper.accessor((row: TRow) => column.value(row), {
          id: column.id,
          header: column.header,
          cell: (info) => (column.cell ? column.cell(info.row.original) : info.getValue()),
        }),
      ),
    );
  }, [columns]);
  const rows = useMemo(() => [...data], [data]);
  const byId = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);
  const table = useTable({ features, columns: tableColumns, data: rows, getRowId });
  const cellClass = (id: string) => (byId.get(id)?.numeric ? "num" : undefined);

  return (
    <div className={["table-wrap", className].filter(Boolean).join(" ")}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = byId.get(header.column.id);
                const active = sort?.columnId === header.column.id;
                const direction = sort?.direction ?? "asc";
                return (
                  <th key={header.id} scope="col" className={cellClass(header.column.id)} aria-sort={ariaSort(active, direction)}>
                    {column && sortHref && (column.sortable ?? true) ? (
                      <SortHeader label={column.header} active={active} direction={direction} hrefFor={(next) => sortHref(header.column.id, next)} />
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
      </table>
    </div>
  );
}
