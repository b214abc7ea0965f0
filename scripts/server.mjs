// The production server: Express serving the React Router build, with the client address
// passed to loaders (for sign-in throttling) and a few security headers.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";

export async function startServer({ port = Number(process.env.PORT ?? 3000), root = process.cwd() } = {}) {
  const build = await import(pathToFileURL(path.join(root, "build/server/index.js")).href);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1");
  app.use(compression());
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    next();
  });
  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
    }),
  );
  return new Promise((resolve) => {
    // HOST (checked at start-up by app/env.server.ts) picks the interface; unset, Node listens on all of them.
    const server = app.listen(port, process.env.HOST || undefined, () => resolve(server));
  });
}
