/**
 * A small bar- and line-chart drawer that writes SVG text, for the documents (the DOCX export turns it into
 * a PNG). Pure and deterministic, so the picture in a report is the same every time; the page
 * itself draws with chart.js.
 */
import { formatCell, type ValueFormat } from "./cells";
import { AXIS_COLOUR, GRID_COLOUR, MARK, seriesColour, TEXT_COLOUR } from "./palette";
import type { SectionChart } from "./sections";

export const SVG_FONT_FAMILY = "DejaVu Sans";
const FONT_SIZE = 12;
/** DejaVu Sans is wide; this average keeps wrapped labels inside their space. */
const CHAR_WIDTH = FONT_SIZE * 0.6;
const LINE_HEIGHT = FONT_SIZE + 3;

export interface SvgChartOptions {
  width?: number;
  /** The page's own fonts when the SVG is shown in a browser; DejaVu Sans for documents. */
  fontFamily?: string;
  /** Prefixes the ids inside the SVG, so several charts inlined in one page keep them apart. */
  idPrefix?: string;
  /** The height of a vertical chart's plot area; documents use a lower one than the page. */
  plotHeight?: number;
}

export interface SvgChart {
  svg: string;
  width: number;
  height: number;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Word-wraps a label into at most `maxLines` lines of about `width` pixels; the rest becomes "…". */
export function wrapLabel(label: string, width: number, maxLines: number): string[] {
  const perLine = Math.max(4, Math.floor(width / CHAR_WIDTH));
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= perLine || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const clipped = lines.slice(0, maxLines).map((text) => (text.length > perLine ? `${text.slice(0, perLine - 1)}…` : text));
  if (lines.length > maxLines) clipped[maxLines - 1] = `${clipped[maxLines - 1]!.slice(0, perLine - 1)}…`;
  return clipped;
}

interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/** An axis from min to max with 4–6 round ticks, always including zero. */
export function niceScale(values: number[], valueKind: SectionChart["valueKind"]): Scale {
  let min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  if (max === min) max = min + 1;
  const raw = (max - min) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const integerStep = valueKind === "count" ? Math.max(1, Math.ceil(step)) : step;
  min = Math.floor(min / integerStep) * integerStep;
  max = Math.ceil(max / integerStep) * integerStep;
  const ticks: number[] = [];
  for (let tick = min; tick <= max + integerStep / 2; tick += integerStep) ticks.push(Number(tick.toFixed(10)));
  return { min, max, ticks };
}

function valueFormat(valueKind: SectionChart["valueKind"]): ValueFormat {
  return valueKind;
}

function tickText(value: number, valueKind: SectionChart["valueKind"]): string {
  if (valueKind === "share") return `${Math.round(value * 100)} %`;
  return formatCell(value, valueKind === "change" ? "change" : "count");
}

function text(x: number, y: number, content: string, attributes = ""): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attributes}>${escapeXml(content)}</text>`;
}

function legend(chart: SectionChart, width: number): { svg: string; height: number } {
  if (chart.series.length < 2) return { svg: "", height: 0 };
  const parts: string[] = [];
  let x = 10;
  let y = 0;
  for (const [index, series] of chart.series.entries()) {
    const itemWidth = 18 + series.label.length * CHAR_WIDTH + 16;
    if (x > 10 && x + itemWidth > width) {
      x = 10;
      y += LINE_HEIGHT + 4;
    }
    parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${seriesColour(index)}"/>`);
    parts.push(text(x + 18, y + 10.5, series.label));
    x += itemWidth;
  }
  return { svg: parts.join(""), height: y + LINE_HEIGHT + 10 };
}

interface Bar {
  labelIndex: number;
  seriesIndex: number;
  from: number;
  to: number;
  value: number;
}

/** Grouped bars sit side by side from zero; stacked bars continue where the previous ended. */
function bars(chart: SectionChart): Bar[] {
  const out: Bar[] = [];
  chart.labels.forEach((_, labelIndex) => {
    let stackTop = 0;
    chart.series.forEach((series, seriesIndex) => {
      const value = series.values[labelIndex];
      if (value === null || value === undefined) return;
      if (chart.kind === "stacked-bar") {
        out.push({ labelIndex, seriesIndex, from: stackTop, to: stackTop + value, value });
        stackTop += value;
      } else out.push({ labelIndex, seriesIndex, from: 0, to: value, value });
    });
  });
  return out;
}

/** A value that is not drawn: a placeholder marks where its bar would stand. */
export interface HiddenBar {
  labelIndex: number;
  seriesIndex: number;
  /** The table's text for it: "färre än 3", "dolt", "–". */
  mark: string;
  /** Where the placeholder starts on the value axis: zero, or the top of its stack's drawn parts. */
  from: number;
  /** Its place among the placeholders of one stack (0 for side-by-side bars): they follow each other. */
  order: number;
}

/** Every marked value, so that no hidden value is left as a gap that reads as zero. */
export function hiddenBars(chart: SectionChart): HiddenBar[] {
  const stacked = chart.kind === "stacked-bar";
  return chart.labels.flatMap((_, labelIndex) => {
    const stackTop = stacked ? chart.series.reduce((sum, series) => sum + Math.max(0, series.values[labelIndex] ?? 0), 0) : 0;
    const hidden = chart.series.flatMap((series, seriesIndex) => {
      const mark = series.marks[labelIndex];
      return mark && (series.values[labelIndex] ?? null) === null ? [{ labelIndex, seriesIndex, mark }] : [];
    });
    return hidden.map((bar, order) => ({ ...bar, from: stackTop, order: stacked ? order : 0 }));
  });
}

/**
 * A stack's label: its drawn total, followed by the marks of its hidden parts ("10 + färre än 3");
 * only the marks when nothing else is drawn, so a stack with a hidden part never reads "0".
 */
function stackLabel(chart: SectionChart, labelIndex: number): string | null {
  const values = chart.series.map((series) => series.values[labelIndex] ?? null).filter((value): value is number => value !== null);
  const marks = hiddenBars(chart)
    .filter((bar) => bar.labelIndex === labelIndex)
    .map((bar) => bar.mark);
  const total = values.reduce((sum, value) => sum + value, 0);
  if (marks.length === 0) return values.length === 0 ? null : formatCell(total, valueFormat(chart.valueKind));
  return [...(values.some((value) => value !== 0) ? [formatCell(total, valueFormat(chart.valueKind))] : []), ...marks].join(" + ");
}

/** The stack's drawn top and, after it, its placeholders, by label index: where its label goes. */
function stackEnds(chart: SectionChart, drawn: Bar[]): Map<number, { top: number; placeholders: number }> {
  const ends = new Map<number, { top: number; placeholders: number }>();
  for (const bar of drawn) ends.set(bar.labelIndex, { top: Math.max(ends.get(bar.labelIndex)?.top ?? 0, bar.to), placeholders: 0 });
  for (const bar of hiddenBars(chart)) ends.set(bar.labelIndex, { top: bar.from, placeholders: bar.order + 1 });
  return ends;
}

/** The width each stack with a hidden part needs after its drawn top: placeholders and label. */
function stackLabelRoom(chart: SectionChart): number[] {
  return [...stackEnds(chart, [])].map(([labelIndex, end]) => end.placeholders * MARK.length + 8 + (stackLabel(chart, labelIndex) ?? "").length * 11 * 0.6);
}

/** Diagonal stripes in each series colour, for the placeholders; resvg draws patterns too. */
function hatchDefs(chart: SectionChart, idPrefix: string): string {
  const seriesIndexes = [...new Set(hiddenBars(chart).map((bar) => bar.seriesIndex))];
  if (seriesIndexes.length === 0) return "";
  const s = MARK.hatchSpacing;
  const patterns = seriesIndexes.map(
    (index) =>
      `<pattern id="${hatchId(idPrefix, index)}" width="${s}" height="${s}" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="${s}" height="${s}" fill="#ffffff"/><line x1="${s / 2}" y1="0" x2="${s / 2}" y2="${s}" stroke="${seriesColour(index)}" stroke-width="${MARK.hatchWidth}"/></pattern>`,
  );
  return `<defs>${patterns.join("")}</defs>`;
}

function hatchId(idPrefix: string, seriesIndex: number): string {
  return `${idPrefix.replace(/[^A-Za-z0-9_-]/g, "")}-streck-${seriesIndex}`;
}

function placeholder(x: number, y: number, width: number, height: number, seriesIndex: number, idPrefix: string): string {
  return (
    `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}" ` +
    `fill="url(#${hatchId(idPrefix, seriesIndex)})" stroke="${seriesColour(seriesIndex)}" stroke-width="1"/>`
  );
}

/** Text of `fontSize` written from (x, y) upwards, for a mark wider than its bar. */
function upwardText(x: number, y: number, content: string, fontSize: number): string {
  const baseline = x + fontSize * 0.35;
  return text(baseline, y, content, `font-size="${fontSize}" transform="rotate(-90 ${baseline.toFixed(1)} ${y.toFixed(1)})"`);
}

function scaleFor(chart: SectionChart, drawn: Bar[]): Scale {
  return niceScale(
    drawn.flatMap((bar) => [bar.from, bar.to]),
    chart.valueKind,
  );
}

function horizontalChart(chart: SectionChart, width: number, fontFamily: string, idPrefix: string): SvgChart {
  const top = legend(chart, width - 20);
  const labelWidth = Math.min(240, Math.round(width * 0.36));
  const drawn = bars(chart);
  // A negative bar's value is written to its left: keep that clear of the row labels.
  const plotLeft = labelWidth + 12 + (drawn.some((bar) => bar.value < 0) ? 44 : 0);
  const stacked = chart.kind === "stacked-bar";
  // Room for the value after the longest bar, or for a stack's label with the marks of its hidden parts.
  const plotRight = width - Math.max(56, ...(stacked ? stackLabelRoom(chart) : []));
  const grouped = stacked ? 1 : Math.max(1, chart.series.length);
  const barHeight = 14;
  const wrapped = chart.labels.map((label) => wrapLabel(label, labelWidth, 3));
  const rowHeights = wrapped.map((lines) => Math.max(grouped * (barHeight + 2) + 10, lines.length * LINE_HEIGHT + 8));
  const plotTop = top.height + 6;
  const plotHeight = rowHeights.reduce((a, b) => a + b, 0);
  const axisY = plotTop + plotHeight;
  const height = axisY + 28;
  const scale = scaleFor(chart, drawn);
  const x = (value: number) => plotLeft + ((value - scale.min) / (scale.max - scale.min)) * (plotRight - plotLeft);
  const parts: string[] = [hatchDefs(chart, idPrefix), top.svg];
  for (const tick of scale.ticks) {
    parts.push(`<line x1="${x(tick).toFixed(1)}" y1="${plotTop}" x2="${x(tick).toFixed(1)}" y2="${axisY}" stroke="${GRID_COLOUR}"/>`);
    parts.push(text(x(tick), axisY + 16, tickText(tick, chart.valueKind), `text-anchor="middle" fill="${AXIS_COLOUR}"`));
  }
  const rowTops: number[] = [];
  rowHeights.reduce((y, h) => (rowTops.push(y), y + h), plotTop);
  wrapped.forEach((lines, i) => {
    const middle = rowTops[i]! + rowHeights[i]! / 2;
    const first = middle - ((lines.length - 1) * LINE_HEIGHT) / 2 + FONT_SIZE / 3;
    lines.forEach((line, j) => parts.push(text(labelWidth, first + j * LINE_HEIGHT, line, `text-anchor="end"`)));
  });
  const barTop = (labelIndex: number, seriesIndex: number) =>
    rowTops[labelIndex]! + (rowHeights[labelIndex]! - grouped * (barHeight + 2)) / 2 + (stacked ? 0 : seriesIndex) * (barHeight + 2);
  // A label after the bar, or before it when it would run off the right edge.
  const beside = (at: number, before: number, y: number, label: string) =>
    at + label.length * 11 * 0.6 > width - 4 ? text(before, y, label, `text-anchor="end" font-size="11"`) : text(at, y, label, `font-size="11"`);
  for (const bar of drawn) {
    const y = barTop(bar.labelIndex, bar.seriesIndex);
    const [a, b] = [x(Math.min(bar.from, bar.to)), x(Math.max(bar.from, bar.to))];
    parts.push(
      `<rect x="${a.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(b - a, 0.5).toFixed(1)}" height="${barHeight}" fill="${seriesColour(bar.seriesIndex)}"/>`,
    );
    if (!stacked) {
      const label = formatCell(bar.value, valueFormat(chart.valueKind));
      const after = bar.value < 0 ? a - 4 : b + 4;
      parts.push(text(after, y + barHeight - 3, label, `text-anchor="${bar.value < 0 ? "end" : "start"}" font-size="11"`));
    }
  }
  for (const bar of hiddenBars(chart)) {
    const y = barTop(bar.labelIndex, bar.seriesIndex);
    const a = x(bar.from) + bar.order * MARK.length;
    parts.push(placeholder(a, y, MARK.length, barHeight, bar.seriesIndex, idPrefix));
    if (!stacked) parts.push(beside(a + MARK.length + 4, a - 4, y + barHeight - 3, bar.mark));
  }
  if (stacked) {
    for (const [labelIndex, end] of stackEnds(chart, drawn)) {
      const label = stackLabel(chart, labelIndex);
      if (label === null) continue;
      const y = barTop(labelIndex, 0) + barHeight - 3;
      parts.push(beside(x(end.top) + end.placeholders * MARK.length + 4, x(0) - 4, y, label));
    }
  }
  parts.push(`<line x1="${x(0).toFixed(1)}" y1="${plotTop}" x2="${x(0).toFixed(1)}" y2="${axisY}" stroke="${AXIS_COLOUR}"/>`);
  return finish(parts, width, height, fontFamily);
}

/** The frame of a chart with its labels along the x axis (bars or lines): legend, plot, label rows. */
function columnLayout(chart: SectionChart, width: number, plotHeight: number) {
  const top = legend(chart, width - 20);
  const plotLeft = 56;
  const plotRight = width - 10;
  const slotWidth = (plotRight - plotLeft) / Math.max(1, chart.labels.length);
  const wrapped = chart.labels.map((label) => wrapLabel(label, slotWidth - 6, 3));
  const labelLines = Math.max(1, ...wrapped.map((lines) => lines.length));
  const plotTop = top.height + 14;
  const axisY = plotTop + plotHeight;
  const height = axisY + 10 + labelLines * LINE_HEIGHT + 6;
  return { top, plotLeft, plotRight, slotWidth, wrapped, plotTop, axisY, height };
}

function verticalChart(chart: SectionChart, width: number, fontFamily: string, idPrefix: string, plotHeight: number): SvgChart {
  const { top, plotLeft, plotRight, slotWidth, wrapped, plotTop, axisY, height } = columnLayout(chart, width, plotHeight);
  const drawn = bars(chart);
  const scale = scaleFor(chart, drawn);
  const y = (value: number) => axisY - ((value - scale.min) / (scale.max - scale.min)) * (axisY - plotTop);
  const parts: string[] = [hatchDefs(chart, idPrefix), top.svg];
  for (const tick of scale.ticks) {
    parts.push(`<line x1="${plotLeft}" y1="${y(tick).toFixed(1)}" x2="${plotRight}" y2="${y(tick).toFixed(1)}" stroke="${GRID_COLOUR}"/>`);
    parts.push(text(plotLeft - 6, y(tick) + 4, tickText(tick, chart.valueKind), `text-anchor="end" fill="${AXIS_COLOUR}"`));
  }
  wrapped.forEach((lines, i) => {
    const centre = plotLeft + slotWidth * (i + 0.5);
    lines.forEach((line, j) => parts.push(text(centre, axisY + 16 + j * LINE_HEIGHT, line, `text-anchor="middle"`)));
  });
  const stacked = chart.kind === "stacked-bar";
  const grouped = stacked ? 1 : Math.max(1, chart.series.length);
  const barWidth = Math.min(48, (slotWidth * 0.8) / grouped);
  const barLeft = (labelIndex: number, seriesIndex: number) =>
    plotLeft + slotWidth * labelIndex + (slotWidth - barWidth * grouped) / 2 + (stacked ? 0 : seriesIndex) * barWidth;
  // A label above a bar: across when it fits the bar's width, otherwise upwards, so that it never
  // runs into the neighbouring bars.
  const above = (centre: number, y: number, label: string, room: number) =>
    label.length * 10 * 0.6 <= room ? text(centre, y, label, `text-anchor="middle" font-size="10"`) : upwardText(centre, y, label, 10);
  for (const bar of drawn) {
    const left = barLeft(bar.labelIndex, bar.seriesIndex);
    const [a, b] = [y(Math.max(bar.from, bar.to)), y(Math.min(bar.from, bar.to))];
    parts.push(
      `<rect x="${left.toFixed(1)}" y="${a.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${Math.max(b - a, 0.5).toFixed(1)}" fill="${seriesColour(bar.seriesIndex)}"/>`,
    );
    if (!stacked) {
      const label = formatCell(bar.value, valueFormat(chart.valueKind));
      const at = bar.value < 0 ? b + 12 : a - 4;
      parts.push(text(left + (barWidth - 2) / 2, at, label, `text-anchor="middle" font-size="10"`));
    }
  }
  for (const bar of hiddenBars(chart)) {
    const left = barLeft(bar.labelIndex, bar.seriesIndex);
    const a = y(bar.from) - (bar.order + 1) * MARK.length;
    parts.push(placeholder(left, a, barWidth - 2, MARK.length, bar.seriesIndex, idPrefix));
    if (!stacked) parts.push(above(left + (barWidth - 2) / 2, a - 4, bar.mark, barWidth + 2));
  }
  if (stacked) {
    for (const [labelIndex, end] of stackEnds(chart, drawn)) {
      const label = stackLabel(chart, labelIndex);
      if (label === null) continue;
      parts.push(above(plotLeft + slotWidth * (labelIndex + 0.5), y(end.top) - end.placeholders * MARK.length - 4, label, slotWidth - 4));
    }
  }
  parts.push(`<line x1="${plotLeft}" y1="${y(0).toFixed(1)}" x2="${plotRight}" y2="${y(0).toFixed(1)}" stroke="${AXIS_COLOUR}"/>`);
  return finish(parts, width, height, fontFamily);
}

/**
 * One line per series over the labels (years). A hidden value breaks its line, and a hatched
 * placeholder on the zero line carries the table's text, so that the gap cannot read as zero.
 */
function lineChart(chart: SectionChart, width: number, fontFamily: string, idPrefix: string, plotHeight: number): SvgChart {
  const { top, plotLeft, plotRight, slotWidth, wrapped, plotTop, axisY, height } = columnLayout(chart, width, plotHeight);
  const scale = niceScale(
    chart.series.flatMap((series) => series.values.filter((value): value is number => value !== null)),
    chart.valueKind,
  );
  const y = (value: number) => axisY - ((value - scale.min) / (scale.max - scale.min)) * (axisY - plotTop);
  const x = (labelIndex: number) => plotLeft + slotWidth * (labelIndex + 0.5);
  const parts: string[] = [hatchDefs(chart, idPrefix), top.svg];
  for (const tick of scale.ticks) {
    parts.push(`<line x1="${plotLeft}" y1="${y(tick).toFixed(1)}" x2="${plotRight}" y2="${y(tick).toFixed(1)}" stroke="${GRID_COLOUR}"/>`);
    parts.push(text(plotLeft - 6, y(tick) + 4, tickText(tick, chart.valueKind), `text-anchor="end" fill="${AXIS_COLOUR}"`));
  }
  wrapped.forEach((lines, i) => {
    lines.forEach((line, j) => parts.push(text(x(i), axisY + 16 + j * LINE_HEIGHT, line, `text-anchor="middle"`)));
  });
  parts.push(`<line x1="${plotLeft}" y1="${y(0).toFixed(1)}" x2="${plotRight}" y2="${y(0).toFixed(1)}" stroke="${AXIS_COLOUR}"/>`);
  chart.series.forEach((series, seriesIndex) => {
    const colour = seriesColour(seriesIndex);
    // Runs of drawn values: a hidden value ends one line and the next starts after it.
    const runs: string[][] = [[]];
    series.values.forEach((value, labelIndex) => {
      if (value === null) runs.push([]);
      else runs[runs.length - 1]!.push(`${x(labelIndex).toFixed(1)},${y(value).toFixed(1)}`);
    });
    for (const run of runs.filter((points) => points.length > 1)) {
      parts.push(`<polyline points="${run.join(" ")}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    }
    series.values.forEach((value, labelIndex) => {
      if (value !== null) parts.push(`<circle cx="${x(labelIndex).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3.5" fill="${colour}"/>`);
    });
  });
  // The hidden values of one label stand on the zero line, one above the other.
  const placed = new Map<number, number>();
  for (const bar of hiddenBars(chart)) {
    const below = placed.get(bar.labelIndex) ?? 0;
    placed.set(bar.labelIndex, below + 1);
    const placeholderTop = y(0) - (below + 1) * MARK.length;
    parts.push(placeholder(x(bar.labelIndex) - 5, placeholderTop, 10, MARK.length, bar.seriesIndex, idPrefix));
    parts.push(upwardText(x(bar.labelIndex), placeholderTop - 4, bar.mark, 10));
  }
  return finish(parts, width, height, fontFamily);
}

function finish(parts: string[], width: number, height: number, fontFamily: string): SvgChart {
  const h = Math.ceil(height);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" ` +
    `font-family="${escapeXml(fontFamily)}" font-size="${FONT_SIZE}" fill="${TEXT_COLOUR}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/><g transform="translate(0,4)">${parts.join("")}</g></svg>`;
  return { svg, width, height: h };
}

/** The chart as a standalone SVG document, white background, text in DejaVu Sans. */
export function chartSvg(
  chart: SectionChart,
  { width = 640, fontFamily = SVG_FONT_FAMILY, idPrefix = "diagram", plotHeight = 220 }: SvgChartOptions = {},
): SvgChart {
  if (chart.kind === "line") return lineChart(chart, width, fontFamily, idPrefix, plotHeight);
  return chart.horizontal ? horizontalChart(chart, width, fontFamily, idPrefix) : verticalChart(chart, width, fontFamily, idPrefix, plotHeight);
}
