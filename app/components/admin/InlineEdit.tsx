import type { ReactNode } from "react";
import { Form } from "react-router";

/**
 * A row's edit form, folded under its summary in the row's actions. `open` after a failed post,
 * so that the field messages are seen; `children` are the fields.
 */
export function InlineEdit({
  intent,
  id,
  open,
  summary,
  submit,
  children,
}: {
  intent: string;
  id: string;
  open: boolean;
  summary: ReactNode;
  submit: ReactNode;
  children: ReactNode;
}) {
  return (
    <details open={open}>
      <summary>{summary}</summary>
      <Form method="post" className="stack admin-inline-edit" noValidate>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="id" value={id} />
        {children}
        <button type="submit" className="button button--secondary">
          {submit}
        </button>
      </Form>
    </details>
  );
}
