// Series colours for every chart, on screen and in documents. Each has at least 3:1 contrast
// against white (WCAG 1.4.11), and neighbours differ in hue and lightness so that adjacent bars
// stay apart also for the common red–green colour vision deficiencies.
export const SERIES_COLOURS = [
  "#1d4f91", // dark blue, 8.1:1
  "#c2410c", // burnt orange, 5.2:1
  "#0f766e", // teal, 5.5:1
  "#7e22ce", // purple, 7.0:1
  "#a16207", // ochre, 4.9:1
  "#be185d", // raspberry, 6.0:1
] as const;

export const AXIS_COLOUR = "#4d5968";
export const GRID_COLOUR = "#d9dee5";
export const TEXT_COLOUR = "#1c2430";

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/**
 * How a value that is not drawn (hidden or missing) is marked instead of leaving a gap that reads
 * as zero: a short hatched placeholder in the series colour, outlined in that colour (so it keeps
 * the series colours' 3:1 against white), with the table's text beside it in TEXT_COLOUR.
 */
export const MARK = {
  /** The placeholder's length along the value axis, in pixels: short, so it is no quantity. */
  length: 12,
  /** Distance between the diagonal stripes and their width, in pixels. */
  hatchSpacing: 6,
  hatchWidth: 2,
} as const;
