/**
 * The one chart lifecycle: `ChartCanvas` owns every chart.js instance of the app (created after
 * mount, updated when the data changes, destroyed on unmount). The canvas is hidden from
 * assistive technology; the wrapper is an image described by its label, and the table under
 * every chart holds the same numbers as text.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
  type Plugin,
} from "chart.js";
import { useEffect, useMemo, useRef, type CSSProperties } from "react";
import { formatCell, formatChange } from "./cells";
import { AXIS_COLOUR, GRID_COLOUR, MARK, seriesColour, TEXT_COLOUR } from "./palette";
import type { SectionChart } from "./sections";
import { type HiddenBar, hiddenBars } from "./svg";

declare module "chart.js" {
  // The options of the marking plugin below, typed where chart.js looks for plugin options.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- merging needs chart.js's own parameter name
  interface PluginOptionsByType<TType extends ChartType> {
    hiddenValues?: HiddenValuesOptions;
  }
}

// Only what the report's bar and line charts need, so the rest of chart.js stays out of the
// bundle; the journal's charts register their own controllers (TrappanChart, SkapaRadar).
ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

function tickText(value: number, valueKind: SectionChart["valueKind"]): string {
  if (valueKind === "share") return `${Math.round(value * 100)} %`;
  if (valueKind === "change") return formatChange(value);
  return Number.isInteger(value) ? formatCell(value, "count") : "";
}

const MARK_FONT_SIZE = 11;

interface HiddenValuesOptions {
  bars: HiddenBar[];
  /** Bars on top of each other: the marks of a stack are written once, after its last placeholder. */
  stacked: boolean;
}

function hiddenValuesOptions(chart: SectionChart): HiddenValuesOptions {
  return { bars: hiddenBars(chart), stacked: chart.kind === "stacked-bar" };
}

// One stripe tile per colour and canvas: a canvas pattern is made by, and drawn on, its context.
const hatches = new WeakMap<CanvasRenderingContext2D, Map<string, CanvasPattern | string>>();

function hatch(ctx: CanvasRenderingContext2D, colour: string): CanvasPattern | string {
  const cached = hatches.get(ctx) ?? new Map<string, CanvasPattern | string>();
  hatches.set(ctx, cached);
  const known = cached.get(colour);
  if (known) return known;
  const size = MARK.hatchSpacing * Math.SQRT2;
  const tile = document.createElement("canvas");
  tile.width = tile.height = Math.round(size * 2);
  const draw = tile.getContext("2d");
  let pattern: CanvasPattern | string = "#ffffff";
  if (draw) {
    const s = tile.width;
    draw.fillStyle = "#ffffff";
    draw.fillRect(0, 0, s, s);
    draw.strokeStyle = colour;
    draw.lineWidth = MARK.hatchWidth;
    draw.beginPath();
    // Stripes from bottom left to top right, continued over the corners so the tiles join.
    for (const offset of [-s, -s / 2, 0, s / 2, s]) {
      draw.moveTo(offset, s);
      draw.lineTo(offset + s, 0);
    }
    draw.stroke();
    pattern = ctx.createPattern(tile, "repeat") ?? pattern;
  }
  cached.set(colour, pattern);
  return pattern;
}

/**
 * Draws each value that the report does not show as a short hatched bar in its series colour,
 * with the table's text ("färre än 3") beside it, so that it cannot be read as zero. Reads what
 * to mark from the chart's own options, so an updated chart marks its new data.
 */
const hiddenValuesPlugin: Plugin<"bar" | "line", HiddenValuesOptions> = {
  id: "hiddenValues",
  afterDatasetsDraw(chart, _args, options) {
    const bars = options.bars ?? [];
    const horizontal = chart.options.indexAxis === "y";
    const valueScale = horizontal ? chart.scales.x : chart.scales.y;
    if (bars.length === 0 || !valueScale) return;
    const { ctx, chartArea } = chart;
    // Per stack: where its last placeholder ends and the marks to write there.
    const stacks = new Map<number, { end: number; centre: number; thickness: number; marks: string[] }>();
    ctx.save();
    ctx.font = `${MARK_FONT_SIZE}px ${FONT_FAMILY}`;
    for (const bar of bars) {
      const element = chart.getDatasetMeta(bar.seriesIndex).data[bar.labelIndex] as unknown as BarGeometry | undefined;
      if (!element) continue;
      const start = valueScale.getPixelForValue(bar.from);
      // A line's point has no width: its placeholder is a narrow one.
      const thickness = horizontal ? element.height : (element.width ?? LINE_MARK_WIDTH);
      const centre = horizontal ? element.y : element.x;
      // The placeholder runs MARK.length along the value axis from `near` (towards larger values).
      const near = horizontal ? start + bar.order * MARK.length : start - bar.order * MARK.length;
      const far = horizontal ? near + MARK.length : near - MARK.length;
      const colour = seriesColour(bar.seriesIndex);
      const [x, y, w, h] = horizontal ? [near, centre - thickness / 2, MARK.length, thickness] : [centre - thickness / 2, far, thickness, MARK.length];
      ctx.fillStyle = hatch(ctx, colour);
      ctx.fillRect(x, y, w, h);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
      if (options.stacked) {
        const stack = stacks.get(bar.labelIndex) ?? { end: far, centre, thickness, marks: [] };
        stacks.set(bar.labelIndex, { ...stack, end: far, marks: [...stack.marks, bar.mark] });
      } else markText(ctx, chartArea, bar.mark, { start, end: far, centre, thickness, horizontal });
    }
    for (const [labelIndex, stack] of stacks) {
      const start = valueScale.getPixelForValue(bars.find((bar) => bar.labelIndex === labelIndex)?.from ?? 0);
      markText(ctx, chartArea, stack.marks.join(" + "), { start, end: stack.end, centre: stack.centre, thickness: stack.thickness, horizontal });
    }
    ctx.restore();
  },
};

interface BarGeometry {
  x: number;
  y: number;
  /** Absent on a line's point. */
  width?: number;
  height: number;
}

const LINE_MARK_WIDTH = 10;

/**
 * A mark's text: after the placeholder in a horizontal chart (before it when it would leave the
 * chart), above it in a vertical one, written upwards when it is wider than the bar so that it
 * never runs into the neighbouring bars.
 */
function markText(
  ctx: CanvasRenderingContext2D,
  area: { right: number },
  text: string,
  at: { start: number; end: number; centre: number; thickness: number; horizontal: boolean },
) {
  ctx.fillStyle = TEXT_COLOUR;
  const width = ctx.measureText(text).width;
  if (at.horizontal) {
    const after = at.end + 4 + width <= area.right;
    ctx.textBaseline = "middle";
    ctx.textAlign = after ? "left" : "right";
    ctx.fillText(text, after ? at.end + 4 : at.start - 4, at.centre);
  } else if (width <= at.thickness + 2) {
    ctx.textBaseline = "bottom";
    ctx.textAlign = "center";
    ctx.fillText(text, at.centre, at.end - 3);
  } else {
    ctx.save();
    ctx.translate(at.centre, at.end - 4);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle";
    ctx.textAlign = "left";
    ctx.fillText(text, 0, 0);
    ctx.restore();
  }
}

/** Lines over the labels; a hidden value breaks its line and is marked where it would be. */
function lineConfig(chart: SectionChart): ChartConfiguration<"line", Array<number | null>, string> {
  const bar = chartConfig({ ...chart, kind: "grouped-bar", horizontal: false });
  return {
    type: "line",
    data: {
      labels: chart.labels,
      datasets: chart.series.map((series, index) => ({
        label: series.label,
        data: series.values,
        borderColor: seriesColour(index),
        backgroundColor: seriesColour(index),
        borderWidth: 2.5,
        pointRadius: 3.5,
        spanGaps: false,
      })),
    },
    options: { ...(bar.options as ChartConfiguration<"line">["options"]), indexAxis: "x" },
    plugins: [hiddenValuesPlugin],
  };
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
              const mark = chart.series[item.datasetIndex]?.marks[item.dataIndex];
              return `${item.dataset.label ?? ""}: ${typeof value === "number" ? formatCell(value, chart.valueKind) : (mark ?? "–")}`;
            },
          },
        },
        hiddenValues: hiddenValuesOptions(chart),
      },
      // The whole group at once, so a hidden value (which has no bar to point at) has its tooltip.
      interaction: { mode: "index", intersect: false, axis: chart.horizontal ? "y" : "x" },
    },
    plugins: [hiddenValuesPlugin],
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

/** A report section's bar or line chart. */
export function Chart({ chart, label }: { chart: SectionChart; label: string }) {
  const config = useMemo(() => (chart.kind === "line" ? lineConfig(chart) : chartConfig(chart)), [chart]);
  return <ChartCanvas config={config} label={label} className="chart" style={{ height: chartHeight(chart) }} />;
}
