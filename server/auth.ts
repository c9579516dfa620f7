import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { Config } from "../core/config";
import { DomainError } from "../core/errors";
import type { Db } from "../db/client";
import { useApiToken } from "../db/queries/api-tokens";
import { getLiveSession, type SessionUser } from "../db/queries/sessions";
import type { TokenScope, UserRole } from "../db/schema";
import { sessionCookieOf, sha256 } from "./session-cookie";

/**
 * Who a request is, decided once per request: the admin bearer token (scripts), an API token made in the
 * dashboard, or a signed-in person's session cookie. The guards below read the answer; the rate limiter's admin
 * exemption and a subscription's own token compare tokens here too.
 */
export interface Principal {
  via: "admin-token" | "api-token" | "session";
  role: UserRole;
  /** Admins write, viewers read; an API token writes only with the write scope. */
  canWrite: boolean;
  /** The signed-in person's session, for the CSRF check of their writes. */
  session?: SessionUser & { idHash: string };
  apiTokenId?: number;
}

declare module "hono" {
  interface ContextVariableMap {
    principal: Principal | undefined;
    /** Why a credential the request carried was not accepted ("session expired"), for the 401 a guard gives. */
    authProblem: string | undefined;
  }
}

/** The prefix of API tokens: it tells a leaked one apart in logs and secret scanners. */
export const API_TOKEN_PREFIX = "tdm_";

/** The token of an `Authorization: Bearer <token>` header; undefined when the header is missing or another scheme. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(header?.trim() ?? "")?.[1];
}

/** Whether a token a caller gave is the expected one. Digests compare in constant time whatever the lengths. */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether an Authorization header carries the admin token; always false when no admin token is set. */
export function adminBearer(adminToken: string | undefined): (header: string | undefined) => boolean {
  if (!adminToken) return () => false;
  const expected = digest(adminToken);
  return (header) => {
    const given = bearerToken(header);
    return given !== undefined && timingSafeEqual(digest(given), expected);
  };
}

export interface AuthDeps {
  db: Db;
  config: Config;
  now?: () => number;
}

/**
 * Resolves the request's principal. A bearer header wins over a cookie (a script's header is explicit). A
 * credential that is not accepted leaves no principal and says why; routes that need none ignore it, as a
 * subscription's own token sent as bearer must be.
 */
export function authenticate({ db, config, now = Date.now }: AuthDeps): MiddlewareHandler {
  const isAdmin = adminBearer(config.adminToken);
  return async (c, next) => {
    c.set("principal", undefined);
    c.set("authProblem", undefined);
    const header = c.req.header("authorization");
    const bearer = bearerToken(header);
    const cookie = sessionCookieOf(c);
    if (bearer !== undefined) {
      if (isAdmin(header)) c.set("principal", { via: "admin-token", role: "admin", canWrite: true });
      else if (bearer.startsWith(API_TOKEN_PREFIX)) {
        const token = await useApiToken(db, sha256(bearer), now());
        if (token) c.set("principal", apiTokenPrincipal(token.id, token.scope));
        else c.set("authProblem", "unknown or revoked API token");
      } else if (config.adminToken) c.set("authProblem", "wrong token");
    } else if (cookie !== undefined) {
      const idHash = sha256(cookie);
      const session = await getLiveSession(db, idHash, now());
      if (session) {
        const canWrite = session.role === "admin";
        c.set("principal", { via: "session", role: session.role, canWrite, session: { ...session, idHash } });
      } else c.set("authProblem", "your session has expired or was signed out: sign in again at /signin");
    }
    await next();
  };
}

function apiTokenPrincipal(id: number, scope: TokenScope): Principal {
  const role = scope === "write" ? "admin" : "viewer";
  return { via: "api-token", role, canWrite: scope === "write", apiTokenId: id };
}

/** The request's principal, or the 401 that says what to send. */
export function requirePrincipal(c: Context): Principal {
  const principal = c.get("principal");
  if (principal) return principal;
  const problem = c.get("authProblem");
  throw new DomainError(
    "unauthorized",
    problem ?? "sign in at /signin, or send 'Authorization: Bearer <API token or TIDEMARK_ADMIN_TOKEN>'",
  );
}

/**
 * Guard of admin endpoints (every write but an email subscription): the admin token, a write-scoped API token,
 * or a signed-in admin whose request carries the session's CSRF token from this site.
 */
export function requireAdmin({ config }: AuthDeps): MiddlewareHandler {
  return async (c, next) => {
    const principal = c.get("principal");
    if (!principal) {
      const problem = c.get("authProblem");
      if (problem) throw new DomainError("unauthorized", problem);
      if (!config.adminToken) {
        throw new DomainError(
          "admin_disabled",
          "admin endpoints need a signed-in admin (npm run cli -- users add NAME --role admin, then /signin), an API token with the write scope, or TIDEMARK_ADMIN_TOKEN set to a secret and sent as 'Authorization: Bearer <token>' (the CLI works without any)",
        );
      }
      throw new DomainError(
        "unauthorized",
        "missing 'Authorization: Bearer <admin token or API token>' header (or sign in at /signin as an admin)",
      );
    }
    requireWrite(c, principal, config.publicUrl);
    await next();
  };
}

export type AdminGuard = ReturnType<typeof requireAdmin>;

/** A write needs a principal that may write; a session's write needs its CSRF token and this site's Origin. */
export function requireWrite(c: Context, principal: Principal, publicUrl: string): void {
  if (!principal.canWrite) {
    throw new DomainError(
      "forbidden",
      principal.via === "api-token"
        ? "this API token has the read scope only: make one with the write scope"
        : "viewers read; only an admin may change this",
    );
  }
  checkCsrf(c, principal, publicUrl);
}

export const CSRF_HEADER = "x-csrf-token";

/**
 * Writes made with a session cookie: the cookie comes along with any request the browser sends, so the request
 * must also show the session's CSRF token (which only our own page can read, from GET /api/session) and, when
 * the browser names one, an Origin of this site. Bearer requests carry no ambient credential and need neither.
 */
export function checkCsrf(c: Context, principal: Principal, publicUrl: string): void {
  const session = principal.session;
  if (principal.via !== "session" || !session) return;
  const method = c.req.method;
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return;
  const given = c.req.header(CSRF_HEADER);
  if (!given)
    throw new DomainError("forbidden", `missing ${CSRF_HEADER} header: writes made with a session need it`);
  if (!tokenMatches(given, session.csrfToken)) {
    throw new DomainError("forbidden", `wrong ${CSRF_HEADER} header for this session`);
  }
  checkOrigin(c, publicUrl);
}

/** Refuses a request whose Origin header names another site than this server or its public URL. */
export function checkOrigin(c: Context, publicUrl?: string): void {
  const origin = c.req.header("origin");
  if (origin === undefined) return;
  const allowed = new Set([new URL(c.req.url).origin]);
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  if (!allowed.has(origin))
    throw new DomainError("forbidden", `cross-site request refused (Origin ${origin})`);
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
