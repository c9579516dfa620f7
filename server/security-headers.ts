import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/**
 * JSON needs nothing from a browser's loader: no script, style, frame or form. A response that a browser is
 * tricked into rendering as a page then runs nothing.
 */
const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * hono/secure-headers everywhere; the strict API CSP on /api and /metrics only, since the dashboard brings its
 * own. `overwrite: false` lets a route that sets its own header keep it (the docs page sets a CSP for HTML).
 */
export function securityHeaders(): MiddlewareHandler {
  const api = secureHeaders({ contentSecurityPolicy: API_CSP, overwrite: false });
  const other = secureHeaders({ overwrite: false });
  // The embed is made to be framed by other sites: its CSP's frame-ancestors says so, and an
  // X-Frame-Options: SAMEORIGIN beside it would contradict it in browsers that read only the older header.
  const frameable = secureHeaders({ overwrite: false, xFrameOptions: false });
  return (c, next) => {
    const path = c.req.path;
    if (path.startsWith("/api/") || path === "/metrics") return api(c, next);
    return path === "/embed" ? frameable(c, next) : other(c, next);
  };
}
