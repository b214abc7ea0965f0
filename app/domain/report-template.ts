/**
 * A report template: which sections of the statistics report a förbund publishes, in which
 * order, with or without each chart, with a title, an introduction and a free text under any
 * section (the comments the förbunds write next to their tables). Pure: no storage here.
 */

/** One section of a template, by the section's id (see REPORT_SECTION_IDS in charts/sections). */
export interface TemplateSection {
  id: string;
  /** Show the section's chart; a small table may go without one. */
  chart: boolean;
  /** Free text printed under the section; empty for none. */
  text: string;
}

export interface ReportTemplate {
  name: string;
  /** The document's title; empty: the report's own ("Statistik 2026"). */
  title: string;
  /** Free text after the title block; empty for none. */
  introduction: string;
  /** Each section on a page of its own (DOCX and print); otherwise sections flow. */
  onePerPage: boolean;
  sections: TemplateSection[];
}
