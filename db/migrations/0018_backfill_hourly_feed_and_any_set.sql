-- Fills the hourly per-feed rollup (added in 0017) from the quarter-hour detail, and set 0 of the topic-set
-- rollups (every tagged article: the sum of every set), for databases that already hold coverage; from here on
-- both are kept in step with every write (db/queries/rollups.ts).
INSERT INTO coverage_hourly_feed (topic_id, hour, feed_id, count)
SELECT topic_id, quarter / 4, feed_id, sum(count) FROM coverage_detail WHERE true GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO coverage_set_daily_detail (set_id, day, feed_id, lang, count)
SELECT 0, day, feed_id, lang, sum(count) FROM coverage_set_daily_detail WHERE set_id <> 0 GROUP BY 2, 3, 4
ON CONFLICT (set_id, day, feed_id, lang) DO UPDATE SET count = excluded.count;
--> statement-breakpoint
INSERT INTO coverage_set_monthly_detail (set_id, month, feed_id, lang, count)
SELECT 0, month, feed_id, lang, sum(count) FROM coverage_set_monthly_detail WHERE set_id <> 0 GROUP BY 2, 3, 4
ON CONFLICT (set_id, month, feed_id, lang) DO UPDATE SET count = excluded.count;
