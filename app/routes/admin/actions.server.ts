// What the actions of the administration pages share: the reply, the steps before the work
// (permission, form, validation), and the whole action of a list of names.
import { data } from "react-router";
import type { z } from "zod";
import { requirePermission, type CurrentUser } from "~/auth/guards.server";
import type { Actor, Outcome } from "~/data/reference.server";
import { failure, formContext, outcomeResult, type AdminActionResult, type FormContext, type NamedListFormSchema } from "~/schemas/admin";
import { parseForm } from "~/schemas/form";

export type AdminReply = { result: AdminActionResult; status: number };

/** An action's result as the page receives it, with its HTTP status. */
export const reply = ({ result, status }: AdminReply) => data(result, { status });

/**
 * The action of an admin page whose form is one schema: a förbundschef only, the input
 * validated (a failure goes back to the form it came from), then `handle` does the work.
 * `idField` is the hidden field that names the row a form concerns.
 */
export async function adminFormAction<S extends z.ZodType>(
  request: Request,
  schema: S,
  handle: (user: CurrentUser, input: z.output<S>, context: FormContext) => Promise<AdminReply>,
  idField = "id",
) {
  const user = await requirePermission(request, "admin:manage");
  const formData = await request.formData();
  const context = formContext(formData, idField);
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return reply(failure(context, parsed));
  return reply(await handle(user, parsed.data, context));
}

/** The create, rename and delete of a list of names; `definite` names a row: "Kommunen". */
export function namedListAction(
  request: Request,
  schema: NamedListFormSchema,
  list: {
    definite: string;
    create: (actor: Actor, name: string) => Promise<Outcome<{ id: string }>>;
    rename: (actor: Actor, id: string, name: string) => Promise<Outcome>;
    remove: (actor: Actor, id: string) => Promise<Outcome<{ name: string }>>;
  },
) {
  return adminFormAction(request, schema, async (user, input, context) => {
    switch (input.intent) {
      case "create":
        return outcomeResult(context, await list.create(user, input.name), () => `${list.definite} ${input.name} är tillagd.`);
      case "rename":
        return outcomeResult(context, await list.rename(user, input.id, input.name), () => `${list.definite} heter nu ${input.name}.`);
      case "delete":
        return outcomeResult(context, await list.remove(user, input.id), ({ name }) => `${list.definite} ${name} är borttagen.`);
    }
  });
}
