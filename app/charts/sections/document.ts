// The report as one document: the sections a template chooses, in its order, with its title,
// introduction and texts. Every presentation (statistics page, print view, DOCX, XLSX, CSV)
// renders a ReportDocument, so a template means the same thing everywhere.
import type { ReportTemplate } from "~/domain/report-template";
import type { ReportMeta } from "./index";
import type { ReportSection } from "./model";

export interface DocumentSection extends ReportSection {
  /** The template's free text under the section; empty for none. */
  text: string;
}

export interface ReportDocument {
  meta: ReportMeta;
  /** The template's name; null for the whole report without a template. */
  templateName: string | null;
  title: string;
  introduction: string;
  onePerPage: boolean;
  /** The date the numbers were taken out, YYYY-MM-DD. */
  extractedOn: string;
  sections: DocumentSection[];
}

/**
 * The document a template makes of the report's sections. Without a template: every section,
 * each with its chart. A template's section that the report does not have (the caseload for a
 * reader who may not see it, a section of a later version) is left out.
 */
export function composeDocument(meta: ReportMeta, sections: readonly ReportSection[], template: ReportTemplate | null, extractedOn: string): ReportDocument {
  const base = { meta, extractedOn, onePerPage: template?.onePerPage ?? false };
  if (template === null) {
    return { ...base, templateName: null, title: meta.title, introduction: "", sections: sections.map((section) => ({ ...section, text: "" })) };
  }
  const byId = new Map(sections.map((section) => [section.id, section]));
  const chosen: DocumentSection[] = [];
  for (const item of template.sections) {
    const section = byId.get(item.id);
    if (section === undefined) continue;
    const { chart, ...rest } = section;
    chosen.push({ ...rest, ...(item.chart && chart ? { chart } : {}), text: item.text });
  }
  return { ...base, templateName: template.name, title: template.title || meta.title, introduction: template.introduction, sections: chosen };
}
