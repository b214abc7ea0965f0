import { describe, expect, it } from "vitest";
import { closureNeedsCheck, FLAG_DAYS, isOverdue, participantFlags, type FlagFacts } from "./follow-up-flags";

const today = "2025-06-30";
// 90 days before today is 2025-04-01; 91 days before is 2025-03-31.
const day90 = "2025-04-01";
const day91 = "2025-03-31";

/** An open enrolment with everything done recently: no flags. */
const open: FlagFacts = {
  enrolledDate: "2024-12-01",
  closedDate: null,
  lastFollowUpDate: "2025-06-20",
  lastPlacementDate: "2025-06-20",
  lastActivityDate: "2025-06-20",
  fovAsked: true,
  skapaOffered: true,
};

describe("isOverdue", () => {
  it("counts 90 days as three months", () => expect(FLAG_DAYS).toBe(90));
  it("is not overdue exactly 90 days after the event", () => expect(isOverdue(day90, "2024-12-01", today)).toBe(false));
  it("is overdue 91 days after the event", () => expect(isOverdue(day91, "2024-12-01", today)).toBe(true));
  it("counts from the enrolment when there is no event", () => {
    expect(isOverdue(null, day90, today)).toBe(false);
    expect(isOverdue(null, day91, today)).toBe(true);
  });
  it("counts from the enrolment when the last event is older than it", () => {
    expect(isOverdue("2024-01-01", day90, today)).toBe(false);
    expect(isOverdue("2024-01-01", day91, today)).toBe(true);
  });
  it("counts across a change of year", () => {
    expect(isOverdue("2024-10-03", "2024-01-01", "2025-01-01")).toBe(false);
    expect(isOverdue("2024-10-02", "2024-01-01", "2025-01-01")).toBe(true);
  });
});

describe("closureNeedsCheck", () => {
  it("flags a closure before the last activity", () => expect(closureNeedsCheck("2025-05-01", "2025-05-02")).toBe(true));
  it("accepts a closure on the day of the last activity", () => expect(closureNeedsCheck("2025-05-01", "2025-05-01")).toBe(false));
  it("accepts a closure with no activity", () => expect(closureNeedsCheck("2025-05-01", null)).toBe(false));
});

describe("participantFlags", () => {
  it("flags nothing when follow-up, placement, FOV and SKAPA are done", () => expect(participantFlags(open, today)).toEqual([]));

  it("flags the remittent follow-up after 90 days, and not on the 90th", () => {
    expect(participantFlags({ ...open, lastFollowUpDate: day91 }, today)).toEqual(["referrer-follow-up"]);
    expect(participantFlags({ ...open, lastFollowUpDate: day90 }, today)).toEqual([]);
  });

  it("flags the Trappan placement after 90 days, and not on the 90th", () => {
    expect(participantFlags({ ...open, lastPlacementDate: day91 }, today)).toEqual(["trappan"]);
    expect(participantFlags({ ...open, lastPlacementDate: day90 }, today)).toEqual([]);
  });

  it("flags neither follow-up nor placement of a participant enrolled less than 90 days ago", () => {
    expect(participantFlags({ ...open, enrolledDate: day90, lastFollowUpDate: null, lastPlacementDate: null }, today)).toEqual([]);
    expect(participantFlags({ ...open, enrolledDate: day91, lastFollowUpDate: null, lastPlacementDate: null }, today)).toEqual([
      "referrer-follow-up",
      "trappan",
    ]);
  });

  it("flags FOV not asked", () => expect(participantFlags({ ...open, fovAsked: false }, today)).toEqual(["fov"]));

  it("flags SKAPA not offered", () => expect(participantFlags({ ...open, skapaOffered: false }, today)).toEqual(["skapa"]));

  it("lists every flag of an open enrolment in one order", () => {
    const nothingDone = { ...open, enrolledDate: "2024-01-01", lastFollowUpDate: null, lastPlacementDate: null, fovAsked: false, skapaOffered: false };
    expect(participantFlags(nothingDone, today)).toEqual(["referrer-follow-up", "trappan", "fov", "skapa"]);
  });

  it("gives a closed enrolment only the data check, when the closure is before the last activity", () => {
    const closed = { ...open, closedDate: "2025-06-10", lastFollowUpDate: null, lastPlacementDate: null, fovAsked: false, skapaOffered: false };
    expect(participantFlags(closed, today)).toEqual(["data-check"]);
    expect(participantFlags({ ...closed, lastActivityDate: "2025-06-10" }, today)).toEqual([]);
  });
});
