import { describe, expect, it } from "vitest";
import { skapaRadarConfig, trappanChartConfig } from "./journal-datasets";
import type { SkapaComparison } from "./journal-series";

// chart.js calls the callbacks with its own objects; only the fields read are given here.
type Callback = (...args: any[]) => unknown;

describe("trappanChartConfig", () => {
  const series = {
    enrolledDate: "2025-01-10",
    points: [
      { date: "2025-01-10", step: 2 },
      { date: "2025-03-01", step: 3 },
    ],
  };

  it("counts days since the enrolment and holds the last step to the end date, without a marker there", () => {
    const config = trappanChartConfig(series, "2025-03-11");
    const [dataset] = config.data.datasets;
    expect(dataset.data).toEqual([
      { x: 0, y: 2 },
      { x: 50, y: 3 },
      { x: 60, y: 3 },
    ]);
    expect(dataset.pointRadius).toEqual([4, 4, 0]);
    expect(dataset.stepped).toBe("before");
    expect(config.options?.scales?.x).toMatchObject({ type: "linear", min: 0, max: 60 });
  });

  it("ends on the last placement when that is the end date", () => {
    const config = trappanChartConfig(series, "2025-03-01");
    expect(config.data.datasets[0].data).toEqual([
      { x: 0, y: 2 },
      { x: 50, y: 3 },
    ]);
  });

  it("keeps a one-day axis for a placement on the enrolment day", () => {
    const config = trappanChartConfig({ enrolledDate: "2025-01-10", points: [{ date: "2025-01-10", step: 1 }] }, "2025-01-10");
    expect(config.options?.scales?.x?.max).toBe(1);
  });

  it("writes the axis and the tooltip's dates as people read them", () => {
    const options = trappanChartConfig(series, "2025-03-11").options!;
    const tick = options.scales!.x!.ticks!.callback as Callback;
    expect(tick(50)).toBe("1 mars 2025");
    const tooltip = options.plugins!.tooltip!.callbacks!;
    expect((tooltip.title as Callback)([{ parsed: { x: 21 } }])).toBe("31 januari 2025");
    expect((tooltip.label as Callback)({ parsed: { y: 3 } })).toBe("Steg 3");
    expect((options.scales!.y!.ticks!.callback as Callback)(4)).toBe("Steg 4");
  });
});

describe("skapaRadarConfig", () => {
  const comparison: SkapaComparison = {
    min: 1,
    max: 10,
    firstDate: "2025-02-01",
    latestDate: "2025-05-01",
    hasCoordinator: true,
    areas: [
      { label: "Hälsa", first: { participant: 3, coordinator: null }, latest: { participant: 7, coordinator: 6 } },
      { label: "Vardagen", first: { participant: 2, coordinator: 4 }, latest: null },
    ],
  };

  it("draws the participant's first and latest solid and the coordinator's dashed, on the insats's scale", () => {
    const config = skapaRadarConfig(comparison);
    expect(config.data.labels).toEqual(["Hälsa", "Vardagen"]);
    expect(config.data.datasets.map((dataset) => [dataset.label, dataset.data, dataset.fill, dataset.borderDash])).toEqual([
      ["Första 1 februari 2025", [3, 2], true, []],
      ["Senaste 1 maj 2025", [7, null], true, []],
      ["Koordinatorn, första 1 februari 2025", [null, 4], false, [6, 4]],
      ["Koordinatorn, senaste 1 maj 2025", [6, null], false, [6, 4]],
    ]);
    expect(config.options?.scales?.r).toMatchObject({ min: 1, max: 10 });
  });

  it("draws one series for a single assessment of the participant's alone", () => {
    const config = skapaRadarConfig({ ...comparison, latestDate: null, hasCoordinator: false });
    expect(config.data.datasets.map((dataset) => dataset.label)).toEqual(["Första 1 februari 2025"]);
  });
});
