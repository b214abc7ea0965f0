// Bodies an attacker (or a broken client) can post to any action, answered as Swedish 4xx
// pages instead of 500s: not a form (415), a broken form (400), too large (413, by its length or
// by counting a body without one), with a redirect target that would leave the site, or from
// another site (403, one line in the log). A refused form sends back only a bounded echo.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/data/db.server";
import * as kommunerRoute from "~/routes/admin/kommuner";
import * as importRoute from "~/routes/import/index";
import * as submitRoute from "~/routes/import/submit";
import * as detail from "~/routes/participants/detail";
import * as signInRoute from "~/routes/auth/sign-in";
import * as signOutRoute from "~/routes/auth/sign-out";
import { ECHO_LIMITS } from "~/utils/form-action.server";
import { FORM_TOO_LARGE, FORM_UNREADABLE, MAX_FORM_BYTES } from "~/utils/form-body.server";
import { createOrganisation, createUser, sessionCookie, TEST_PASSWORD } from "../factories";
import { callRoute, getRequest, ORIGIN, postRequest } from "../route";

let org: Awaited<ReturnType<typeof createOrganisation>>;
let chef: { id: string; email: string; cookie: string };
let participantId: string;

beforeAll(async () => {
  org = await createOrganisation("Härdningsförbundet");
  const user = await createUser(org.organisationId, "forbundschef");
  chef = { id: user.id, email: user.email, cookie: await sessionCookie(user.id) };
  const { organisationId } = org;
  const participant = await prisma.participant.create({ data: { organisationId, code: "HARD-1", consents: { create: { givenDate: "2025-01-02" } } } });
  await prisma.enrolment.create({
    data: {
      organisationId,
      participantId: participant.id,
      insatsId: org.insatser[0].id,
      kommunId: org.kommuner[0].id,
      referrerId: (await prisma.referrer.findFirstOrThrow({ where: { organisationId } })).id,
      gender: "kvinna",
      ageGroupId: (await prisma.ageGroup.findFirstOrThrow({ where: { organisationId } })).id,
      enrolledDate: "2025-01-10",
    },
  });
  participantId = participant.id;
});

/** A post with any body and content type, from our own site. */
function rawPost(pathname: string, body: BodyInit, contentType: string | null, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { Origin: ORIGIN, Cookie: chef.cookie, ...extra };
  if (contentType) headers["Content-Type"] = contentType;
  return new Request(ORIGIN + pathname, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body of `size` bytes that arrives in pieces, without a Content-Length (chunked). */
function streamedBody(size: number, chunk = 64 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const piece = new Uint8Array(Math.min(chunk, size - sent)).fill(0x61);
      sent += piece.byteLength;
      controller.enqueue(piece);
    },
  });
  return { stream, pulled: () => sent };
}

const BAD_BODIES: Array<[string, string, string | null, number]> = [
  ["JSON", '{"intent":"create","name":"x"}', "application/json", 415],
  ["plain text", "intent=create&name=x", "text/plain", 415],
  ["no content type", "intent=create&name=x", null, 415],
  ["a multipart body without its parts", "not multipart at all", "multipart/form-data; boundary=xyz", 400],
  ["a multipart body without a boundary", "--xyz\r\n", "multipart/form-data", 400],
];

describe("a body that is not a readable form", () => {
  it.each(BAD_BODIES)("is a Swedish %s refusal on a formAction route (%s → %i)", async (_name, body, type, status) => {
    const result = await callRoute(kommunerRoute.action, rawPost("/admin/kommuner", body, type));
    expect(result.status).toBe(status);
    expect(result.data).toEqual({ message: FORM_UNREADABLE });
  });

  it.each(BAD_BODIES)("is refused on the sign-in page too (%s)", async (_name, body, type, status) => {
    const result = await callRoute(signInRoute.action, rawPost("/logga-in", body, type));
    expect(result.status).toBe(status);
    expect(result.data).toEqual({ message: FORM_UNREADABLE });
  });

  it("is answered in the import's own JSON on /import/skicka and as the page's answer on /import", async () => {
    for (const [route, pathname] of [
      [submitRoute, "/import/skicka"],
      [importRoute, "/import"],
    ] as const) {
      for (const [, body, type, status] of BAD_BODIES) {
        const result = await callRoute(route.action, rawPost(pathname, body, type));
        expect(result.status).toBe(status);
        expect(result.data).toEqual({ kind: "error", message: "Filerna kunde inte tas emot. Försök igen, och välj filerna på nytt om det inte hjälper." });
      }
    }
  });

  it("does not matter to signing out, which reads no body", async () => {
    const user = await createUser(org.organisationId, "koordinator");
    const cookie = await sessionCookie(user.id);
    const result = await callRoute(signOutRoute.action, rawPost("/logga-ut", '{"a":1}', "application/json", { Cookie: cookie }));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/logga-in");
  });
});

describe("a body over the limit", () => {
  const big = "a".repeat(MAX_FORM_BYTES + 1);

  it("is refused by its Content-Length before anything is read", async () => {
    const { stream, pulled } = streamedBody(60 * 1024 * 1024);
    const request = rawPost("/logga-in", stream, "application/x-www-form-urlencoded", { "Content-Length": String(60 * 1024 * 1024) });
    const result = await callRoute(signInRoute.action, request);
    expect(result.status).toBe(413);
    expect(result.data).toEqual({ message: FORM_TOO_LARGE });
    // ReadableStream pulls ahead by one chunk at most; nothing more was read.
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("is refused while it is counted when it comes without a length, having kept at most the limit", async () => {
    const { stream, pulled } = streamedBody(5 * MAX_FORM_BYTES);
    const result = await callRoute(signInRoute.action, rawPost("/logga-in", stream, "application/x-www-form-urlencoded"));
    expect(result.status).toBe(413);
    expect(result.data).toEqual({ message: FORM_TOO_LARGE });
    expect(pulled()).toBeGreaterThan(MAX_FORM_BYTES);
  });

  it("is refused on a formAction route, whose handler never runs", async () => {
    const before = await prisma.kommun.count({ where: { organisationId: org.organisationId } });
    const result = await callRoute(
      kommunerRoute.action,
      postRequest("/admin/kommuner", { intent: "create", name: "Storstad", filler: big }, { cookie: chef.cookie }),
    );
    expect(result.status).toBe(413);
    expect(result.data).toEqual({ message: FORM_TOO_LARGE });
    expect(await prisma.kommun.count({ where: { organisationId: org.organisationId } })).toBe(before);
  });

  it("is still a form just under the limit", async () => {
    const result = await callRoute(
      kommunerRoute.action,
      postRequest("/admin/kommuner", { intent: "create", name: "Mindrestad", filler: "a".repeat(MAX_FORM_BYTES - 100) }, { cookie: chef.cookie }),
    );
    expect(result.status).toBe(200);
  });

  it("is the import's own limit for the import, in its JSON", async () => {
    const declared = 52 * 1024 * 1024;
    const request = rawPost("/import/skicka", streamedBody(declared).stream, "multipart/form-data; boundary=xyz", { "Content-Length": String(declared) });
    const result = await callRoute(submitRoute.action, request);
    expect(result.status).toBe(413);
    expect(result.data).toEqual({ kind: "error", message: "Filerna är för stora: högst 50 MB tillsammans. Dela upp importen, t.ex. en fil per tabell." });
  });
});

describe("what a refused form sends back", () => {
  it("is every field, each cut at 10 000 characters, and never a password", async () => {
    const note = "å".repeat(60_000);
    const result = await callRoute(
      detail.action,
      postRequest(`/deltagare/${participantId}`, { intent: "meeting", date: "inte ett datum", note, password: "hemligt" }, { cookie: chef.cookie }),
      { participantId },
    );
    expect(result.status).toBe(400);
    expect(result.data.values.note).toBe("å".repeat(ECHO_LIMITS.characters));
    expect(result.data.values.date).toBe("inte ett datum");
    expect(result.data.values.password).toBeUndefined();
  });

  it("is at most 200 fields, without names longer than any of ours", async () => {
    const fields: Record<string, string> = { intent: "create", name: "" };
    for (let index = 0; index < 5000; index++) fields[`extra${index}`] = "x";
    fields["n".repeat(101)] = "lång";
    const result = await callRoute(kommunerRoute.action, postRequest("/admin/kommuner", fields, { cookie: chef.cookie }));
    expect(result.status).toBe(400);
    expect(Object.keys(result.data.values)).toHaveLength(ECHO_LIMITS.fields);
    expect(result.data.values.intent).toBe("create");
    expect(result.data.values["n".repeat(101)]).toBeUndefined();
  });

  it("keeps a prototype key as an ordinary field", async () => {
    const fields = Object.fromEntries([
      ["intent", "create"],
      ["name", ""],
      ["__proto__", "x"],
      ["toString", "y"],
    ]);
    const result = await callRoute(kommunerRoute.action, postRequest("/admin/kommuner", fields, { cookie: chef.cookie }));
    expect(result.status).toBe(400);
    expect(Object.getOwnPropertyDescriptor(result.data.values, "__proto__")?.value).toBe("x");
    expect(result.data.values.toString).toBe("y");
  });
});

describe("redirectTo after sign-in", () => {
  it.each(["/\n/x", "/\t/evil.example", "/%09/evil.example", "//evil.example", "/\\evil", "https://evil.example"])(
    "goes home for %j, without a 500",
    async (redirectTo) => {
      const user = await createUser(org.organisationId, "koordinator");
      const result = await callRoute(signInRoute.action, postRequest("/logga-in", { email: user.email, password: TEST_PASSWORD, redirectTo }));
      expect(result.status).toBe(302);
      expect(result.location).toBe("/");
    },
  );

  it("keeps a path of the app with its query and hash", async () => {
    const user = await createUser(org.organisationId, "koordinator");
    const result = await callRoute(
      signInRoute.action,
      postRequest("/logga-in", { email: user.email, password: TEST_PASSWORD, redirectTo: "/deltagare?x=1#a" }),
    );
    expect(result.location).toBe("/deltagare?x=1#a");
  });

  it("shows the sign-in page for a redirectTo with control characters", async () => {
    const result = await callRoute(signInRoute.loader, getRequest("/logga-in?redirectTo=%0A%2F%09%2Fevil.example"));
    expect(result.status).toBe(200);
  });

  it("is built from the page a signed-out person asked for, whatever its path holds", async () => {
    const result = await callRoute(detail.loader, getRequest(`/deltagare/%0A%09${participantId}?typ=%0Ax`), { participantId: `\n\t${participantId}` });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/logga-in?redirectTo=${encodeURIComponent(`/deltagare/%0A%09${participantId}?typ=%0Ax`)}`);
  });
});

describe("?klart= on the participant page", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("shows no message for %j, rather than a 500", async (klart) => {
    const result = await callRoute(detail.loader, getRequest(`/deltagare/${participantId}?klart=${klart}`, chef.cookie), { participantId });
    expect(result.status).toBe(200);
    expect(result.data.saved).toBeNull();
  });

  it("shows the message of a real save", async () => {
    const result = await callRoute(detail.loader, getRequest(`/deltagare/${participantId}?klart=meeting`, chef.cookie), { participantId });
    expect(result.data.saved).toBe("Mötet är sparat.");
  });
});

describe("a post from another site", () => {
  it("is the Swedish 403 page, logged as exactly one line without a stack trace", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      const result = await callRoute(
        kommunerRoute.action,
        postRequest("/admin/kommuner", { intent: "create", name: "Ondsinta" }, { cookie: chef.cookie, origin: "https://evil.example" }),
      );
      expect(result.status).toBe(403);
      expect(result.data).toEqual({ message: "Formuläret skickades från en annan webbplats och avvisades." });
      expect(info.mock.calls).toEqual([["Avvisad post från annan webbplats: /admin/kommuner (Origin https://evil.example, väntad http://localhost:3000)"]]);
    } finally {
      info.mockRestore();
    }
  });
});

describe("every action", () => {
  it("reads its body through readFormBody, so that no route can skip the limits", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(file);
      }
    };
    walk(path.resolve(import.meta.dirname, "../../app"));
    const readers = files.filter((file) => /\brequest\.(formData|json|text|arrayBuffer|blob|body)\b/.test(readFileSync(file, "utf8")));
    expect(readers.map((file) => path.relative(path.resolve(import.meta.dirname, "../.."), file))).toEqual(["app/utils/form-body.server.ts"]);
  });
});
