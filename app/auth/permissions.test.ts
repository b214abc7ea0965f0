import { describe, expect, it } from "vitest";
import { can, canSeeFovAnswers, canWorkWithEnrolment, canWorkWithParticipant, participantScopeFilter, type Actor } from "./permissions";

const samStegLjungby = { insatsId: "samsteg", kommunId: "ljungby" };
const samStegMarkaryd = { insatsId: "samsteg", kommunId: "markaryd" };
const koordinator: Actor = { id: "k1", role: "koordinator", assignments: [samStegLjungby] };
const styrgrupp: Actor = { id: "s1", role: "styrgrupp", assignments: [samStegLjungby] };
const chef: Actor = { id: "c1", role: "forbundschef", assignments: [] };

describe("role permissions", () => {
  it("lets only the förbundschef administer, read the audit log and import", () => {
    for (const permission of ["admin:manage", "audit:read", "import:run", "statistics:export"] as const) {
      expect(can("forbundschef", permission)).toBe(true);
      expect(can("koordinator", permission)).toBe(false);
      expect(can("styrgrupp", permission)).toBe(false);
    }
  });
  it("gives the styrgrupp statistics but never participants", () => {
    expect(can("styrgrupp", "statistics:read")).toBe(true);
    expect(can("styrgrupp", "participants:work")).toBe(false);
  });
  it("gives the koordinator participants but not statistics", () => {
    expect(can("koordinator", "participants:work")).toBe(true);
    expect(can("koordinator", "statistics:read")).toBe(false);
  });
});

describe("assignment scope", () => {
  it("lets a koordinator work only within an assigned insats × kommun", () => {
    expect(canWorkWithEnrolment(koordinator, samStegLjungby)).toBe(true);
    expect(canWorkWithEnrolment(koordinator, samStegMarkaryd)).toBe(false);
    expect(canWorkWithEnrolment(koordinator, { insatsId: "annan", kommunId: "ljungby" })).toBe(false);
  });
  it("never lets a steering role reach a participant, whatever its assignments", () => {
    expect(canWorkWithEnrolment(styrgrupp, samStegLjungby)).toBe(false);
    expect(participantScopeFilter(styrgrupp)).toEqual([]);
  });
  it("lets the förbundschef reach every participant of the förbund", () => {
    expect(canWorkWithEnrolment(chef, samStegMarkaryd)).toBe(true);
    expect(participantScopeFilter(chef)).toBeNull();
  });
  it("reaches a participant when any of their enrolments is in scope", () => {
    expect(canWorkWithParticipant(koordinator, [samStegMarkaryd, samStegLjungby])).toBe(true);
    expect(canWorkWithParticipant(koordinator, [samStegMarkaryd])).toBe(false);
    expect(canWorkWithParticipant(koordinator, [])).toBe(false);
  });
});

describe("FOV answers", () => {
  it("are visible to the participant's own koordinator and the förbundschef only", () => {
    expect(canSeeFovAnswers(koordinator, { ...samStegLjungby, coordinatorId: "k1" })).toBe(true);
    expect(canSeeFovAnswers(chef, { ...samStegMarkaryd, coordinatorId: "k1" })).toBe(true);
    const colleague: Actor = { id: "k2", role: "koordinator", assignments: [samStegLjungby] };
    expect(canSeeFovAnswers(colleague, { ...samStegLjungby, coordinatorId: "k1" })).toBe(false);
    expect(canSeeFovAnswers(styrgrupp, { ...samStegLjungby, coordinatorId: "s1" })).toBe(false);
  });
});
