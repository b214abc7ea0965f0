// POST /import/skicka: the /import page's form sent with XMLHttpRequest, so that the page can show
// how far the upload has come. Does exactly what the page's own action does (handleImportUpload)
// and answers with JSON; without JavaScript the page posts to /import instead.
import type { Route } from "./+types/submit";
import { handleImportUpload, type ImportUploadResult } from "~/import/handle-upload.server";

const json = (body: ImportUploadResult, status: number) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function action({ request }: Route.ActionArgs) {
  try {
    const { status, body } = await handleImportUpload(request);
    return json(body, status);
  } catch (thrown) {
    // Answers in the same JSON shape as a result, so that the page can show the message.
    if (thrown instanceof Response && thrown.status >= 300 && thrown.status < 400) {
      return json({ kind: "error", message: "Du är inte inloggad längre. Logga in igen och välj filerna på nytt." }, 401);
    }
    const refused = refusal(thrown);
    if (refused) return json({ kind: "error", message: refused.message }, refused.status);
    throw thrown;
  }
}

/** A refusal thrown with data() by the guards (403 for another role or a cross-site post). */
function refusal(thrown: unknown): { status: number; message: string } | null {
  if (typeof thrown !== "object" || thrown === null || (thrown as { type?: unknown }).type !== "DataWithResponseInit") return null;
  const { data, init } = thrown as { data: { message?: unknown } | null; init: ResponseInit | null };
  const status = init?.status ?? 500;
  if (status < 400 || status >= 500) return null;
  return { status, message: typeof data?.message === "string" ? data.message : "Åtgärden nekades." };
}

export function loader() {
  // Only for posting; a visit (or a reload after a post) goes to the page itself.
  return new Response(null, { status: 303, headers: { Location: "/import" } });
}
