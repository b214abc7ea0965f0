import type { ReactNode } from "react";

/** A table of an administration list page: a caption, one header row, and the rows as children. */
export function AdminTable({ caption, columns, children }: { caption: ReactNode; columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
