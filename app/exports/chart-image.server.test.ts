import { describe, expect, it } from "vitest";
import { SERIES_COLOURS } from "~/charts/palette";
import type { SectionChart } from "~/charts/sections";
import { chartPng, chartRaster, PRINT_DPI } from "./chart-image.server";

const chart = (marks: Array<string | null>): SectionChart => ({
  kind: "bar",
  horizontal: false,
  labels: ["Ljungby", "Markaryd"],
  series: [{ label: "Aktiva", values: [12, null], marks }],
  valueKind: "count",
});

/** Pixels of the series colour in the right half of the picture, where Markaryd's bar stands. */
function seriesPixelsRightHalf(marks: Array<string | null>): number {
  const { image } = chartRaster(chart(marks), 600);
  // A native getter that copies the pixels on each call: read it once.
  const pixels = image.pixels;
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(SERIES_COLOURS[0].slice(at, at + 2), 16));
  let count = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = Math.floor(image.width / 2); x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (Math.abs(pixels[i]! - r!) < 24 && Math.abs(pixels[i + 1]! - g!) < 24 && Math.abs(pixels[i + 2]! - b!) < 24) count++;
    }
  }
  return count;
}

describe("chartPng", () => {
  it("is drawn to the width asked for, at print resolution", () => {
    const image = chartPng(chart([null, null]), 600);
    expect(image.width).toBe(600);
    expect(image.pixelWidth).toBe((600 * PRINT_DPI) / 96);
    expect(image.pixelHeight / image.pixelWidth).toBeCloseTo(image.height / image.width, 2);
  });

  it("marks a hidden value in the picture instead of leaving a gap that reads as zero", () => {
    expect(seriesPixelsRightHalf([null, null])).toBe(0);
    expect(seriesPixelsRightHalf([null, "färre än 3"])).toBeGreaterThan(200);
  });
});
