import { describe, expect, it } from "vitest";
import { coordinatorScoreField, scoreField } from "~/schemas/journal";
import { editView, incomeVersion, type EditEnrolment } from "./journal-edit";

const at = (iso: string) => new Date(iso);
const FULL = { editable: true, seesFov: true };
const created = at("2025-02-01T09:00:00Z");

function enrolment(overrides: Partial<EditEnrolment> = {}): EditEnrolment {
  return {
    id: "e1",
    closedDate: null,
    version: 3,
    closureReasonId: null,
    incomeEndId: null,
    planAfterClosure: null,
    surveySupport: null,
    surveyInfluence: null,
    surveyReadiness: null,
    insats: {
      skapaScaleMin: 1,
      skapaScaleMax: 10,
      trappanSteps: [{ step: 1, label: "Ett" }],
      skapaAreas: [
        { id: "a1", label: "Hälsa", retired: false },
        { id: "old", label: "Gammalt", retired: true },
        { id: "gone", label: "Oanvänt", retired: true },
      ],
    },
    activities: [{ id: "m1", date: "2025-02-01", createdAt: created, version: 2, activityTypeId: "t1", minutes: null, note: "Samtal" }],
    placements: [{ id: "p1", date: "2025-02-01", createdAt: created, version: 5, step: 3, motivation: null }],
    skapaOffers: [{ id: "o1", date: "2025-02-02", createdAt: created }],
    assessments: [
      {
        id: "s1",
        date: "2025-03-01",
        createdAt: created,
        version: 1,
        scores: [
          { areaId: "a1", participantScore: 6, coordinatorScore: null },
          { areaId: "old", participantScore: 2, coordinatorScore: 4 },
        ],
      },
    ],
    fovScreenings: [
      { id: "f1", date: "2025-02-10", createdAt: created, version: 1, outcome: "ej_tillfragad", notAskedReason: "Tolk saknades", supportOffered: true },
    ],
    support: [{ id: "u1", date: "2025-02-01", createdAt: created, version: 1, supportTypeId: "st", raisesActivityLevel: false, note: null }],
    incomeChanges: [{ id: "i1", date: "2025-04-01", createdAt: created, incomeSourceId: "lon" }],
    ...overrides,
  };
}

describe("editView", () => {
  it("starts an event's form from its values, empty text for what is missing, with its version", () => {
    expect(editView([{ enrolment: enrolment(), access: FULL }], { kind: "activity", id: "m1" })).toEqual({
      kind: "activity",
      id: "m1",
      version: "2",
      steps: [{ step: 1, label: "Ett" }],
      values: { date: "2025-02-01", activityTypeId: "t1", minutes: "", note: "Samtal" },
    });
    expect(editView([{ enrolment: enrolment(), access: FULL }], { kind: "placement", id: "p1" })).toMatchObject({
      version: "5",
      values: { date: "2025-02-01", step: "3", motivation: "" },
    });
    expect(editView([{ enrolment: enrolment(), access: FULL }], { kind: "support", id: "u1" })).toMatchObject({
      values: { raisesActivityLevel: "nej", note: "" },
    });
    expect(editView([{ enrolment: enrolment(), access: FULL }], { kind: "fov", id: "f1" })).toMatchObject({
      values: { outcome: "ej_tillfragad", notAskedReason: "Tolk saknades", supportOffered: "on" },
    });
  });

  it("versions a row without a version column by its values", () => {
    expect(editView([{ enrolment: enrolment(), access: FULL }], { kind: "skapa-offer", id: "o1" })).toMatchObject({
      version: "2025-02-02",
      values: { date: "2025-02-02" },
    });
    expect(editView([{ enrolment: enrolment(), access: FULL }], { kind: "income", id: "i1" })).toMatchObject({
      version: "2025-04-01|lon",
      values: { incomeSourceId: "lon" },
    });
    expect(incomeVersion({ date: "2025-04-01", incomeSourceId: "lon" })).toBe("2025-04-01|lon");
  });

  it("shows a SKAPA assessment's areas in use and the retired ones it answered", () => {
    const view = editView([{ enrolment: enrolment(), access: FULL }], { kind: "skapa-assessment", id: "s1" });
    expect(view?.instrument).toEqual({
      areas: [
        { id: "a1", label: "Hälsa" },
        { id: "old", label: "Gammalt" },
      ],
      min: 1,
      max: 10,
    });
    expect(view?.values).toEqual({
      date: "2025-03-01",
      [scoreField("a1")]: "6",
      [coordinatorScoreField("a1")]: "",
      [scoreField("old")]: "2",
      [coordinatorScoreField("old")]: "4",
    });
  });

  it("starts a closure's form from the enrolment, with the enrolment's version", () => {
    const closed = enrolment({ closedDate: "2025-06-30", closureReasonId: "arbete", incomeEndId: "lon", planAfterClosure: true, surveySupport: false });
    expect(editView([{ enrolment: closed, access: FULL }], { kind: "closure", id: "e1" })).toMatchObject({
      version: "3",
      values: {
        date: "2025-06-30",
        closureReasonId: "arbete",
        incomeEndId: "lon",
        planAfterClosure: "ja",
        surveySupport: "nej",
        surveyInfluence: "",
        surveyReadiness: "",
      },
    });
    expect(editView([{ enrolment: enrolment(), access: FULL }], { kind: "closure", id: "e1" })).toBeNull();
  });

  it("finds the event in any of the person's enrolments the user may edit", () => {
    const other = enrolment({ id: "e0", activities: [] });
    expect(
      editView(
        [
          { enrolment: other, access: FULL },
          { enrolment: enrolment(), access: FULL },
        ],
        { kind: "activity", id: "m1" },
      )?.id,
    ).toBe("m1");
  });

  it("gives nothing outside the user's scope, an FOV answer they may not see, or an unknown id", () => {
    expect(editView([{ enrolment: enrolment(), access: { editable: false, seesFov: true } }], { kind: "activity", id: "m1" })).toBeNull();
    expect(editView([{ enrolment: enrolment(), access: { editable: true, seesFov: false } }], { kind: "fov", id: "f1" })).toBeNull();
    expect(editView([{ enrolment: enrolment(), access: FULL }], { kind: "placement", id: "m1" })).toBeNull();
  });
});
