import { describe, expect, it } from "vitest";
import {
  byDate,
  consentItem,
  enrolmentTimeline,
  FOV_HIDDEN_TEXT,
  journalTimeline,
  sortTimeline,
  stepText,
  type DatedItem,
  type TimelineEnrolment,
} from "./timeline";

const at = (iso: string) => new Date(iso);
const FULL = { editable: true, seesFov: true };

function enrolment(overrides: Partial<TimelineEnrolment> = {}): TimelineEnrolment {
  return {
    id: "e1",
    enrolledDate: "2025-01-10",
    closedDate: null,
    createdAt: at("2025-01-10T09:00:00Z"),
    updatedAt: at("2025-01-10T09:00:00Z"),
    planAfterClosure: null,
    surveySupport: null,
    surveyInfluence: null,
    surveyReadiness: null,
    insats: {
      name: "SamSteg",
      skapaScaleMin: 1,
      skapaScaleMax: 10,
      trappanSteps: [
        { step: 2, label: "Motiverad" },
        { step: 3, label: "Aktiv" },
      ],
      skapaAreas: [
        { id: "a1", label: "Hälsa", retired: false },
        { id: "a2", label: "Vardagen", retired: false },
        { id: "old", label: "Gammalt", retired: true },
      ],
    },
    kommun: { name: "Ljungby" },
    coordinator: { name: "Kim" },
    referrer: { name: "Försäkringskassan" },
    incomeStart: null,
    incomeEnd: null,
    closureReason: null,
    activities: [],
    placements: [],
    skapaOffers: [],
    assessments: [],
    fovScreenings: [],
    support: [],
    incomeChanges: [],
    ...overrides,
  };
}

const titles = (items: { date: string; title: string }[]) => items.map((item) => [item.date, item.title]);

describe("byDate and stepText", () => {
  it("orders rows oldest first, a date's rows in the order written", () => {
    const rows = [
      { id: "b", date: "2025-02-01", createdAt: at("2025-02-01T10:00:00Z") },
      { id: "a", date: "2025-02-01", createdAt: at("2025-02-01T09:00:00Z") },
      { id: "c", date: "2025-01-15", createdAt: at("2025-03-01T09:00:00Z") },
    ];
    expect(byDate(rows).map((row) => row.id)).toEqual(["c", "a", "b"]);
  });

  it("names a step by the insats's label, or by its number alone", () => {
    const steps = [{ step: 2, label: "Motiverad" }];
    expect(stepText(steps, 2)).toBe("Steg 2: Motiverad");
    expect(stepText(steps, 5)).toBe("Steg 5");
  });
});

describe("enrolmentTimeline", () => {
  it("describes the enrolment, its closure and a step change against the placement before", () => {
    const items = enrolmentTimeline(
      enrolment({
        closedDate: "2025-06-30",
        updatedAt: at("2025-06-30T12:00:00Z"),
        closureReason: { label: "Arbete" },
        planAfterClosure: true,
        surveySupport: false,
        placements: [
          { id: "p2", date: "2025-03-01", createdAt: at("2025-03-01T09:00:00Z"), step: 3, motivation: "Regelbunden" },
          { id: "p1", date: "2025-01-10", createdAt: at("2025-01-10T09:00:00Z"), step: 2, motivation: null },
        ],
      }),
      FULL,
    );
    expect(items.map((item) => [item.kind, item.title, item.lines, item.editable])).toEqual([
      ["enrolment", "Inskriven i SamSteg, Ljungby", ["Remittent: Försäkringskassan", "Koordinator: Kim"], false],
      [
        "closure",
        "Avslutad: Arbete",
        [
          "Försörjning vid avslut: ej angiven",
          "Planering efter avslut: ja",
          "Upplevt stöd: nej, upplevt inflytande: ej besvarat, ökad beredskap för arbete eller studier: ej besvarat",
        ],
        true,
      ],
      ["placement", "Trappan: steg 2", ["Steg 2: Motiverad", "Första placeringen"], true],
      ["placement", "Trappan: steg 3", ["Steg 3: Aktiv", "Från steg 2", "Motivering: Regelbunden"], true],
    ]);
  });

  it("gives a SKAPA assessment's mean and its areas, retired ones only where answered", () => {
    const [, assessment] = enrolmentTimeline(
      enrolment({
        assessments: [
          {
            id: "s1",
            date: "2025-02-01",
            createdAt: at("2025-02-01T09:00:00Z"),
            scores: [
              { areaId: "a1", participantScore: 4, coordinatorScore: 3 },
              { areaId: "a2", participantScore: 7, coordinatorScore: null },
            ],
          },
        ],
      }),
      FULL,
    );
    expect(assessment.lines).toEqual(["Deltagarens medelvärde 5,5 (2 områden, skala 1–10)"]);
    expect(assessment.scores).toEqual([
      { label: "Hälsa", participant: 4, coordinator: 3 },
      { label: "Vardagen", participant: 7, coordinator: null },
    ]);
  });

  it("hides an FOV answer from those who may not see it, and then it cannot be edited", () => {
    const rows = enrolment({
      fovScreenings: [{ id: "f1", date: "2025-02-10", createdAt: at("2025-02-10T09:00:00Z"), outcome: "ja", notAskedReason: null, supportOffered: true }],
    });
    const seen = enrolmentTimeline(rows, FULL).find((item) => item.kind === "fov");
    expect(seen).toMatchObject({ title: "FOV: Ja", lines: ["Stöd eller hänvisning erbjöds"], editable: true });
    const hidden = enrolmentTimeline(rows, { editable: true, seesFov: false }).find((item) => item.kind === "fov");
    expect(hidden).toMatchObject({ title: FOV_HIDDEN_TEXT, lines: [], editable: false });
  });

  it("offers nothing for editing outside the user's scope", () => {
    const rows = enrolment({ skapaOffers: [{ id: "o1", date: "2025-02-01", createdAt: at("2025-02-01T09:00:00Z") }] });
    expect(enrolmentTimeline(rows, { editable: false, seesFov: false }).map((item) => item.editable)).toEqual([false, false]);
  });
});

describe("sortTimeline", () => {
  const item = (kind: DatedItem["kind"], date: string, createdAt: string): DatedItem => ({
    key: `${kind}:${date}:${createdAt}`,
    kind,
    id: kind,
    date,
    createdAt: at(createdAt),
    title: kind,
    lines: [],
    editable: false,
  });

  it("puts the newest first; within a day the closure last written, the consent first given", () => {
    const sorted = sortTimeline([
      item("consent", "2025-01-10", "2025-01-10T08:00:00Z"),
      item("enrolment", "2025-01-10", "2025-01-10T09:00:00Z"),
      item("placement", "2025-01-10", "2025-01-10T09:00:00Z"),
      item("closure", "2025-03-01", "2025-03-01T09:00:00Z"),
      item("activity", "2025-03-01", "2025-03-01T10:00:00Z"),
    ]);
    expect(sorted.map((entry) => entry.kind)).toEqual(["closure", "activity", "placement", "enrolment", "consent"]);
    expect(sorted[0]).not.toHaveProperty("createdAt");
  });

  it("shows a meeting saved with its step change and stödinsats in the order written, newest on top", () => {
    const moment = "2025-02-03T10:00:00Z";
    const sorted = sortTimeline([item("activity", "2025-02-03", moment), item("placement", "2025-02-03", moment), item("support", "2025-02-03", moment)]);
    expect(sorted.map((entry) => entry.kind)).toEqual(["support", "placement", "activity"]);
  });
});

describe("journalTimeline", () => {
  const rows = enrolment({
    activities: [
      { id: "m1", date: "2025-02-01", createdAt: at("2025-02-01T09:00:00Z"), minutes: 45, note: null, activityType: { label: "Individuellt samtal" } },
    ],
    incomeChanges: [{ id: "i1", date: "2025-04-01", createdAt: at("2025-04-01T09:00:00Z"), incomeSource: { label: "Lön" } }],
  });
  const consents = [{ id: "c1", givenDate: "2025-01-02", coversSharing: true, coversStatistics: true, createdAt: at("2025-01-02T09:00:00Z") }];

  it("merges the enrolments and consents newest first and counts every filter", () => {
    const { timeline, counts } = journalTimeline([{ enrolment: rows, access: FULL }], consents, null);
    expect(titles(timeline)).toEqual([
      ["2025-04-01", "Ny försörjning: Lön"],
      ["2025-02-01", "Individuellt samtal"],
      ["2025-01-10", "Inskriven i SamSteg, Ljungby"],
      ["2025-01-02", "Samtycke lämnat"],
    ]);
    expect(counts).toEqual({ mote: 1, trappan: 0, skapa: 0, fov: 0, stod: 0, forsorjning: 1, samtycke: 1, inskrivning: 1 });
  });

  it("shows one kind when filtered, and still counts them all", () => {
    const { timeline, counts } = journalTimeline([{ enrolment: rows, access: FULL }], consents, "mote");
    expect(titles(timeline)).toEqual([["2025-02-01", "Individuellt samtal"]]);
    expect(counts.samtycke).toBe(1);
  });

  it("says what a consent covers", () => {
    expect(consentItem({ ...consents[0], coversSharing: false }).lines).toEqual(["Omfattar uppföljningsstatistik"]);
    expect(consentItem(consents[0]).lines).toEqual(["Omfattar informationsutbyte mellan parterna och uppföljningsstatistik"]);
  });
});
