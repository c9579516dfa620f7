import type { Database } from "../../db/client";

type Row = Record<string, unknown>;

/** Rows as comparable strings; rows whose count fell to zero are the same as no row. */
const nonZero = (rows: Row[]) =>
  rows
    .filter((r) => Number(r.count) !== 0)
    .map((r) => Object.values(r).map(String).join("|"))
    .sort();

/**
 * What the rollups should hold, recomputed the slow way (GROUP BY over articles and tags), next to what they
 * hold. Tests compare the two after every kind of change.
 */
export async function rollupsVersusTruth({ client }: Pick<Database, "client">) {
  const q = async (sql: string) => nonZero((await client.execute(sql)).rows as unknown as Row[]);
  const truthHourly = await q(`
    select topic_id, hour, count(*) as count from (
      select 0 as topic_id, published_at / 3600000 as hour from articles
      union all select topic_id, published_at / 3600000 from article_topics)
    group by 1, 2 order by 1, 2`);
  const truthDetail = await q(`
    select topic_id, quarter, feed_id, lang, count(*) as count from (
      select 0 as topic_id, published_at / 900000 as quarter, feed_id, coalesce(lang, '') as lang from articles
      union all select t.topic_id, t.published_at / 900000, a.feed_id, coalesce(a.lang, '')
      from article_topics t join articles a on a.id = t.article_id)
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  const truthDaily = await q(`
    select topic_id, day, count(*) as count from (
      select 0 as topic_id, published_at / 86400000 as day from articles
      union all select topic_id, published_at / 86400000 from article_topics)
    group by 1, 2 order by 1, 2`);
  const truthDailyDetail = await q(`
    select topic_id, day, feed_id, lang, count(*) as count from (
      select 0 as topic_id, published_at / 86400000 as day, feed_id, coalesce(lang, '') as lang from articles
      union all select t.topic_id, t.published_at / 86400000, a.feed_id, coalesce(a.lang, '')
      from article_topics t join articles a on a.id = t.article_id)
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  const daily = await q("select topic_id, day, count from coverage_daily order by 1, 2");
  const dailyDetail = await q(
    "select topic_id, day, feed_id, lang, count from coverage_daily_detail order by 1, 2, 3, 4",
  );
  const hourly = await q("select topic_id, hour, count from coverage_hourly order by 1, 2");
  const detail = await q(
    "select topic_id, quarter, feed_id, lang, count from coverage_detail order by 1, 2, 3, 4",
  );
  return { hourly, truthHourly, detail, truthDetail, daily, truthDaily, dailyDetail, truthDailyDetail };
}
