// A section's chart as a PNG for documents: drawn as SVG by the pure builder and rasterised by
// resvg with the bundled DejaVu Sans, so å, ä and ö render the same on every server whatever
// fonts it has installed.
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { SectionChart } from "~/charts/sections";
import { chartSvg, SVG_FONT_FAMILY } from "~/charts/svg";

// Resolved as a package file, so it is found from the source, the web build and the CLI build alike.
const FONT_FILE = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");

/** Drawn at this width in SVG pixels and rasterised at twice that, so it stays sharp when printed. */
const CHART_WIDTH = 640;
const SCALE = 2;

export interface ChartImage {
  png: Buffer;
  /** The size to show it at, in CSS pixels (96 to the inch). */
  width: number;
  height: number;
}

export function chartPng(chart: SectionChart): ChartImage {
  const { svg, width, height } = chartSvg(chart, { width: CHART_WIDTH });
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: SVG_FONT_FAMILY },
    fitTo: { mode: "width", value: width * SCALE },
  });
  return { png: resvg.render().asPng(), width, height };
}
