// The production server: Express serving the React Router build behind the guards of
// request-guards.mjs (security headers, no-store, refused foreign and oversized posts), with the
// client address (for sign-in throttling) and the response's CSP nonce passed to the app.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@react-router/express";
import { createGuardedApp } from "./request-guards.mjs";

export async function startServer({ port = Number(process.env.PORT ?? 3000), root = process.cwd() } = {}) {
  const build = await import(pathToFileURL(path.join(root, "build/server/index.js")).href);
  const app = createGuardedApp({ root, trustProxy: process.env.TRUST_PROXY === "1", guards: build.entry.module.requestGuards });
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce }),
    }),
  );
  return new Promise((resolve) => {
    // HOST (checked at start-up by app/env.server.ts) picks the interface; unset, Node listens on all of them.
    const server = app.listen(port, process.env.HOST || undefined, () => resolve(server));
  });
}
