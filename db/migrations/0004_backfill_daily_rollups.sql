-- Fills the daily rollups (added in 0003) from the hourly and quarter-hour ones, for databases that
-- already hold coverage; from here on they are kept in step with every write (db/queries/rollups.ts).
INSERT INTO coverage_daily (topic_id, day, count)
SELECT topic_id, hour / 24, sum(count) FROM coverage_hourly WHERE true GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO coverage_daily_detail (topic_id, day, feed_id, lang, count)
SELECT topic_id, quarter / 96, feed_id, lang, sum(count) FROM coverage_detail WHERE true GROUP BY 1, 2, 3, 4;
