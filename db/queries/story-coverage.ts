import { type SQL, sql } from "drizzle-orm";
import type { CountKey, CountPlan } from "../../core/coverage/count-plan";
import type { Scope } from "../../core/coverage/coverage-scope";
import type { Executor } from "../client";
import { type CoverageCounts, keyColumn, type Row, scopeConditions, toArrays } from "./coverage";

/**
 * /api/coverage with unit=stories: each story counted once per bucket (and per series), however many of its
 * articles fall there. A story is in a bucket when at least one of its matching articles is. Breakdowns count a
 * story once in each group that ran it in the bucket (a wire story carried in three countries counts in each of
 * them, once in each region), so their series may add up to more than `totals`. Distinct counts cannot be summed
 * from per-topic rollups, so these are read from the articles and tags, one index range per bucket.
 */

/**
 * `regionKeys` (by=region): each feed's region as one representative country of it, so the route's fold of
 * countries into regions sums exactly one distinct count per region.
 */
export async function countStoryCoverage(
  db: Executor,
  plan: CountPlan,
  edges: readonly number[],
  regionKeys?: ReadonlyMap<number, string>,
): Promise<CoverageCounts> {
  const buckets = edges.length - 1;
  const totals =
    (await distinctStories(db, { topics: "every", edges, key: null, scope: plan.scope })).get("0") ??
    new Array<number>(buckets).fill(0);
  const series = await distinctStories(db, {
    topics: plan.topics,
    edges,
    key: plan.key,
    scope: plan.scope,
    regionKeys,
  });
  if (!plan.groupTotals) return { totals, series };
  const groupTotals = await distinctStories(db, {
    topics: "every",
    edges,
    key: plan.key,
    scope: plan.scope,
    regionKeys,
  });
  return { totals, series, groupTotals };
}

async function distinctStories(
  db: Executor,
  query: {
    topics: number[] | "every";
    edges: readonly number[];
    key: CountKey | null;
    scope: Scope;
    regionKeys?: ReadonlyMap<number, string> | undefined;
  },
): Promise<Map<string, number[]>> {
  const ranges = query.edges.slice(0, -1).map((lo, i) => [lo, query.edges[i + 1]]);
  const scope = scopeConditions(query.scope, sql`a.feed_id`, sql`coalesce(a.lang, '')`);
  const key: SQL =
    query.key === "country" && query.regionKeys
      ? sql`(select value from json_each(${JSON.stringify(Object.fromEntries(query.regionKeys))}) where key = cast(a.feed_id as text))`
      : keyColumn(query.key, {
          topic: sql`t.topic_id`,
          feed: sql`a.feed_id`,
          lang: sql`coalesce(a.lang, '')`,
        });
  const where = scope.length > 0 ? sql`where ${sql.join(scope, sql` and `)}` : sql``;
  const buckets = sql`with b(i, lo, hi) as (select key, value ->> 0, value ->> 1 from json_each(${JSON.stringify(ranges)}))`;
  const rows =
    query.topics === "every"
      ? await db.all<Row>(sql`${buckets}
          select b.i as i, ${key} as k, count(distinct a.story_id) as n
          from b join articles a on a.published_at >= b.lo and a.published_at < b.hi
          ${where} group by 1, 2`)
      : await db.all<Row>(sql`${buckets}
          select b.i as i, ${key} as k, count(distinct a.story_id) as n
          from b join article_topics t
            on t.topic_id in (select value from json_each(${JSON.stringify(query.topics)}))
            and t.published_at >= b.lo and t.published_at < b.hi
          join articles a on a.id = t.article_id
          ${where} group by 1, 2`);
  return toArrays(rows, query.edges.length - 1);
}
