import { httpLink } from "./urls/http-link";

/** The stored feed row as far as its public shape needs it (db/schema's Feed has these and more). */
export interface FeedRecord {
  id: number;
  url: string;
  name: string | null;
  siteUrl: string | null;
  lang: string | null;
  country: string | null;
  folder: string | null;
  enabled: boolean;
  isSample: boolean;
  lastFetchedAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  errorCount: number;
  parseWarning: string | null;
  failingSince: number | null;
  nextFetchAt: number;
  articleCount: number;
}

/** A feed as `GET /api/feeds` lists it and `feeds list --json` prints it: one shape for both. */
export interface FeedJson {
  id: number;
  url: string;
  name: string | null;
  siteUrl: string | null;
  lang: string | null;
  country: string | null;
  folder: string | null;
  enabled: boolean;
  sample: boolean;
  lastFetchedAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  errorCount: number;
  parseWarning: string | null;
  failingSince: string | null;
  nextFetchAt: string | null;
  articleCount: number;
}

const isoTime = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function feedJson(feed: FeedRecord): FeedJson {
  return {
    id: feed.id,
    url: feed.url,
    name: feed.name,
    // Rows stored before site links were checked may hold javascript: and the like: never hand those on.
    siteUrl: feed.siteUrl === null ? null : httpLink(feed.siteUrl),
    lang: feed.lang,
    country: feed.country,
    folder: feed.folder,
    enabled: feed.enabled,
    sample: feed.isSample,
    lastFetchedAt: isoTime(feed.lastFetchedAt),
    lastStatus: feed.lastStatus,
    lastError: feed.lastError,
    errorCount: feed.errorCount,
    parseWarning: feed.parseWarning,
    failingSince: isoTime(feed.failingSince),
    nextFetchAt: feed.enabled && !feed.isSample ? isoTime(feed.nextFetchAt) : null,
    articleCount: feed.articleCount,
  };
}
