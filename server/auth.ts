import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { DomainError } from "../core/errors";

/**
 * Bearer tokens, checked in one place: the admin guard, the rate limiter's admin exemption and a
 * subscription's own token all read the header and compare here.
 */

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

/**
 * Bearer-token guard for admin endpoints. Without TIDEMARK_ADMIN_TOKEN the admin API is off (403, saying how to
 * turn it on) rather than open: a self-hosted tool must not ship writable by default.
 */
export function requireAdmin(adminToken: string | undefined): MiddlewareHandler {
  const isAdmin = adminBearer(adminToken);
  return async (c, next) => {
    if (!adminToken) {
      throw new DomainError(
        "admin_disabled",
        "admin endpoints are disabled: set TIDEMARK_ADMIN_TOKEN to a secret and send it as 'Authorization: Bearer <token>' (the CLI works without it)",
      );
    }
    const header = c.req.header("authorization");
    if (bearerToken(header) === undefined)
      throw new DomainError("unauthorized", "missing 'Authorization: Bearer <admin token>' header");
    if (!isAdmin(header)) throw new DomainError("unauthorized", "wrong admin token");
    await next();
  };
}

export type AdminGuard = ReturnType<typeof requireAdmin>;

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
