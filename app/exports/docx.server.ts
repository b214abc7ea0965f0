/**
 * The statistics chapter as a Word document, to paste into the delårsrapport or
 * årsredovisning as it is: Swedish as its language (so Word spell-checks it in Swedish), Word's
 * own heading styles and a table of contents (so it takes the report's look), a title block,
 * the report's name and page numbers in the header and footer, and sections that follow each
 * other without page breaks unless the template asks for one section per page. Tables are sized
 * from their content so that no word breaks; charts are drawn at the text width and print
 * resolution.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { cellFormat, formatCell } from "~/charts/cells";
import type { DocumentSection, ReportDocument, SectionTable } from "~/charts/sections";
import { formatDate } from "~/utils/format";
import { chartPng } from "./chart-image.server";
import { columnWidths } from "./table-columns";

/** A4 with margins of 2 cm at the sides and 2,5 cm at the top and bottom, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, side: 1134, top: 1418, bottom: 1418 };
const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.side;
/** The text width of the same page turned on its side, for a table too wide to stand upright. */
const LANDSCAPE_TEXT_WIDTH_TWIPS = PAGE.height - 2 * PAGE.side;
/** The text width in CSS pixels (96 to the inch), the size charts are drawn and shown at. */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS / 1440) * 96);
const LANGUAGE = "sv-SE";
/** Left and right cell margins, in twips; their sum is part of each column's width. */
const CELL_MARGIN = 80;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "8A94A3" };
const NO_LINE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
/**
 * A table of up to this many rows (header and totals included) is kept on one page with its
 * caption; a longer one keeps only its first rows with it and may go on over the page, where Word
 * repeats its header row. Keeping every table whole left half pages empty.
 */
const KEEP_TOGETHER_ROWS = 8;
const KEEP_FIRST_ROWS = 3;

interface CellText {
  text: string;
  numeric: boolean;
  bold: boolean;
  header: boolean;
}

function cell(content: CellText, widthTwips: number, fontSize: number, keepNext: boolean): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    children: [
      new Paragraph({
        alignment: content.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        keepNext,
        children: [new TextRun({ text: content.text, bold: content.bold, size: fontSize * 2 })],
      }),
    ],
    shading: content.header ? { type: ShadingType.CLEAR, color: "auto", fill: "EEF1F5" } : undefined,
    margins: { top: 20, bottom: 20, left: CELL_MARGIN, right: CELL_MARGIN },
    borders: { top: NO_LINE, left: NO_LINE, right: NO_LINE, bottom: LINE },
  });
}

/** The table's cells as text, row by row: the header, the rows, then the totals in bold. */
function tableTexts(section: SectionTable): CellText[][] {
  const body = (rows: SectionTable["rows"], bold: boolean) =>
    rows.map((row) =>
      section.columns.map((column) => ({ text: formatCell(row[column.key], cellFormat(column, row)), numeric: column.numeric, bold, header: false })),
    );
  const header = section.columns.map((column) => ({ text: column.label, numeric: column.numeric, bold: true, header: true }));
  return [header, ...body(section.rows, false), ...body(section.footer, true)];
}

/**
 * Ways to fit a table, best first: 9 points with every figure (and the mark in its place, "färre
 * än 3") on one line; 8 points; 8 points with a mark allowed to wrap between its words.
 */
const TABLE_FITS = [
  { fontSize: 9, wholeMarks: true },
  { fontSize: 8, wholeMarks: true },
  { fontSize: 8, wholeMarks: false },
];

/** The first fit in which every word holds its column, with the columns' widths in twips. */
function tableLayout(rows: CellText[][], widthTwips: number): { fontSize: number; widths: number[]; wordsFit: boolean } {
  const widthPt = widthTwips / 20;
  const paddingPt = (2 * CELL_MARGIN) / 20;
  const attempt = ({ fontSize, wholeMarks }: (typeof TABLE_FITS)[number]) => {
    // A heading may wrap between its words; a figure never does, a mark only as a last resort.
    const whole = (content: CellText) => content.numeric && !content.header && (wholeMarks || !content.text.includes(" "));
    const columns = rows[0]!.map((_, index) => rows.map((row) => ({ ...row[index]!, numeric: whole(row[index]!) })));
    return { fontSize, ...columnWidths(columns, widthPt, fontSize, paddingPt) };
  };
  let fitted = attempt(TABLE_FITS[0]!);
  for (const fit of TABLE_FITS.slice(1)) {
    if (fitted.wordsFit) break;
    fitted = attempt(fit);
  }
  // Rounded down, so that the columns never add up to more than the text width.
  return { fontSize: fitted.fontSize, widths: fitted.widths.map((width) => Math.floor(width * 20)), wordsFit: fitted.wordsFit };
}

/** Whether the section's table holds its words on an upright page; if not, it gets a landscape one. */
function fitsUpright(section: SectionTable): boolean {
  return tableLayout(tableTexts(section), TEXT_WIDTH_TWIPS).wordsFit;
}

function table(section: SectionTable, widthTwips: number): Table {
  const rows = tableTexts(section);
  const { fontSize, widths } = tableLayout(rows, widthTwips);
  const kept = rows.length <= KEEP_TOGETHER_ROWS ? rows.length - 1 : KEEP_FIRST_ROWS;
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      (cells, index) =>
        new TableRow({
          tableHeader: index === 0,
          cantSplit: true,
          children: cells.map((content, column) => cell(content, widths[column]!, fontSize, index < kept)),
        }),
    ),
  });
}

function chartParagraph(section: DocumentSection): Paragraph[] {
  if (!section.chart) return [];
  const image = chartPng(section.chart, TEXT_WIDTH_PX);
  return [
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: image.png,
          transformation: { width: image.width, height: image.height },
          altText: { name: section.id, title: `Diagram: ${section.title}`, description: section.summary },
        }),
      ],
    }),
  ];
}

function sectionParagraphs(section: DocumentSection, onePerPage: boolean, tableWidthTwips = TEXT_WIDTH_TWIPS): Array<Paragraph | Table> {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, pageBreakBefore: onePerPage, children: [new TextRun(section.title)] }),
    new Paragraph({ keepNext: true, children: [new TextRun(section.summary)] }),
    ...chartParagraph(section),
    new Paragraph({ keepNext: true, spacing: { before: 80, after: 60 }, children: [new TextRun({ text: section.table.caption, italics: true })] }),
    table(section.table, tableWidthTwips),
    ...(section.note ? [new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: section.note, size: 18 })] })] : []),
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

/** What the numbers are: förbund, insats and kommun, period, comparison, extraction date, small numbers. */
function titleBlock(report: ReportDocument): Paragraph[] {
  const { meta } = report;
  const lines = [`Förbund: ${meta.organisation}`, meta.filters, meta.period, meta.comparison, `Uttaget: ${formatDate(report.extractedOn)}`, meta.suppression];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${report.title} – ${meta.organisation}`)] }),
    ...lines.map((line) => new Paragraph({ spacing: { after: 40 }, children: [new TextRun(line)] })),
  ];
}

function header(name: string): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: name, size: 16, color: "5A6270" })] })] });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 16, color: "5A6270", children: ["Sida ", PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

const MARGIN = { left: PAGE.side, right: PAGE.side, top: PAGE.top, bottom: PAGE.bottom, header: 567, footer: 567 };
type DocxSection = { properties: object; children: Array<Paragraph | Table | TableOfContents> };

/**
 * The report's sections as the document's (Word) sections: upright pages, and a landscape page
 * for each section whose table is too wide to hold its words upright (the försörjning cross
 * table). Each landscape page starts and ends with a page break, which Word's sections make.
 */
function pageSections(report: ReportDocument, opening: Array<Paragraph | TableOfContents>): DocxSection[] {
  const upright = { page: { size: { width: PAGE.width, height: PAGE.height }, margin: MARGIN } };
  const landscape = { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } };
  const out: DocxSection[] = [{ properties: upright, children: [...opening] }];
  for (const section of report.sections) {
    if (fitsUpright(section.table)) {
      if (out[out.length - 1]!.properties !== upright) out.push({ properties: upright, children: [] });
      out[out.length - 1]!.children.push(...sectionParagraphs(section, report.onePerPage));
    } else {
      out.push({ properties: landscape, children: sectionParagraphs(section, false, LANDSCAPE_TEXT_WIDTH_TWIPS) });
    }
  }
  return out;
}

export async function reportDocx(report: ReportDocument): Promise<Buffer> {
  const name = `${report.title} – ${report.meta.organisation}`;
  const opening = [
    ...titleBlock(report),
    new Paragraph({ spacing: { before: 200 }, keepNext: true, children: [new TextRun({ text: "Innehåll", bold: true })] }),
    new TableOfContents("Innehåll", { hyperlink: true, headingStyleRange: "2-2" }),
    ...freeText(report.introduction),
  ];
  const document = new Document({
    creator: "Stegvis",
    title: name,
    description: "Statistik över deltagare och deras stegförflyttning",
    styles: { default: { document: { run: { font: "Calibri", size: 22, language: { value: LANGUAGE } } } } },
    // Every section after the first shows the first one's header and footer, as Word does.
    sections: pageSections(report, opening).map((section, index) =>
      index === 0 ? { ...section, headers: { default: header(name) }, footers: { default: footer() } } : section,
    ),
  });
  return Packer.toBuffer(document);
}
