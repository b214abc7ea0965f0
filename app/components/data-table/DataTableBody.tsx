/**
 * The body rows shared by DataTable (sorted on the client) and ServerDataTable (sorted by the
 * server): one row per data row, row-header and numeric cells marked up from the column
 * definitions, and a single message row when there are none.
 */
import { FlexRender, type Row, type RowData, type TableFeatures } from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";
import type { DataTableColumn } from "./DataTable";

/** A body or footer cell: a row header (<th scope="row">) for `rowHeader` columns, right-aligned for numeric ones. */
export function DataCell({ column, children }: { column: Pick<DataTableColumn<never>, "numeric" | "rowHeader"> | undefined; children: ReactNode }) {
  const className = column?.numeric ? "num" : undefined;
  return column?.rowHeader ? (
    <th scope="row" className={className}>
      {children}
    </th>
  ) : (
    <td className={className}>{children}</td>
  );
}

export function DataTableBody<TFeatures extends TableFeatures, TRow extends RowData>({
  rows,
  columns,
  emptyMessage,
}: {
  /** The table's row model, in display order. */
  rows: ReadonlyArray<Row<TFeatures, TRow>>;
  columns: ReadonlyArray<DataTableColumn<TRow>>;
  emptyMessage: string;
}) {
  const byId = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);
  return (
    <tbody>
      {rows.length === 0 ? (
        <tr>
          <td colSpan={Math.max(1, columns.length)}>{emptyMessage}</td>
        </tr>
      ) : (
        rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <DataCell key={cell.id} column={byId.get(cell.column.id)}>
                <FlexRender cell={cell} />
              </DataCell>
            ))}
          </tr>
        ))
      )}
    </tbody>
  );
}
