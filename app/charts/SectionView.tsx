// One report section on a page: heading, summary sentence, chart, and the table under it that
// holds the chart's numbers as text. The statistics page draws the chart with chart.js; the
// print page uses the same SVG as the documents, which prints sharply and needs no script.
import { useMemo } from "react";
import { DataTable, type DataTableColumn } from "~/components/data-table/DataTable";
import { cellFormat, formatCell, type TableRow } from "./cells";
import { Chart } from "./Chart";
import { type ReportSection, type SectionTable, swedishList } from "./sections";
import { chartSvg } from "./svg";

const PAGE_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export function SectionTableView({ table, sortable = true }: { table: SectionTable; sortable?: boolean }) {
  const columns = useMemo<Array<DataTableColumn<TableRow>>>(
    () =>
      table.columns.map((column, index) => ({
        id: column.key,
        header: column.label,
        value: (row) => row[column.key],
        cell: (row) => {
          const text = formatCell(row[column.key], cellFormat(column, row));
          const shade = column.shadeKey === undefined ? 0 : Number(row[column.shadeKey] ?? 0);
          return shade > 0 ? <span className={`stat-shade stat-shade--${shade}`}>{text}</span> : text;
        },
        numeric: column.numeric,
        rowHeader: index === 0,
        sortable,
      })),
    [table.columns, sortable],
  );
  return (
    <DataTable
      caption={table.caption}
      columns={columns}
      data={table.rows}
      footer={table.footer}
      getRowId={(_, index) => String(index)}
      className="stat-table"
    />
  );
}

/** The marks a chart draws instead of bars ("färre än 3", "dolt"), each once, in order of appearance. */
function chartMarks(section: ReportSection): string[] {
  return [...new Set(section.chart?.series.flatMap((series) => series.marks.filter((mark): mark is string => mark !== null)) ?? [])];
}

function chartLabel(section: ReportSection): string {
  const marks = chartMarks(section);
  const marked = marks.length
    ? ` Värden som inte visas är streckade i diagrammet och märkta ${swedishList(marks.map((mark) => `”${mark}”`))}, som i tabellen.`
    : "";
  return `Diagram: ${section.title}. ${section.summary}${marked} Siffrorna finns i tabellen under diagrammet.`;
}

export function SectionView({ section, chart = "canvas" }: { section: ReportSection; chart?: "canvas" | "svg" }) {
  const headingId = `avsnitt-${section.id}`;
  return (
    <section className="stat-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{section.title}</h2>
      <p className="stat-summary">{section.summary}</p>
      {section.chart ? (
        chart === "canvas" ? (
          <Chart chart={section.chart} label={chartLabel(section)} />
        ) : (
          <div
            className="stat-chart-svg"
            role="img"
            aria-label={chartLabel(section)}
            // Built by the pure SVG writer, which escapes every text it is given.
            dangerouslySetInnerHTML={{ __html: chartSvg(section.chart, { fontFamily: PAGE_FONTS, idPrefix: headingId }).svg }}
          />
        )
      ) : null}
      <SectionTableView table={section.table} sortable={chart === "canvas"} />
      {section.note ? <p className="stat-note">{section.note}</p> : null}
    </section>
  );
}
