import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../core/coverage/coverage-scope";
import type { SpreadCell } from "../../core/spread/topic-spread";
import type { Executor } from "../client";

/** What the spread of a topic reads (core/spread/topic-spread.ts): its articles of a period, as cells. */

/**
 * The topic's articles under the filters per day of `edges` (day i is [edges[i], edges[i + 1])), outlet and
 * language: the earliest article, its time and the count, ordered by (firstAt, firstId). One index range of the
 * tag table per day; the rows are cells, not articles, so a topic's busiest quarter is a few thousand rows.
 */
export async function topicSpreadCells(
  db: Executor,
  topicId: number,
  edges: readonly number[],
  scope: Scope,
): Promise<SpreadCell[]> {
  const days = edges.slice(0, -1).map((lo, i) => [lo, edges[i + 1]]);
  const filters: SQL[] = [];
  if (scope.feedIds !== null)
    filters.push(sql`a.feed_id in (select value from json_each(${JSON.stringify(scope.feedIds)}))`);
  if (scope.langs !== null)
    filters.push(sql`coalesce(a.lang, '') in (select value from json_each(${JSON.stringify(scope.langs)}))`);
  // With exactly one min() in the select, SQLite takes the bare t.article_id from the row holding that minimum
  // (https://sqlite.org/lang_select.html#bare_columns_in_an_aggregate_query): the cell's first article.
  const rows = await db.all<SpreadCell>(sql`
    with b(i, lo, hi) as (select key, value ->> 0, value ->> 1 from json_each(${JSON.stringify(days)}))
    select b.i as day, a.feed_id as feedId, a.lang as lang,
           (select f.country from feeds f where f.id = a.feed_id) as country,
           min(t.published_at) as firstAt, t.article_id as firstId, count(*) as articles
    from b join article_topics t on t.topic_id = ${topicId} and t.published_at >= b.lo and t.published_at < b.hi
    join articles a on a.id = t.article_id
    ${filters.length > 0 ? sql`where ${sql.join(filters, sql` and `)}` : sql``}
    group by b.i, a.feed_id, a.lang
    order by firstAt, firstId`);
  return rows.map((r) => ({
    day: Number(r.day),
    feedId: Number(r.feedId),
    lang: r.lang,
    country: r.country,
    firstId: Number(r.firstId),
    firstAt: Number(r.firstAt),
    articles: Number(r.articles),
  }));
}
