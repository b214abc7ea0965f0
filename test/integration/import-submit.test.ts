// POST /import/skicka: the /import form sent with XMLHttpRequest (for the upload's progress bar).
// It must do exactly what the page's own action does, and answer with JSON.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import * as importRoute from "~/routes/import/index";
import * as submitRoute from "~/routes/import/submit";
import { createOrganisation, createUser, sessionCookie } from "../factories";
import { callRoute, getRequest, ORIGIN } from "../route";

type Role = "forbundschef" | "koordinator" | "styrgrupp";

/** A semicolon CSV as Swedish Excel writes it, with two enrolments and a Trappan row. */
const DELTAGARE = [
  "deltagare;insats;kommun;kon;aldersgrupp;remittent;samtycke;inskriven",
  "SUB-1;SamSteg;Ljungby;K;30-39;Försäkringskassan;2026-01-05;2026-01-07",
  "SUB-2;SamSteg;Ljungby;M;30-39;Försäkringskassan;2026-01-12;2026-01-14",
].join("\r\n");
const TRAPPAN = ["deltagare;datum;steg", "SUB-1;2026-01-07;2"].join("\r\n");

const encode = (text: string) => new TextEncoder().encode(text);
const csvFiles = () => [
  { name: "deltagare.csv", data: encode(DELTAGARE) },
  { name: "trappan.csv", data: encode(TRAPPAN) },
];

let organisationId: string;
let chefId: string;
let cookies: Record<Role, string>;

beforeAll(async () => {
  ({ organisationId } = await createOrganisation("Skickaförbundet"));
  const [chef, koordinator, styrgrupp] = await Promise.all([
    createUser(organisationId, "forbundschef"),
    createUser(organisationId, "koordinator"),
    createUser(organisationId, "styrgrupp"),
  ]);
  chefId = chef.id;
  cookies = {
    forbundschef: await sessionCookie(chef.id),
    koordinator: await sessionCookie(koordinator.id),
    styrgrupp: await sessionCookie(styrgrupp.id),
  };
});

function post(
  pathname: string,
  fields: Record<string, string>,
  files: Array<{ name: string; data: Uint8Array }>,
  { cookie = cookies.forbundschef, origin = ORIGIN }: { cookie?: string | null; origin?: string } = {},
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append("files", new File([new Uint8Array(file.data)], file.name));
  const headers: Record<string, string> = { Origin: origin };
  if (cookie) headers.Cookie = cookie;
  return new Request(`${ORIGIN}${pathname}`, { method: "POST", body: form, headers });
}

const submit = (...args: Parameters<typeof post> extends [string, ...infer Rest] ? Rest : never) =>
  callRoute(submitRoute.action, post("/import/skicka", ...args));

async function counts() {
  return {
    participants: await prisma.participant.count({ where: { organisationId } }),
    enrolments: await prisma.enrolment.count({ where: { organisationId } }),
    placements: await prisma.trappanPlacement.count({ where: { enrolment: { organisationId } } }),
    audits: await prisma.auditEvent.count({ where: { organisationId, action: "import" } }),
  };
}

describe("POST /import/skicka", () => {
  it("keeps koordinator and styrgrupp out with a JSON 403, and writes nothing", async () => {
    const before = await counts();
    for (const role of ["koordinator", "styrgrupp"] as const) {
      for (const intent of ["preview", "import"]) {
        const result = await submit({ intent }, csvFiles(), { cookie: cookies[role] });
        expect(result.status).toBe(403);
        expect(result.headers.get("Content-Type")).toMatch(/^application\/json/);
        expect(result.data).toEqual({ kind: "error", message: "Du har inte behörighet till den här sidan eller åtgärden." });
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a post from another site with 403, even from the förbundschef", async () => {
    const before = await counts();
    const result = await submit({ intent: "preview" }, csvFiles(), { origin: "https://evil.example" });
    expect(result.status).toBe(403);
    expect(result.data).toEqual({ kind: "error", message: "Formuläret skickades från en annan webbplats och avvisades." });
    expect(await counts()).toEqual(before);
  });

  it("answers a signed-out upload with 401 instead of the sign-in page", async () => {
    const result = await submit({ intent: "preview" }, csvFiles(), { cookie: null });
    expect(result.status).toBe(401);
    expect(result.data).toMatchObject({ kind: "error" });
  });

  it("previews as JSON with counts, then imports exactly the previewed files, audited with the user", async () => {
    const before = await counts();
    const preview = await submit({ intent: "preview" }, csvFiles());
    expect(preview.status).toBe(200);
    expect(preview.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(preview.data).toMatchObject({
      kind: "result",
      changedSincePreview: false,
      result: { ok: true, dryRun: true, written: false, problemCount: 0, problems: [] },
    });
    expect(preview.data.result.counts.tables.deltagare).toEqual({ rows: 2, new: 2, existing: 0 });
    expect(preview.data.result.counts.tables.trappan).toEqual({ rows: 1, new: 1, existing: 0 });
    expect(preview.data.result.counts.participants).toBe(2);
    expect(preview.data.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(preview.data.result).not.toHaveProperty("timings");
    expect(await counts()).toEqual(before);

    const imported = await submit({ intent: "import", previewed: preview.data.fingerprint }, csvFiles());
    expect(imported.status).toBe(200);
    expect(imported.data).toMatchObject({
      kind: "result",
      fingerprint: preview.data.fingerprint,
      changedSincePreview: false,
      result: { ok: true, dryRun: false, written: true, problemCount: 0 },
    });
    expect(imported.data.result.counts.tables.deltagare).toEqual({ rows: 2, new: 2, existing: 0 });
    expect(await counts()).toEqual({
      participants: before.participants + 2,
      enrolments: before.enrolments + 2,
      placements: before.placements + 1,
      audits: before.audits + 1,
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { organisationId, action: "import" }, orderBy: { at: "desc" } });
    expect(audit.userId).toBe(chefId);

    // The same files again: nothing new, and the JSON says they were already there.
    const again = await submit({ intent: "preview" }, csvFiles());
    expect(again.data.result.counts.tables.deltagare).toEqual({ rows: 2, new: 0, existing: 2 });
  });

  it("only previews when Importera comes with other files than the preview's", async () => {
    const before = await counts();
    const changed = [{ name: "deltagare.csv", data: encode(DELTAGARE.replaceAll("SUB-", "NY-")) }];
    const result = await submit({ intent: "import", previewed: "0".repeat(64) }, changed);
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ changedSincePreview: true, result: { ok: true, dryRun: true, written: false } });
    expect(await counts()).toEqual(before);
  });

  it("answers with the same JSON as the page's action, problems and refusals included", async () => {
    const bad = [{ name: "trappan.csv", data: encode("deltagare;datum;steg\r\nZ-1;2026-01-01;9") }];
    const viaSubmit = await submit({ intent: "preview" }, bad);
    const viaPage = await callRoute(importRoute.action, post("/import", { intent: "preview" }, bad));
    expect(viaSubmit.status).toBe(200);
    expect(viaSubmit.data).toEqual(viaPage.data);
    expect(viaSubmit.data.result.ok).toBe(false);
    expect(viaSubmit.data.result.problems.map((p: { sheet: string; row: number; column: string }) => [p.sheet, p.row, p.column])).toEqual([
      ["trappan.csv", 2, "deltagare"],
      ["trappan.csv", 2, "steg"],
    ]);

    const none = await submit({ intent: "preview" }, []);
    expect(none.status).toBe(400);
    expect(none.data).toEqual({ kind: "error", message: "Välj minst en fil: en Excel-arbetsbok (.xlsx) eller CSV-filer (.csv)." });
    expect((await callRoute(importRoute.action, post("/import", { intent: "preview" }, []))).data).toEqual(none.data);
  });

  it("sends a visit (GET) to the import page", async () => {
    const result = await callRoute(submitRoute.loader, getRequest("/import/skicka", cookies.forbundschef));
    expect(result.status).toBe(303);
    expect(result.location).toBe("/import");
  });
});
