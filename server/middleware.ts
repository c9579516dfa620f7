import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps } from "./app";
import { ApiError } from "./errors";

const JSON_BODY_LIMIT = 1024 * 1024;
const OPML_BODY_LIMIT = 5 * 1024 * 1024;

/** Everything every request passes through: ids and logs, security headers, CORS for reads, caching, limits. */
export function applyMiddleware(app: OpenAPIHono, deps: AppDeps): void {
  app.use("*", requestId());
  app.use("*", async (c, next) => {
    const started = performance.now();
    await next();
    deps.log.info(
      {
        reqId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  app.use("*", secureHeaders());
  app.use("/api/*", cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"] }));
  app.use("/api/*", etag());
  app.use("/api/feeds/import", bodyLimit({ maxSize: OPML_BODY_LIMIT, onError: tooLarge(OPML_BODY_LIMIT) }));
  app.use("/api/*", async (c, next) => {
    if (c.req.path === "/api/feeds/import") return next();
    return bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge(JSON_BODY_LIMIT) })(c, next);
  });
}

function tooLarge(limit: number) {
  return () => {
    throw new ApiError(413, "payload_too_large", `request body is larger than ${limit} bytes`);
  };
}
