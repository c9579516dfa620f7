import type { MiddlewareHandler } from "hono";
import { checkCsrf, requirePrincipal } from "./auth";

/**
 * TIDEMARK_PUBLIC=0: everything that shows coverage (the dashboard, the read API, Atom feeds, the stream,
 * /metrics, email subscriptions) needs a session or a token. What stays open, and why:
 * - /signin and /api/session: the way in;
 * - /api/health: for load balancers and container health checks, and it shows counts only;
 * - a subscription's confirm and unsubscribe links (and DELETE with its own token): the person who gets the mail
 *   may have no account, and the link's token is their credential;
 * - /api/openapi.json and /api/docs: the API's shape, no data;
 * - /assets/* and the favicon: the dashboard's built code, no data.
 * A browser asking for a page is sent to /signin; anything else gets a 401.
 */
export function publicAccess(isPublic: boolean, publicUrl: string): MiddlewareHandler {
  return async (c, next) => {
    if (isPublic || isOpen(c.req.method, c.req.path)) return next();
    if (!c.get("principal") && isPage(c.req.path) && c.req.method === "GET") {
      const next_ = `${c.req.path}${new URL(c.req.url).search}`;
      return c.redirect(`/signin?next=${encodeURIComponent(next_)}`, 302);
    }
    const principal = requirePrincipal(c);
    // The one write a viewer makes is an email subscription; with a session it needs the CSRF token too.
    checkCsrf(c, principal, publicUrl);
    return next();
  };
}

const OPEN_PATHS = new Set(["/signin", "/api/session", "/api/health", "/api/openapi.json", "/api/docs"]);

function isOpen(method: string, path: string): boolean {
  if (OPEN_PATHS.has(path) || path.startsWith("/assets/") || path === "/favicon.svg") return true;
  if (/^\/api\/subscriptions\/[^/]+\/(confirm|unsubscribe)$/.test(path)) return true;
  return method === "DELETE" && /^\/api\/subscriptions\/[^/]+$/.test(path);
}

/** The dashboard's pages, which a browser navigates to. */
function isPage(path: string): boolean {
  return path === "/" || path === "/embed" || path === "/index.html";
}
