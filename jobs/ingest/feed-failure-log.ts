import type { Logger } from "pino";
import type { Feed } from "../../db/schema";
import type { FeedError } from "./feed-error";

/**
 * The one place a feed's failure is logged. A failure the fetcher expects (DNS, timeout, refused, TLS, an HTTP
 * status, not a feed, a malformed document) is the publisher's or the network's business, already kept on the
 * feed row (lastError, errorCount, backoff), counted in the pass's summary and in /metrics: one line at info,
 * with the feed, the kind and the message, and no stack. Offline, the 40+ default feeds all fail: at the CLI's
 * warn level that leaves its one-line summary alone on the terminal, and the server (info) logs a line per feed.
 * Only "internal" is a bug of ours: an error line with the stack. `detail` is what the feed's public error
 * leaves out (which private address a name resolved to).
 */
export function logFeedFailure(log: Logger, feed: Pick<Feed, "id" | "url">, error: FeedError): void {
  const fields = { feedId: feed.id, url: feed.url, kind: error.kind };
  if (error.kind === "internal") {
    log.error({ ...fields, err: error.cause ?? error }, "feed failed: unexpected error");
    return;
  }
  log.info(
    {
      ...fields,
      ...(error.status === undefined ? {} : { status: error.status }),
      error: error.message,
      // What the public message leaves out (the private address a name resolved to) belongs in the log.
      ...(error.detail === undefined ? {} : { detail: error.detail }),
    },
    "feed failed",
  );
}
