import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./errors";

/**
 * Bearer-token guard for admin endpoints. Without TIDEMARK_ADMIN_TOKEN the admin API is off (403, saying how to
 * turn it on) rather than open: a self-hosted tool must not ship writable by default.
 */
export function requireAdmin(adminToken: string | undefined): MiddlewareHandler {
  const expected = adminToken ? digest(adminToken) : undefined;
  return async (c, next) => {
    if (!expected) {
      throw new ApiError(
        403,
        "admin_disabled",
        "admin endpoints are disabled: set TIDEMARK_ADMIN_TOKEN to a secret and send it as 'Authorization: Bearer <token>' (the CLI works without it)",
      );
    }
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match)
      throw new ApiError(401, "unauthorized", "missing 'Authorization: Bearer <admin token>' header");
    // Compare digests so the comparison takes the same time whatever the token's length.
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      throw new ApiError(401, "unauthorized", "wrong admin token");
    }
    await next();
  };
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
