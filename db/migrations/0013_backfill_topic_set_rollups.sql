-- Fills the monthly detail and topic-set rollups (added in 0012) for databases that already hold coverage; from
-- here on they are kept in step with every write (db/queries/rollups.ts).
INSERT INTO coverage_monthly_detail (topic_id, month, feed_id, lang, count)
SELECT topic_id, CAST(strftime('%s', day * 86400, 'unixepoch', 'start of month') AS integer) / 86400, feed_id, lang, sum(count)
FROM coverage_daily_detail WHERE true GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO topic_sets (topics)
SELECT DISTINCT k FROM (SELECT group_concat(topic_id, ',' ORDER BY topic_id) AS k FROM article_topics GROUP BY article_id) ORDER BY k;
--> statement-breakpoint
INSERT INTO topic_set_members (topic_id, set_id)
SELECT j.value, s.id FROM topic_sets s JOIN json_each('[' || s.topics || ']') j;
--> statement-breakpoint
CREATE TEMP TABLE article_sets AS
SELECT a.published_at AS at, a.feed_id AS feed_id, coalesce(a.lang, '') AS lang, s.id AS set_id
FROM (SELECT article_id, group_concat(topic_id, ',' ORDER BY topic_id) AS k FROM article_topics GROUP BY article_id) t
JOIN articles a ON a.id = t.article_id JOIN topic_sets s ON s.topics = t.k;
--> statement-breakpoint
INSERT INTO coverage_set_daily_detail (set_id, day, feed_id, lang, count)
SELECT set_id, at / 86400000, feed_id, lang, count(*) FROM article_sets WHERE true GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO coverage_set_monthly_detail (set_id, month, feed_id, lang, count)
SELECT set_id, CAST(strftime('%s', at / 1000, 'unixepoch', 'start of month') AS integer) / 86400, feed_id, lang, count(*)
FROM article_sets WHERE true GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
DROP TABLE article_sets;
