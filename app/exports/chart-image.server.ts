// A section's chart as a PNG for documents: drawn as SVG by the pure builder and rasterised by
// resvg with the bundled DejaVu Sans, so å, ä and ö render the same on every server whatever
// fonts it has installed.
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { SectionChart } from "~/charts/sections";
import { chartSvg, SVG_FONT_FAMILY } from "~/charts/svg";

// Resolved as a package file, so it is found from the source, the web build and the CLI build alike.
const FONT_FILE = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");

/** Print resolution: a picture shown at its size prints sharp at 300 dots to the inch. */
export const PRINT_DPI = 300;
const CSS_DPI = 96;
/** Lower than on the page (220): a document shows many charts, and a tall one mostly shows air. */
const DOCUMENT_PLOT_HEIGHT = 100;
/**
 * Drawn this much wider than shown, so the SVG's 12-pixel text prints at 8 points: small enough
 * that the 30 charts of a full report do not fill most of its pages, large enough to read.
 */
const DRAW_SCALE = 12 / ((8 * CSS_DPI) / 72);

export interface ChartImage {
  png: Buffer;
  /** The PNG's own size in pixels: `width` × `height` at PRINT_DPI. */
  pixelWidth: number;
  pixelHeight: number;
  /** The size to show it at, in CSS pixels (96 to the inch). */
  width: number;
  height: number;
}

/**
 * The chart to show `width` CSS pixels wide (the text width of the page it goes on), rasterised
 * at print resolution for that size.
 */
export function chartPng(chart: SectionChart, width: number): ChartImage {
  const { image, height } = chartRaster(chart, width);
  return { png: image.asPng(), pixelWidth: image.width, pixelHeight: image.height, width, height };
}

/** The picture chartPng encodes, as pixels (RGBA, row by row), with the height to show it at. */
export function chartRaster(chart: SectionChart, width: number) {
  const svg = chartSvg(chart, { width: Math.round(width * DRAW_SCALE), plotHeight: DOCUMENT_PLOT_HEIGHT });
  const resvg = new Resvg(svg.svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: SVG_FONT_FAMILY },
    fitTo: { mode: "width", value: Math.round((width * PRINT_DPI) / CSS_DPI) },
  });
  return { image: resvg.render(), height: Math.round((svg.height * width) / svg.width) };
}
