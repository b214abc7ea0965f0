import { describe, expect, it } from "vitest";
import type { ReportTemplate } from "~/domain/report-template";
import { testBundle } from "../testing";
import { composeDocument, reportMeta, reportSections } from ".";

const bundle = testBundle();
const meta = reportMeta(bundle);
const sections = reportSections(bundle);

function template(patch: Partial<ReportTemplate>): ReportTemplate {
  return { name: "Kort", title: "", introduction: "", onePerPage: false, sections: [], ...patch };
}

describe("composeDocument", () => {
  it("without a template keeps every section with its chart and the report's title", () => {
    const document = composeDocument(meta, sections, null, "2026-12-02");
    expect(document.sections.map((section) => section.id)).toEqual(sections.map((section) => section.id));
    expect(document.sections.every((section, index) => section.chart === sections[index].chart && section.text === "")).toBe(true);
    expect(document).toMatchObject({ title: meta.title, templateName: null, extractedOn: "2026-12-02", onePerPage: false });
  });

  it("takes the template's sections in its order, drops a chart it turns off and one the report lacks", () => {
    const withChart = sections.find((section) => section.chart)!;
    const other = sections.find((section) => section !== withChart && section.chart)!;
    const document = composeDocument(
      meta,
      sections,
      template({
        title: "Årsredovisning",
        introduction: "Inledning.",
        sections: [
          { id: other.id, chart: false, text: "Kommentar." },
          { id: "finns-inte", chart: true, text: "" },
          { id: withChart.id, chart: true, text: "" },
        ],
      }),
      "2026-12-02",
    );
    expect(document.sections.map((section) => section.id)).toEqual([other.id, withChart.id]);
    expect(document.sections[0].chart).toBeUndefined();
    expect(document.sections[0].text).toBe("Kommentar.");
    expect(document.sections[1].chart).toEqual(withChart.chart);
    expect(document).toMatchObject({ title: "Årsredovisning", introduction: "Inledning.", templateName: "Kort" });
  });
});
