import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A source of coverage. Its health (status, error, backoff) lives on the row, like Miniflux's feed model. */
export const feeds = sqliteTable(
  "feeds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    url: text("url").notNull().unique(),
    name: text("name"),
    siteUrl: text("site_url"),
    lang: text("lang"),
    country: text("country"),
    /** The collection the feed is filed under (an OPML folder); null for none. */
    folder: text("folder"),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** Feeds created by `sample load` hold bundled sample coverage; they are never fetched. */
    isSample: integer("is_sample", { mode: "boolean" }).notNull().default(false),
    etag: text("etag"),
    lastModified: text("last_modified"),
    lastFetchedAt: integer("last_fetched_at"),
    lastAttemptAt: integer("last_attempt_at"),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    errorCount: integer("error_count").notNull().default(0),
    /**
     * Set when the last document read was not clean but was read leniently (feedparser's `bozo`): what was
     * wrong with it and what was done. Cleared by the next clean read.
     */
    parseWarning: text("parse_warning"),
    failingSince: integer("failing_since"),
    nextFetchAt: integer("next_fetch_at").notNull().default(0),
    /** Polling interval learnt from how often the feed publishes. */
    intervalMs: integer("interval_ms"),
    articleCount: integer("article_count").notNull().default(0),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
    createdAt: integer("created_at").notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [index("feeds_due_idx").on(t.enabled, t.nextFetchAt)],
);

export type Feed = typeof feeds.$inferSelect;
export type NewFeed = typeof feeds.$inferInsert;
