import { describe, expect, it } from "vitest";
import { z } from "zod";
import { skapaAssessmentSchema } from "./journal";
import { parseStatisticsQuery } from "./statistics";

// Every schema of every form, fed what an attacker or a fuzzer posts: each message it answers
// with must be Swedish, none of zod's English defaults ("Too big: expected string…") nor the
// half-English of zod's own Swedish locale ("förväntat string, fick object").

const modules = import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts"], { eager: true });

/** The schemas among a module's exports, also inside objects of schemas (KommunSchemas.create). */
function schemasIn(value: unknown, name: string): Array<[string, z.ZodType]> {
  if (value instanceof z.ZodType) return [[name, value]];
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => schemasIn(inner, `${name}.${key}`));
}

const exported = Object.entries(modules).flatMap(([file, module]) =>
  Object.entries(module).flatMap(([name, value]) => schemasIn(value, `${file.replace(/^\.\//, "")}:${name}`)),
);
// Schemas built per record: the SKAPA form of an instrument.
const built: Array<[string, z.ZodType]> = [
  ["journal.ts:skapaAssessmentSchema", skapaAssessmentSchema({ areas: [{ id: "halsa", label: "Hälsa" }], min: 1, max: 10 })],
];
const SCHEMAS = [...exported, ...built];

/** The field names of an object schema, looking through refinements and transforms. */
function fieldsOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return fieldsOf(schema.in as z.ZodType);
  return ["score.halsa", "coordinatorScore.halsa"];
}

const HOSTILE_VALUES: Record<string, unknown> = {
  "an array": ["a", "b"],
  "an object": { a: 1 },
  "10 000 characters": "x".repeat(10_000),
  "10 000 digits": "9".repeat(10_000),
  "a number": 12345,
  "a number as text": "12345",
  "a negative number as text": "-1",
  "an exponent": "1e309",
  NaN: "NaN",
  "a boolean": true,
  null: null,
  "an empty string": "",
  "control characters": "\u0000\u202E",
  "a date far away": "9999-12-31",
};

function hostileInputs(fields: string[]): Array<[string, unknown]> {
  const every = (value: unknown) => Object.fromEntries(fields.map((field) => [field, value]));
  return [
    ["nothing", {}],
    ["null for the form", null],
    ["text for the form", "intent=meeting"],
    ["an array for the form", []],
    ["an unknown field", { ...every("1"), __proto__x: "1", constructor: "x" }],
    ...Object.entries(HOSTILE_VALUES).map(([what, value]): [string, unknown] => [`${what} in every field`, every(value)]),
  ];
}

// English words of zod's default messages, and the type names its Swedish locale leaves in.
const ENGLISH =
  /\b(expected|received|invalid|too big|too small|must|should|unrecognized|required|string|number|object|array|boolean|undefined|input|option|characters?|NaN|instanceof|regex)\b/i;

function messagesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => issue.message);
}

describe("every form schema answers hostile input in Swedish", () => {
  it("finds the form schemas of app/schemas", () => {
    expect(SCHEMAS.length).toBeGreaterThan(40);
  });

  it.each(SCHEMAS.map(([name, schema]) => [name, schema] as const))("%s", (_, schema) => {
    const seen: string[] = [];
    for (const [what, input] of hostileInputs(fieldsOf(schema))) {
      const parsed = schema.safeParse(input);
      if (parsed.success) continue;
      for (const message of messagesOf(parsed.error)) {
        seen.push(message);
        expect({ what, message }).not.toEqual({ what, message: expect.stringMatching(ENGLISH) });
        expect({ what, message }).toEqual({ what, message: expect.stringMatching(/^\S.*[.!]$/) });
      }
    }
    expect(seen.length).toBeGreaterThan(0);
  });

  it("answers in Swedish for a schema written without a single message of its own", () => {
    const bare = z.object({ text: z.string().max(3), list: z.array(z.string()).min(1), choice: z.enum(["ja", "nej"]), intent: z.literal("save") }).strict();
    expect(messagesOf(bare.safeParse({ text: "abcd", list: [], choice: "kanske", intent: "other", extra: 1 }).error!)).toEqual([
      "Texten får vara högst 3 tecken.",
      "Välj minst ett alternativ.",
      "Välj ett av alternativen: ja eller nej.",
      "Ogiltigt val. Ladda om sidan och försök igen.",
      "Formuläret har fält som inte hör dit. Ladda om sidan och försök igen.",
    ]);
    expect(messagesOf(bare.safeParse({ text: ["a"] }).error!).slice(0, 2)).toEqual([
      "Värdet kunde inte läsas. Ladda om sidan och försök igen.",
      "Fältet måste fyllas i.",
    ]);
  });

  it("answers the statistics query in Swedish whatever the URL holds", () => {
    for (const value of Object.values(HOSTILE_VALUES)) {
      const text = typeof value === "string" ? value : JSON.stringify(value);
      const params = new URLSearchParams({ period: text, ar: text, fran: text, till: text, insats: text, kommun: text });
      const parsed = parseStatisticsQuery(params, "2025-06-01");
      for (const message of parsed.ok ? [] : Object.values(parsed.errors)) expect(message).not.toMatch(ENGLISH);
    }
  });
});
