import type { Context, MiddlewareHandler } from "hono";
import { adminBearer } from "./auth";
import { clientAddressOf } from "./client-address";
import { errorBody } from "./errors";
import { type Budget, createTokenBuckets } from "./token-buckets";

/**
 * Per-client budgets. `read`: every GET/HEAD/OPTIONS. `subscribe`: the public email subscription, tight because
 * each one sends an email to an address the caller chose. `write`: other writes without the admin token, which
 * can only fail (401/403) and so are mostly token guessing. Every failed authentication spends `write` too,
 * whatever the method (a wrong token on an admin read, a subscription link with a wrong token), and a client
 * whose `write` budget is spent gets a 429 for any request that carries a credential: guessing is as slow
 * through reads as through writes.
 */
export interface RateLimits {
  read: Budget;
  subscribe: Budget;
  write: Budget;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  read: { limit: 600, windowMs: 60_000 },
  subscribe: { limit: 10, windowMs: 3_600_000 },
  write: { limit: 30, windowMs: 60_000 },
};

export interface RateLimitOptions {
  adminToken: string | undefined;
  limits?: Partial<RateLimits>;
  now?: () => number;
  /** Clients remembered per budget; the least recently seen are forgotten beyond this. */
  maxClients?: number;
}

/** Which budget a request spends. */
export function budgetFor(method: string, path: string): keyof RateLimits {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return "read";
  if (method === "POST" && path.replace(/\/+$/, "") === "/api/subscriptions") return "subscribe";
  return "write";
}

/**
 * Token buckets per client address, answering 429 with Retry-After. Requests bearing the admin token are exempt.
 * The address is the socket's peer, or the client a trusted proxy names (server/client-address.ts).
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.limits };
  const bucketOptions = { maxKeys: options.maxClients, now: options.now };
  const buckets = {
    read: createTokenBuckets(limits.read, bucketOptions),
    subscribe: createTokenBuckets(limits.subscribe, bucketOptions),
    write: createTokenBuckets(limits.write, bucketOptions),
  };
  const isAdmin = adminBearer(options.adminToken);

  return async (c, next) => {
    if (isAdmin(c.req.header("authorization"))) return next();
    const key = clientKeyOf(c);
    let budget = budgetFor(c.req.method, c.req.path);
    // A credential on a read while the write budget is spent: answered as the guess it probably is.
    if (budget !== "write" && carriesCredential(c) && !buckets.write.has(key)) budget = "write";
    const result = buckets[budget].take(key);
    if (result.ok) {
      await next();
      if (budget !== "write" && isFailedAuthentication(c.res.status)) buckets.write.take(key);
      return;
    }
    const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    return c.json(
      errorBody(c, "rate_limited", `too many requests: retry in ${seconds} s`, {
        budget,
        limit: limits[budget].limit,
        windowSeconds: limits[budget].windowMs / 1000,
      }),
      429,
      { "Retry-After": String(seconds), "Cache-Control": "no-store" },
    );
  };
}

/** 401 (no or wrong token) and 403 (a link's token that does not belong to its subscription). */
function isFailedAuthentication(status: number): boolean {
  return status === 401 || status === 403;
}

/** A bearer header or a `token` in the query: what a guesser has to send. */
function carriesCredential(c: Context): boolean {
  return c.req.header("authorization") !== undefined || c.req.query("token") !== undefined;
}

/** The bucket key of the client a request comes from (see clientKey). */
export function clientKeyOf(c: Context): string {
  return clientKey(clientAddressOf(c));
}

/**
 * The bucket key of an address. IPv4-mapped IPv6 is the IPv4 address; other IPv6 addresses count per /64, since
 * one host commonly holds a whole /64 and could otherwise rotate through it.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return "local";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
