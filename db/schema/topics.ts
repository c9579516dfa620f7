import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { articles } from "./articles";

/**
 * What Tidemark counts. Topics are data: a query in the tagging language, edited through the API or CLI.
 * Changing the query bumps `version`; the retag job then walks the stored articles in id order, keeping its
 * place in `retagCursor` so a crash resumes where it stopped.
 */
export const topics = sqliteTable("topics", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  color: text("color").notNull(),
  query: text("query").notNull(),
  version: integer("version").notNull().default(1),
  /** The version the stored tags reflect; below `version` while a retag is pending or running. */
  taggedVersion: integer("tagged_version").notNull().default(0),
  /** Highest article id retagged for `version`; the retag resumes after it. */
  retagCursor: integer("retag_cursor").notNull().default(0),
  retagDone: integer("retag_done").notNull().default(0),
  retagTotal: integer("retag_total").notNull().default(0),
  createdAt: integer("created_at").notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  updatedAt: integer("updated_at").notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});

/** One row per (article, topic) with the terms that matched, so every tag can say why it is there. */
export const articleTopics = sqliteTable(
  "article_topics",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
    /** The article's time, copied here so "a topic's articles, newest first" is one index range. */
    publishedAt: integer("published_at").notNull(),
    /** JSON array of {term, field, start, end}. */
    terms: text("terms", { mode: "json" }).notNull().$type<MatchedTermRow[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.topicId] }),
    index("article_topics_topic_time_idx").on(t.topicId, t.publishedAt, t.articleId),
  ],
);

export interface MatchedTermRow {
  term: string;
  field: "title" | "summary";
  start: number;
  end: number;
}

export type Topic = typeof topics.$inferSelect;
export type ArticleTopic = typeof articleTopics.$inferSelect;
