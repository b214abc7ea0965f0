// One upload of import files from the förbundschef, as both /import (a plain form post, without
// JavaScript) and /import/skicka (the same form sent with XMLHttpRequest, for the progress bar)
// receive it: permission and origin, the size limits, the form's fields, the preview-then-import
// rule and the import itself (which writes the audit entry). The routes only wrap the answer.
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { importFiles } from "~/data/import-write.server";
import { checkbox } from "~/schemas/form";
import { readFormBody } from "~/utils/form-body.server";
import { filesFingerprint } from "./index";
import type { ImportResult } from "./types";

export const MAX_UPLOAD_MB = 50;
const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
/** The whole post: the files and room for the form's fields and multipart framing. */
export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;
export const UPLOAD_TOO_LARGE = `Filerna är för stora: högst ${MAX_UPLOAD_MB} MB tillsammans. Dela upp importen, t.ex. en fil per tabell.`;
const MAX_FILES = 20;
/** The page lists this many problems; the counts say how many there are in all. */
const SHOWN_PROBLEMS = 1000;

const ImportFormSchema = z.object({
  intent: z.enum(["preview", "import"], { error: "Okänd åtgärd. Ladda om sidan och försök igen." }),
  createMissing: checkbox,
  previewed: z.string().max(100).optional(),
});

/** What the page shows after an upload: the same whether it came as a form post or as JSON. */
export type ImportUploadResult =
  | { kind: "error"; message: string }
  | {
      kind: "result";
      result: Omit<ImportResult, "problems" | "timings"> & { problems: ImportResult["problems"]; problemCount: number };
      /** Identifies the previewed files and choice, so that "Importera" imports exactly those. */
      fingerprint: string;
      changedSincePreview: boolean;
    };

export interface ImportUploadAnswer {
  status: number;
  body: ImportUploadResult;
}

const failure = (message: string, status: number): ImportUploadAnswer => ({ status, body: { kind: "error", message } });

/**
 * Checks that the user may import (throws 403, or a redirect to sign-in, as requirePermission
 * does), reads the multipart form and previews or imports its files. A first submit is always a
 * preview (dry run); intent "import" writes only when the files and choice are exactly those
 * of the preview, whose fingerprint the form sends back as "previewed".
 */
export async function handleImportUpload(request: Request): Promise<ImportUploadAnswer> {
  const user = await requirePermission(request, "import:run");
  // Refused before the body is read, so that a huge upload never fills the server's memory.
  const body = await readFormBody(request, {
    limit: MAX_UPLOAD_BODY_BYTES,
    tooLarge: UPLOAD_TOO_LARGE,
    unreadable: "Filerna kunde inte tas emot. Försök igen, och välj filerna på nytt om det inte hjälper.",
  });
  if (!body.ok) return failure(body.message, body.status);
  const { formData } = body;
  const parsed = ImportFormSchema.safeParse({
    intent: formData.get("intent") ?? "preview",
    createMissing: formData.get("createMissing") ?? undefined,
    previewed: formData.get("previewed") ?? undefined,
  });
  if (!parsed.success) return failure(parsed.error.issues[0].message, 400);
  const { intent, createMissing, previewed } = parsed.data;

  const uploads = formData.getAll("files").filter((value): value is File => typeof value !== "string" && value.size > 0);
  if (uploads.length === 0) return failure("Välj minst en fil: en Excel-arbetsbok (.xlsx) eller CSV-filer (.csv).", 400);
  if (uploads.length > MAX_FILES) return failure(`Välj högst ${MAX_FILES} filer åt gången.`, 400);
  if (uploads.reduce((sum, file) => sum + file.size, 0) > MAX_UPLOAD_BYTES) return failure(UPLOAD_TOO_LARGE, 413);

  const files = await Promise.all(uploads.map(async (file) => ({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) })));
  const fingerprint = filesFingerprint(files, createMissing);
  // The real import only runs for exactly what was previewed; anything else is previewed first.
  const confirmed = intent === "import" && previewed === fingerprint;

  const result = await importFiles({ organisationId: user.organisationId, files, dryRun: !confirmed, createMissing, userId: user.id });
  const { timings: _timings, problems, ...rest } = result;
  return {
    status: 200,
    body: {
      kind: "result",
      result: { ...rest, problems: problems.slice(0, SHOWN_PROBLEMS), problemCount: problems.length },
      fingerprint,
      changedSincePreview: intent === "import" && !confirmed,
    },
  };
}
