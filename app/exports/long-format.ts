/**
 * The report's tables in long format, one value a row — section, grouping, group, measure,
 * period, value — the shape a pivot table takes directly. Pure; read by the XLSX writer and
 * described in docs/report-json.md.
 *
 * The tables do not say which column holds which period, so it is read from their shape: a
 * column keyed `foregaende…` is the previous period, a text column keyed `period` names each
 * row's period, a column with its own `period` (a year of the trend) is that period, and every
 * other numeric column is the current period.
 */
import { type CellValue, cellFormat, type TableColumn, type TableRow, type ValueFormat } from "~/charts/cells";
import type { ReportMeta, ReportSection } from "~/charts/sections";
import { capitalize } from "~/charts/sections/model";

export interface LongRow {
  section: string;
  /** What the rows of the table are divided by: "Kommun", "Kön"; for a mixed table the row's own ("Indelning"). */
  grouping: string;
  /** The row: "Ljungby", "Kvinnor", "Totalt"; several label columns joined with " – ". */
  group: string;
  measure: string;
  period: string;
  /** A number, or the mark of a hidden one ("färre än 3", "dolt", "–"), never turned into 0. */
  value: CellValue;
  format: ValueFormat;
}

const PREVIOUS_SUFFIX = /, föregående period$/i;
// The measure of a table whose value columns are named by their period (the queue table):
// the row says what is measured.
const VALUE = "Värde";

function isPrevious(column: TableColumn): boolean {
  return column.key.startsWith("foregaende");
}

/**
 * The measure a column holds. A previous-period column is named after its current-period twin,
 * so a pivot puts the two periods side by side: "Aktiva, föregående period" pairs with
 * "Aktiva", "Förändring, föregående period" with "Genomsnittlig förändring", and a bare
 * "Föregående period" with the table's count ("antal") or outcome ("utfall"), else with the
 * value column just before it.
 */
function measureOf(column: TableColumn, columns: readonly TableColumn[], meta: ReportMeta): string {
  const named = (current: TableColumn) => (current.label === capitalize(meta.current) || current.period !== undefined ? VALUE : current.label);
  if (!isPrevious(column)) return named(column);
  const current = columns.filter((other) => other.numeric && !isPrevious(other));
  const stripped = column.label.replace(PREVIOUS_SUFFIX, "");
  if (stripped !== column.label) {
    const wanted = stripped.toLowerCase();
    const twin = current.find((other) => other.label.toLowerCase() === wanted) ?? current.find((other) => other.label.toLowerCase().endsWith(wanted));
    return twin === undefined ? stripped : named(twin);
  }
  const index = columns.indexOf(column);
  const twin =
    current.find((other) => other.key === "antal") ??
    current.find((other) => other.key === "utfall") ??
    current.filter((other) => columns.indexOf(other) < index).at(-1);
  return twin === undefined ? VALUE : named(twin);
}

/** The long rows of one section: its rows and then its totals, each numeric cell a row. */
export function sectionLongRows(section: ReportSection, meta: ReportMeta): LongRow[] {
  const { columns, rows, footer } = section.table;
  const firstValue = columns.findIndex((column) => column.numeric);
  if (firstValue < 0) return [];
  // Text columns before the values name the row; text after them (a list of reasons, a
  // judgement) describes it and is no value to pivot on.
  const labels = columns.slice(0, firstValue).filter((column) => column.key !== "period");
  const byRow = columns.find((column) => column.key === "indelning");
  const rowPeriod = columns.find((column) => column.key === "period" && !column.numeric);
  const values = columns.filter((column) => column.numeric);
  const measures = new Map(values.map((column) => [column.key, measureOf(column, columns, meta)]));
  const grouping = labels.find((column) => column !== byRow)?.label ?? "";
  return [...rows, ...footer].flatMap((row: TableRow) => {
    const group = labels
      .filter((column) => column !== byRow)
      .map((column) => String(row[column.key] ?? ""))
      .filter((text) => text !== "")
      .join(" – ");
    return values.flatMap((column): LongRow[] => {
      const value = row[column.key];
      if (value === undefined) return [];
      const period = column.period ?? (rowPeriod ? String(row[rowPeriod.key] ?? "") : capitalize(isPrevious(column) ? meta.before : meta.current));
      return [
        {
          section: section.title,
          grouping: byRow ? String(row[byRow.key] ?? "") : grouping,
          group,
          measure: measures.get(column.key)!,
          period,
          value,
          format: cellFormat(column, row),
        },
      ];
    });
  });
}

export function longRows(sections: readonly ReportSection[], meta: ReportMeta): LongRow[] {
  return sections.flatMap((section) => sectionLongRows(section, meta));
}
