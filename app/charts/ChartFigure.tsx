import type { ReactNode } from "react";

/**
 * A journal chart with its text alternative: the caption, the chart (hidden behind its own
 * aria-label) and, folded below it, a table with the same data.
 */
export function ChartFigure({
  caption,
  canvasClassName,
  chart,
  tableCaption,
  table,
}: {
  caption: string;
  canvasClassName?: string;
  chart: ReactNode;
  tableCaption: ReactNode;
  /** The <thead> and <tbody> of the data table. */
  table: ReactNode;
}) {
  return (
    <figure className="journal-chart">
      <figcaption>{caption}</figcaption>
      <div className={["journal-chart__canvas", canvasClassName].filter(Boolean).join(" ")}>{chart}</div>
      <details className="journal-chart__table">
        <summary>Visa som tabell</summary>
        <div className="table-wrap">
          <table>
            <caption>{tableCaption}</caption>
            {table}
          </table>
        </div>
      </details>
    </figure>
  );
}
