// A participant is known in Stegvis by a pseudonymous code the förbund chooses, never by a
// personnummer or samordningsnummer. Every edge that takes a code (the consent, link and study
// visit forms, the import) asks this rule and words the answer in Swedish.
//
// A number is refused by its shape alone: 10 or 12 digits, optionally with "-" or "+" before the
// last four, whose first digits read as a date (a samordningsnummer adds 60 to the day). The
// check digit is deliberately not tested: a mistyped personnummer is still a personnummer, and
// test numbers such as 19800101-1234 fail the Luhn check. A number inside a longer code
// ("SAM-8001011234") is refused too; "2025-0017" has neither 10 nor 12 digits and is a code.

export type ParticipantCodeProblem = "personnummer";

// Six or eight digits, an optional separator, four digits, with no digit on either side. Only one
// reading of a run of digits fits, so the first match of a run is the one to check.
const NUMBER_SHAPE = /(?<!\d)(\d{6}|\d{8})[-+–]?(\d{4})(?!\d)/g;

/** YYMMDD or YYYYMMDD with a month 01–12 and a day 01–31, or 61–91 for a samordningsnummer. */
function looksLikeBirthDate(digits: string): boolean {
  if (digits.length === 8 && !/^(18|19|20)/.test(digits)) return false;
  const month = Number(digits.slice(-4, -2));
  const day = Number(digits.slice(-2));
  const dayOfMonth = day > 60 ? day - 60 : day;
  return month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 31;
}

/** "personnummer" when the code holds a personnummer or samordningsnummer; null for a code that may be stored. */
export function participantCodeProblem(code: string): ParticipantCodeProblem | null {
  // "800101 1234" is the same number written with a space.
  const compact = code.replace(/\s+/g, "");
  for (const match of compact.matchAll(NUMBER_SHAPE)) if (looksLikeBirthDate(match[1])) return "personnummer";
  return null;
}
