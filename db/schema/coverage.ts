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
