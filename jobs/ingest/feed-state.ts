import type { Feed } from "../../db/schema";
import type { FeedError } from "./feed-error";
import { adaptiveInterval, DEFAULT_INTERVAL_MS, nextFetchAfterFailure } from "./poll-schedule";

/** The columns of a feed row that one fetch changes. */
export type FeedStateUpdate = Partial<
  Pick<
    Feed,
    | "url"
    | "name"
    | "siteUrl"
    | "enabled"
    | "etag"
    | "lastModified"
    | "lastFetchedAt"
    | "lastAttemptAt"
    | "lastStatus"
    | "lastError"
    | "errorCount"
    | "parseWarning"
    | "failingSince"
    | "nextFetchAt"
    | "intervalMs"
  >
>;

type FeedBefore = Pick<Feed, "name" | "siteUrl" | "intervalMs" | "errorCount" | "failingSince">;

export function stateAfterSuccess(
  feed: FeedBefore,
  fetched: {
    now: number;
    status: number;
    etag: string | null;
    lastModified: string | null;
    permanentUrl: string | null;
    title?: string | undefined;
    siteUrl?: string | undefined;
    /** Dates the feed gave its entries (first-seen dates excluded): they set the polling interval. */
    entryTimes: readonly number[];
    /** What was wrong with a document read leniently; absent for a clean one. */
    parseWarning?: string | undefined;
  },
): FeedStateUpdate {
  const intervalMs = adaptiveInterval(fetched.entryTimes);
  return {
    ...(fetched.permanentUrl ? { url: fetched.permanentUrl } : {}),
    // The user's name for a feed wins; the feed's own title only fills a blank.
    ...(feed.name ? {} : fetched.title ? { name: fetched.title.slice(0, 200) } : {}),
    ...(feed.siteUrl ? {} : fetched.siteUrl ? { siteUrl: fetched.siteUrl } : {}),
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    lastFetchedAt: fetched.now,
    lastAttemptAt: fetched.now,
    lastStatus: fetched.status,
    lastError: null,
    errorCount: 0,
    parseWarning: fetched.parseWarning ?? null,
    failingSince: null,
    intervalMs,
    nextFetchAt: fetched.now + intervalMs,
  };
}

export function stateAfterNotModified(
  feed: FeedBefore,
  result: { now: number; permanentUrl: string | null },
): FeedStateUpdate {
  const intervalMs = feed.intervalMs ?? DEFAULT_INTERVAL_MS;
  return {
    ...(result.permanentUrl ? { url: result.permanentUrl } : {}),
    lastFetchedAt: result.now,
    lastAttemptAt: result.now,
    lastStatus: 304,
    lastError: null,
    errorCount: 0,
    failingSince: null,
    nextFetchAt: result.now + intervalMs,
  };
}

export function stateAfterFailure(
  feed: FeedBefore,
  error: FeedError,
  now: number,
  random?: () => number,
): FeedStateUpdate {
  const errorCount = feed.errorCount + 1;
  const gone = error.kind === "gone";
  return {
    lastAttemptAt: now,
    lastStatus: error.status ?? null,
    lastError: gone ? `${error.message}: the publisher removed this feed, so polling stopped` : error.message,
    errorCount,
    failingSince: feed.failingSince ?? now,
    // 410 Gone is the publisher saying "stop": disable rather than back off forever.
    ...(gone ? { enabled: false } : {}),
    nextFetchAt: nextFetchAfterFailure({ now, errorCount, retryAfterMs: error.retryAfterMs, random }),
  };
}
