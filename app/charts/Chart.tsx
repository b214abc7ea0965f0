/**
 * The one chart lifecycle: `ChartCanvas` owns every chart.js instance of the app (created after
 * mount, updated when the data changes, destroyed on unmount). The canvas is hidden from
 * assistive technology; the wrapper is an image described by its label, and the table under
 * every chart holds the same numbers as text.
 */
import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartConfiguration, type ChartType } from "chart.js";
import { useEffect, useMemo, useRef, type CSSProperties } from "react";
import { formatCell, formatChange } from "./cells";
import { AXIS_COLOUR, GRID_COLOUR, seriesColour, TEXT_COLOUR } from "./palette";
import type { SectionChart } from "./sections";

// Only what bar charts need, so the rest of chart.js stays out of the bundle; the journal's
// charts register their own controllers (TrappanChart, SkapaRadar).
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

/**
 * The chart.js instance of one canvas: created after mount from `config`, updated in place when
 * a new config arrives (callers memoise it, so a re-render with the same data changes nothing),
 * destroyed on unmount. Every chart of the app is drawn through this.
 */
export function ChartCanvas<TType extends ChartType, TData, TLabel>({
  config,
  label,
  className,
  style,
}: {
  config: ChartConfiguration<TType, TData, TLabel>;
  /** What the chart shows, for assistive technology (the canvas itself is hidden). */
  label: string;
  className?: string;
  style?: CSSProperties;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const instanceRef = useRef<ChartJS<TType, TData, TLabel> | null>(null);
  // The config the instance currently draws.
  const drawn = useRef<ChartConfiguration<TType, TData, TLabel> | null>(null);
  const latest = useRef(config);
  // Effects run in order: the creating effect below reads the config of this render.
  useEffect(() => {
    latest.current = config;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const instance = new ChartJS(canvas, latest.current);
    instanceRef.current = instance;
    drawn.current = latest.current;
    return () => {
      instance.destroy();
      instanceRef.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = instanceRef.current;
    if (!instance || drawn.current === config) return;
    instance.data = config.data;
    instance.options = config.options ?? ({} as NonNullable<typeof config.options>);
    instance.update();
    drawn.current = config;
  }, [config]);

  return (
    <div className={className} role="img" aria-label={label} style={style}>
      <canvas ref={canvasRef} aria-hidden="true" />
    </div>
  );
}

/** A report section's bar chart. */
export function Chart({ chart, label }: { chart: SectionChart; label: string }) {
  const config = useMemo(() => chartConfig(chart), [chart]);
  return <ChartCanvas config={config} label={label} className="chart" style={{ height: chartHeight(chart) }} />;
}
