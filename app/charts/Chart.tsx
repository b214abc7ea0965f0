/**
 * The one chart component: it owns the chart.js instance (created after mount, updated when the
 * data changes, destroyed on unmount). The canvas is hidden from assistive technology; the
 * wrapper is an image described by the section's summary, and the table under every chart holds
 * the same numbers as text.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { useEffect, useRef } from "react";
import { formatCell, formatChange } from "./cells";
import { AXIS_COLOUR, GRID_COLOUR, seriesColour, TEXT_COLOUR } from "./palette";
import type { SectionChart } from "./sections";

// Only what bar charts need, so the rest of chart.js stays out of the bundle.
ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

function tickText(value: number, valueKind: SectionChart["valueKind"]): string {
  if (valueKind === "share") return `${Math.round(value * 100)} %`;
  if (valueKind === "change") return formatChange(value);
  return Number.isInteger(value) ? formatCell(value, "count") : "";
}

export function chartConfig(chart: SectionChart): ChartConfiguration<"bar", Array<number | null>, string> {
  const stacked = chart.kind === "stacked-bar";
  const valueAxis = {
    stacked,
    beginAtZero: true,
    grid: { color: GRID_COLOUR },
    border: { color: AXIS_COLOUR },
    ticks: { color: AXIS_COLOUR, callback: (value: string | number) => tickText(Number(value), chart.valueKind) },
  };
  const categoryAxis = { stacked, grid: { display: false }, border: { color: AXIS_COLOUR }, ticks: { color: TEXT_COLOUR, autoSkip: false } };
  return {
    type: "bar",
    data: {
      labels: chart.labels,
      datasets: chart.series.map((series, index) => ({
        label: series.label,
        data: series.values,
        backgroundColor: seriesColour(index),
        borderColor: seriesColour(index),
        borderWidth: 0,
        maxBarThickness: 48,
      })),
    },
    options: {
      indexAxis: chart.horizontal ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      // Motion adds nothing to a report figure and distracts some readers.
      animation: false,
      font: { family: FONT_FAMILY },
      color: TEXT_COLOUR,
      scales: chart.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: chart.series.length > 1, labels: { color: TEXT_COLOUR, font: { family: FONT_FAMILY } } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const value = item.raw;
              return `${item.dataset.label ?? ""}: ${typeof value === "number" ? formatCell(value, chart.valueKind) : "–"}`;
            },
          },
        },
      },
    },
  };
}

/** Room for every label: a horizontal chart grows with its rows. */
export function chartHeight(chart: SectionChart): number {
  if (!chart.horizontal) return 300;
  const perRow = chart.kind === "stacked-bar" ? 28 : 12 + 16 * chart.series.length;
  return Math.max(200, chart.labels.length * perRow + 70);
}

export function Chart({ chart, label }: { chart: SectionChart; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const instanceRef = useRef<ChartJS<"bar", Array<number | null>, string> | null>(null);
  const latest = useRef(chart);
  latest.current = chart;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const instance = new ChartJS(canvas, chartConfig(latest.current));
    instanceRef.current = instance;
    return () => {
      instance.destroy();
      instanceRef.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = instanceRef.current;
    // On the first render the instance was just created from this very chart.
    if (!instance || instance.data.labels === chart.labels) return;
    const next = chartConfig(chart);
    instance.data = next.data;
    instance.options = next.options ?? {};
    instance.update();
  }, [chart]);

  return (
    <div className="chart" role="img" aria-label={label} style={{ height: chartHeight(chart) }}>
      <canvas ref={canvasRef} aria-hidden="true" />
    </div>
  );
}
