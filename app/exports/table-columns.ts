// Column widths for a document's table, from its content: every column at least as wide as its
// longest word, so that Word and LibreOffice never break a word in the middle ("Nyinskrivn-a"),
// and the room left over shared by how much each column's text would need to stay on one line.

/**
 * An upper bound on a character's width in ems in Calibri (and Carlito, its metric twin that
 * LibreOffice uses): too wide rather than too narrow, since a column a little too wide costs
 * nothing and one too narrow breaks a word.
 */
function charWidthEm(char: string): number {
  if ("mwMW".includes(char)) return 0.9;
  if ("iljtfrI.,:;!'’”|()[] ".includes(char)) return 0.38;
  if (/[0-9]/.test(char)) return 0.53;
  if (char === char.toUpperCase() && char !== char.toLowerCase()) return 0.66;
  return 0.56;
}

/** The width of `text` on one line, in points, at `fontSize` points; bold text is a little wider. */
export function textWidthPt(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const char of text) ems += charWidthEm(char);
  return ems * fontSize * (bold ? 1.06 : 1);
}

export interface ColumnCell {
  text: string;
  bold: boolean;
  /** A number or a mark in its place ("färre än 3"): kept on one line, as a figure must not wrap. */
  numeric: boolean;
}

export interface ColumnWidths {
  /** Points, summing to the width given. */
  widths: number[];
  /** Whether every column holds its longest word; false when even the words do not fit across. */
  wordsFit: boolean;
}

/**
 * Widths for the columns (each a list of its cells, header first) within `width` points, with
 * `padding` points of cell margins per column. A column's least width is its longest word; what
 * is left goes to the columns whose text would wrap, in proportion to how much more they want.
 */
export function columnWidths(columns: readonly ColumnCell[][], width: number, fontSize: number, padding: number): ColumnWidths {
  const measure = (cell: ColumnCell, text: string) => textWidthPt(text, fontSize, cell.bold) + padding;
  const words = (cell: ColumnCell) => (cell.numeric ? [cell.text] : cell.text.split(/[ \t\n]+/));
  const least = columns.map((cells) => Math.max(padding, ...cells.flatMap((cell) => words(cell).map((word) => measure(cell, word)))));
  const wanted = columns.map((cells, index) => Math.max(least[index]!, ...cells.map((cell) => measure(cell, cell.text))));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const leastTotal = sum(least);
  if (leastTotal > width) return { widths: least.map((value) => (value * width) / leastTotal), wordsFit: false };
  const wantedTotal = sum(wanted);
  if (wantedTotal <= width) return { widths: wanted.map((value) => (value * width) / wantedTotal), wordsFit: true };
  const share = (width - leastTotal) / (wantedTotal - leastTotal);
  return { widths: least.map((value, index) => value + (wanted[index]! - value) * share), wordsFit: true };
}
