// One entry to every file export of the statistics, for the web export and `npm run report`
// alike. Each format presents the same sections, so small numbers are hidden the same way in
// all of them, as the bundle says.
import { composeDocument, reportMeta, reportSections } from "~/charts/sections";
import { todayInSweden } from "~/domain/period";
import type { ReportTemplate } from "~/domain/report-template";
import type { ReportBundle } from "~/domain/report-bundle";
import { reportCsv } from "./csv.server";
import { reportDocx } from "./docx.server";
import { reportXlsx } from "./xlsx.server";

export type ReportFileFormat = "csv" | "xlsx" | "docx";

export const REPORT_FILE_TYPES: Record<ReportFileFormat, { contentType: string; label: string }> = {
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "Excel" },
  csv: { contentType: "text/csv; charset=utf-8", label: "CSV" },
};

/** The file of `bundle` as `template` composes it (null: every section, each with its chart). */
export async function renderReportFile(
  format: ReportFileFormat,
  bundle: ReportBundle,
  template: ReportTemplate | null = null,
  extractedOn = todayInSweden(),
): Promise<Buffer> {
  const document = composeDocument(reportMeta(bundle), reportSections(bundle), template, extractedOn);
  switch (format) {
    case "csv":
      return reportCsv(document);
    case "xlsx":
      return reportXlsx(document);
    case "docx":
      return reportDocx(document);
  }
}

/** "stegvis-statistik-2025-01-01--2025-08-31.docx" */
export function reportFileName(bundle: ReportBundle, format: ReportFileFormat): string {
  const { from, to } = bundle.query.period;
  return `stegvis-statistik-${from}--${to}.${format}`;
}
