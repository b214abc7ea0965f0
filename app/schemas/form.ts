import { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: FieldErrors; formError?: string; values: Record<string, string> };

/** The submitted text values, returned with errors so that no input is lost. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    // Repeated keys (checkbox groups) are joined; they are re-read from formData where needed.
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

/** Validates a form with its zod schema and returns Swedish field messages on failure. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, input?: unknown): FormResult<z.output<S>> {
  const parsed = schema.safeParse(input ?? Object.fromEntries(formData));
  if (parsed.success) return { ok: true, data: parsed.data };
  const flat = z.flattenError(parsed.error);
  return {
    ok: false,
    fieldErrors: flat.fieldErrors as FieldErrors,
    formError: flat.formErrors[0],
    values: formValues(formData),
  };
}

// Shared field rules with Swedish messages.
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} måste fyllas i.` })
    .trim()
    .min(1, `${label} måste fyllas i.`)
    .max(max, `${label} får vara högst ${max} tecken.`);

export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`)
    .optional()
    .transform((value) => (value ? value : null));

export const isoDate = (label: string) =>
  z
    .string({ error: `${label} måste fyllas i.` })
    .trim()
    .min(1, { message: `${label} måste fyllas i.`, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} ska skrivas som ÅÅÅÅ-MM-DD.`, abort: true })
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, `${label} är inte ett giltigt datum.`);

export const email = z
  .string({ error: "E-post måste fyllas i." })
  .trim()
  .toLowerCase()
  .min(1, { message: "E-post måste fyllas i.", abort: true })
  .email("Skriv en giltig e-postadress, t.ex. namn@kommun.se.");

export const newPassword = z
  .string({ error: "Lösenordet måste fyllas i." })
  .min(12, "Lösenordet måste ha minst 12 tecken.")
  .max(200, "Lösenordet får ha högst 200 tecken.");

/** A checkbox: present ("on") means true. */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true" || value === "1");

export const id = (label: string) => requiredText(label, 100);
