// The statistics as a file (DOCX, XLSX or CSV) for the query in the URL. Small numbers are
// hidden for the styrgrupp always and for the förbundschef as chosen on the page; every
// export is written to the audit log.
import type { Route } from "./+types/export";
import { audit } from "~/data/audit.server";
import { renderReportFile, reportFileName, REPORT_FILE_TYPES } from "~/exports/index.server";
import { parseExportFormat } from "~/schemas/statistics";
import { loadStatisticsRequest } from "./view.server";

function badRequest(message: string): Response {
  return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function loader({ request }: Route.LoaderArgs) {
  const result = await loadStatisticsRequest(request);
  const format = parseExportFormat(new URL(request.url).searchParams.get("format"));
  if (format === null) return badRequest("Okänt filformat. Välj DOCX, XLSX eller CSV.");
  if (!result.ok) return badRequest(`Statistiken kunde inte tas fram: ${Object.values(result.errors).join(" ")}`);
  const { user, bundle } = result;
  const file = await renderReportFile(format, bundle);
  const { period, insats, kommun } = bundle.query;
  await audit({
    organisationId: user.organisationId,
    userId: user.id,
    action: "export",
    entity: "statistics",
    detail:
      `${format.toUpperCase()} ${period.from}–${period.to}, insats: ${insats ?? "alla"}, kommun: ${kommun ?? "alla"}, ` +
      `små tal ${bundle.suppressSmallNumbers ? "dolda" : "visade"}`,
  });
  const fileName = reportFileName(bundle, format);
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": REPORT_FILE_TYPES[format].contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(file.length),
      // Aggregates of sensitive data: never kept by a shared cache or the browser's.
      "Cache-Control": "no-store",
    },
  });
}
