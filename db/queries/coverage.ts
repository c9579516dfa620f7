import { type SQL, sql } from "drizzle-orm";
import type { CountKey, CountPlan } from "../../core/coverage/count-plan";
import { isScoped, type Scope } from "../../core/coverage/coverage-scope";
import type { Executor } from "../client";
import { bucketSegments, HOUR_MS, QUARTER_MS, type Segment } from "./bucket-segments";
import { ANY_SET_ID } from "./rollups";

/**
 * Coverage counts, one array per series aligned with the buckets. `edges` are the buckets' UTC boundaries
 * (n + 1 for n buckets). Which store answers what is decided in core/coverage/count-plan.ts; this module only
 * reads. Rollup reads take each bucket as signed segments (db/queries/bucket-segments.ts) from the daily rollups
 * plus the hourly one (zones with whole-hour offsets) or the quarter-hour detail (Asia/Kolkata, Asia/Kathmandu
 * ...); the segments go to SQLite as one JSON array, so the summing happens in SQLite, one index range per
 * segment.
 */

export interface CoverageCounts {
  /** Every article in each bucket, under the plan's filters. */
  totals: number[];
  /** Per series key (topic id, feed id, language or country; "" for unknown): counts per bucket. */
  series: Map<string, number[]>;
  /** Per group key: every article of that group per bucket (share=group). */
  groupTotals?: Map<string, number[]>;
}

/** Every number a coverage answer needs, for one bucket list. */
export async function countCoverage(
  db: Executor,
  plan: CountPlan,
  edges: readonly number[],
): Promise<CoverageCounts> {
  const buckets = edges.length - 1;
  const everyArticle = plan.topics === "every" ? [0] : undefined;
  const topicIds = everyArticle ?? (plan.topics as number[]);
  // Unfiltered totals are the hourly and daily rollups' topic 0, a few rows a bucket; under filters only the
  // detail rollups know feeds and languages.
  const rollup = isScoped(plan.scope)
    ? null
    : await topicCounts(db, { topicIds: plan.source === "rollup" ? [0, ...topicIds] : [0], edges });
  const totals =
    (rollup
      ? rollup.get(0)
      : (await detailCounts(db, { topicIds: [0], edges, key: null, scope: plan.scope })).get("0")) ??
    zeros(buckets);
  let series: Map<string, number[]>;
  if (plan.source === "rollup" && rollup) {
    series = new Map(topicIds.map((id) => [String(id), rollup.get(id) ?? zeros(buckets)]));
  } else if (plan.source === "detail") {
    series = await detailCounts(db, { topicIds, edges, key: plan.key, scope: plan.scope });
  } else {
    series = await topicSetCounts(db, { topicIds, edges, key: plan.key, scope: plan.scope });
  }
  if (!plan.groupTotals) return { totals, series };
  const groupTotals =
    everyArticle !== undefined
      ? series
      : await detailCounts(db, { topicIds: [0], edges, key: plan.key, scope: plan.scope });
  return { totals, series, groupTotals };
}

/** Per topic id (0 = every article): counts per bucket, from the hourly and daily rollups, unfiltered. */
export async function topicCounts(
  db: Executor,
  query: { topicIds: readonly number[]; edges: readonly number[] },
): Promise<Map<number, number[]>> {
  const { days, fine, fineUnitMs } = bucketSegments(query.edges);
  const inTopics = sql`r.topic_id in (select value from json_each(${JSON.stringify(query.topicIds)}))`;
  const fineTable = fineUnitMs === HOUR_MS ? sql.raw("coverage_hourly") : sql.raw("coverage_detail");
  const fineUnit = fineUnitMs === HOUR_MS ? sql.raw("r.hour") : sql.raw("r.quarter");
  const sums = new Sums(query.edges.length - 1);
  // coverage_daily and coverage_hourly hold one row per (topic, unit): nothing to group in SQL. The quarter-hour
  // detail has a row per feed and language too.
  await summed(db, sums, days, sql`coverage_daily r`, sql`r.day`, sql`r.topic_id`, inTopics, {
    unique: true,
  });
  await summed(db, sums, fine, sql`${fineTable} r`, fineUnit, sql`r.topic_id`, inTopics, {
    unique: fineUnitMs === HOUR_MS,
  });
  const out = new Map<number, number[]>();
  for (const [key, counts] of sums.arrays) out.set(Number(key), counts);
  return out;
}

/**
 * Counts of the given topics' tags per bucket from the detail rollups, keyed by `key` (null: one series, key
 * "0"), under the scope's feed and language filters. Exact per topic; a sum over several topics counts an
 * article once for each of them.
 */
export async function detailCounts(
  db: Executor,
  query: { topicIds: readonly number[]; edges: readonly number[]; key: CountKey | null; scope: Scope },
): Promise<Map<string, number[]>> {
  const { months, days, fine, fineUnitMs } = bucketSegments(query.edges, { months: true });
  const where = sql.join(
    [
      sql`r.topic_id in (select value from json_each(${JSON.stringify(query.topicIds)}))`,
      ...scopeConditions(query.scope, sql`r.feed_id`, sql`r.lang`),
    ],
    sql` and `,
  );
  const key = keyColumn(query.key, { topic: sql`r.topic_id`, feed: sql`r.feed_id`, lang: sql`r.lang` });
  const sums = new Sums(query.edges.length - 1);
  const byFeed = (unit: SQL) => feedKeyed(query.key, sql`r.topic_id, ${unit}, r.feed_id`);
  await summed(db, sums, months, sql`coverage_monthly_detail r`, sql`r.month`, key, where, {
    preGroup: byFeed(sql`r.month`),
  });
  await summed(db, sums, days, sql`coverage_daily_detail r`, sql`r.day`, key, where, {
    preGroup: byFeed(sql`r.day`),
  });
  // Hours at bucket edges come from the hourly per-feed rollup where it knows enough (whole-hour edges, no
  // language in the key or the filters), else from the quarter-hour detail.
  const hourly = fineUnitMs === HOUR_MS && query.key !== "lang" && query.scope.langs === null;
  const ratio = hourly ? 1 : fineUnitMs / QUARTER_MS;
  await rangeSums(db, sums, {
    segments: fine.map(([i, s, lo, hi]): Segment => [i, s, lo * ratio, hi * ratio]),
    table: hourly ? sql`coverage_hourly_feed r` : sql`coverage_detail r`,
    unit: hourly ? sql`r.hour` : sql`r.quarter`,
    group: query.key === null ? sql`0` : query.key === "country" ? sql`r.feed_id` : key,
    key: query.key === "country" ? keyColumn("country", { topic: sql``, feed: sql`g`, lang: sql`` }) : null,
    where,
  });
  return sums.arrays;
}

/**
 * Adds the signed sums of `table` per segment and key to `sums`, for segments that are short, separate ranges (the
 * hours at bucket edges): each distinct range is summed by key in SQLite on its own, a sort of a few hundred rows,
 * where grouping every unit of every range at once sorted them all (a Tokyo year of daily edges by outlet: 420k
 * rows, 200 ms) and handing the units over cost as much again. `group` is a column to sum by; `key`, over `g`,
 * maps those groups to the series' keys (country of an outlet) after the sum, so it runs once per group.
 */
async function rangeSums(
  db: Executor,
  sums: Sums,
  query: { segments: Segment[]; table: SQL; unit: SQL; group: SQL; key: SQL | null; where: SQL },
): Promise<void> {
  if (query.segments.length === 0) return;
  const { ranges, rangeOfSegment } = distinctRanges(query.segments);
  const { table, unit, group, where } = query;
  const grouped = sql`select ${group} as g, sum(r.count) as n from ${table}
    where ${where} and ${unit} >= rg.lo and ${unit} < rg.hi group by 1`;
  const perRange = query.key
    ? sql`select ${query.key} as k, sum(n) as n from (${grouped}) group by 1`
    : sql`select g as k, n from (${grouped})`;
  const rows = await db.all<{ j: string | null }>(sql`
    with rg(r, lo, hi) as (select key, value ->> 0, value ->> 1 from json_each(${JSON.stringify(ranges)}))
    select json_group_array(json_array(rg.r, json((select json_group_array(json_array(k, n)) from (${perRange})))))
      as j from rg`);
  const byRange = new Map<number, Array<[unknown, number]>>(
    JSON.parse(rows[0]?.j ?? "[]") as Array<[number, Array<[unknown, number]>]>,
  );
  query.segments.forEach(([i, sign], s) => {
    for (const [k, n] of byRange.get(rangeOfSegment[s]!) ?? []) sums.of(k)[i]! += sign * n;
  });
}

/** The distinct [lo, hi) ranges of segments, and which one each segment is: an edge is read once for both sides. */
function distinctRanges(segments: readonly Segment[]): {
  ranges: Array<[number, number]>;
  rangeOfSegment: number[];
} {
  const rangeOf = new Map<string, number>();
  const ranges: Array<[number, number]> = [];
  const rangeOfSegment = segments.map(([, , lo, hi]) => {
    const id = `${lo},${hi}`;
    let index = rangeOf.get(id);
    if (index === undefined) {
      index = ranges.push([lo, hi]) - 1;
      rangeOf.set(id, index);
    }
    return index;
  });
  return { ranges, rangeOfSegment };
}

/**
 * The articles carrying at least one of the topics, each counted once, per bucket and group: whole UTC months and
 * days from the topic-set rollups (the sets that share a topic with the selection), and the hours at bucket edges
 * that fall inside UTC days from the tag and article tables.
 */
export async function topicSetCounts(
  db: Executor,
  query: { topicIds: readonly number[]; edges: readonly number[]; key: CountKey; scope: Scope },
): Promise<Map<string, number[]>> {
  const { months, days, fine, fineUnitMs } = bucketSegments(query.edges, { months: true });
  const sets = await setsToSum(db, query.topicIds);
  const where = sql.join(
    [
      sql`r.set_id in (select value from json_each(${JSON.stringify(sets.ids)}))`,
      ...scopeConditions(query.scope, sql`r.feed_id`, sql`r.lang`),
    ],
    sql` and `,
  );
  const count = sets.lessTheRest ? sql`iif(r.set_id = ${ANY_SET_ID}, r.count, -r.count)` : undefined;
  const key = keyColumn(query.key, { topic: sql`r.set_id`, feed: sql`r.feed_id`, lang: sql`r.lang` });
  const edgesMs = fine.map(([i, s, lo, hi]): Segment => [i, s, lo * fineUnitMs, hi * fineUnitMs]);
  const sums = new Sums(query.edges.length - 1);
  const byFeed = (unit: SQL) => feedKeyed(query.key, sql`r.set_id, ${unit}, r.feed_id`);
  await summed(db, sums, months, sql`coverage_set_monthly_detail r`, sql`r.month`, key, where, {
    preGroup: byFeed(sql`r.month`),
    ...(count ? { count } : {}),
  });
  await summed(db, sums, days, sql`coverage_set_daily_detail r`, sql`r.day`, key, where, {
    preGroup: byFeed(sql`r.day`),
    ...(count ? { count } : {}),
  });
  for (const row of await distinctArticleSums(db, { ...query, segments: edgesMs }))
    sums.add(row.i, row.k, row.n);
  return sums.arrays;
}

/**
 * The topic sets whose sum is the articles carrying at least one of the topics: the sets that share a topic with
 * them, or, when fewer sets share none (a selection of most topics), set 0 (every tagged article) less those
 * (`lessTheRest`). The dashboard's share of each outlet's coverage names every topic: one set, not all of them (at
 * a million articles, 150k rollup rows a year instead of 510k).
 */
async function setsToSum(
  db: Executor,
  topicIds: readonly number[],
): Promise<{ ids: number[]; lessTheRest: boolean }> {
  const rows = await db.all<{ id: number; shares: number }>(sql`
    select s.id as id, exists (select 1 from topic_set_members m where m.set_id = s.id
      and m.topic_id in (select value from json_each(${JSON.stringify(topicIds)}))) as shares
    from topic_sets s`);
  const sharing = rows.filter((r) => Number(r.shares) === 1).map((r) => Number(r.id));
  const rest = rows.filter((r) => Number(r.shares) !== 1).map((r) => Number(r.id));
  return rest.length + 1 < sharing.length
    ? { ids: [ANY_SET_ID, ...rest], lessTheRest: true }
    : { ids: sharing, lessTheRest: false };
}

/**
 * Signed counts of the articles carrying at least one of the topics, each once, per segment (epoch ms) and group,
 * from the tag and article tables: one index range of article_topics per topic and distinct range. A bucket edge
 * that is not a UTC midnight gives the same hours to the buckets on both sides (added to one, taken from the
 * other), so each distinct range is read once and handed to its segments here: half the reads of a daily year.
 */
async function distinctArticleSums(
  db: Executor,
  query: { topicIds: readonly number[]; segments: Segment[]; key: CountKey; scope: Scope },
): Promise<Row[]> {
  if (query.segments.length === 0) return [];
  const { ranges, rangeOfSegment: segmentRanges } = distinctRanges(query.segments);
  const scope = scopeConditions(query.scope, sql`a.feed_id`, sql`coalesce(a.lang, '')`);
  const key = keyColumn(query.key, {
    topic: sql`t.topic_id`,
    feed: sql`a.feed_id`,
    lang: sql`coalesce(a.lang, '')`,
  });
  const rows = await db.all<{ r: number; k: unknown; n: number }>(sql`
    with b(r, lo, hi) as (select key, value ->> 0, value ->> 1 from json_each(${JSON.stringify(ranges)}))
    select b.r as r, ${key} as k, count(distinct t.article_id) as n
    from b join article_topics t
      on t.topic_id in (select value from json_each(${JSON.stringify(query.topicIds)}))
      and t.published_at >= b.lo and t.published_at < b.hi
    join articles a on a.id = t.article_id
    ${scope.length > 0 ? sql`where ${sql.join(scope, sql` and `)}` : sql``}
    group by b.r, k`);
  const byRange = new Map<number, Array<{ k: unknown; n: number }>>();
  for (const row of rows) {
    const list = byRange.get(Number(row.r));
    if (list) list.push(row);
    else byRange.set(Number(row.r), [row]);
  }
  return query.segments.flatMap(([i, sign], s) =>
    (byRange.get(segmentRanges[s]!) ?? []).map((row) => ({ i, k: row.k, n: sign * Number(row.n) })),
  );
}

export type Row = { i: unknown; k: unknown; n: unknown };

export function scopeConditions(scope: Scope, feed: SQL, lang: SQL): SQL[] {
  const conditions: SQL[] = [];
  if (scope.feedIds !== null)
    conditions.push(sql`${feed} in (select value from json_each(${JSON.stringify(scope.feedIds)}))`);
  if (scope.langs !== null)
    conditions.push(sql`${lang} in (select value from json_each(${JSON.stringify(scope.langs)}))`);
  return conditions;
}

export function keyColumn(key: CountKey | null, columns: { topic: SQL; feed: SQL; lang: SQL }): SQL {
  if (key === null) return sql`0`;
  if (key === "country")
    return sql`(select coalesce(f.country, '') from feeds f where f.id = ${columns.feed})`;
  return columns[key];
}

/** Per series key, signed counts per bucket, added up as rows arrive. */
class Sums {
  readonly arrays = new Map<string, number[]>();
  constructor(readonly buckets: number) {}

  /** The array of `key`, made on first use. */
  of(key: unknown): number[] {
    const id = String(key);
    let counts = this.arrays.get(id);
    if (!counts) {
      counts = zeros(this.buckets);
      this.arrays.set(id, counts);
    }
    return counts;
  }

  add(bucket: unknown, key: unknown, n: unknown): void {
    this.of(key)[Number(bucket)]! += Number(n);
  }
}

/**
 * Adds the signed sums per (bucket, key) of `table` over the segments' ranges of `unit` to `sums`. SQLite reads
 * the rollup cells of the ranges the segments cover (one index range per run of adjacent units) and hands them
 * over as ONE JSON text; the segments are summed here. Measured at 1M articles: a row object per cell costs the
 * libSQL client about 2 µs, and a join of the segments in SQL about as much per segment, against ~0.2 µs a cell
 * this way. `unique`: the table has one row per (unit, key), so SQLite need not group (its temporary B-tree was
 * 40% of a half-year's hourly read).
 */
async function summed(
  db: Executor,
  sums: Sums,
  segments: Segment[],
  table: SQL,
  unit: SQL,
  key: SQL,
  where: SQL,
  options: { unique?: boolean; preGroup?: SQL | undefined; count?: SQL } = {},
): Promise<void> {
  if (segments.length === 0) return;
  const merged = unitRanges(segments);
  const count = options.count ?? sql`r.count`;
  // Grouped first by a prefix of the primary key, which SQLite does as it reads a range (no sorting), then by
  // (unit, key) over far fewer rows: a year's monthly breakdown by outlet sorted 45k cells, now 11k. SQLite reads
  // in key order only within one bound range, so a few ranges are read one by one.
  const cells = (
    options.preGroup && merged.length <= PRE_GROUPED_RANGES
      ? await Promise.all(
          merged.map(([lo, hi]) =>
            db.all<{ j: string | null }>(sql`select json_group_array(json_array(u, k, n)) as j from (
              select r.u as u, ${key} as k, sum(r.count) as n from (
                select ${unit} as u, r.feed_id as feed_id, sum(${count}) as count from ${table}
                where ${where} and ${unit} >= ${lo} and ${unit} < ${hi} group by ${options.preGroup}
              ) r group by 1, 2)`),
          ),
        )
      : // CROSS JOIN keeps the ranges outside: left to itself the planner may scan the rollup once per range.
        [
          await db.all<{ j: string | null }>(sql`
            with rg(lo, hi) as (select value ->> 0, value ->> 1 from json_each(${JSON.stringify(merged)}))
            ${
              options.unique
                ? sql`select json_group_array(json_array(${unit}, ${key}, ${count})) as j`
                : sql`select json_group_array(json_array(u, k, n)) as j from (select ${unit} as u, ${key} as k, sum(${count}) as n`
            }
            from rg cross join ${table} where ${where} and ${unit} >= rg.lo and ${unit} < rg.hi
            ${options.unique ? sql`` : sql`group by 1, 2)`}`),
        ]
  ).flatMap((rows) => JSON.parse(rows[0]?.j ?? "[]") as Array<[number, unknown, number]>);
  // Cells by unit, each a run of [key, n] pairs: the segments then walk their units.
  const byUnit = new Map<number, unknown[]>();
  for (const [u, k, n] of cells) {
    const list = byUnit.get(u);
    if (list) list.push(k, n);
    else byUnit.set(u, [k, n]);
  }
  for (const [i, sign, lo, hi] of segments) {
    for (let u = lo; u < hi; u++) {
      const cells = byUnit.get(u);
      if (!cells) continue;
      for (let c = 0; c < cells.length; c += 2) sums.of(cells[c])[i]! += sign * (cells[c + 1] as number);
    }
  }
}

/** Up to this many separate ranges are read one query each, to be grouped as they are read. */
const PRE_GROUPED_RANGES = 4;

/**
 * The primary-key prefix (lead column, unit, feed) to group a detail rollup by before grouping by `key`, when the
 * key is a function of the feed (outlet, country); a language key is not, and is grouped in one step.
 */
function feedKeyed(key: CountKey | null, prefix: SQL): SQL | undefined {
  return key === "feed" || key === "country" ? prefix : undefined;
}

/** The segments' unit ranges, sorted and merged where they touch: what SQLite reads. */
function unitRanges(segments: readonly Segment[]): Array<[number, number]> {
  const sorted = segments.map(([, , lo, hi]) => [lo, hi] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

const zeros = (n: number) => new Array<number>(n).fill(0);

export function toArrays(rows: readonly Row[], buckets: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const key = String(row.k);
    let counts = out.get(key);
    if (!counts) {
      counts = zeros(buckets);
      out.set(key, counts);
    }
    counts[Number(row.i)]! += Number(row.n);
  }
  return out;
}
