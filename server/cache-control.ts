import type { MiddlewareHandler } from "hono";

/**
 * Cache-Control by path class. ETags (hono/etag) make revalidation cheap, so read endpoints may be reused
 * briefly without a round trip; anything live, operational or per-request is never stored.
 *
 * | request                                        | Cache-Control                                   |
 * | ---------------------------------------------- | ----------------------------------------------- |
 * | any method but GET/HEAD (writes, preflights)   | no-store                                        |
 * | any 4xx/5xx answer                             | no-store                                        |
 * | /api/health, /api/stream, /metrics             | no-store (live state)                           |
 * | /api/subscriptions/...                         | no-store (tokens in confirm/unsubscribe links)  |
 * | /api/openapi.json, /api/docs                   | public, max-age=300 (changes only with a deploy)|
 * | /api/topics/{slug}/feed.atom                   | public, max-age=60 (feed readers poll)          |
 * | other GET /api/* (coverage, articles, topics,  | public, max-age=15 (new articles arrive at most |
 * |   feeds, exports)                              |   every ingest pass; 15 s of staleness is fine) |
 * | anything else (the dashboard's files)          | left to the route                               |
 *
 * A request that carries Authorization or a session gets `private` instead of `public`: a shared cache must never hand one
 * caller's authorized answer to another.
 */
export function cachePolicy(
  method: string,
  path: string,
  status: number,
  authorized: boolean,
): string | undefined {
  if (method !== "GET" && method !== "HEAD") return "no-store";
  if (status >= 400) return "no-store";
  const policy = readPolicy(path);
  return authorized && policy?.startsWith("public") ? policy.replace("public", "private") : policy;
}

function readPolicy(path: string): string | undefined {
  if (path === "/api/health" || path === "/api/stream" || path === "/metrics") return "no-store";
  // Who is signed in, and API tokens: per person, never stored.
  if (path === "/api/session" || path.startsWith("/api/tokens")) return "no-store";
  // Confirm and unsubscribe links carry the subscription's token in the URL: never kept by a cache.
  if (path.startsWith("/api/subscriptions")) return "no-store";
  if (path === "/api/openapi.json" || path === "/api/docs") return "public, max-age=300";
  if (/^\/api\/topics\/[^/]+\/feed\.atom$/.test(path)) return "public, max-age=60";
  if (path.startsWith("/api/")) return "public, max-age=15";
  return undefined;
}

/** Sets the table's Cache-Control on every answer it has a row for; elsewhere the route's own value stands. */
export function cacheControl(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const policy = cachePolicy(
      c.req.method,
      c.req.path,
      c.res.status,
      c.req.header("authorization") !== undefined || c.get("principal") !== undefined,
    );
    if (policy) c.res.headers.set("Cache-Control", policy);
  };
}
