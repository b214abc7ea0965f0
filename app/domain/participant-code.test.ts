import { describe, expect, it } from "vitest";
import { participantCodeProblem } from "./participant-code";

describe("participantCodeProblem", () => {
  it.each([
    ["19800101-1234", "a personnummer with century and hyphen"],
    ["8001011234", "a personnummer of ten digits"],
    ["198001011234", "a personnummer of twelve digits"],
    ["800101-1234", "a personnummer with hyphen"],
    ["800101+1234", "a personnummer of someone over a hundred"],
    ["800101 1234", "a personnummer with a space"],
    ["800101–1234", "a personnummer with an en dash"],
    ["19800161-1234", "a samordningsnummer (day + 60)"],
    ["8001911234", "a samordningsnummer on the 31st"],
    ["SAM-8001011234", "a personnummer inside a longer code"],
    ["19800101-1235", "a personnummer with a wrong check digit"],
    ["20250314-0001", "a date and a number in the same shape"],
  ])("refuses %s (%s)", (code) => {
    expect(participantCodeProblem(code)).toBe("personnummer");
  });

  it.each([
    "DEMO-001",
    "A-1",
    "2025-17",
    "2025-0017",
    "SAM-0123",
    "P-20250314",
    "1234567890", // month 56
    "8013011234", // month 13
    "8001321234", // day 32
    "8001001234", // day 00
    "8001601234", // day 60: neither a day nor a samordningsnummer day
    "8001921234", // day 92
    "17800101-1234", // a twelve-digit number from before the 1800s
    "800101-12345", // five digits after the date
    "12345678901234",
  ])("accepts %s", (code) => {
    expect(participantCodeProblem(code)).toBeNull();
  });
});
