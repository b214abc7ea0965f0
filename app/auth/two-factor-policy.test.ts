import { describe, expect, it } from "vitest";
import { DEFAULT_TWO_FACTOR_ROLES, parseTwoFactorRoles, roleRequiresTwoFactor, serialiseTwoFactorRoles } from "./two-factor-policy";

describe("two-factor policy", () => {
  it("reads the stored list in role order and drops unknown keys", () => {
    expect(parseTwoFactorRoles("forbundschef, koordinator,admin")).toEqual(["koordinator", "forbundschef"]);
    expect(parseTwoFactorRoles("")).toEqual([]);
  });

  it("writes the list in role order without duplicates", () => {
    expect(serialiseTwoFactorRoles(["forbundschef", "styrgrupp", "forbundschef"])).toBe("styrgrupp,forbundschef");
    expect(serialiseTwoFactorRoles([])).toBe("");
  });

  it("requires two-factor for a listed role only", () => {
    expect(roleRequiresTwoFactor("forbundschef", "forbundschef")).toBe(true);
    expect(roleRequiresTwoFactor("forbundschef", "koordinator")).toBe(false);
    expect(roleRequiresTwoFactor("forbundschef", "not-a-role")).toBe(false);
  });

  it("requires it of the förbundschef by default, and matches the database default", () => {
    expect(DEFAULT_TWO_FACTOR_ROLES).toEqual(["forbundschef"]);
    expect(serialiseTwoFactorRoles(DEFAULT_TWO_FACTOR_ROLES)).toBe("forbundschef");
  });
});
