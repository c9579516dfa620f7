import { eq, type SQL, sql } from "drizzle-orm";
import type { Db, Executor } from "../client";
import {
  coverageDaily,
  coverageDailyDetail,
  coverageDetail,
  coverageHourly,
  coverageHourlyFeed,
  coverageMonthlyDetail,
  coverageSetDailyDetail,
  coverageSetMonthlyDetail,
  feeds,
  topicSets,
  topics,
} from "../schema";

/**
 * Keeps the coverage rollups exact. Every change to articles or tags adds a signed delta computed by SQL
 * from the rows being added or removed, inside the same transaction, so the rollups can never drift from
 * what they summarize. Topic 0 counts every article (the denominator of shares).
 */

// Inlined rather than bound: a bound JS number arrives as a REAL, and REAL division would not floor.
const HOUR_MS = sql.raw("3600000");
const QUARTER_MS = sql.raw("900000");
const DAY_MS = sql.raw("86400000");
const ALL_ARTICLES = sql.raw("0");
/** The epoch day of the UTC month's first day, of an epoch-ms expression (coverage_monthly_detail's `month`). */
const monthOf = (ms: SQL) =>
  sql`cast(strftime('%s', ${ms} / 1000, 'unixepoch', 'start of month') as integer) / 86400`;

const ROLLUPS = [
  coverageHourly,
  coverageHourlyFeed,
  coverageDetail,
  coverageDaily,
  coverageDailyDetail,
  coverageMonthlyDetail,
] as const;
/** Every rollup table, for rebuilds and cleaning: the per-topic ones and the per-topic-set ones. */
export const ROLLUP_TABLES = [
  "coverage_hourly",
  "coverage_hourly_feed",
  "coverage_detail",
  "coverage_daily",
  "coverage_daily_detail",
  "coverage_monthly_detail",
  "coverage_set_daily_detail",
  "coverage_set_monthly_detail",
] as const;

type Sign = 1 | -1;
const signed = (sign: Sign) => sql.raw(sign === 1 ? "1" : "-1");

/** Adds (sign 1) or removes (sign -1) the articles matching `where` (over `a`, the articles table). */
export async function rollupArticles(db: Executor, where: SQL, sign: Sign): Promise<void> {
  await db.run(sql`
    insert into coverage_hourly (topic_id, hour, count)
    select ${ALL_ARTICLES}, a.published_at / ${HOUR_MS}, ${signed(sign)} * count(*) from articles a
    where ${where} group by 2
    on conflict (topic_id, hour) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_hourly_feed (topic_id, hour, feed_id, count)
    select ${ALL_ARTICLES}, a.published_at / ${HOUR_MS}, a.feed_id, ${signed(sign)} * count(*) from articles a
    where ${where} group by 2, 3
    on conflict (topic_id, hour, feed_id) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_detail (topic_id, quarter, feed_id, lang, count)
    select ${ALL_ARTICLES}, a.published_at / ${QUARTER_MS}, a.feed_id, coalesce(a.lang, ''), ${signed(sign)} * count(*)
    from articles a where ${where} group by 2, 3, 4
    on conflict (topic_id, quarter, feed_id, lang) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_daily (topic_id, day, count)
    select ${ALL_ARTICLES}, a.published_at / ${DAY_MS}, ${signed(sign)} * count(*) from articles a
    where ${where} group by 2
    on conflict (topic_id, day) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_daily_detail (topic_id, day, feed_id, lang, count)
    select ${ALL_ARTICLES}, a.published_at / ${DAY_MS}, a.feed_id, coalesce(a.lang, ''), ${signed(sign)} * count(*)
    from articles a where ${where} group by 2, 3, 4
    on conflict (topic_id, day, feed_id, lang) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_monthly_detail (topic_id, month, feed_id, lang, count)
    select ${ALL_ARTICLES}, ${monthOf(sql`a.published_at`)}, a.feed_id, coalesce(a.lang, ''), ${signed(sign)} * count(*)
    from articles a where ${where} group by 2, 3, 4
    on conflict (topic_id, month, feed_id, lang) do update set count = count + excluded.count`);
}

/** Adds or removes the tags matching `where` (over `t`, article_topics, joined with `a`, articles). */
export async function rollupTags(db: Executor, where: SQL, sign: Sign): Promise<void> {
  await db.run(sql`
    insert into coverage_hourly (topic_id, hour, count)
    select t.topic_id, t.published_at / ${HOUR_MS}, ${signed(sign)} * count(*) from article_topics t
    where ${where} group by 1, 2
    on conflict (topic_id, hour) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_hourly_feed (topic_id, hour, feed_id, count)
    select t.topic_id, t.published_at / ${HOUR_MS}, a.feed_id, ${signed(sign)} * count(*)
    from article_topics t join articles a on a.id = t.article_id
    where ${where} group by 1, 2, 3
    on conflict (topic_id, hour, feed_id) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_detail (topic_id, quarter, feed_id, lang, count)
    select t.topic_id, t.published_at / ${QUARTER_MS}, a.feed_id, coalesce(a.lang, ''), ${signed(sign)} * count(*)
    from article_topics t join articles a on a.id = t.article_id
    where ${where} group by 1, 2, 3, 4
    on conflict (topic_id, quarter, feed_id, lang) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_daily (topic_id, day, count)
    select t.topic_id, t.published_at / ${DAY_MS}, ${signed(sign)} * count(*) from article_topics t
    where ${where} group by 1, 2
    on conflict (topic_id, day) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_daily_detail (topic_id, day, feed_id, lang, count)
    select t.topic_id, t.published_at / ${DAY_MS}, a.feed_id, coalesce(a.lang, ''), ${signed(sign)} * count(*)
    from article_topics t join articles a on a.id = t.article_id
    where ${where} group by 1, 2, 3, 4
    on conflict (topic_id, day, feed_id, lang) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_monthly_detail (topic_id, month, feed_id, lang, count)
    select t.topic_id, ${monthOf(sql`t.published_at`)}, a.feed_id, coalesce(a.lang, ''), ${signed(sign)} * count(*)
    from article_topics t join articles a on a.id = t.article_id
    where ${where} group by 1, 2, 3, 4
    on conflict (topic_id, month, feed_id, lang) do update set count = count + excluded.count`);
}

/**
 * Adds or removes the articles matching `where` (over `a`, articles) in the topic-set rollups, under the set of
 * topics they carry NOW: call it with -1 before their tags change and with +1 after, over the same articles.
 * Untagged articles are in no set.
 */
export async function rollupTopicSets(db: Executor, where: SQL, sign: Sign): Promise<void> {
  const withSets = sql`with x as (
      select a.published_at as at, a.feed_id as feed_id, coalesce(a.lang, '') as lang,
        (select group_concat(t.topic_id, ',' order by t.topic_id) from article_topics t where t.article_id = a.id) as k
      from articles a where ${where})`;
  if (sign === 1) {
    await db.run(sql`${withSets}
      insert into topic_sets (topics) select distinct k from x where k is not null order by k
      on conflict do nothing`);
    await addSetMembers(db);
  }
  for (const [table, unit] of SET_ROLLUPS) {
    const of = unit === "day" ? sql`x.at / ${DAY_MS}` : monthOf(sql`x.at`);
    // Set 0 beside each article's own set: every tagged article.
    await db.run(sql`${withSets}
      insert into ${sql.raw(table)} (set_id, ${sql.raw(unit)}, feed_id, lang, count)
      select s.id, ${of}, x.feed_id, x.lang, ${signed(sign)} * count(*) from x join topic_sets s on s.topics = x.k
      group by 1, 2, 3, 4
      union all
      select ${ANY_SET}, ${of}, x.feed_id, x.lang, ${signed(sign)} * count(*) from x where x.k is not null
      group by 2, 3, 4
      on conflict (set_id, ${sql.raw(unit)}, feed_id, lang) do update set count = count + excluded.count`);
  }
}

/** A new article's place in the topic-set rollups: the ids of the topics it is tagged with, and where it counts. */
export interface SetEntry {
  topicIds: readonly number[];
  publishedAt: number;
  feedId: number;
  lang: string | null;
}

/**
 * Adds new articles to the topic-set rollups from the tags the caller holds, summed in JS: one upsert per table
 * with a row per distinct (set, day or month, feed, language), where rollupTopicSets re-reads each article's tags
 * with a correlated group_concat (issue 12's profile: three statements per feed that cost as much as the five
 * per-topic rollups together). The set's key is the one rollupTopicSets builds: the ids ascending, comma-joined.
 */
export async function rollupNewArticleSets(db: Executor, entries: readonly SetEntry[]): Promise<void> {
  const tagged = entries.flatMap((e) =>
    e.topicIds.length === 0 ? [] : [{ ...e, set: [...new Set(e.topicIds)].sort((a, b) => a - b).join(",") }],
  );
  if (tagged.length === 0) return;
  // In text order, as rollupTopicSets inserts them, so new sets get their ids the same way.
  const sets = [...new Set(tagged.map((e) => e.set))].sort();
  await db.run(sql`
    insert into topic_sets (topics) select value from json_each(${JSON.stringify(sets)}) where true order by key
    on conflict do nothing`);
  await addSetMembers(db);
  const rows = await db.all<{ id: number; topics: string }>(sql`
    select id, topics from topic_sets where topics in (select value from json_each(${JSON.stringify(sets)}))`);
  const idOf = new Map(rows.map((r) => [r.topics, Number(r.id)]));
  const daily = new Map<string, Cell>();
  const monthly = new Map<string, Cell>();
  for (const e of tagged) {
    const setId = idOf.get(e.set)!;
    const lang = e.lang ?? "";
    for (const id of [setId, ANY_SET_ID]) {
      bump(daily, [id, Math.floor(e.publishedAt / 86_400_000), e.feedId, lang]);
      bump(monthly, [id, monthStartDay(e.publishedAt), e.feedId, lang]);
    }
  }
  await upsert(db, "coverage_set_daily_detail", ["set_id", "day", "feed_id", "lang"], daily);
  await upsert(db, "coverage_set_monthly_detail", ["set_id", "month", "feed_id", "lang"], monthly);
}

/** Lists the topics of sets that are new (what a selection of topics looks sets up by). */
async function addSetMembers(db: Executor): Promise<void> {
  await db.run(sql`
    insert into topic_set_members (topic_id, set_id)
    select j.value, s.id from topic_sets s join json_each('[' || s.topics || ']') j
    where s.id not in (select set_id from topic_set_members)
    on conflict do nothing`);
}

/** The set of every tagged article in the topic-set rollups (no topic_sets row: no selection reaches it by its topics). */
export const ANY_SET_ID = 0;
const ANY_SET = sql.raw(String(ANY_SET_ID));

const SET_ROLLUPS = [
  ["coverage_set_daily_detail", "day"],
  ["coverage_set_monthly_detail", "month"],
] as const;

/**
 * A deleted topic leaves the sets: the counts of each set that held it move to the set of its other topics (or
 * go, when it was the only one), as a rebuild would count those articles now that the topic's tags are gone.
 */
async function forgetTopicInSets(db: Executor, topicId: number): Promise<void> {
  const sets = await db.all<{ id: number; topics: string }>(sql`
    select s.id as id, s.topics as topics from topic_sets s join topic_set_members m on m.set_id = s.id
    where m.topic_id = ${topicId}`);
  for (const set of sets) {
    const rest = set.topics
      .split(",")
      .filter((id) => Number(id) !== topicId)
      .join(",");
    if (rest === "") {
      // Its articles carry no topic now: they leave set 0 too.
      for (const [table, unit] of SET_ROLLUPS) {
        await db.run(sql`
          insert into ${sql.raw(table)} (set_id, ${sql.raw(unit)}, feed_id, lang, count)
          select ${ANY_SET}, ${sql.raw(unit)}, feed_id, lang, -count from ${sql.raw(table)} where set_id = ${set.id}
          on conflict (set_id, ${sql.raw(unit)}, feed_id, lang) do update set count = count + excluded.count`);
      }
    } else {
      await db.run(sql`insert into topic_sets (topics) values (${rest}) on conflict do nothing`);
      await addSetMembers(db);
      for (const [table, unit] of SET_ROLLUPS) {
        await db.run(sql`
          insert into ${sql.raw(table)} (set_id, ${sql.raw(unit)}, feed_id, lang, count)
          select (select id from topic_sets where topics = ${rest}), ${sql.raw(unit)}, feed_id, lang, count
          from ${sql.raw(table)} where set_id = ${set.id}
          on conflict (set_id, ${sql.raw(unit)}, feed_id, lang) do update set count = count + excluded.count`);
      }
    }
    for (const [table] of SET_ROLLUPS)
      await db.run(sql`delete from ${sql.raw(table)} where set_id = ${set.id}`);
    await db.run(sql`delete from topic_sets where id = ${set.id}`);
  }
}

/** One counted row: an article (topic 0) or one of its tags. */
export interface RollupEntry {
  topicId: number;
  publishedAt: number;
  feedId: number;
  lang: string | null;
}

const UPSERT_CHUNK = 2_000;

/**
 * Adds counts the caller already holds in memory (the store path knows every new article and tag), summed in
 * JS and written as a few multi-row upserts rather than recomputed by joins.
 */
export async function rollupEntries(db: Executor, entries: readonly RollupEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const hourly = new Map<string, Cell>();
  const hourlyFeed = new Map<string, Cell>();
  const daily = new Map<string, Cell>();
  const detail = new Map<string, Cell>();
  const dailyDetail = new Map<string, Cell>();
  const monthlyDetail = new Map<string, Cell>();
  for (const e of entries) {
    const lang = e.lang ?? "";
    const day = Math.floor(e.publishedAt / 86_400_000);
    const hour = Math.floor(e.publishedAt / 3_600_000);
    bump(hourly, [e.topicId, hour]);
    bump(hourlyFeed, [e.topicId, hour, e.feedId]);
    bump(daily, [e.topicId, day]);
    bump(detail, [e.topicId, Math.floor(e.publishedAt / 900_000), e.feedId, lang]);
    bump(dailyDetail, [e.topicId, day, e.feedId, lang]);
    bump(monthlyDetail, [e.topicId, monthStartDay(e.publishedAt), e.feedId, lang]);
  }
  await upsert(db, "coverage_hourly", ["topic_id", "hour"], hourly);
  await upsert(db, "coverage_hourly_feed", ["topic_id", "hour", "feed_id"], hourlyFeed);
  await upsert(db, "coverage_daily", ["topic_id", "day"], daily);
  await upsert(db, "coverage_detail", ["topic_id", "quarter", "feed_id", "lang"], detail);
  await upsert(db, "coverage_daily_detail", ["topic_id", "day", "feed_id", "lang"], dailyDetail);
  await upsert(db, "coverage_monthly_detail", ["topic_id", "month", "feed_id", "lang"], monthlyDetail);
}

/** The epoch day of the UTC month's first day (coverage_monthly_detail's `month`). */
export function monthStartDay(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
}

interface Cell {
  key: Array<number | string>;
  count: number;
}

/** Counts one more under `key`. */
function bump(map: Map<string, Cell>, key: Array<number | string>): void {
  const id = key.join("\u0000");
  const cell = map.get(id);
  if (cell) cell.count++;
  else map.set(id, { key, count: 1 });
}

/** Multi-row upserts with the rows as one JSON parameter (binding each value through drizzle costs more). */
async function upsert(
  db: Executor,
  table: string,
  columns: string[],
  cells: Map<string, Cell>,
): Promise<void> {
  const all = [...cells.values()];
  const picks = [...columns, "count"].map((_, i) => `r.value ->> ${i}`).join(", ");
  for (let i = 0; i < all.length; i += UPSERT_CHUNK) {
    const json = JSON.stringify(all.slice(i, i + UPSERT_CHUNK).map((cell) => [...cell.key, cell.count]));
    // `where true` lets SQLite's parser tell the upsert's ON CONFLICT from a join constraint.
    await db.run(sql`
      insert into ${sql.raw(table)} (${sql.raw([...columns, "count"].join(", "))})
      select ${sql.raw(picks)} from json_each(${json}) r where true
      on conflict (${sql.raw(columns.join(", "))}) do update set count = count + excluded.count`);
  }
}

export const articleIdsIn = (alias: "a" | "t", ids: readonly number[]): SQL =>
  alias === "a"
    ? sql`a.id in (select value from json_each(${JSON.stringify(ids)}))`
    : sql`t.article_id in (select value from json_each(${JSON.stringify(ids)}))`;

/**
 * Deletes feeds (and, by cascade, their articles, tags and detail rollups), taking their articles out of the
 * hourly rollups first. Run inside a transaction.
 */
export async function deleteFeedsWithRollups(db: Executor, where: SQL): Promise<number> {
  await db.run(sql`
    insert into coverage_hourly (topic_id, hour, count)
    select d.topic_id, d.quarter / 4, -sum(d.count) from coverage_detail d
    where d.feed_id in (select id from feeds where ${where}) group by 1, 2
    on conflict (topic_id, hour) do update set count = count + excluded.count`);
  await db.run(sql`
    insert into coverage_daily (topic_id, day, count)
    select d.topic_id, d.day, -sum(d.count) from coverage_daily_detail d
    where d.feed_id in (select id from feeds where ${where}) group by 1, 2
    on conflict (topic_id, day) do update set count = count + excluded.count`);
  const removed = await db.delete(feeds).where(where).returning({ id: feeds.id });
  return removed.length;
}

/** A deleted topic's rollups go with it (its tags go by cascade). */
export async function deleteTopicRollups(db: Executor, topicId: number): Promise<void> {
  for (const table of ROLLUPS) await db.delete(table).where(eq(table.topicId, topicId));
  await forgetTopicInSets(db, topicId);
}

/** Recomputes every rollup from the articles and tags (`cli coverage rebuild`), in one transaction. */
export async function rebuildRollups(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of [...ROLLUPS, coverageSetDailyDetail, coverageSetMonthlyDetail])
      await tx.delete(table);
    await tx.delete(topicSets);
    await rollupArticles(tx, sql`true`, 1);
    await rollupTags(tx, sql`t.topic_id in (select ${topics.id} from ${topics})`, 1);
    await rollupTopicSets(tx, sql`true`, 1);
  });
}
