import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
 * looked up by the band's hash (which includes the language) and the article's time, so a new article's lookup is
 * one index range per band within the time window. The row id is `articleId * BAND_SLOTS + band`: rows are
 * appended in article order, and an article's rows are one range of the primary key, which is how they go with
 * it (trigger), with no second index to keep.
 */
export const storyBands = sqliteTable(
  "story_bands",
  {
    id: integer("id").primaryKey(),
    key: integer("key").notNull(),
    publishedAt: integer("published_at").notNull(),
  },
  (t) => [index("story_bands_key_idx").on(t.key, t.publishedAt)],
);

/** Band rows an article may have: the row id's low part. */
export const BAND_SLOTS = 32;

export type Story = typeof stories.$inferSelect;
