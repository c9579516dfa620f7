import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";

/**
 * One log line per request, carrying the id also sent back as X-Request-Id so a user's report can be matched to
 * it. The level follows whose problem it is: 5xx error (ours), 4xx warn (the client's), the rest info.
 */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const level = status >= 500 ? "error" : status >= 400 ? "warn" : "info";
    log[level](
      {
        reqId: c.get("requestId"),
        client: c.get("clientAddress"),
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  };
}
