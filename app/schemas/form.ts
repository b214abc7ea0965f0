import { z } from "zod";
import { participantCodeProblem } from "~/domain/participant-code";
import { isPlausibleDate, isValidIsoDate, PLAUSIBLE_YEARS, todayInSweden } from "~/domain/period";
import { cleanFreeText, nameProblem } from "~/domain/text-safety";
import { swedishError } from "./swedish-errors";

// Once, for every schema of the app: a message a schema does not give itself is Swedish too.
z.config({ customError: swedishError });

/** The answer to a form whose intent the server does not know: a tampered or outdated page. */
export const UNKNOWN_INTENT = "Okänd åtgärd. Ladda om sidan och försök igen.";

/** The answer to a save of a record that changed since the form was loaded. */
export const CONFLICT_MESSAGE = "Någon annan har ändrat posten medan du arbetade. Dina uppgifter är kvar nedan – kontrollera och spara igen.";

export type FieldErrors = Record<string, string[] | undefined>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; formError?: string; values: Record<string, string> };

/** The submitted text values, returned with errors so that no input is lost. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    // Repeated keys (checkbox groups) are joined; they are re-read from formData where needed.
    values[key] = Object.hasOwn(values, key) ? `${values[key]},${value}` : value;
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

/** A blank field is a field not given. */
export const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** The import words these problems the same way (app/import/rows.ts). */
export const PERSONNUMMER_MESSAGE = "Deltagarkoden ser ut som ett personnummer eller samordningsnummer. Använd en pseudonym kod, t.ex. SAM-0123.";
export const unsafeCharactersMessage = (label: string) => `${label} innehåller otillåtna tecken.`;
export const PLAUSIBLE_DATE_RANGE = `${PLAUSIBLE_YEARS.first}-01-01 och ${PLAUSIBLE_YEARS.last}-12-31`;

// Shared field rules with Swedish messages. A name, label or code identifies something and is
// refused with a control or bidirectional control character in it (domain/text-safety); free
// text is kept without them.
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} måste fyllas i.` })
    .trim()
    .min(1, `${label} måste fyllas i.`)
    .max(max, `${label} får vara högst ${max} tecken.`)
    .refine((value) => nameProblem(value) === null, unsafeCharactersMessage(label));

/** Free text (a note, a motivation): empty is null. */
export const optionalText = (label: string, max = 2000) =>
  z
    .string({ error: `${label} kunde inte läsas. Ladda om sidan och försök igen.` })
    .overwrite(cleanFreeText)
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`)
    .optional()
    .transform((value) => (value ? value : null));

/** An optional name: empty is null. */
export const optionalName = (label: string, max = 200) =>
  z.preprocess(emptyToUndefined, requiredText(label, max).optional()).transform((value) => value ?? null);

/** A participant's pseudonymous code, never a personnummer (domain/participant-code). */
export const participantCode = (label = "Deltagarkoden") =>
  requiredText(label, 40).refine((value) => participantCodeProblem(value) === null, {
    message: PERSONNUMMER_MESSAGE,
    when: (payload) => payload.issues.length === 0,
  });

export const optionalParticipantCode = (label = "Deltagarkoden") =>
  z.preprocess(emptyToUndefined, participantCode(label).optional()).transform((value) => value ?? null);

/**
 * A calendar date, "YYYY-MM-DD", within the plausible years. `past`: an event, recorded and not
 * planned, so not after today; a date past 2100 is then "in the future", the nearer bound.
 */
export const isoDate = (label: string, { past = false } = {}) =>
  z
    .string({ error: `${label} måste fyllas i.` })
    .trim()
    .min(1, { message: `${label} måste fyllas i.`, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} ska skrivas som ÅÅÅÅ-MM-DD.`, abort: true })
    .refine(isValidIsoDate, { message: `${label} är inte ett giltigt datum.`, abort: true })
    .refine((value) => !past || value <= todayInSweden(), { message: `${label} kan inte ligga i framtiden.`, abort: true })
    .refine(isPlausibleDate, `${label} måste ligga mellan ${PLAUSIBLE_DATE_RANGE}.`);

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

/** A choice from a list; the server still checks that the id belongs to the förbund. */
export const choice = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message);

/** An optional choice: the empty option is "none". */
export const optionalChoice = (message: string) => z.preprocess(emptyToUndefined, choice(message).optional()).transform((value) => value ?? null);
