import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { feeds } from "./feeds";

/**
 * Rollups that answer /api/coverage without reading articles. Both count tags per topic, with topic_id 0
 * standing for "every article" (the denominator of shares). They are kept exact in the same transactions that
 * write articles and tags, and can be rebuilt from them (`cli coverage rebuild`).
 *
 * - coverage_hourly: per topic and UTC hour. Answers the common case (zones whose offset is whole hours) in a
 *   few thousand rows for half a year.
 * - coverage_detail: per topic, quarter hour, feed and language. Answers breakdowns (by feed, language,
 *   country, region) and zones with half- or quarter-hour offsets (Asia/Kolkata, Asia/Kathmandu), whose day
 *   edges fall inside UTC hours.
 * - coverage_daily and coverage_daily_detail: the same per UTC day. A local day is one UTC day plus or minus
 *   the few hours between the two midnights, so a day bucket reads one daily row and a handful of hourly ones
 *   instead of 24 or 96 (db/queries/coverage.ts).
 */
export const coverageHourly = sqliteTable(
  "coverage_hourly",
  {
    topicId: integer("topic_id").notNull(),
    /** Epoch hours: floor(publishedAt / 3_600_000). */
    hour: integer("hour").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.hour] })],
);

/**
 * Per topic, UTC hour and feed (no language): the hours at the edges of buckets in zones whose day does not start
 * at a UTC midnight (Asia/Tokyo's starts at 15:00Z), for breakdowns by outlet or country. The quarter-hour detail
 * holds about one article per row there (a Tokyo year's edges: 420k rows); per hour and outlet it is 170k, summed
 * per edge in SQLite (db/queries/coverage.ts).
 */
export const coverageHourlyFeed = sqliteTable(
  "coverage_hourly_feed",
  {
    topicId: integer("topic_id").notNull(),
    hour: integer("hour").notNull(),
    feedId: integer("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.topicId, t.hour, t.feedId] }),
    index("coverage_hourly_feed_feed_idx").on(t.feedId),
  ],
);

export const coverageDetail = sqliteTable(
  "coverage_detail",
  {
    topicId: integer("topic_id").notNull(),
    /** Epoch quarter hours: floor(publishedAt / 900_000). */
    quarter: integer("quarter").notNull(),
    feedId: integer("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    /** Article language, '' when unknown. */
    lang: text("lang").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.topicId, t.quarter, t.feedId, t.lang] }),
    index("coverage_detail_feed_idx").on(t.feedId),
  ],
);

export const coverageDaily = sqliteTable(
  "coverage_daily",
  {
    topicId: integer("topic_id").notNull(),
    /** Epoch days: floor(publishedAt / 86_400_000). */
    day: integer("day").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.day] })],
);

export const coverageDailyDetail = sqliteTable(
  "coverage_daily_detail",
  {
    topicId: integer("topic_id").notNull(),
    day: integer("day").notNull(),
    feedId: integer("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.topicId, t.day, t.feedId, t.lang] }),
    index("coverage_daily_detail_feed_idx").on(t.feedId),
  ],
);

/**
 * Monthly detail: per topic, UTC month, feed and language. A year-long breakdown reads 12 months of rows instead
 * of 365 days of them. `month` is the epoch day of the month's first day, so month rows sum over day ranges.
 */
export const coverageMonthlyDetail = sqliteTable(
  "coverage_monthly_detail",
  {
    topicId: integer("topic_id").notNull(),
    month: integer("month").notNull(),
    feedId: integer("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.topicId, t.month, t.feedId, t.lang] }),
    index("coverage_monthly_detail_feed_idx").on(t.feedId),
  ],
);

/**
 * The distinct sets of topics articles carry. A breakdown of several topics counts each article once, however
 * many of them it has: per-topic counts cannot tell, but counts per topic set can (an article is in exactly one
 * set), and a selection of topics sums the sets that share a topic with it.
 */
export const topicSets = sqliteTable(
  "topic_sets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The set's topic ids, ascending, comma-separated: "1,3,5". */
    topics: text("topics").notNull(),
  },
  (t) => [uniqueIndex("topic_sets_topics_uq").on(t.topics)],
);

export const topicSetMembers = sqliteTable(
  "topic_set_members",
  {
    topicId: integer("topic_id").notNull(),
    setId: integer("set_id")
      .notNull()
      .references(() => topicSets.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.setId] })],
);

/**
 * Tagged articles per topic set, UTC day, feed and language (untagged articles are in no set). Set 0, in no
 * topic_sets row, is every set together: the articles carrying any topic, so a selection of every topic reads one
 * set, and a selection of most topics reads set 0 less the few sets that share none of them.
 */
export const coverageSetDailyDetail = sqliteTable(
  "coverage_set_daily_detail",
  {
    setId: integer("set_id").notNull(),
    day: integer("day").notNull(),
    feedId: integer("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.setId, t.day, t.feedId, t.lang] }),
    index("coverage_set_daily_detail_feed_idx").on(t.feedId),
  ],
);

/** The same per UTC month (`month` as in coverage_monthly_detail). */
export const coverageSetMonthlyDetail = sqliteTable(
  "coverage_set_monthly_detail",
  {
    setId: integer("set_id").notNull(),
    month: integer("month").notNull(),
    feedId: integer("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.setId, t.month, t.feedId, t.lang] }),
    index("coverage_set_monthly_detail_feed_idx").on(t.feedId),
  ],
);
