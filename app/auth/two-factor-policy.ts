// Which roles must sign in with a second factor. Stored on the förbund as a comma-separated
// list of role keys; pure, so that the rule and its parsing are tested without a database.
import { isRole, ROLES, type Role } from "./permissions";

/** A new förbund requires two-factor sign-in of its förbundschef and offers it to everyone else. */
export const DEFAULT_TWO_FACTOR_ROLES: readonly Role[] = ["forbundschef"];

/** The stored list as roles, in the order of ROLES; unknown keys are dropped. */
export function parseTwoFactorRoles(stored: string): Role[] {
  const keys = new Set(stored.split(",").map((key) => key.trim()));
  return ROLES.filter((role) => keys.has(role) && isRole(role));
}

export function serialiseTwoFactorRoles(roles: readonly Role[]): string {
  const chosen = new Set(roles);
  return ROLES.filter((role) => chosen.has(role)).join(",");
}

export function roleRequiresTwoFactor(stored: string, role: string): boolean {
  return isRole(role) && parseTwoFactorRoles(stored).includes(role);
}
