import { useId } from "react";

/**
 * Checkboxes that choose the visible columns, inside the list's GET form: the choice travels in
 * the URL (`cols`) like every filter, so a view with its columns is a link. `alwaysShown` is sent
 * as well, so that unticking every optional column is told apart from "no choice made".
 */
export function ColumnPicker({
  columns,
  visible,
  name = "cols",
  alwaysShown,
}: {
  columns: ReadonlyArray<{ id: string; label: string }>;
  visible: readonly string[];
  name?: string;
  alwaysShown: string;
}) {
  const id = useId();
  return (
    <details className="column-picker">
      <summary>Välj kolumner</summary>
      <input type="hidden" name={name} value={alwaysShown} />
      <fieldset>
        <legend>Visa kolumner</legend>
        <ul className="column-picker__list">
          {columns.map((column) => (
            <li key={column.id} className="field--checkbox">
              <input type="checkbox" id={`${id}-${column.id}`} name={name} value={column.id} defaultChecked={visible.includes(column.id)} />
              <label htmlFor={`${id}-${column.id}`}>{column.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
    </details>
  );
}
