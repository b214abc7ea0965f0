// GET /import/mall.xlsx: the import template with the förbund's own lists in its instructions.
import type { Route } from "./+types/template";
import { requirePermission } from "~/auth/guards.server";
import { loadTemplateLists } from "~/data/import-load.server";
import { TEMPLATE_FILE_NAME, templateBuffer, XLSX_CONTENT_TYPE } from "~/import/template";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "import:run");
  const buffer = await templateBuffer(await loadTemplateLists(user.organisationId));
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${TEMPLATE_FILE_NAME}"`,
      "Content-Length": String(buffer.byteLength),
      // The lists change when the förbundschef edits them: never serve a stale template.
      "Cache-Control": "no-store",
    },
  });
}
