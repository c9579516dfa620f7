import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { feeds } from "./feeds";

/**
 * One row per story. Identity is two unique keys: the canonical URL across all feeds, and
 * (feed, entryKey) within a feed, where entryKey is the guid, else the URL, else a hash of title and date.
 */
export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    feedId: integer("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    entryKey: text("entry_key").notNull(),
    guid: text("guid"),
    url: text("url"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    author: text("author"),
    lang: text("lang"),
    /** The time coverage is counted at: the feed's date, or first-seen when it gave none or one in the future. */
    publishedAt: integer("published_at").notNull(),
    dateSource: text("date_source", { enum: ["feed", "first-seen"] }).notNull(),
    firstSeenAt: integer("first_seen_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** Hash of title + summary: lets a re-seen entry be compared without reading its text. */
    contentHash: text("content_hash").notNull(),
    isSample: integer("is_sample", { mode: "boolean" }).notNull().default(false),
    /** The story it reports (db/schema/stories.ts); null only for a row a migration has not placed yet. */
    storyId: integer("story_id"),
  },
  (t) => [
    uniqueIndex("articles_feed_entry_uq").on(t.feedId, t.entryKey),
    uniqueIndex("articles_url_uq").on(t.url).where(sql`${t.url} is not null`),
    index("articles_published_idx").on(t.publishedAt, t.id),
    index("articles_feed_published_idx").on(t.feedId, t.publishedAt, t.id),
    index("articles_story_idx").on(t.storyId, t.publishedAt, t.id),
  ],
);

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
