import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { requestId } from "hono/request-id";
import { DomainError } from "../core/errors";
import type { AppDeps } from "./app";
import { cacheControl } from "./cache-control";
import { clientAddress } from "./client-address";
import { compression } from "./compression";
import { refuseControlCharacters } from "./control-characters";
import { type RateLimits, rateLimit } from "./rate-limit-middleware";
import { requestLog } from "./request-log";
import { securityHeaders } from "./security-headers";

const JSON_BODY_LIMIT = 1024 * 1024;
const OPML_BODY_LIMIT = 5 * 1024 * 1024;

/** Knobs: the rate limits come from TIDEMARK_RATE_LIMIT; tests inject small budgets and a clock. */
export interface HygieneOptions {
  rateLimits?: Partial<RateLimits>;
  /** Clock of the rate limiter. */
  now?: () => number;
}

/**
 * Everything every request passes through, outermost first: id, client address, log line, security headers, CORS for reads,
 * rate limits, compression, ETag/304, Cache-Control, body limits, control characters. Order matters: the ETag
 * is taken from the uncompressed body (compression then weakens it), and Cache-Control is set before the ETag
 * step turns a 200 into a 304, which keeps it.
 */
export function applyMiddleware(app: OpenAPIHono, deps: AppDeps & HygieneOptions): void {
  app.use("*", requestId());
  app.use("*", clientAddress(deps.config.trustedProxies));
  app.use("*", requestLog(deps.log));
  app.use("*", securityHeaders());
  app.use("/api/*", corsForReads());
  app.use("*", rateLimit({ adminToken: deps.config.adminToken, limits: deps.rateLimits, now: deps.now }));
  app.use("*", compression());
  app.use("/api/*", etagExceptStreams());
  app.use("*", cacheControl());
  const opmlLimit = bodyLimit({ maxSize: OPML_BODY_LIMIT, onError: tooLarge(OPML_BODY_LIMIT) });
  const jsonLimit = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge(JSON_BODY_LIMIT) });
  // No read route takes a body, and hono/body-limit's look at one (`c.req.raw.body`) makes @hono/node-server
  // build a whole fetch Request for every GET: measured, a tenth of the HTTP thread's work per coverage read.
  app.use("/api/*", (c, next) => {
    if (READS.has(c.req.method)) return next();
    return c.req.path === "/api/feeds/import" ? opmlLimit(c, next) : jsonLimit(c, next);
  });
  // After the body limits, so the JSON it reads is already capped.
  app.use("/api/*", refuseControlCharacters());
}

const READS = new Set(["GET", "HEAD"]);

/**
 * Any origin may read; no origin gets CORS for a write. A preflight asking for a write method is answered
 * without any Access-Control-Allow-* header, so the browser refuses the write before sending it.
 */
function corsForReads(): MiddlewareHandler {
  const readCors = cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"], maxAge: 600 });
  return (c, next) => {
    const method = c.req.method;
    if (READS.has(method)) return readCors(c, next);
    if (method !== "OPTIONS") return next();
    const wanted = c.req.header("Access-Control-Request-Method")?.toUpperCase();
    if (wanted && READS.has(wanted)) return readCors(c, next);
    return Promise.resolve(c.body(null, 204));
  };
}

/**
 * hono/etag hashes the whole body before answering, which would hold a server-sent event stream forever.
 * Event streams are skipped by path and by what the client asks for.
 */
function etagExceptStreams(): MiddlewareHandler {
  const tagger = etag();
  return (c, next) => {
    const wantsStream = c.req.header("Accept")?.includes("text/event-stream") ?? false;
    if (wantsStream || c.req.path === "/api/stream") return next();
    return tagger(c, next);
  };
}

function tooLarge(limit: number) {
  return () => {
    throw new DomainError("payload_too_large", `request body is larger than ${limit} bytes`);
  };
}
