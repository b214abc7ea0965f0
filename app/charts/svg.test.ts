import { describe, expect, it } from "vitest";
import type { SectionChart } from "./sections";
import { chartSvg, niceScale, wrapLabel } from "./svg";

const chart = (overrides: Partial<SectionChart> = {}): SectionChart => ({
  kind: "grouped-bar",
  horizontal: false,
  labels: ["Kvinnor", "Män"],
  series: [
    { label: "Jan–aug 2025", values: [38, 30], marks: [null, null] },
    { label: "Jan–aug 2024", values: [30, null], marks: [null, "färre än 3"] },
  ],
  valueKind: "count",
  ...overrides,
});

const rects = (svg: string) => svg.match(/<rect [^>]*fill="#(?!ffffff)[0-9a-f]{6}"\/>/g) ?? [];

describe("the SVG bar chart", () => {
  it("draws one bar per value and none for a hidden one, with the values written out", () => {
    const { svg, width } = chartSvg(chart());
    expect(width).toBe(640);
    // Two legend swatches and three bars: the hidden 2024 value for män is not drawn as a bar.
    expect(rects(svg)).toHaveLength(5);
    expect(svg).toContain(">38</text>");
    expect(svg).toContain(">Jan–aug 2024</text>");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640" height="\d+"/);
    expect(svg).toContain('font-family="DejaVu Sans"');
  });

  it("escapes labels, so a kommun or reason name cannot break the document", () => {
    const { svg } = chartSvg(chart({ labels: ["<script>&", "Män"] }));
    expect(svg).toContain("&lt;script&gt;&amp;");
    expect(svg).not.toContain("<script>");
  });

  it("writes shares as percentages and changes with their sign", () => {
    expect(chartSvg(chart({ valueKind: "share", series: [{ label: "2025", values: [0.814, 0.5], marks: [null, null] }] })).svg).toContain(">81,4 %</text>");
    const change = chartSvg(chart({ horizontal: true, valueKind: "change", series: [{ label: "2025", values: [1.25, -0.5], marks: [null, null] }] })).svg;
    expect(change).toContain(">+1,3</text>");
    expect(change).toContain(">−0,5</text>");
  });

  it("labels a stacked bar once, with its total", () => {
    const { svg } = chartSvg(
      chart({
        kind: "stacked-bar",
        horizontal: true,
        series: [
          { label: "Positiv", values: [10, 0], marks: [null, null] },
          { label: "Negativ", values: [0, 3], marks: [null, null] },
        ],
      }),
    );
    expect(svg).toContain(">10</text>");
    expect(svg).toContain(">3</text>");
  });
});

const placeholders = (svg: string) => svg.match(/<rect [^>]*fill="url\(#[^"]+\)"[^>]*\/>/g) ?? [];

describe("a value that is not drawn", () => {
  it("stands as a hatched placeholder in its series colour, labelled with the table's text", () => {
    const { svg } = chartSvg(chart());
    expect(placeholders(svg)).toEqual([expect.stringContaining('fill="url(#diagram-streck-1)" stroke="#c2410c"')]);
    expect(svg).toContain('<pattern id="diagram-streck-1" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">');
    expect(svg).toMatch(/<pattern id="diagram-streck-1"[^>]*><rect [^>]*fill="#ffffff"\/><line [^>]*stroke="#c2410c"/);
    expect(svg).toContain(">färre än 3</text>");
    // The mark is wider than a bar of four in a 640 pixel chart: it is written upwards.
    expect(svg).toMatch(/<text [^>]*transform="rotate\(-90 [^"]+\)">färre än 3<\/text>/);
  });

  it("keeps the ids of several charts on one page apart, and draws no pattern when nothing is hidden", () => {
    expect(chartSvg(chart(), { idPrefix: "avslut" }).svg).toContain('fill="url(#avslut-streck-1)"');
    const full = chartSvg(chart({ series: [{ label: "2025", values: [3, 4], marks: [null, null] }] })).svg;
    expect(full).not.toContain("<pattern");
    expect(placeholders(full)).toEqual([]);
  });

  it("writes the mark after the bar's start in a horizontal chart, across", () => {
    const { svg } = chartSvg(chart({ horizontal: true }));
    expect(placeholders(svg)).toHaveLength(1);
    expect(svg).toMatch(/<text x="[\d.]+" y="[\d.]+" font-size="11">färre än 3<\/text>/);
  });

  it("marks a hidden part of a stack after its drawn parts, and labels the stack with both", () => {
    const { svg } = chartSvg(
      chart({
        kind: "stacked-bar",
        horizontal: true,
        labels: ["Arbete", "Studier", "Flytt"],
        series: [
          { label: "Positiv", values: [10, null, 0], marks: [null, "färre än 3", null] },
          { label: "Negativ", values: [null, 0, 0], marks: ["dolt", null, null] },
        ],
      }),
    );
    expect(placeholders(svg)).toHaveLength(2);
    expect(svg).toContain(">10 + dolt</text>");
    // A stack whose only part is hidden says so, and never "0".
    expect(svg).toContain(">färre än 3</text>");
    expect(svg).toContain(">0</text>");
    expect(svg.match(/>0<\/text>/g)).toHaveLength(2); // the axis's first tick and the empty stack
  });
});

describe("axis and labels", () => {
  it("chooses round ticks from zero that cover every value", () => {
    expect(niceScale([0, 38], "count").ticks).toEqual([0, 10, 20, 30, 40]);
    expect(niceScale([0, 0.814], "share").ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceScale([-0.5, 1.25], "change").ticks).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    expect(niceScale([0, 2], "count").ticks).toEqual([0, 1, 2]);
    expect(niceScale([], "count").ticks).toEqual([0, 1]);
  });

  it("wraps a long label on words and shortens what does not fit", () => {
    expect(wrapLabel("Åter till remittent i väntan på beslut om sjukersättning", 180, 3)).toEqual([
      "Åter till remittent i",
      "väntan på beslut om",
      "sjukersättning",
    ]);
    expect(wrapLabel("Åter till remittent i väntan på beslut om sjukersättning", 180, 2)).toEqual(["Åter till remittent i", "väntan på beslut om…"]);
  });
});

describe("the SVG line chart", () => {
  const line = chart({
    kind: "line",
    labels: ["2023", "2024", "2025", "2026"],
    series: [
      { label: "Aktiva", values: [40, 50, 60, 55], marks: [null, null, null, null] },
      { label: "Avslutade", values: [10, null, 12, 14], marks: [null, "färre än 3", null, null] },
    ],
  });

  it("draws a line per series through its points, broken where a value is hidden", () => {
    const { svg } = chartSvg(line);
    const polylines = svg.match(/<polyline [^>]*\/>/g) ?? [];
    // Aktiva: one line through four points; Avslutade: the hidden 2024 leaves 2023 alone and 2025–2026 as one line.
    expect(polylines).toHaveLength(2);
    expect(polylines[0]!.match(/points="([^"]*)"/)![1]!.split(" ")).toHaveLength(4);
    expect(polylines[1]!.match(/points="([^"]*)"/)![1]!.split(" ")).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(7);
  });

  it("marks the hidden value with a hatched placeholder and the table's text", () => {
    const { svg } = chartSvg(line);
    expect(svg).toContain('fill="url(#diagram-streck-1)"');
    expect(svg).toContain(">färre än 3</text>");
  });
});
