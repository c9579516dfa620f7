import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { bucketSegments, HOUR_MS, QUARTER_MS, type Segment } from "./bucket-segments";

/**
 * Coverage counts from the rollups, one array per series aligned with the buckets. `edges` are the buckets'
 * UTC boundaries (n + 1 for n buckets). Each bucket is read as signed segments (db/queries/bucket-segments.ts)
 * from the daily rollups plus the hourly one (zones with whole-hour offsets) or the quarter-hour detail
 * (Asia/Kolkata, Asia/Kathmandu ...). The segments go to SQLite as one JSON array, so the summing happens in
 * SQLite, one index range per segment.
 */

export type Breakdown = "feed" | "lang" | "country";

type Row = { i: unknown; k: unknown; n: unknown };

/** Per topic id (0 = every article): counts per bucket. */
export async function topicCounts(
  db: Executor,
  query: { topicIds: readonly number[]; edges: readonly number[] },
): Promise<Map<number, number[]>> {
  const { days, fine, fineUnitMs } = bucketSegments(query.edges);
  const ids = JSON.stringify(query.topicIds);
  const inTopics = sql`r.topic_id in (select value from json_each(${ids}))`;
  const fineTable = fineUnitMs === HOUR_MS ? sql.raw("coverage_hourly") : sql.raw("coverage_detail");
  const fineUnit = fineUnitMs === HOUR_MS ? sql.raw("r.hour") : sql.raw("r.quarter");
  const rows = [
    ...(await summed(db, days, sql`coverage_daily r`, sql`r.day`, sql`r.topic_id`, inTopics)),
    ...(await summed(db, fine, sql`${fineTable} r`, fineUnit, sql`r.topic_id`, inTopics)),
  ];
  const out = new Map<number, number[]>();
  for (const [key, counts] of toArrays(rows, query.edges.length - 1)) out.set(Number(key), counts);
  return out;
}

/**
 * Counts of the given topics' tags per bucket, split by feed id, language or the outlet's country. An article
 * carrying two of the topics counts once for each.
 */
export async function breakdownCounts(
  db: Executor,
  query: { topicIds: readonly number[]; edges: readonly number[]; by: Breakdown },
): Promise<Map<string, number[]>> {
  const { days, fine, fineUnitMs } = bucketSegments(query.edges);
  // The detail rollup is per quarter hour only: re-express hour segments in quarters.
  const ratio = fineUnitMs / QUARTER_MS;
  const quarters = fine.map(([i, s, lo, hi]): Segment => [i, s, lo * ratio, hi * ratio]);
  const ids = JSON.stringify(query.topicIds);
  const inTopics = sql`r.topic_id in (select value from json_each(${ids}))`;
  const key =
    query.by === "feed"
      ? sql.raw("r.feed_id")
      : query.by === "lang"
        ? sql.raw("r.lang")
        : sql.raw("(select coalesce(f.country, '') from feeds f where f.id = r.feed_id)");
  const rows = [
    ...(await summed(db, days, sql`coverage_daily_detail r`, sql`r.day`, key, inTopics)),
    ...(await summed(db, quarters, sql`coverage_detail r`, sql`r.quarter`, key, inTopics)),
  ];
  return toArrays(rows, query.edges.length - 1);
}

/** Signed sums per (bucket, key) of `table` over the segments' ranges of `unit`. */
async function summed(
  db: Executor,
  segments: Segment[],
  table: SQL,
  unit: SQL,
  key: SQL,
  where: SQL,
): Promise<Row[]> {
  if (segments.length === 0) return [];
  return db.all<Row>(sql`
    with seg(i, s, lo, hi) as (
      select value ->> 0, value ->> 1, value ->> 2, value ->> 3 from json_each(${JSON.stringify(segments)}))
    select seg.i as i, ${key} as k, sum(seg.s * r.count) as n
    from seg join ${table} on ${where} and ${unit} >= seg.lo and ${unit} < seg.hi
    group by 1, 2`);
}

function toArrays(rows: readonly Row[], buckets: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const key = String(row.k);
    let counts = out.get(key);
    if (!counts) {
      counts = new Array<number>(buckets).fill(0);
      out.set(key, counts);
    }
    counts[Number(row.i)]! += Number(row.n);
  }
  return out;
}
