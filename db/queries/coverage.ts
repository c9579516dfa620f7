import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/**
 * Coverage counts from the rollups, one array per series aligned with the buckets. `edges` are the buckets'
 * UTC boundaries (n + 1 for n buckets). When every edge falls on a UTC hour (zones with whole-hour offsets),
 * the hourly rollup answers; otherwise (Asia/Kolkata, Asia/Kathmandu ...) the quarter-hour detail does.
 * The buckets go to SQLite as one JSON array, so the summing happens in SQLite, one index range per bucket.
 */

const HOUR_MS = 3_600_000;
const QUARTER_MS = 900_000;

export type Breakdown = "feed" | "lang" | "country";

/** Boundaries in the rollup's unit, as [[lo, hi], ...]; undefined when some edge is not on that grid. */
function bucketRanges(edges: readonly number[], unitMs: number): Array<[number, number]> | undefined {
  if (edges.some((e) => e % unitMs !== 0)) return undefined;
  return edges.slice(0, -1).map((lo, i) => [lo / unitMs, edges[i + 1]! / unitMs]);
}

function toArrays(rows: Array<Record<string, unknown>>, buckets: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const key = String(row.k);
    let counts = out.get(key);
    if (!counts) {
      counts = new Array<number>(buckets).fill(0);
      out.set(key, counts);
    }
    counts[Number(row.i)] = Number(row.n);
  }
  return out;
}

/** Per topic id (0 = every article): counts per bucket. */
export async function topicCounts(
  db: Executor,
  query: { topicIds: readonly number[]; edges: readonly number[] },
): Promise<Map<number, number[]>> {
  const buckets = query.edges.length - 1;
  const ids = JSON.stringify(query.topicIds);
  const hours = bucketRanges(query.edges, HOUR_MS);
  const rows = hours
    ? await db.all<Record<string, unknown>>(sql`
        with b(i, lo, hi) as (select key, value ->> 0, value ->> 1 from json_each(${JSON.stringify(hours)}))
        select b.i as i, r.topic_id as k, sum(r.count) as n
        from b join coverage_hourly r
          on r.topic_id in (select value from json_each(${ids})) and r.hour >= b.lo and r.hour < b.hi
        group by b.i, r.topic_id`)
    : await db.all<Record<string, unknown>>(sql`
        with b(i, lo, hi) as (select key, value ->> 0, value ->> 1 from json_each(${JSON.stringify(quarters(query.edges))}))
        select b.i as i, r.topic_id as k, sum(r.count) as n
        from b join coverage_detail r
          on r.topic_id in (select value from json_each(${ids})) and r.quarter >= b.lo and r.quarter < b.hi
        group by b.i, r.topic_id`);
  return new Map([...toArrays(rows, buckets)].map(([k, v]) => [Number(k), v]));
}

/**
 * Counts of the given topics' tags per bucket, split by feed id, language or the outlet's country. An article
 * carrying two of the topics counts once for each.
 */
export async function breakdownCounts(
  db: Executor,
  query: { topicIds: readonly number[]; edges: readonly number[]; by: Breakdown },
): Promise<Map<string, number[]>> {
  const ranges = JSON.stringify(quarters(query.edges));
  const ids = JSON.stringify(query.topicIds);
  const key =
    query.by === "feed"
      ? sql.raw("r.feed_id")
      : query.by === "lang"
        ? sql.raw("r.lang")
        : sql.raw("coalesce(f.country, '')");
  const rows = await db.all<Record<string, unknown>>(sql`
    with b(i, lo, hi) as (select key, value ->> 0, value ->> 1 from json_each(${ranges}))
    select b.i as i, ${key} as k, sum(r.count) as n
    from b join coverage_detail r
      on r.topic_id in (select value from json_each(${ids})) and r.quarter >= b.lo and r.quarter < b.hi
    ${query.by === "country" ? sql`join feeds f on f.id = r.feed_id` : sql``}
    group by b.i, ${key}`);
  return toArrays(rows, query.edges.length - 1);
}

function quarters(edges: readonly number[]): Array<[number, number]> {
  const ranges = bucketRanges(edges, QUARTER_MS);
  // Every zone in use since 1970 has an offset in whole quarter hours; anything else is a bug upstream.
  if (!ranges) throw new Error("coverage edges must fall on quarter hours");
  return ranges;
}
