import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
