import type { z } from "zod";

// zod's own messages are English ("Too big: expected string to have <=200 characters"); the
// Swedish locale zod ships still names types and patterns ("förväntat string, fick object",
// "måste matcha mönstret /^…$/"). Every field a person fills in has its own message in the
// schemas; this map words the rest — mostly what a tampered or outdated form sends — in plain
// Swedish, without zod's internals. form.ts installs it, so it is in force wherever a schema is.

const RELOAD = "Ladda om sidan och försök igen.";
const UNREADABLE = `Värdet kunde inte läsas. ${RELOAD}`;
const REQUIRED = "Fältet måste fyllas i.";

const count = (value: number | bigint) => Number(value).toLocaleString("sv-SE");

function tooBig(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>): string {
  const max = count(issue.maximum);
  switch (issue.origin) {
    case "string":
      return `Texten får vara högst ${max} tecken.`;
    case "array":
    case "set":
      return `Högst ${max} val.`;
    case "number":
    case "int":
    case "bigint":
      return issue.inclusive ? `Värdet får vara högst ${max}.` : `Värdet måste vara mindre än ${max}.`;
    case "file":
      return `Filen får vara högst ${max} byte.`;
    default:
      return "Värdet är för stort.";
  }
}

function tooSmall(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>): string {
  const min = count(issue.minimum);
  switch (issue.origin) {
    case "string":
      return Number(issue.minimum) <= 1 ? REQUIRED : `Texten måste ha minst ${min} tecken.`;
    case "array":
    case "set":
      return Number(issue.minimum) <= 1 ? "Välj minst ett alternativ." : `Välj minst ${min} alternativ.`;
    case "number":
    case "int":
    case "bigint":
      return issue.inclusive ? `Värdet måste vara minst ${min}.` : `Värdet måste vara större än ${min}.`;
    default:
      return "Värdet är för litet.";
  }
}

/** The allowed values, when they are few enough to read: "ja, nej eller vet ej". */
function choices(values: readonly unknown[]): string | null {
  if (values.length < 2 || values.length > 8 || !values.every((value) => typeof value === "string" && value !== "")) return null;
  const list = values as string[];
  return `${list.slice(0, -1).join(", ")} eller ${list[list.length - 1]}`;
}

/** The Swedish message of an issue whose schema has none of its own. */
export const swedishError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? REQUIRED : UNREADABLE;
    case "too_big":
      return tooBig(issue);
    case "too_small":
      return tooSmall(issue);
    case "invalid_format":
      return issue.format === "email" ? "Skriv en giltig e-postadress, t.ex. namn@kommun.se." : "Värdet har fel format.";
    case "invalid_value": {
      const allowed = choices(issue.values);
      return allowed ? `Välj ett av alternativen: ${allowed}.` : `Ogiltigt val. ${RELOAD}`;
    }
    case "not_multiple_of":
      return `Värdet måste vara en multipel av ${count(issue.divisor)}.`;
    case "unrecognized_keys":
      return `Formuläret har fält som inte hör dit. ${RELOAD}`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return UNREADABLE;
    default:
      return "Värdet är inte giltigt.";
  }
};
