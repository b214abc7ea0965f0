// The permission rules, in one place. Pure: no database, no requests. Roles are few and fixed,
// so they live in code rather than in database rows.

export const ROLES = ["koordinator", "styrgrupp", "forbundschef"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  koordinator: "Koordinator",
  styrgrupp: "Styrgrupp/beredningsgrupp/styrelse",
  forbundschef: "Förbundschef",
};

export type Permission =
  | "participants:work" // see and change participants (within assignments for a koordinator)
  | "statistics:read" // aggregated statistics, never individuals
  | "statistics:export"
  | "admin:manage" // users, kommuner, insatser, reference lists
  | "audit:read"
  | "import:run";

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  koordinator: ["participants:work"],
  styrgrupp: ["statistics:read"],
  forbundschef: ["participants:work", "statistics:read", "statistics:export", "admin:manage", "audit:read", "import:run"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export interface Assignment {
  insatsId: string;
  kommunId: string;
}

export interface Actor {
  id: string;
  role: Role;
  assignments: readonly Assignment[];
}

/** Where a participant's enrolment belongs: the insats and kommun it runs in. */
export interface EnrolmentScope {
  insatsId: string;
  kommunId: string;
}

/** A koordinator works only within assigned insats × kommun; the förbundschef sees the whole förbund. */
export function canWorkWithEnrolment(actor: Actor, scope: EnrolmentScope): boolean {
  if (actor.role === "forbundschef") return true;
  if (!can(actor.role, "participants:work")) return false;
  return actor.assignments.some((a) => a.insatsId === scope.insatsId && a.kommunId === scope.kommunId);
}

/** A participant is reachable when any of their enrolments is; a new person (no enrolment yet) only by scope. */
export function canWorkWithParticipant(actor: Actor, enrolments: readonly EnrolmentScope[]): boolean {
  if (actor.role === "forbundschef") return true;
  return enrolments.some((scope) => canWorkWithEnrolment(actor, scope));
}

/**
 * Individual FOV (violence screening) answers: only the participant's own koordinator and the
 * förbundschef. Another koordinator assigned to the same insats and kommun sees that a
 * screening exists, not its answer.
 */
export function canSeeFovAnswers(actor: Actor, enrolment: EnrolmentScope & { coordinatorId: string | null }): boolean {
  if (actor.role === "forbundschef") return true;
  return actor.role === "koordinator" && enrolment.coordinatorId === actor.id && canWorkWithEnrolment(actor, enrolment);
}

/** The filter a koordinator's participant lists are limited to; null means no limit (förbundschef). */
export function participantScopeFilter(actor: Actor): readonly Assignment[] | null {
  if (actor.role === "forbundschef") return null;
  if (!can(actor.role, "participants:work")) return [];
  return actor.assignments;
}

/** The start page of each role. */
export function homePath(role: Role): string {
  switch (role) {
    case "koordinator":
      return "/deltagare";
    case "styrgrupp":
      return "/statistik";
    case "forbundschef":
      return "/statistik";
  }
}
