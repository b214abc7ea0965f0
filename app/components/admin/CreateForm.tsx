import { useEffect, useRef, type ReactNode } from "react";
import { Form } from "react-router";
import { FormMessage } from "~/components/forms/fields";
import { failureFor, type AdminActionResult, type AdminFailure } from "~/schemas/admin";

/** A form whose post succeeded starts over empty, ready for the next row. */
export function useResetAfter(actionData: AdminActionResult | undefined, intent: string) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (actionData?.ok && actionData.intent === intent) form.current?.reset();
  }, [actionData, intent]);
  return form;
}

/**
 * The message at the top of a list page: the outcome of every post except a failed create,
 * which shows in the create form itself.
 */
export function ListPageMessage({ actionData }: { actionData: AdminActionResult | undefined }) {
  const createFailed = failureFor(actionData, "create");
  return (
    <FormMessage error={actionData && !actionData.ok && !createFailed ? actionData.formError : null} success={actionData?.ok ? actionData.message : null} />
  );
}

/**
 * The "add" form under a list page's table, headed by its `label` ("Lägg till kommun"), which
 * is also its button; `children` are its fields, refilled after a failed post.
 */
export function CreateForm({
  actionData, label, children,
}: {
  actionData: AdminActionResult | undefined;
  label: string;
  children: (failed: AdminFailure | null) => ReactNode;
}) {
  const failed = failureFor(actionData, "create");
  const form = useResetAfter(actionData, "create");
  return (
    <>
      <h2>{label}</h2>
      <Form method="post" className="card stack narrow" noValidate ref={form}>
        <FormMessage error={failed?.formError} />
        <input type="hidden" name="intent" value="create" />
        {children(failed)}
        <button type="submit" className="button">
          {label}
        </button>
      </Form>
    </>
  );
}
