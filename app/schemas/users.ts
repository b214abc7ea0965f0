import { z } from "zod";
import { ROLES } from "~/auth/permissions";
import { checkbox, email, newPassword, requiredText, UNKNOWN_INTENT } from "./form";

// The forms of the user pages: a new account, and an account's details and password.

const role = z.enum(ROLES, { error: "Välj en roll." });

/** Checkbox values "insatsId:kommunId", one per ticked insats × kommun pair. */
const assignments = z
  .array(z.string().regex(/^[\w-]+:[\w-]+$/, "En tilldelning är felaktig. Ladda om sidan och försök igen."))
  .default([])
  .transform((pairs) =>
    [...new Set(pairs)].map((pair) => {
      const [insatsId, kommunId] = pair.split(":");
      return { insatsId, kommunId };
    }),
  );

const userFields = {
  name: requiredText("Namnet", 100),
  email,
  role,
  assignments,
};

export const UserCreateSchema = z.object({ ...userFields, password: newPassword });

export const UserEditSchemas = {
  save: z.object({
    ...userFields,
    active: checkbox,
    // The version the form was loaded with; only a tampered or outdated form lacks it.
    expectedUpdatedAt: z.string({ error: UNKNOWN_INTENT }).min(1, UNKNOWN_INTENT),
  }),
  password: z.object({ password: newPassword }),
};

/** The form as an object for zod, with the checkbox group as an array (Object.fromEntries keeps one). */
export function userFormInput(formData: FormData): Record<string, unknown> {
  return { ...Object.fromEntries(formData), assignments: formData.getAll("assignment") };
}
