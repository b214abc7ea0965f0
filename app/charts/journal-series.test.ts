import { describe, expect, it } from "vitest";
import { skapaComparison, trappanSeries } from "./journal-series";

const at = (iso: string) => new Date(iso);

describe("trappanSeries", () => {
  it("gives the placements oldest first, with the enrolment's start and the insats's steps", () => {
    const steps = [{ step: 2, label: "Motiverad" }];
    const series = trappanSeries({
      enrolledDate: "2025-01-10",
      insats: { trappanSteps: steps },
      placements: [
        { id: "b", date: "2025-03-01", createdAt: at("2025-03-01T09:00:00Z"), step: 3 },
        { id: "a", date: "2025-01-10", createdAt: at("2025-01-10T09:00:00Z"), step: 2 },
      ],
    });
    expect(series).toEqual({
      enrolledDate: "2025-01-10",
      steps,
      points: [
        { date: "2025-01-10", step: 2 },
        { date: "2025-03-01", step: 3 },
      ],
    });
  });
});

describe("skapaComparison", () => {
  const insats = {
    skapaScaleMin: 1,
    skapaScaleMax: 10,
    skapaAreas: [
      { id: "a1", label: "Hälsa", retired: false },
      { id: "old", label: "Gammalt", retired: true },
      { id: "gone", label: "Oanvänt", retired: true },
    ],
  };

  it("is null before the first assessment", () => {
    expect(skapaComparison({ insats, assessments: [] })).toBeNull();
  });

  it("compares the first and the latest assessment per area, retired areas only where answered", () => {
    const comparison = skapaComparison({
      insats,
      assessments: [
        { id: "late", date: "2025-05-01", createdAt: at("2025-05-01T09:00:00Z"), scores: [{ areaId: "a1", participantScore: 7, coordinatorScore: 6 }] },
        { id: "mid", date: "2025-03-01", createdAt: at("2025-03-01T09:00:00Z"), scores: [{ areaId: "a1", participantScore: 5, coordinatorScore: null }] },
        {
          id: "first",
          date: "2025-02-01",
          createdAt: at("2025-02-01T09:00:00Z"),
          scores: [
            { areaId: "a1", participantScore: 3, coordinatorScore: null },
            { areaId: "old", participantScore: 2, coordinatorScore: null },
          ],
        },
      ],
    });
    expect(comparison).toEqual({
      min: 1,
      max: 10,
      firstDate: "2025-02-01",
      latestDate: "2025-05-01",
      hasCoordinator: true,
      areas: [
        { label: "Hälsa", first: { participant: 3, coordinator: null }, latest: { participant: 7, coordinator: 6 } },
        { label: "Gammalt", first: { participant: 2, coordinator: null }, latest: { participant: null, coordinator: null } },
      ],
    });
  });

  it("has no latest for a single assessment, and no coordinator column without their ratings", () => {
    const comparison = skapaComparison({
      insats,
      assessments: [
        { id: "only", date: "2025-02-01", createdAt: at("2025-02-01T09:00:00Z"), scores: [{ areaId: "a1", participantScore: 3, coordinatorScore: null }] },
      ],
    });
    expect(comparison).toMatchObject({
      latestDate: null,
      hasCoordinator: false,
      areas: [{ label: "Hälsa", first: { participant: 3, coordinator: null }, latest: null }],
    });
  });
});
