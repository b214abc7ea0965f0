// The Express app in front of React Router: security headers on every response (a CSP with a
// fresh nonce, HSTS over HTTPS), the static files with their long cache, `no-store` on everything
// React Router answers (every page and data request carries personal data), and the posts that
// are refused before React Router reads them: from another site (403) and too large (413). The
// rules and the Swedish answers come from the app (app/utils/request-guards.server.tsx) through
// the server build; scripts/server.mjs adds React Router's handler after these.
import { randomBytes } from "node:crypto";
import path from "node:path";
import compression from "compression";
import express from "express";

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Scripts only from our own files or with this response's nonce (React Router's inline scripts).
 * Styles only from our own files; inline style attributes stay allowed (`style-src-attr`), because
 * React renders the charts' sizes as `style="…"` on the server. They cannot run code or, with
 * img-src and font-src limited to our own origin, fetch anything from elsewhere.
 */
export function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

function securityHeaders(req, res, next) {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  // req.secure honours X-Forwarded-Proto only when TRUST_PROXY says a proxy is in front.
  if (req.secure) res.setHeader("Strict-Transport-Security", HSTS);
  next();
}

const hasBody = (req) => req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";

/** Our own origin as React Router will see the request (scheme, and the forwarded host behind a trusted proxy). */
function ownOrigin(req) {
  const forwarded = req.app.enabled("trust proxy") ? req.get("X-Forwarded-Host")?.split(",")[0].trim() : undefined;
  try {
    return new URL(`${req.protocol}://${forwarded || req.get("Host")}`).origin;
  } catch {
    return "null";
  }
}

function refuse(res, guards, req, status, message) {
  const answer = guards.refusal(req.path, status, message);
  res.status(status).type(answer.type).send(answer.body);
}

/** A post from another site: one line in the log and the Swedish refusal, before anything is read. */
const refuseForeignPosts = (guards) => (req, res, next) => {
  if (!hasBody(req)) return next();
  const reason = guards.crossSitePostReason(req.get("Origin") ?? null, req.get("Sec-Fetch-Site") ?? null, ownOrigin(req));
  if (!reason) return next();
  guards.logRefusedPost(req.path, reason);
  refuse(res, guards, req, 403, guards.foreignPostMessage);
};

/**
 * A body whose Content-Length is over the route's limit is refused unread. Node reads and drops
 * the rest (at most until its request timeout), so that the browser, still sending, gets the
 * answer. A body without a length (chunked) is counted by the app as it reads it.
 */
const limitRequestBodies = (guards) => (req, res, next) => {
  if (!hasBody(req)) return next();
  const limit = guards.bodyLimit(req.path);
  if (Number(req.get("Content-Length") ?? 0) > limit.bytes) return refuse(res, guards, req, 413, limit.message);
  next();
};

// React Router writes a streamed page and, when a write returns false, waits with once("drain").
// compression hands that listener to its zlib stream and never removes it (expressjs/compression
// #135), so a long page (the full statistics report) stacks one listener per full buffer and
// Node warns of a leak. A 1 MiB buffer lets a page of that size be written without waiting.
const STREAM_BUFFER = 1024 * 1024;
const COMPRESSION_OPTIONS = { highWaterMark: STREAM_BUFFER, brotli: { highWaterMark: STREAM_BUFFER } };

export function createGuardedApp({ root, trustProxy = false, guards }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.use(compression(COMPRESSION_OPTIONS));
  app.use(securityHeaders);
  if (root) {
    app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
  }
  // Whatever gets past the static files is answered by React Router: pages, data, downloads.
  app.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  app.use(refuseForeignPosts(guards));
  app.use(limitRequestBodies(guards));
  return app;
}
