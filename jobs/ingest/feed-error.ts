/**
 * Why a feed could not be read. `kind` is a small fixed vocabulary so errors can be counted (metrics, health)
 * and backed off differently; `message` is the readable text kept on the feed row as `lastError`.
 */
export type FeedErrorKind =
  | "bad-url" // not http(s), unparsable
  | "blocked-address" // loopback/private/link-local/metadata without TIDEMARK_ALLOW_PRIVATE_URLS=1
  | "dns" // name does not resolve
  | "network" // connection refused/reset, TLS failure
  | "timeout" // connect timeout or whole-response deadline
  | "too-large" // body over the cap after decompression
  | "redirect" // too many redirects, loop, or redirect without Location
  | "http" // any other non-2xx status
  | "rate-limited" // 429 or 503, possibly with Retry-After
  | "gone" // 410: the publisher removed the feed, polling stops
  | "not-a-feed" // HTML page, error page, unknown XML or JSON
  | "parse" // malformed XML/JSON, too deeply nested, bad encoding
  | "internal"; // a bug of ours; still recorded on the feed so the pass goes on

export class FeedError extends Error {
  override name = "FeedError";
  readonly kind: FeedErrorKind;
  /** HTTP status when the error came from a response. */
  readonly status: number | undefined;
  /** Milliseconds the server asked us to wait (Retry-After). */
  readonly retryAfterMs: number | undefined;
  /**
   * What only the logs get: `message` is public (the feed's lastError in GET /api/feeds), so where the full
   * story would tell a stranger something about the network (which internal address a name resolves to), it
   * goes here.
   */
  readonly detail: string | undefined;

  constructor(
    kind: FeedErrorKind,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown; detail?: string } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.detail = options.detail;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FeedError("internal", `unexpected error: ${message}`, { cause: error });
}
