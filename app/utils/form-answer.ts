// What a route action answers to a posted form, as the page receives it. Built only by
// utils/form-action.server.ts; read by pages with `answerFor`. Safe for the browser bundle.
import type { FieldErrors } from "~/schemas/form";
import type { WriteFailure } from "./write-result";

/** The form name of a page with one form and no hidden intent (kept here so that pages can read it). */
export const DEFAULT_INTENT = "default";

export interface FormSuccess {
  ok: true;
  /** Which of the page's forms was sent (its hidden `intent`). */
  intent: string;
  /** The row the form concerned (its id field), on pages with one form per row. */
  targetId: string | null;
  message: string | null;
  /** Anything more the page shows after this save (e.g. whether a consent was recorded). */
  detail: Record<string, string | number | boolean | null>;
}

export interface FormFailure {
  ok: false;
  intent: string;
  targetId: string | null;
  reason: WriteFailure["reason"];
  fieldErrors: FieldErrors;
  formError: string | null;
  /** What the user typed, so that nothing is lost (never passwords). */
  values: Record<string, string>;
}

export type FormAnswer = FormSuccess | FormFailure;

function isAnswer(value: unknown): value is FormAnswer {
  return typeof value === "object" && value !== null && "ok" in value && "intent" in value;
}

function matches(answer: FormAnswer, intent: string | readonly string[], targetId: string | null): boolean {
  if (answer.targetId !== targetId) return false;
  return typeof intent === "string" ? answer.intent === intent : intent.includes(answer.intent);
}

/** The failure of this form, if the last answer was this form's and it failed. */
export function failureFor(answer: unknown, intent: string | readonly string[], targetId: string | null = null): FormFailure | null {
  return isAnswer(answer) && !answer.ok && matches(answer, intent, targetId) ? answer : null;
}

/** The success of this form, if the last answer was this form's and it succeeded. */
export function successFor(answer: unknown, intent: string | readonly string[], targetId: string | null = null): FormSuccess | null {
  return isAnswer(answer) && answer.ok && matches(answer, intent, targetId) ? answer : null;
}

/** A form's fields: the user's input after a failed save, otherwise the given defaults. */
export interface FieldState {
  value(name: string): string | undefined;
  checked(name: string): boolean;
  errors(name: string): string[] | undefined;
}

export function fieldState(failure: FormFailure | null, defaults: Record<string, string | undefined> = {}): FieldState {
  return {
    value: (name) => (failure ? (failure.values[name] ?? "") : defaults[name]),
    checked: (name) => (failure ? failure.values[name] === "on" : defaults[name] === "on"),
    errors: (name) => failure?.fieldErrors[name],
  };
}
