// Characters no person types on purpose and that make stored text lie about itself: NUL and the
// other control characters, and the bidirectional embedding, override and isolate characters
// (U+202A–U+202E, U+2066–U+2069), which can make "ANNA-1" display as something else in a list
// or an export. Codes and names, which identify someone, are refused when they hold one; free
// text (notes, motivations) is kept without them. Every edge (forms, import) uses these.

export type TextProblem = "unsafe-characters";

const BIDI_CONTROLS = "\u202A-\u202E\u2066-\u2069";

// A name or code is one line: every control character is refused, line breaks and tabs included.
const UNSAFE_IN_NAME = new RegExp(`[\\u0000-\\u001F\\u007F${BIDI_CONTROLS}]`, "u");

// Free text keeps its tabs and line breaks (a textarea posts CR LF).
const UNSAFE_IN_FREE_TEXT = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F${BIDI_CONTROLS}]`, "gu");

/** "unsafe-characters" when a code or name holds a control or bidirectional control character. */
export function nameProblem(text: string): TextProblem | null {
  return UNSAFE_IN_NAME.test(text) ? "unsafe-characters" : null;
}

/** Free text without the characters a code or name may not hold, tabs and line breaks kept. */
export function cleanFreeText(text: string): string {
  return text.replace(UNSAFE_IN_FREE_TEXT, "");
}
