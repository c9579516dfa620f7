import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Stories: groups of articles that report the same thing (syndicated and near-identical copies), found at
 * ingest (core/stories/, db/queries/story-placement.ts). The id stays while any article of the story is stored.
 * The counts and times are kept by triggers on articles (migration 0009), so every way an article is inserted or
 * deleted (ingest, retention, feed removal, `sample remove`) keeps them exact and drops a story left empty.
 */
export const stories = sqliteTable(
  "stories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The language of every article in it ('' when unknown): stories are found within one language. */
    lang: text("lang").notNull(),
    articleCount: integer("article_count").notNull(),
    /** The article that appeared first (earliest time, then lowest id): the story's title and first source. */
    firstArticleId: integer("first_article_id").notNull(),
    firstPublishedAt: integer("first_published_at").notNull(),
    lastPublishedAt: integer("last_published_at").notNull(),
  },
  (t) => [
    index("stories_first_published_idx").on(t.firstPublishedAt, t.id),
    index("stories_size_idx").on(t.articleCount, t.id),
  ],
);

/**
 * The locality-sensitive index of stored articles: one row per article and LSH band (core/stories/minhash.ts),
 * looked up by the week of the article's time, the band's hash (which includes the language) and the time, so a
 * new article's lookup is one range of the primary key per band and week within the time window (a window of
 * ±3 days spans at most two weeks). Keyed by week first, a feed's new articles, which are mostly recent, write
 * into the few recent weeks' pages instead of all over the index. The table has no rowid (migration 0016): the
 * primary key is the index, so a band row is one B-tree entry, not a table row and an index entry.
 */
export const storyBands = sqliteTable(
  "story_bands",
  {
    /** `published_at / BAND_WEEK_MS`, truncated as SQLite's integer division truncates. */
    week: integer("week").notNull(),
    key: integer("key").notNull(),
    publishedAt: integer("published_at").notNull(),
    articleId: integer("article_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.week, t.key, t.publishedAt, t.articleId] })],
);

/** The span of story_bands' `week`. */
export const BAND_WEEK_MS = 7 * 86_400_000;

/**
 * Each indexed article's band keys (a JSON array) and the time they were stored under: what the articles' delete
 * trigger needs to find the article's band rows, which are keyed by band, not by article. One row per article,
 * appended in id order.
 */
export const storyKeys = sqliteTable("story_keys", {
  articleId: integer("article_id").primaryKey(),
  publishedAt: integer("published_at").notNull(),
  keys: text("keys").notNull(),
});

export type Story = typeof stories.$inferSelect;
