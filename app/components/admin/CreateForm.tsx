import { useEffect, useRef, type ReactNode } from "react";
import { Form } from "react-router";
import { FormMessage } from "~/components/forms/fields";
import { failureFor, fieldState, successFor, type FieldState, type FormAnswer } from "~/utils/form-answer";

/** A form whose post succeeded starts over empty, ready for the next row. */
export function useResetAfter(actionData: FormAnswer | undefined, intent: string) {
  const form = useRef<HTMLFormElement>(null);
  const succeeded = successFor(actionData, intent);
  useEffect(() => {
    if (succeeded) form.current?.reset();
  }, [succeeded]);
  return form;
}

/**
 * The message at the top of a list page: the outcome of every post except a failed create,
 * which shows in the create form itself.
 */
export function ListPageMessage({ actionData }: { actionData: FormAnswer | undefined }) {
  const shown = actionData && !failureFor(actionData, "create") ? actionData : null;
  return <FormMessage error={shown && !shown.ok ? shown.formError : null} success={shown?.ok ? shown.message : null} />;
}

/**
 * The "add" form under a list page's table, headed by its `label` ("Lägg till kommun"), which
 * is also its button; `children` are its fields, refilled after a failed post.
 */
export function CreateForm({
  actionData,
  label,
  children,
}: {
  actionData: FormAnswer | undefined;
  label: string;
  children: (fields: FieldState) => ReactNode;
}) {
  const failed = failureFor(actionData, "create");
  const form = useResetAfter(actionData, "create");
  return (
    <>
      <h2>{label}</h2>
      <Form method="post" className="card stack narrow" noValidate ref={form}>
        <FormMessage error={failed?.formError} />
        <input type="hidden" name="intent" value="create" />
        {children(fieldState(failed))}
        <button type="submit" className="button">
          {label}
        </button>
      </Form>
    </>
  );
}
