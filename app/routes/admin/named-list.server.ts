// The create, rename and delete intents of a förbund's list of names (kommuner, remittenter):
// the same forms and the same Swedish answers, with the list's own words and data functions.
import type { CurrentUser } from "~/auth/guards.server";
import type { NamedListSchemas } from "~/schemas/admin";
import { intent } from "~/utils/form-action.server";
import { ok, type WriteResult } from "~/utils/write-result";

export interface NamedListWrites {
  /** "Kommunen", as in "Kommunen Ljungby är borttagen." */
  definite: string;
  create: (user: CurrentUser, name: string) => Promise<WriteResult<{ id: string }>>;
  rename: (user: CurrentUser, id: string, name: string) => Promise<WriteResult>;
  remove: (user: CurrentUser, id: string) => Promise<WriteResult<{ name: string }>>;
}

export function namedListIntents(user: CurrentUser, schemas: NamedListSchemas, list: NamedListWrites) {
  return {
    create: intent(schemas.create, async ({ name }) => {
      const result = await list.create(user, name);
      return result.ok ? ok({ message: `${list.definite} ${name} är tillagd.` }) : result;
    }),
    rename: intent(schemas.rename, async ({ id, name }) => {
      const result = await list.rename(user, id, name);
      return result.ok ? ok({ message: `${list.definite} heter nu ${name}.` }) : result;
    }),
    delete: intent(schemas.delete, async ({ id }) => {
      const result = await list.remove(user, id);
      return result.ok ? ok({ message: `${list.definite} ${result.name} är borttagen.` }) : result;
    }),
  };
}
