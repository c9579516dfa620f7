import { STATUS_CODES } from "node:http";
import type { Dispatcher } from "undici";
import { type AddressPolicy, addressPolicy, ipLiteral } from "../../core/urls/address-policy";
import { asFeedError, FeedError } from "./feed-error";
import { guardedLookup } from "./guarded-lookup";
import { readCappedBody } from "./read-capped-body";
import { parseRetryAfter } from "./retry-after";

export interface FetchFeedRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  /** TIDEMARK_ALLOW_PRIVATE_URLS */
  allowPrivate: boolean;
  userAgent?: string;
  /** Whole-response deadline (every redirect hop, headers and body), default 30 s. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  /** Body cap counted after decompression, default 10 MiB. */
  maxBytes?: number;
  maxRedirects?: number;
  signal?: AbortSignal;
}

export type FetchFeedResult =
  | { kind: "not-modified"; status: 304; finalUrl: string; permanentUrl: string | null }
  | {
      kind: "ok";
      status: number;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
      permanentUrl: string | null;
    };

/** Seams the environment does not set: a narrower policy than `allowPrivate` gives, and the clock. */
export interface FetchFeedOptions {
  policy?: AddressPolicy;
  now?: () => number;
}

export const DEFAULT_USER_AGENT = "Tidemark/0.1 (+https://github.com/tidemark/tidemark; feed fetcher)";
export const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECTS = new Set([301, 308]);

/**
 * GETs a feed with conditional headers, following redirects by hand so that every hop passes the scheme and
 * address checks. Throws FeedError, or the caller's abort reason when `signal` aborts.
 */
export async function fetchFeed(
  req: FetchFeedRequest,
  options: FetchFeedOptions = {},
): Promise<FetchFeedResult> {
  const policy = options.policy ?? addressPolicy(req.allowPrivate);
  const now = options.now ?? Date.now;
  const timeoutMs = req.timeoutMs ?? 30_000;
  const maxBytes = req.maxBytes ?? 10 * 1024 * 1024;
  const maxRedirects = req.maxRedirects ?? 5;
  let url = checkedUrl(req.url, policy);
  req.signal?.throwIfAborted();
  // Loaded on the first fetch (~75 ms): a pass claims its first feed, and its document worker starts compiling,
  // before this thread loads the HTTP client.
  const { Agent, request } = await import("undici");

  // One deadline for the whole exchange, so a server trickling a byte a second cannot hold a pass forever.
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, timeoutMs);
  const onCallerAbort = () => deadline.abort(req.signal?.reason);
  req.signal?.addEventListener("abort", onCallerAbort, { once: true });
  // An agent per fetch: its sockets die with it on every path, and the lookup guard is bound to this policy.
  const agent = new Agent({
    connect: { timeout: req.connectTimeoutMs ?? 10_000, lookup: guardedLookup(policy) },
  });
  let response: Dispatcher.ResponseData | undefined;
  try {
    const visited = new Set([url.href]);
    let permanentUrl: string | null = null;
    let permanentSoFar = true;
    for (let hop = 0; ; hop++) {
      response = await request(url.href, {
        dispatcher: agent,
        method: "GET",
        headers: requestHeaders(req),
        signal: deadline.signal,
      });
      const status = response.statusCode;
      if (!REDIRECTS.has(status)) {
        return await readResponse(response, url.href, permanentUrl, {
          maxBytes,
          now,
          signal: deadline.signal,
        });
      }
      discard(response.body);
      const location = header(response.headers, "location");
      if (!location)
        throw new FeedError("redirect", `HTTP ${status} from ${url.href} without a Location`, { status });
      const next = checkedUrl(location, policy, url);
      if (hop >= maxRedirects)
        throw new FeedError("redirect", `more than ${maxRedirects} redirects from ${req.url}`);
      if (visited.has(next.href))
        throw new FeedError("redirect", `redirect loop: ${url.href} -> ${next.href}`);
      visited.add(next.href);
      permanentSoFar &&= PERMANENT_REDIRECTS.has(status);
      if (permanentSoFar) permanentUrl = next.href;
      url = next;
    }
  } catch (error) {
    if (timedOut)
      throw new FeedError("timeout", `no complete response within ${timeoutMs} ms`, { cause: error });
    if (req.signal?.aborted) throw req.signal.reason;
    throw transportError(error, url);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener("abort", onCallerAbort);
    if (response) discard(response.body);
    await agent.destroy();
  }
}

/** Drops a body we will not read. undici emits an abort error for an unfinished body: nobody needs it. */
function discard(body: Dispatcher.ResponseData["body"]): void {
  body.on("error", () => {});
  body.destroy();
}

/** Parses `location` (against `base` for a redirect) and refuses bad schemes and refused IP literals. */
function checkedUrl(location: string, policy: AddressPolicy, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    throw new FeedError(
      "bad-url",
      base ? `redirect to an invalid URL: ${location}` : `not a URL: ${location}`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FeedError(
      "bad-url",
      `only http: and https: feeds can be fetched, not ${url.protocol} (${url.href})`,
    );
  }
  url.hash = "";
  // Connectors skip the lookup hook for IP literals, so those are checked here, on every hop.
  const ip = ipLiteral(url.hostname);
  const reason = ip === null ? null : policy.refusal(ip);
  if (reason !== null) {
    throw new FeedError("blocked-address", `refusing ${url.href}: ${reason} address ${ip}`);
  }
  return url;
}

function requestHeaders(req: FetchFeedRequest): Record<string, string> {
  const headers: Record<string, string> = {
    "user-agent": req.userAgent ?? DEFAULT_USER_AGENT,
    accept: FEED_ACCEPT,
    "accept-encoding": "gzip, deflate, br",
  };
  if (req.etag) headers["if-none-match"] = req.etag;
  if (req.lastModified) headers["if-modified-since"] = req.lastModified;
  return headers;
}

interface ReadLimits {
  maxBytes: number;
  now: () => number;
  signal: AbortSignal;
}

async function readResponse(
  response: Dispatcher.ResponseData,
  finalUrl: string,
  permanentUrl: string | null,
  limits: ReadLimits,
): Promise<FetchFeedResult> {
  const { statusCode: status, headers } = response;
  if (status === 304) return { kind: "not-modified", status: 304, finalUrl, permanentUrl };
  if (status < 200 || status > 299) throw statusError(status, header(headers, "retry-after"), limits.now());
  const declared = Number(header(headers, "content-length"));
  if (declared > limits.maxBytes) {
    throw new FeedError("too-large", `Content-Length ${declared} is over the ${limits.maxBytes}-byte cap`);
  }
  const body = await readCappedBody(response.body, header(headers, "content-encoding"), limits);
  return {
    kind: "ok",
    status,
    body,
    contentType: header(headers, "content-type"),
    etag: header(headers, "etag"),
    lastModified: header(headers, "last-modified"),
    finalUrl,
    permanentUrl,
  };
}

/** The FeedError for a final non-2xx status. */
export function statusError(status: number, retryAfter: string | null, nowMs: number): FeedError {
  const text = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ""}`;
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(retryAfter, nowMs);
    const wait = retryAfterMs === undefined ? "" : ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)`;
    return new FeedError("rate-limited", `${text}${wait}`, { status, retryAfterMs });
  }
  if (status === 410) return new FeedError("gone", `${text}: the publisher removed this feed`, { status });
  return new FeedError("http", text, { status });
}

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_NONAME", "ENODATA"]);
const TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ETIMEDOUT",
]);

/** Maps what the transport threw to a FeedError: DNS, timeout, or any other socket or TLS failure. */
export function transportError(error: unknown, url: URL): FeedError {
  const feedError = findFeedError(error);
  if (feedError) return feedError;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message.trim() : String(error);
  if (code === undefined || code === "UND_ERR_INVALID_ARG") return asFeedError(error);
  if (DNS_CODES.has(code))
    return new FeedError("dns", `cannot resolve ${url.hostname} (${code})`, { cause: error });
  const where = `${url.protocol}//${url.host}`;
  if (TIMEOUT_CODES.has(code)) return new FeedError("timeout", `${where}: ${message}`, { cause: error });
  return new FeedError("network", `${where}: ${message} (${code})`, { cause: error });
}

/** Our own FeedError (from the lookup guard) may come back as the error itself or as a cause. */
function findFeedError(error: unknown): FeedError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof FeedError) return current;
    current = current.cause;
  }
  return undefined;
}

function errorCode(error: unknown): string | undefined {
  // With happy eyeballs, net reports a failure on every address as an AggregateError.
  const first = error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  const code = (first as { code?: unknown } | null)?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function header(headers: Dispatcher.ResponseData["headers"], name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
