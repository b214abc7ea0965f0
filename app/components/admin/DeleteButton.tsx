import { Form } from "react-router";

/**
 * A row's delete button on the administration pages: it asks first, then posts the intent with
 * the row's id. The data layer refuses a row that is still referenced, and the page says why.
 */
export function DeleteButton({
  id,
  name,
  noun,
  intent = "delete",
  idField = "id",
  preventScrollReset,
}: {
  id: string;
  /** The row's name, for the question and for screen readers. */
  name: string;
  /** "kommunen", as in "Ta bort kommunen Ljungby?" */
  noun: string;
  intent?: string;
  idField?: string;
  preventScrollReset?: boolean;
}) {
  return (
    <Form
      method="post"
      className="inline-form"
      preventScrollReset={preventScrollReset}
      onSubmit={(event) => {
        if (!window.confirm(`Ta bort ${noun} ${name}?`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idField} value={id} />
      <button type="submit" className="button button--danger">
        Ta bort<span className="visually-hidden"> {name}</span>
      </button>
    </Form>
  );
}
