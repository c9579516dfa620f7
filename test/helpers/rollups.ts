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
  const truthHourlyFeed = await q(`
    select topic_id, hour, feed_id, count(*) as count from (
      select 0 as topic_id, published_at / 3600000 as hour, feed_id from articles
      union all select t.topic_id, t.published_at / 3600000, a.feed_id
      from article_topics t join articles a on a.id = t.article_id)
    group by 1, 2, 3 order by 1, 2, 3`);
  const hourlyFeed = await q(
    "select topic_id, hour, feed_id, count from coverage_hourly_feed order by 1, 2, 3",
  );
  const detail = await q(
    "select topic_id, quarter, feed_id, lang, count from coverage_detail order by 1, 2, 3, 4",
  );
  const month = (ms: string) =>
    `cast(strftime('%s', ${ms} / 1000, 'unixepoch', 'start of month') as integer) / 86400`;
  const truthMonthlyDetail = await q(`
    select topic_id, month, feed_id, lang, count(*) as count from (
      select 0 as topic_id, ${month("published_at")} as month, feed_id, coalesce(lang, '') as lang from articles
      union all select t.topic_id, ${month("t.published_at")}, a.feed_id, coalesce(a.lang, '')
      from article_topics t join articles a on a.id = t.article_id)
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  const monthlyDetail = await q(
    "select topic_id, month, feed_id, lang, count from coverage_monthly_detail order by 1, 2, 3, 4",
  );
  // Topic sets by their topics, not their ids (a set's id depends on when it was first seen). The truth builds each
  // article's set with json_group_array over ids sorted in a subquery, not with the rollups' own group_concat.
  const setsOf = `(select article_id, (select group_concat(value, ',') from (select value from json_each(
      (select json_group_array(topic_id) from article_topics x where x.article_id = t.article_id)) order by value))
      as topics from article_topics t group by article_id)`;
  const truthSets: Record<string, string[]> = {};
  const sets: Record<string, string[]> = {};
  for (const [unit, of] of [
    ["day", "a.published_at / 86400000"],
    ["month", month("a.published_at")],
  ] as const) {
    // Set 0 ("any") is every tagged article.
    truthSets[unit] = await q(`
      select s.topics, ${of} as unit, a.feed_id, coalesce(a.lang, '') as lang, count(*) as count
      from ${setsOf} s join articles a on a.id = s.article_id group by 1, 2, 3, 4
      union all
      select 'any', ${of}, a.feed_id, coalesce(a.lang, ''), count(*)
      from articles a where exists (select 1 from article_topics t where t.article_id = a.id) group by 2, 3, 4`);
    sets[unit] = await q(`
      select coalesce(s.topics, 'any'), r.${unit}, r.feed_id, r.lang, r.count
      from coverage_set_${unit === "day" ? "daily" : "monthly"}_detail r
      left join topic_sets s on s.id = r.set_id`);
  }
  return {
    hourly,
    truthHourly,
    hourlyFeed,
    truthHourlyFeed,
    detail,
    truthDetail,
    daily,
    truthDaily,
    dailyDetail,
    truthDailyDetail,
    monthlyDetail,
    truthMonthlyDetail,
    sets,
    truthSets,
  };
}
