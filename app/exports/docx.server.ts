/**
 * The statistics chapter as a Word document, to paste into the delårsrapport or
 * årsredovisning as it is: Word's own heading styles (so it takes the report's look), the
 * summary sentence, the chart as an image with alt text, and the table with its caption.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { cellFormat, formatCell } from "~/charts/cells";
import type { DocumentSection, ReportDocument, SectionTable } from "~/charts/sections";
import { chartPng } from "./chart-image.server";

/** The text width of an A4 page with Word's default margins, in pixels at 96 dpi (about 16 cm). */
const TEXT_WIDTH_PX = 604;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "8A94A3" };
const NO_LINE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

function cell(text: string, { numeric = false, bold = false, header = false } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold })],
      }),
    ],
    shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "EEF1F5" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: { top: NO_LINE, left: NO_LINE, right: NO_LINE, bottom: LINE },
  });
}

function table(section: SectionTable): Table {
  const header = new TableRow({
    tableHeader: true,
    children: section.columns.map((column) => cell(column.label, { numeric: column.numeric, bold: true, header: true })),
  });
  const body = (rows: SectionTable["rows"], bold: boolean) =>
    rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: section.columns.map((column) => cell(formatCell(row[column.key], cellFormat(column, row)), { numeric: column.numeric, bold })),
        }),
    );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [header, ...body(section.rows, false), ...body(section.footer, true)],
  });
}

function chartParagraph(section: DocumentSection): Paragraph[] {
  if (!section.chart) return [];
  const image = chartPng(section.chart);
  const width = Math.min(TEXT_WIDTH_PX, image.width);
  const height = Math.round((image.height * width) / image.width);
  return [
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: image.png,
          transformation: { width, height },
          altText: { name: section.id, title: `Diagram: ${section.title}`, description: section.summary },
        }),
      ],
    }),
  ];
}

function sectionParagraphs(section: DocumentSection): Array<Paragraph | Table> {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(section.title)] }),
    new Paragraph({ keepNext: true, children: [new TextRun(section.summary)] }),
    ...chartParagraph(section),
    new Paragraph({ keepNext: true, spacing: { before: 120 }, children: [new TextRun({ text: section.table.caption, italics: true })] }),
    table(section.table),
    ...(section.note ? [new Paragraph({ spacing: { before: 80 }, children: [new TextRun({ text: section.note, size: 18 })] })] : []),
    ...freeText(section.text),
  ];
}

/** A template's free text, one paragraph per blank-line-separated block. */
function freeText(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => new Paragraph({ spacing: { before: 120 }, children: [new TextRun(block)] }));
}

export async function reportDocx(report: ReportDocument): Promise<Buffer> {
  const { meta, sections } = report;
  const document = new Document({
    creator: "Stegvis",
    title: `${report.title} – ${meta.organisation}`,
    description: "Statistik över deltagare och deras stegförflyttning",
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${report.title} – ${meta.organisation}`)] }),
          ...[meta.period, meta.comparison, meta.filters, meta.suppression].map((line) => new Paragraph({ children: [new TextRun(line)] })),
          ...freeText(report.introduction),
          ...sections.flatMap(sectionParagraphs),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
