// The Word document of the demo year, opened and read back: Swedish as its language, the title
// block, header and footer, the table of contents, no forced page breaks, table columns as wide
// as their words, charts at print resolution, and (with LibreOffice) the number of A4 pages.
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~/data/seed.server";
import { buildReportBundle } from "~/data/statistics.server";
import { fullYear } from "~/domain/period";
import type { ReportBundle } from "~/domain/report-bundle";
import { reportSections } from "~/charts/sections";
import { renderReportFile } from "~/exports/index.server";
import { textWidthPt } from "~/exports/table-columns";
import { docxToPdf, hasLibreOffice, pdfPageCount } from "../pdf";

/** A4 less 2 cm margins at the sides, in twips; the writer's own figure, written out. */
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1134;
const EMU_PER_INCH = 914400;

let bundle: ReportBundle;
let files: Record<string, string>;
let docx: Buffer;
/** The demo year's sections (the caseload's included, as the förbundschef exports it), and how many have a chart. */
let sectionCount: number;
let sectionIds: string[];
let chartCount: number;

async function parts(buffer: Buffer): Promise<{ files: Record<string, string>; zip: JSZip }> {
  const zip = await JSZip.loadAsync(buffer);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((name) => name.endsWith(".xml"))) out[name] = await zip.file(name)!.async("string");
  return { files: out, zip };
}

const texts = (fragment: string) => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]!).join("");
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)].map((match) => texts(match[1]!));

beforeAll(async () => {
  const organisationId = (await seedDemo({ today: "2026-11-24" }))!.organisationId;
  bundle = await buildReportBundle(organisationId, { period: fullYear(2026), insats: null, kommun: null }, { suppressSmallNumbers: true, caseload: true });
  docx = await renderReportFile("docx", bundle, null, "2026-11-24");
  const sections = reportSections(bundle);
  sectionCount = sections.length;
  sectionIds = sections.map((section) => section.id);
  chartCount = sections.filter((section) => section.chart).length;
  files = (await parts(docx)).files;
});

describe("the DOCX of the demo year", () => {
  it("is in Swedish, so Word spell-checks it in Swedish", () => {
    expect(files["word/styles.xml"]).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*?<w:lang w:val="sv-SE"\/>[\s\S]*?<\/w:rPr><\/w:rPrDefault>/);
  });

  it("opens with a title block and a table of contents of the sections", () => {
    const lines = paragraphs(files["word/document.xml"]!);
    expect(lines.slice(0, 7)).toEqual([
      "Statistik 2026 – Demoförbundet (demodata)",
      "Förbund: Demoförbundet (demodata)",
      "Insats: alla insatser. Kommun: alla kommuner.",
      "Period: 2026 (1 januari 2026 – 31 december 2026)",
      "Jämförelse: 2025",
      "Uttaget: 24 november 2026",
      expect.stringMatching(/^Små tal skyddas: ”färre än 3” är 1 eller 2;/),
    ]);
    const xml = files["word/document.xml"]!;
    expect(xml).toContain("TOC \\h \\o &quot;2-2&quot;");
    // The table's entries are written with the document, so it is not empty before Word updates it.
    const entries = [...xml.matchAll(/<w:pStyle w:val="TOC2"\/>[\s\S]*?<\/w:p>/g)].map((match) => texts(match[0]));
    expect(entries).toHaveLength(sectionCount);
    expect(sectionCount).toBeGreaterThan(25);
    expect(entries[0]).toMatch(/^Deltagare under perioden/);
  });

  it("names the report in the header and numbers the pages in the footer", () => {
    const header = Object.entries(files).find(([name]) => /^word\/header\d+\.xml$/.test(name))![1];
    const footer = Object.entries(files).find(([name]) => /^word\/footer\d+\.xml$/.test(name))![1];
    expect(texts(header)).toBe("Statistik 2026 – Demoförbundet (demodata)");
    expect(footer).toMatch(/Sida [\s\S]*PAGE[\s\S]* av [\s\S]*NUMPAGES/);
  });

  it("lets the sections follow each other, or puts each on a page of its own when the template says so", async () => {
    expect(files["word/document.xml"]).not.toMatch(/<w:pageBreakBefore\/>|<w:br w:type="page"\/>/);
    const template = {
      name: "Årsredovisning",
      title: "",
      introduction: "",
      onePerPage: true,
      sections: [
        { id: "oversikt", chart: true, text: "" },
        { id: "kommuner", chart: false, text: "" },
      ],
    };
    const onePerPage = (await parts(await renderReportFile("docx", bundle, template, "2026-11-24"))).files["word/document.xml"]!;
    expect(onePerPage.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    // The template keeps the chart of the first section only.
    expect(onePerPage.match(/<pic:pic /g)).toHaveLength(1);
  });

  it("sizes every table column to hold its longest word, within the text width, with figures right-aligned", () => {
    const xml = files["word/document.xml"]!;
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((match) => match[1]!);
    expect(tables).toHaveLength(sectionCount);
    const tooNarrow: string[] = [];
    for (const [index, table] of tables.entries()) {
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
      expect(grid.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(16838 - 2 * 1134);
      for (const row of table.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)) {
        [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].forEach((cell, column) => {
          const size = Number(/<w:sz w:val="(\d+)"\/>/.exec(cell[1]!)![1]) / 2;
          const bold = /<w:b\/>/.test(cell[1]!);
          const text = texts(cell[1]!);
          // Text wraps only between words (a figure's thousands are apart by a no-break space).
          const words = text.split(/[ \t\n]+/);
          for (const word of words) {
            // One twip of slack: the writer rounds each column down to whole twips.
            if ((textWidthPt(word, size, bold) + 8) * 20 > grid[column]! + 1) tooNarrow.push(`${sectionIds[index]}: ${word}`);
          }
        });
      }
    }
    expect(tooNarrow).toEqual([]);
    // The försörjning cross table has a column per försörjning: too many for A4 upright, so it
    // alone stands on a landscape page, the width of the page's height.
    expect(xml.match(/<w:pgSz [^>]*>/g)).toEqual([
      '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
      '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
      '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
    ]);
    const wideTable = tables[sectionIds.indexOf("forsorjning-start-slut")]!;
    expect([...wideTable.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((sum, match) => sum + Number(match[1]), 0)).toBeGreaterThan(TEXT_WIDTH_TWIPS);
    const overview = tables[0]!;
    const activeRow = [...overview.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)][1]![1]!;
    const cells = [...activeRow.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => cell[1]!);
    expect(cells.map(texts)).toEqual(["Aktiva deltagare", "55", "31"]);
    expect(cells.map((cell) => /<w:jc w:val="right"\/>/.test(cell))).toEqual([false, true, true]);
  });

  it("shows every chart at the text width, in at least 300 dots to the inch", async () => {
    const { zip } = await parts(docx);
    const xml = files["word/document.xml"]!;
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(extents).toHaveLength(chartCount);
    expect(chartCount).toBeGreaterThan(20);
    const media = Object.keys(zip.files).filter((name) => name.startsWith("word/media/"));
    expect(media).toHaveLength(chartCount);
    for (const cx of extents) expect(Math.abs(cx - (TEXT_WIDTH_TWIPS / 1440) * EMU_PER_INCH)).toBeLessThan(EMU_PER_INCH / 96);
    for (const name of media) {
      const png = await zip.file(name)!.async("nodebuffer");
      expect(png.readUInt32BE(16) / (extents[0]! / EMU_PER_INCH)).toBeGreaterThanOrEqual(299);
    }
  });

  // LibreOffice is installed by scripts/test.mjs; a machine without it skips the page count.
  it.runIf(hasLibreOffice())(
    "fills its A4 pages: at most 24 pages (33 sections), where the document with one section to a page took 30",
    () => {
      const pages = pdfPageCount(docxToPdf(docx));
      console.info(`DOCX of the demo year as PDF: ${pages} pages`);
      expect(pages).toBeGreaterThan(5);
      expect(pages).toBeLessThanOrEqual(24);
    },
    180_000,
  );
});
