// What every write of the data layer answers. Data modules return these (or throw a
// WriteRefusal inside a transaction, so that the whole write rolls back); route actions turn
// them into HTTP answers with utils/form-action.server.ts. Nothing here knows about HTTP.
import type { FieldErrors } from "~/schemas/form";
import { CONFLICT_MESSAGE } from "~/schemas/form";

/** Input the user can correct: field messages, or one message about the whole form. */
export interface Refused {
  ok: false;
  reason: "refused";
  fieldErrors: FieldErrors;
  formError: string | null;
}

/** Someone else changed the record since the form was loaded. */
export interface Conflict {
  ok: false;
  reason: "conflict";
  formError: string;
}

/** The record is not there (deleted, erased, another förbund's, or never existed). */
export interface Gone {
  ok: false;
  reason: "gone";
  formError: string;
}

/** The record exists, but is outside what this user may change. */
export interface Forbidden {
  ok: false;
  reason: "forbidden";
  formError: string;
}

export type WriteFailure = Refused | Conflict | Gone | Forbidden;

/** A write's answer; `T` carries what a successful write tells its caller (a new id, say). */
export type WriteResult<T extends object = Record<never, never>> = ({ ok: true } & T) | WriteFailure;

export const ok = <T extends object = Record<never, never>>(value?: T): { ok: true } & T => ({ ok: true, ...(value as T) });

export function refused(fieldErrors: FieldErrors, formError: string | null = null): Refused {
  return { ok: false, reason: "refused", fieldErrors, formError };
}

/** A refusal of one field. */
export const fieldRefused = (field: string, message: string): Refused => refused({ [field]: [message] });

/** A refusal of the whole form. */
export const formRefused = (message: string): Refused => refused({}, message);

export const conflict = (message = CONFLICT_MESSAGE): Conflict => ({ ok: false, reason: "conflict", formError: message });

export const gone = (message = "Posten finns inte längre. Ladda om sidan."): Gone => ({ ok: false, reason: "gone", formError: message });

export const FORBIDDEN_MESSAGE = "Du har inte behörighet till den här sidan eller åtgärden.";

export const forbiddenWrite = (message = FORBIDDEN_MESSAGE): Forbidden => ({ ok: false, reason: "forbidden", formError: message });

export function isFailure(value: unknown): value is WriteFailure {
  return typeof value === "object" && value !== null && "ok" in value && value.ok === false && "reason" in value;
}

/** Thrown inside a transaction so that a refused write rolls back whatever it had begun. */
export class WriteRefusal extends Error {
  constructor(readonly failure: WriteFailure) {
    super(failure.reason);
    this.name = "WriteRefusal";
  }
}

/** Stops the write at hand with this failure (inside `refusable`, the transaction rolls back). */
export function refuse(failure: WriteFailure): never {
  throw new WriteRefusal(failure);
}

/** Runs a write that may `refuse`; the refusal becomes its result, anything else is rethrown. */
export async function refusable<T extends object>(write: () => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof WriteRefusal) return error.failure;
    throw error;
  }
}
