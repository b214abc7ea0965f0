// The one way a route action answers a form: the posted `intent` picks a schema and a handler,
// the input is validated with the schema (Swedish field messages, the user's input kept), the
// handler does the work through the data layer and returns a WriteResult, and this turns it
// into the page's answer with its HTTP status, or a redirect. Authentication stays with the
// route (requireUser / requirePermission before calling this), so every route reads the same.
import { data, redirect } from "react-router";
import type { z } from "zod";
import { parseForm, UNKNOWN_INTENT } from "~/schemas/form";
import { DEFAULT_INTENT, type FormAnswer, type FormFailure } from "./form-answer";
import { formRefused, isFailure, type WriteFailure, type WriteResult } from "./write-result";
import { requireFormData } from "./form-body.server";

/** The posted form as a handler sees it. */
export interface PostedForm {
  formData: FormData;
  intent: string;
  targetId: string | null;
}

/** What a handler may say after a successful write: a message for the page, or where to go. */
export interface Saved {
  message?: string;
  redirectTo?: string;
  detail?: Record<string, string | number | boolean | null>;
}

type SchemaSource<S extends z.ZodType> = S | ((form: PostedForm) => Promise<S | WriteFailure>);

export interface IntentHandler {
  run(form: PostedForm): Promise<WriteResult<Saved>>;
}

/**
 * One intent of a form: its schema (or a function that finds it, when the fields depend on the
 * record) and the handler of the valid input. `input` builds what the schema reads, when that is
 * more than the form's flat fields (checkbox groups, say).
 */
export function intent<S extends z.ZodType>(
  schema: SchemaSource<S>,
  handle: (input: z.output<S>, form: PostedForm) => Promise<WriteResult<Saved>>,
  options: { input?: (formData: FormData) => unknown } = {},
): IntentHandler {
  return {
    async run(form) {
      const resolved = typeof schema === "function" ? await schema(form) : schema;
      if (isFailure(resolved)) return resolved;
      const parsed = parseForm(resolved as S, form.formData, options.input?.(form.formData));
      if (!parsed.ok) return { ok: false, reason: "refused", fieldErrors: parsed.fieldErrors, formError: parsed.formError ?? null };
      return handle(parsed.data, form);
    },
  };
}

const STATUS: Record<WriteFailure["reason"], number> = { refused: 400, conflict: 409, gone: 404, forbidden: 403 };

/** Passwords are never sent back to the page. */
const isSecret = (field: string) => /password/i.test(field);

/**
 * What is sent back of a refused form stays small whatever was posted: at most this many fields,
 * each value cut at this many characters (far above any field's own limit, so the person still
 * sees what they wrote next to the field's message), and no field names longer than ours are.
 */
export const ECHO_LIMITS = { fields: 200, characters: 10_000, nameLength: 100 } as const;

function clip(value: string): string {
  if (value.length <= ECHO_LIMITS.characters) return value;
  // Not between the two halves of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(value[ECHO_LIMITS.characters - 1]) ? ECHO_LIMITS.characters - 1 : ECHO_LIMITS.characters;
  return value.slice(0, end);
}

function echo(formData: FormData): Record<string, string> {
  const values = new Map<string, string>();
  for (const [field, value] of formData) {
    if (typeof value !== "string" || isSecret(field) || field.length > ECHO_LIMITS.nameLength) continue;
    const previous = values.get(field);
    if (previous === undefined && values.size >= ECHO_LIMITS.fields) continue;
    // Repeated fields (checkbox groups) are joined; the handler re-reads them from formData.
    values.set(field, clip(previous === undefined ? value : `${previous},${value}`));
  }
  return Object.fromEntries(values);
}

export function failureAnswer(form: PostedForm, failure: WriteFailure): FormFailure {
  // Without field messages the message belongs to the whole form.
  const fieldErrors = failure.reason === "refused" ? failure.fieldErrors : {};
  return {
    ok: false,
    intent: form.intent,
    targetId: form.targetId,
    reason: failure.reason,
    fieldErrors,
    formError: failure.formError,
    values: echo(form.formData),
  };
}

/**
 * A refusal with a status the WriteResult has no word for (401 wrong credentials, 429 too many
 * attempts): the sign-in steps answer outside formAction with this.
 */
export function refusalWithStatus(form: PostedForm, failure: WriteFailure, status: number) {
  return data<FormAnswer>(failureAnswer(form, failure), { status });
}

/**
 * Answers the posted form. `idField` is the hidden field that names the row a form concerns, on
 * pages with one form per row. The page receives a FormAnswer (read it with `failureFor` and
 * `successFor`), or is redirected.
 */
export async function formAction(request: Request, handlers: Record<string, IntentHandler>, options: { idField?: string; formData?: FormData } = {}) {
  const formData = options.formData ?? (await requireFormData(request));
  const posted = formData.get("intent");
  const id = formData.get(options.idField ?? "id");
  const form: PostedForm = {
    formData,
    intent: typeof posted === "string" && posted ? posted : DEFAULT_INTENT,
    targetId: typeof id === "string" && id ? id : null,
  };
  const handler = Object.hasOwn(handlers, form.intent) ? handlers[form.intent] : undefined;
  const result = handler ? await handler.run(form) : formRefused(UNKNOWN_INTENT);
  if (!result.ok) return data<FormAnswer>(failureAnswer(form, result), { status: STATUS[result.reason] });
  if (result.redirectTo) return redirect(result.redirectTo);
  return data<FormAnswer>({ ok: true, intent: form.intent, targetId: form.targetId, message: result.message ?? null, detail: result.detail ?? {} });
}
