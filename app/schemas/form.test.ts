import { describe, expect, it } from "vitest";
import { formValues, isoDate, optionalParticipantCode, optionalText, participantCode, requiredText } from "./form";

const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe("isoDate", () => {
  const date = isoDate("Datum");

  it("takes the first and the last day of the plausible years", () => {
    expect(date.parse("1900-01-01")).toBe("1900-01-01");
    expect(date.parse("2100-12-31")).toBe("2100-12-31");
  });

  it("refuses the days just outside them with one message", () => {
    expect(messages(date.safeParse("1899-12-31"))).toEqual(["Datum måste ligga mellan 1900-01-01 och 2100-12-31."]);
    expect(messages(date.safeParse("2101-01-01"))).toEqual(["Datum måste ligga mellan 1900-01-01 och 2100-12-31."]);
    expect(messages(date.safeParse("1899-02-30"))).toEqual(["Datum är inte ett giltigt datum."]);
  });

  it("calls a past-only date after 2100 a date in the future, the nearer bound", () => {
    const past = isoDate("Datum", { past: true });
    expect(messages(past.safeParse("2999-01-01"))).toEqual(["Datum kan inte ligga i framtiden."]);
    expect(messages(past.safeParse("1899-12-31"))).toEqual(["Datum måste ligga mellan 1900-01-01 och 2100-12-31."]);
  });
});

describe("names, codes and free text", () => {
  it("refuses a name with a bidirectional override", () => {
    expect(messages(requiredText("Namnet").safeParse("Anna\u202EAndersson"))).toEqual(["Namnet innehåller otillåtna tecken."]);
  });

  it("keeps free text without control characters, and text of nothing else as no text", () => {
    expect(optionalText("Anteckningen").parse(" Bra\u0000 samtal\u2066 \n")).toBe("Bra samtal");
    expect(optionalText("Anteckningen").parse("\u202E\u0000")).toBeNull();
  });

  it("gives the personnummer message once, not also the length message, for an optional code", () => {
    expect(messages(optionalParticipantCode().safeParse("19800101-1234"))).toEqual([
      "Deltagarkoden ser ut som ett personnummer eller samordningsnummer. Använd en pseudonym kod, t.ex. SAM-0123.",
    ]);
    expect(optionalParticipantCode().parse("  ")).toBeNull();
    expect(participantCode().parse(" SAM-0123 ")).toBe("SAM-0123");
  });
});

describe("formValues", () => {
  it("reads a field named like an Object method as the field, and joins repeated keys", () => {
    const formData = new FormData();
    formData.append("toString", "a");
    formData.append("pair", "x");
    formData.append("pair", "y");
    expect(formValues(formData)).toEqual({ toString: "a", pair: "x,y" });
  });
});
