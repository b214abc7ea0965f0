// Reading a posted body, within a size limit and only as a form. Every action that reads a body
// does it here (formAction, sign-in, the import upload), so a JSON, plain-text or broken body is a
// Swedish 4xx answer rather than a 500, and no post is held in memory beyond its limit. The
// production server refuses a too-large declared Content-Length before React Router starts
// (scripts/request-guards.mjs); this also counts the bytes of a body without one (chunked).
import { data } from "react-router";

/** An ordinary form post: far more than any form of Stegvis sends. */
export const MAX_FORM_BYTES = 1024 * 1024;

export const FORM_TOO_LARGE = "Formuläret är för stort: högst 1 MB kan skickas på en gång. Korta texten och försök igen.";
export const FORM_UNREADABLE = "Formuläret kunde inte läsas. Ladda om sidan och försök igen.";

export type FormBody = { ok: true; formData: FormData } | { ok: false; status: 400 | 413 | 415; message: string };

interface BodyOptions {
  /** The most bytes the body may have. */
  limit?: number;
  tooLarge?: string;
  unreadable?: string;
}

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/** Reads the rest of a body that is refused, without keeping it, so that the answer reaches the browser. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>) {
  try {
    while (!(await reader.read()).done) {
      /* dropped */
    }
  } catch {
    /* the client went away */
  }
}

/** The body's bytes, or null once it has more than `limit` (the rest is read and dropped). */
async function readBytes(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void discard(reader);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * The posted form, or why it cannot be read: 415 for a body that is not a form (JSON, text), 413
 * for one over `limit` bytes (refused by its Content-Length before it is read, or as soon as the
 * count passes the limit), 400 for a form that does not parse or a body that broke off.
 */
export async function readFormBody(request: Request, options: BodyOptions = {}): Promise<FormBody> {
  const { limit = MAX_FORM_BYTES, tooLarge = FORM_TOO_LARGE, unreadable = FORM_UNREADABLE } = options;
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!FORM_TYPES.test(contentType)) return { ok: false, status: 415, message: unreadable };
  if (Number(request.headers.get("Content-Length") ?? 0) > limit) return { ok: false, status: 413, message: tooLarge };
  let bytes: Uint8Array<ArrayBuffer> | null;
  try {
    bytes = request.body ? await readBytes(request.body, limit) : new Uint8Array();
  } catch {
    return { ok: false, status: 400, message: unreadable };
  }
  if (!bytes) return { ok: false, status: 413, message: tooLarge };
  try {
    return { ok: true, formData: await new Response(bytes, { headers: { "Content-Type": contentType } }).formData() };
  } catch {
    return { ok: false, status: 400, message: unreadable };
  }
}

/** The posted form; a body that cannot be read is thrown as its error page (400, 413 or 415). */
export async function requireFormData(request: Request, options: BodyOptions = {}): Promise<FormData> {
  const body = await readFormBody(request, options);
  if (!body.ok) throw data({ message: body.message }, { status: body.status });
  return body.formData;
}
