// The Express layer of the production server (scripts/request-guards.mjs) with the app's own
// rules (requestGuards, as the server build exports them), in front of a stand-in for React
// Router that says what reached it: headers on every answer, no-store on everything but the
// static files, HSTS only over HTTPS, and the posts refused before anything is read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestGuards } from "~/utils/request-guards.server";
import { contentSecurityPolicy, createGuardedApp, HSTS } from "../../scripts/request-guards.mjs";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const servers: http.Server[] = [];
const root = mkdtempSync(path.join(tmpdir(), "stegvis-guards-"));
mkdirSync(path.join(root, "build/client/assets"), { recursive: true });
writeFileSync(path.join(root, "build/client/assets/app-abc123.js"), "console.log(1)");
/** What reached the stand-in for React Router: method, path and the size of the body it read. */
let reached: Array<{ method: string; path: string; bytes: number }> = [];

async function start(trustProxy = false): Promise<number> {
  const app = createGuardedApp({ root, trustProxy, guards: requestGuards });
  app.all("*", (req, res) => {
    let bytes = 0;
    req.on("data", (chunk) => (bytes += chunk.length));
    req.on("end", () => {
      reached.push({ method: req.method, path: req.path, bytes });
      res.send(`nonce=${String(res.locals.cspNonce)}`);
    });
  });
  const server = await new Promise<http.Server>((resolve) => {
    const started = app.listen(0, () => resolve(started));
  });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

let port: number;
let proxiedPort: number;

beforeAll(async () => {
  port = await start();
  proxiedPort = await start(true);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(root, { recursive: true, force: true });
});

/** One request; `declared` sends that Content-Length with only `body` behind it (the rest never comes). */
function send(
  target: number,
  method: string,
  pathname: string,
  { headers = {}, body = "", declared }: { headers?: Record<string, string>; body?: string; declared?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { port: target, method, path: pathname, headers: { ...headers, ...(declared ? { "Content-Length": String(declared) } : {}) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text });
          request.destroy();
        });
      },
    );
    request.on("error", reject);
    if (declared) request.write(body);
    else request.end(body);
  });
}

const own = (target: number) => ({ Origin: `http://localhost:${target}`, "Content-Type": "application/x-www-form-urlencoded" });

describe("every answer", () => {
  it("carries a CSP with a fresh nonce per response, handed to React Router", async () => {
    const first = await send(port, "GET", "/deltagare");
    const second = await send(port, "GET", "/deltagare");
    const nonce = /'nonce-([^']+)'/.exec(String(first.headers["content-security-policy"]))![1];
    expect(first.headers["content-security-policy"]).toBe(contentSecurityPolicy(nonce));
    expect(first.body).toBe(`nonce=${nonce}`);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.headers["content-security-policy"]).not.toBe(first.headers["content-security-policy"]);
  });

  it("has the policy the app needs and no unsafe-inline for scripts", () => {
    const policy = contentSecurityPolicy("abc");
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
    );
  });

  it("is no-store for pages, data requests and posts, and the static assets keep their year", async () => {
    for (const pathname of ["/", "/deltagare", "/deltagare.data", "/statistik/export?format=csv"]) {
      expect((await send(port, "GET", pathname)).headers["cache-control"]).toBe("no-store");
    }
    expect((await send(port, "POST", "/admin/kommuner", { headers: own(port), body: "intent=create" })).headers["cache-control"]).toBe("no-store");
    const asset = await send(port, "GET", "/assets/app-abc123.js");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.headers["content-security-policy"]).toMatch(/^default-src 'self'/);
    expect(asset.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("has HSTS only over HTTPS: from a trusted proxy's X-Forwarded-Proto, never from an untrusted one", async () => {
    expect((await send(proxiedPort, "GET", "/", { headers: { "X-Forwarded-Proto": "https" } })).headers["strict-transport-security"]).toBe(HSTS);
    expect(HSTS).toBe("max-age=31536000; includeSubDomains");
    expect((await send(proxiedPort, "GET", "/")).headers["strict-transport-security"]).toBeUndefined();
    expect((await send(port, "GET", "/", { headers: { "X-Forwarded-Proto": "https" } })).headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("a post from another site", () => {
  it("is the Swedish error page (403), logged as one line, and never reaches React Router", async () => {
    reached = [];
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      const answer = await send(port, "POST", "/logga-in", { headers: { ...own(port), Origin: "https://evil.example" }, body: "email=a&password=b" });
      expect(answer.status).toBe(403);
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.body).toMatch(/^<!DOCTYPE html><html lang="sv">/);
      expect(answer.body).toContain("<h1>Åtkomst nekad</h1><p>Formuläret skickades från en annan webbplats och avvisades.</p>");
      expect(info.mock.calls).toEqual([[`Avvisad post från annan webbplats: /logga-in (Origin https://evil.example, väntad http://localhost:${port})`]]);
    } finally {
      info.mockRestore();
    }
    expect(reached).toEqual([]);
  });

  it("is refused for Sec-Fetch-Site cross-site and Origin null, and on data requests as text", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      expect((await send(port, "POST", "/logga-ut", { headers: { "Sec-Fetch-Site": "cross-site" } })).status).toBe(403);
      expect((await send(port, "POST", "/logga-ut", { headers: { Origin: "null" } })).status).toBe(403);
      const data = await send(port, "POST", "/admin/kommuner.data", { headers: { ...own(port), Origin: "https://evil.example" }, body: "intent=create" });
      expect(data.status).toBe(403);
      expect(data.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(data.body).toBe("Formuläret skickades från en annan webbplats och avvisades.");
      expect(info).toHaveBeenCalledTimes(3);
    } finally {
      info.mockRestore();
    }
  });

  it("lets our own posts and posts without an Origin through", async () => {
    reached = [];
    expect((await send(port, "POST", "/logga-in", { headers: own(port), body: "email=a" })).status).toBe(200);
    expect((await send(port, "POST", "/logga-in", { body: "email=a" })).status).toBe(200);
    expect(reached).toEqual([
      { method: "POST", path: "/logga-in", bytes: 7 },
      { method: "POST", path: "/logga-in", bytes: 7 },
    ]);
  });

  it("compares the scheme as React Router does: behind an untrusted proxy an https Origin is refused, and trusting it fixes that", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      const headers = { Origin: `https://localhost:${port}`, "X-Forwarded-Proto": "https" };
      expect((await send(port, "POST", "/logga-in", { headers })).status).toBe(403);
      expect(info.mock.calls[0][0]).toBe(`Avvisad post från annan webbplats: /logga-in (Origin https://localhost:${port}, väntad http://localhost:${port})`);
    } finally {
      info.mockRestore();
    }
    const proxied = { Origin: "https://stegvis.example.se", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "stegvis.example.se" };
    expect((await send(proxiedPort, "POST", "/logga-in", { headers: proxied })).status).toBe(200);
  });
});

describe("a body over the route's limit", () => {
  it("is refused by its Content-Length before it is read: 1 MB for a form, as the error page", async () => {
    reached = [];
    const answer = await send(port, "POST", "/logga-in", { headers: own(port), body: "email=a", declared: 60 * 1024 * 1024 });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain(
      "<h1>För mycket på en gång</h1><p>Formuläret är för stort: högst 1 MB kan skickas på en gång. Korta texten och försök igen.</p>",
    );
    expect(reached).toEqual([]);
    expect((await send(port, "POST", "/deltagare/abc.data", { headers: own(port), declared: 1024 * 1024 + 1 })).body).toBe(
      "Formuläret är för stort: högst 1 MB kan skickas på en gång. Korta texten och försök igen.",
    );
  });

  it("is the import's own limit on its two upload routes, in JSON for /import/skicka", async () => {
    reached = [];
    const twoMb = "a".repeat(2 * 1024 * 1024);
    expect((await send(port, "POST", "/import/skicka", { headers: own(port), body: twoMb })).status).toBe(200);
    expect((await send(port, "POST", "/import", { headers: own(port), body: twoMb })).status).toBe(200);
    expect(reached.map((entry) => entry.bytes)).toEqual([twoMb.length, twoMb.length]);
    const answer = await send(port, "POST", "/import/skicka", { headers: own(port), declared: 51 * 1024 * 1024 + 1 });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      kind: "error",
      message: "Filerna är för stora: högst 50 MB tillsammans. Dela upp importen, t.ex. en fil per tabell.",
    });
  });

  it("passes a body without a length on, for the app to count", async () => {
    reached = [];
    const answer = await send(port, "POST", "/logga-in", { headers: { ...own(port), "Transfer-Encoding": "chunked" }, body: "email=a" });
    expect(answer.status).toBe(200);
    expect(reached).toEqual([{ method: "POST", path: "/logga-in", bytes: 7 }]);
  });
});
