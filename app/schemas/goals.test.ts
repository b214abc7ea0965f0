import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GoalTargetsSchema, targetMessages } from "./goals";

function errorsOf(input: Record<string, string>): Record<string, string[] | undefined> {
  const parsed = GoalTargetsSchema.safeParse(input);
  if (parsed.success) throw new Error("expected the form to be refused");
  return z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
}

describe("the goals form", () => {
  it("stores shares as ratios and counts as typed; an empty field and an empty year are null", () => {
    const parsed = GoalTargetsSchema.parse({ year: "", trappan_share: "82,5", new_enrolments: "25", active_persons: " " });
    expect(parsed.scope).toEqual({ insatsId: null, year: null });
    expect(parsed.targets.trappan_share).toBeCloseTo(0.825);
    expect(parsed.targets.new_enrolments).toBe(25);
    expect(parsed.targets.active_persons).toBeNull();
    expect(parsed.targets.survey_support_share).toBeNull();
    expect(GoalTargetsSchema.parse({ insatsId: "ins1", year: "2026", new_enrolments: "12" }).scope).toEqual({ insatsId: "ins1", year: 2026 });
  });

  it("says in Swedish what is wrong with a target that is not a number", () => {
    expect(errorsOf({ new_enrolments: "tolv", trappan_share: "80%" })).toEqual({
      new_enrolments: [targetMessages("Nyinskrivna deltagare").notNumber],
      trappan_share: [targetMessages("Stegförflyttning").notNumber],
    });
    expect(targetMessages("Nyinskrivna deltagare").notNumber).toBe("Nyinskrivna deltagare måste anges som ett tal, t.ex. 80.");
  });

  it("refuses a negative target", () => {
    expect(errorsOf({ active_persons: "-3", skapa_offered_share: "-10" })).toEqual({
      active_persons: ["Aktiva personer kan inte vara mindre än 0."],
      skapa_offered_share: ["Erbjudna SKAPA kan inte vara mindre än 0."],
    });
  });

  it("refuses a share above 100 % and a count that is not whole", () => {
    expect(errorsOf({ trappan_share: "100,5", new_enrolments: "12,5" })).toEqual({
      trappan_share: ["Stegförflyttning kan inte vara mer än 100 %."],
      new_enrolments: ["Nyinskrivna deltagare måste vara ett heltal."],
    });
    expect(GoalTargetsSchema.parse({ trappan_share: "100" }).targets.trappan_share).toBe(1);
  });

  it("refuses a year that is not a year", () => {
    expect(errorsOf({ year: "26" }).year).toEqual(["Året måste vara ett årtal mellan 2000 och 2100, eller tomt för alla år."]);
    expect(errorsOf({ year: "1999" }).year).toHaveLength(1);
  });
});
