import { type SQL, sql } from "drizzle-orm";
import { sparkCounts, sparkStepMs } from "../../core/stories/story-sparkline";
import type { Executor } from "../client";

/**
 * Reads of stories (db/schema/stories.ts). A story is in a selection when at least one of its articles matches
 * every filter (topic, language, time); its numbers are always the whole story's, so a list entry and the story's
 * own page agree.
 */

export type StorySort = "newest" | "size";

export interface StoryFilter {
  /** Stories with an article tagged with any of these topics. */
  topicIds?: readonly number[] | undefined;
  /** Stories with an article from one of these feeds (the scope of the feed, folder, country, region filters). */
  feedIds?: readonly number[] | null | undefined;
  /** Story languages; "" stands for unknown. */
  langs?: readonly string[] | null | undefined;
  /** Inclusive lower bound, epoch ms. */
  from?: number | undefined;
  /** Exclusive upper bound, epoch ms. */
  to?: number | undefined;
  sort: StorySort;
  limit: number;
  cursor?: StoryCursor | undefined;
}

/** Keyset position: the last story of the previous page, by the sort's key (first time, or size) and id. */
export interface StoryCursor {
  sort: StorySort;
  key: number;
  id: number;
}

export interface StoryRow {
  id: number;
  title: string;
  lang: string;
  articles: number;
  outlets: number;
  countries: number;
  firstPublishedAt: number;
  lastPublishedAt: number;
  firstSourceId: number;
  firstSourceName: string | null;
  /** Copies per step of `sparkStepMs` from the first copy (core/stories/story-sparkline.ts). */
  spark: { stepMs: number; counts: number[] };
}

type RawStory = {
  id: number;
  lang: string;
  article_count: number;
  first_published_at: number;
  last_published_at: number;
  title: string;
  feed_id: number;
  feed_name: string | null;
};

/** A page of stories, newest first (by when each appeared) or largest first (by articles). */
export async function listStories(
  db: Executor,
  filter: StoryFilter,
): Promise<{ rows: StoryRow[]; next: StoryCursor | null }> {
  const key = filter.sort === "size" ? sql`s.article_count` : sql`s.first_published_at`;
  const conditions: SQL[] = [];
  const matching = matchingArticles(filter);
  if (matching) conditions.push(sql`s.id in (${matching})`);
  if (filter.langs)
    conditions.push(sql`s.lang in (select value from json_each(${JSON.stringify(filter.langs)}))`);
  if (filter.cursor) {
    const c = filter.cursor;
    conditions.push(sql`(${key} < ${c.key} or (${key} = ${c.key} and s.id < ${c.id}))`);
  }
  const raw = await db.all<RawStory>(sql`
    ${storyColumns}
    ${conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}
    order by ${key} desc, s.id desc limit ${filter.limit + 1}`);
  const page = raw.slice(0, filter.limit);
  const rows = await withSpread(db, page);
  const last = page.at(-1);
  const next =
    raw.length > filter.limit && last
      ? {
          sort: filter.sort,
          key: filter.sort === "size" ? Number(last.article_count) : Number(last.first_published_at),
          id: Number(last.id),
        }
      : null;
  return { rows, next };
}

/** One story, or undefined. */
export async function getStory(db: Executor, id: number): Promise<StoryRow | undefined> {
  const raw = await db.all<RawStory>(sql`${storyColumns} where s.id = ${id}`);
  return (await withSpread(db, raw))[0];
}

export interface StoryArticleRow {
  id: number;
  url: string | null;
  title: string;
  feedId: number;
  feedName: string | null;
  country: string | null;
  lang: string | null;
  publishedAt: number;
}

/** A story's articles in the order they appeared (time, then id). */
export async function storyArticles(db: Executor, storyId: number): Promise<StoryArticleRow[]> {
  const rows = await db.all<{
    id: number;
    url: string | null;
    title: string;
    feed_id: number;
    feed_name: string | null;
    country: string | null;
    lang: string | null;
    published_at: number;
  }>(sql`
    select a.id, a.url, a.title, a.feed_id, f.name as feed_name, f.country, a.lang, a.published_at
    from articles a join feeds f on f.id = a.feed_id
    where a.story_id = ${storyId} order by a.published_at, a.id`);
  return rows.map((r) => ({
    id: Number(r.id),
    url: r.url,
    title: r.title,
    feedId: Number(r.feed_id),
    feedName: r.feed_name,
    country: r.country,
    lang: r.lang,
    publishedAt: Number(r.published_at),
  }));
}

const storyColumns = sql`
  select s.id, s.lang, s.article_count, s.first_published_at, s.last_published_at, a.title, a.feed_id,
    f.name as feed_name
  from stories s join articles a on a.id = s.first_article_id join feeds f on f.id = a.feed_id`;

/** The stories of the articles that match the filter's topics, feeds and time, or null when none narrows them. */
function matchingArticles(filter: StoryFilter): SQL | null {
  const { topicIds, feedIds, from, to } = filter;
  const tagged = topicIds !== undefined;
  if (!tagged && !feedIds && from === undefined && to === undefined) return null;
  // With topics, the tag table's own copy of the time keeps the range on its (topic, time) index.
  const time = tagged ? sql`t.published_at` : sql`a.published_at`;
  const where = [
    ...(tagged ? [sql`t.topic_id in (select value from json_each(${JSON.stringify(topicIds)}))`] : []),
    ...(from === undefined ? [] : [sql`${time} >= ${from}`]),
    ...(to === undefined ? [] : [sql`${time} < ${to}`]),
    ...(feedIds ? [sql`a.feed_id in (select value from json_each(${JSON.stringify(feedIds)}))`] : []),
  ];
  const source = tagged ? sql`article_topics t join articles a on a.id = t.article_id` : sql`articles a`;
  return sql`select a.story_id from ${source} where ${sql.join(where, sql` and `)}`;
}

/** Outlets and countries of each story, one grouped read for the page. */
async function withSpread(db: Executor, raw: readonly RawStory[]): Promise<StoryRow[]> {
  if (raw.length === 0) return [];
  const ids = raw.map((r) => Number(r.id));
  const spread = await db.all<{ story_id: number; outlets: number; countries: number }>(sql`
    select a.story_id, count(distinct a.feed_id) as outlets, count(distinct f.country) as countries
    from articles a join feeds f on f.id = a.feed_id
    where a.story_id in (select value from json_each(${JSON.stringify(ids)}))
    group by a.story_id`);
  const of = new Map(spread.map((s) => [Number(s.story_id), s]));
  const steps = await sparkSteps(db, raw);
  return raw.map((r) => ({
    id: Number(r.id),
    title: r.title,
    lang: r.lang,
    articles: Number(r.article_count),
    outlets: Number(of.get(Number(r.id))?.outlets ?? 0),
    countries: Number(of.get(Number(r.id))?.countries ?? 0),
    firstPublishedAt: Number(r.first_published_at),
    lastPublishedAt: Number(r.last_published_at),
    firstSourceId: Number(r.feed_id),
    firstSourceName: r.feed_name,
    spark: {
      stepMs: sparkStepMs(Number(r.first_published_at), Number(r.last_published_at)),
      counts: sparkCounts(
        Number(r.first_published_at),
        Number(r.last_published_at),
        steps.get(Number(r.id)) ?? [],
      ),
    },
  }));
}

/** Each story's copies per sparkline step, one grouped read for the page (on the story-and-time index). */
async function sparkSteps(
  db: Executor,
  raw: readonly RawStory[],
): Promise<Map<number, Array<{ step: number; copies: number }>>> {
  const plan = raw.map((r) => [
    Number(r.id),
    Number(r.first_published_at),
    sparkStepMs(Number(r.first_published_at), Number(r.last_published_at)),
  ]);
  const rows = await db.all<{ id: number; step: number; copies: number }>(sql`
    select w.value ->> 0 as id, (a.published_at - (w.value ->> 1)) / (w.value ->> 2) as step, count(*) as copies
    from json_each(${JSON.stringify(plan)}) w join articles a on a.story_id = w.value ->> 0
    group by 1, 2`);
  const byStory = new Map<number, Array<{ step: number; copies: number }>>();
  for (const r of rows) {
    const list = byStory.get(Number(r.id)) ?? [];
    list.push({ step: Number(r.step), copies: Number(r.copies) });
    byStory.set(Number(r.id), list);
  }
  return byStory;
}

export function encodeStoryCursor(cursor: StoryCursor): string {
  return Buffer.from(`${cursor.sort}:${cursor.key}:${cursor.id}`).toString("base64url");
}

/** Undefined for anything that is not a cursor this server made for this sort. */
export function decodeStoryCursor(value: string, sort: StorySort): StoryCursor | undefined {
  const match = /^(newest|size):(-?\d{1,16}):(\d{1,16})$/.exec(
    Buffer.from(value, "base64url").toString("utf8"),
  );
  if (!match || match[1] !== sort) return undefined;
  return { sort, key: Number(match[2]), id: Number(match[3]) };
}
