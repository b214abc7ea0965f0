// The chart.js configuration of the participant page's charts, built from their series
// (journal-series.ts). Pure, so that what each chart draws is unit tested; Chart.tsx draws it.
import type { ChartConfiguration } from "chart.js";
import { addDays, daysBetween } from "~/domain/period";
import { formatDate } from "~/utils/format";
import type { SkapaComparison, TrappanSeries } from "./journal-series";
import { AXIS_COLOUR, GRID_COLOUR, seriesColour } from "./palette";

export type TrappanPoint = { x: number; y: number };
export type TrappanChartConfig = ChartConfiguration<"line", TrappanPoint[], unknown>;
export type SkapaRadarConfig = ChartConfiguration<"radar", Array<number | null>, string>;

/** The Trappan ladder's steps, whatever the insats calls them. */
const TOP_STEP = 6;

/**
 * The step over time as a stepped line: a step holds until the next placement, and the last one
 * until `endDate` (the closure, or today). The x axis counts days since the enrolment, so the
 * distance between placements is true to time. Only placements have markers.
 */
export function trappanChartConfig(series: Pick<TrappanSeries, "enrolledDate" | "points">, endDate: string): TrappanChartConfig {
  const { enrolledDate, points } = series;
  const data = points.map((point) => ({ x: daysBetween(enrolledDate, point.date), y: point.step }));
  const last = points[points.length - 1];
  if (last && endDate > last.date) data.push({ x: daysBetween(enrolledDate, endDate), y: last.step });
  const dateAt = (day: number) => formatDate(addDays(enrolledDate, day));
  const colour = seriesColour(0);
  return {
    type: "line",
    data: {
      datasets: [
        {
          label: "Steg",
          data,
          stepped: "before",
          clip: 8,
          borderColor: colour,
          backgroundColor: colour,
          pointRadius: data.map((_, i) => (i < points.length ? 4 : 0)),
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Room for the markers on the top step and the last day, which sit on the chart's edges.
      layout: { padding: { top: 8, right: 8 } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: (items) => dateAt(items[0]?.parsed.x ?? 0), label: (item) => `Steg ${item.parsed.y}` } },
      },
      scales: {
        x: {
          type: "linear",
          min: 0,
          max: Math.max(1, data[data.length - 1]?.x ?? 0),
          ticks: { color: AXIS_COLOUR, maxTicksLimit: 6, callback: (value) => dateAt(Number(value)) },
          grid: { color: GRID_COLOUR },
        },
        y: { min: 1, max: TOP_STEP, ticks: { stepSize: 1, color: AXIS_COLOUR, callback: (value) => `Steg ${value}` }, grid: { color: GRID_COLOUR } },
      },
    },
  };
}

/**
 * SKAPA's usual picture: the first and the latest assessment overlaid on one spider chart, the
 * participant's own ratings solid and the coordinator's (when given) dashed.
 */
export function skapaRadarConfig(comparison: SkapaComparison): SkapaRadarConfig {
  const { min, max, firstDate, latestDate, hasCoordinator, areas } = comparison;
  const series = (label: string, colour: string, scores: Array<number | null>, dashed: boolean) => ({
    label,
    data: scores,
    borderColor: colour,
    backgroundColor: dashed ? "transparent" : `${colour}22`,
    pointBackgroundColor: colour,
    borderDash: dashed ? [6, 4] : [],
    fill: !dashed,
  });
  const first = formatDate(firstDate);
  const latest = latestDate ? formatDate(latestDate) : null;
  const datasets = [
    series(
      `Första ${first}`,
      seriesColour(0),
      areas.map((a) => a.first.participant),
      false,
    ),
  ];
  if (latest)
    datasets.push(
      series(
        `Senaste ${latest}`,
        seriesColour(1),
        areas.map((a) => a.latest?.participant ?? null),
        false,
      ),
    );
  if (hasCoordinator) {
    datasets.push(
      series(
        `Koordinatorn, första ${first}`,
        seriesColour(2),
        areas.map((a) => a.first.coordinator),
        true,
      ),
    );
    if (latest)
      datasets.push(
        series(
          `Koordinatorn, senaste ${latest}`,
          seriesColour(3),
          areas.map((a) => a.latest?.coordinator ?? null),
          true,
        ),
      );
  }
  return {
    type: "radar",
    data: { labels: areas.map((a) => a.label), datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { position: "bottom", labels: { color: AXIS_COLOUR } } },
      scales: {
        r: {
          min,
          max,
          ticks: { stepSize: 1, color: AXIS_COLOUR, backdropColor: "transparent" },
          grid: { color: GRID_COLOUR },
          angleLines: { color: GRID_COLOUR },
          pointLabels: { color: AXIS_COLOUR, font: { size: 12 } },
        },
      },
    },
  };
}
