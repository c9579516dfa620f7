import { and, asc, desc, eq, gt, gte, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Executor } from "../client";
import { articles, articleTopics, feeds, type MatchedTermRow, topics } from "../schema";
import type { SearchPlan } from "./search-query";

export interface ArticleFilter {
  topicId?: number | undefined;
  /** Articles tagged with any of these topics (each listed once); one id walks like `topicId`. */
  topicIds?: readonly number[] | undefined;
  /** Only these feeds (country and region filters arrive resolved into feeds: core/coverage/coverage-scope.ts). */
  feedIds?: readonly number[] | null | undefined;
  /** Inclusive lower bound, epoch ms. */
  from?: number | undefined;
  /** Exclusive upper bound, epoch ms. */
  to?: number | undefined;
  /** Only these languages; "" stands for articles of unknown language. */
  langs?: readonly string[] | null | undefined;
  limit: number;
  cursor?: ArticleCursor | undefined;
  /** Full-text conditions from planSearch; results stay newest first (not ranked) so the cursor works. */
  search?: SearchPlan | undefined;
  /** Leave out the bundled sample's invented articles (Atom feeds: what a reader subscribes to is real). */
  excludeSample?: boolean | undefined;
}

/** Keyset position: the last row of the previous page in (publishedAt desc, id desc) order. */
export interface ArticleCursor {
  publishedAt: number;
  id: number;
}

export interface ArticleRow {
  id: number;
  url: string | null;
  title: string;
  summary: string;
  author: string | null;
  lang: string | null;
  publishedAt: number;
  firstSeenAt: number;
  feedId: number;
  feedName: string | null;
  feedCountry: string | null;
  /** The story it reports (GET /api/stories/:id). */
  storyId: number | null;
  /** Bundled sample data: invented text under links that lead nowhere. */
  isSample: boolean;
}

/**
 * Newest first, keyset-paginated so page N costs the same as page 1. Filtered by topic, the walk runs over
 * the tag table's (topic, time, article) index instead of over all articles. With `search`, see
 * searchConditions: a rare term drives the query from the full-text index instead of walking by time.
 */
export async function listArticles(
  db: Executor,
  filter: ArticleFilter,
): Promise<{ rows: ArticleRow[]; next: ArticleCursor | null }> {
  const driveBySearch = filter.search ? await searchIsRare(db, filter.search) : false;
  const { byTopic, time, id, conditions } = selection(filter, driveBySearch, true);
  if (filter.cursor) {
    const c = filter.cursor;
    conditions.push(or(lt(time, c.publishedAt), and(eq(time, c.publishedAt), lt(id, c.id))) as SQL);
  }
  const columns = {
    id: articles.id,
    url: articles.url,
    title: articles.title,
    summary: articles.summary,
    author: articles.author,
    lang: articles.lang,
    publishedAt: articles.publishedAt,
    firstSeenAt: articles.firstSeenAt,
    feedId: articles.feedId,
    feedName: feeds.name,
    feedCountry: feeds.country,
    storyId: articles.storyId,
    isSample: articles.isSample,
  };
  const base = byTopic
    ? db
        .select(columns)
        .from(articleTopics)
        .innerJoin(articles, eq(articles.id, articleTopics.articleId))
        .innerJoin(feeds, eq(feeds.id, articles.feedId))
    : db.select(columns).from(articles).innerJoin(feeds, eq(feeds.id, articles.feedId));
  const rows = await base
    .where(and(...conditions))
    .orderBy(desc(time), desc(id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  const next = rows.length > filter.limit && last ? { publishedAt: last.publishedAt, id: last.id } : null;
  return { rows: page, next };
}

/** How many articles the filter selects, every page together (the cursor and limit are ignored). */
export async function countSelectedArticles(db: Executor, filter: Omit<ArticleFilter, "limit" | "cursor">) {
  const driveBySearch = filter.search ? await searchIsRare(db, filter.search) : false;
  const { byTopic, conditions } = selection(filter, driveBySearch);
  const n = sql<number>`count(*)`;
  const [row] = byTopic
    ? await db
        .select({ n })
        .from(articleTopics)
        .innerJoin(articles, eq(articles.id, articleTopics.articleId))
        .where(and(...conditions))
    : await db
        .select({ n })
        .from(articles)
        .where(and(...conditions));
  return Number(row?.n ?? 0);
}

/**
 * The conditions of a filter, over the tag table's (topic, time, article) index when a topic drives the walk,
 * else over the articles. Outlet filters arrive as feed ids, so no condition needs the feeds table.
 */
function selection(filter: Omit<ArticleFilter, "limit">, driveBySearch: boolean, capped = false) {
  const topicId = filter.topicId ?? (filter.topicIds?.length === 1 ? filter.topicIds[0] : undefined);
  const byTopic = topicId !== undefined && !driveBySearch;
  const time: SQLiteColumn = byTopic ? articleTopics.publishedAt : articles.publishedAt;
  const id: SQLiteColumn = byTopic ? articleTopics.articleId : articles.id;
  const conditions: SQL[] = [];
  if (byTopic) conditions.push(eq(articleTopics.topicId, topicId));
  else if (topicId !== undefined) conditions.push(hasTopic([topicId]));
  // Several topics walk the articles by time and probe the tags, so an article in two of them is listed once.
  else if (filter.topicIds) conditions.push(hasTopic(filter.topicIds));
  if (filter.feedIds) conditions.push(inArray(articles.feedId, [...filter.feedIds]));
  if (filter.from !== undefined) conditions.push(gte(time, filter.from));
  if (filter.to !== undefined) conditions.push(lt(time, filter.to));
  if (filter.langs) conditions.push(inArray(sql`coalesce(${articles.lang}, '')`, [...filter.langs]));
  if (filter.excludeSample) conditions.push(eq(articles.isSample, false));
  if (filter.search) conditions.push(...searchConditions(id, filter.search, driveBySearch, capped));
  return { byTopic, time, id, conditions };
}

/** A primary-key probe of the tag table, for when the walk does not run over a topic's index. */
function hasTopic(topicIds: readonly number[]): SQL {
  return sql`exists (select 1 from ${articleTopics} where ${articleTopics.articleId} = ${articles.id} and ${inArray(articleTopics.topicId, [...topicIds])})`;
}

/**
 * Below this many index matches the search drives the query (fetch each match, sort them by time); from it
 * on, the time index is walked newest first and each row is checked against the matched set, which stops as
 * soon as the page is full. Measured at 1M articles: driving costs ~8 µs a match, the checked walk ~0.15 µs
 * a row and needs about limit × articles / matches rows, so the two meet near a thousand matches.
 */
const DRIVE_BELOW = 1_000;

/** True when the long terms match few enough articles to fetch them all; counting stops at the threshold. */
async function searchIsRare(db: Executor, plan: SearchPlan): Promise<boolean> {
  if (plan.match === null) return false;
  const rows = await db.all<{ n: number }>(
    sql`select count(*) as n from (select 1 from articles_fts where articles_fts match ${plan.match} limit ${DRIVE_BELOW})`,
  );
  return (rows[0]?.n ?? 0) < DRIVE_BELOW;
}

/**
 * Search narrows the newest-first walk rather than ranking it, so the cursor pages through results like any
 * other filter. The trigram index answers the long terms as a set of ids; short terms are LIKE filters over
 * the rows that are left (LIKE folds ASCII case only, and not diacritics as the index does).
 */
function searchConditions(id: SQLiteColumn, plan: SearchPlan, drive: boolean, capped: boolean): SQL[] {
  const conditions: SQL[] = [];
  if (plan.match !== null) {
    // A list considers the newest-stored `cap` matches (search-query.ts MATCH_CAP); FTS5 walks its rowids down and
    // stops there. A count takes every match.
    const matched = capped
      ? sql`(select rowid from articles_fts where articles_fts match ${plan.match} order by rowid desc limit ${plan.cap})`
      : sql`(select rowid from articles_fts where articles_fts match ${plan.match})`;
    // `+` keeps the planner from driving with the id list, which it otherwise always does (then sorts).
    conditions.push(drive ? sql`${articles.id} in ${matched}` : sql`+${id} in ${matched}`);
  }
  if (plan.notMatch !== null) {
    conditions.push(
      sql`${id} not in (select rowid from articles_fts where articles_fts match ${plan.notMatch})`,
    );
  }
  const contains = (pattern: string) =>
    sql`(${articles.title} like ${pattern} escape '\\' or ${articles.summary} like ${pattern} escape '\\')`;
  for (const pattern of plan.contains) conditions.push(contains(pattern));
  for (const pattern of plan.notContains) conditions.push(sql`not ${contains(pattern)}`);
  return conditions;
}

export interface ArticleTopicTag {
  articleId: number;
  slug: string;
  terms: MatchedTermRow[];
}

/** The topics of these articles, each with the terms that matched. */
export async function tagsOfArticles(
  db: Executor,
  articleIds: readonly number[],
): Promise<ArticleTopicTag[]> {
  if (articleIds.length === 0) return [];
  return db
    .select({ articleId: articleTopics.articleId, slug: topics.slug, terms: articleTopics.terms })
    .from(articleTopics)
    .innerJoin(topics, eq(topics.id, articleTopics.topicId))
    .where(inArray(articleTopics.articleId, [...articleIds]))
    .orderBy(articleTopics.articleId, topics.id);
}

export function encodeCursor(cursor: ArticleCursor): string {
  return Buffer.from(`${cursor.publishedAt}:${cursor.id}`).toString("base64url");
}

/** Undefined for anything that is not a cursor this server made. */
export function decodeCursor(value: string): ArticleCursor | undefined {
  const match = /^(-?\d{1,16}):(\d{1,16})$/.exec(Buffer.from(value, "base64url").toString("utf8"));
  if (!match) return undefined;
  return { publishedAt: Number(match[1]), id: Number(match[2]) };
}

/** The texts taggers read, `limit` articles after `afterId` in id order: how retags and dry runs walk the store. */
export async function articleTextsAfter(db: Executor, afterId: number, limit: number) {
  return db
    .select({
      id: articles.id,
      title: articles.title,
      summary: articles.summary,
      lang: articles.lang,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .where(gt(articles.id, afterId))
    .orderBy(asc(articles.id))
    .limit(limit);
}

/** How many articles are stored; with `sample`, only the bundled sample's. */
export async function countArticles(db: Executor, only: { sample?: boolean } = {}): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(articles)
    .where(only.sample ? eq(articles.isSample, true) : undefined);
  return Number(row?.n ?? 0);
}

/**
 * The times of the first (at or after `since`, epoch ms) and the last stored article; null when none is. Two
 * probes of the published-time index, so a page can carry the span without counting anything.
 */
export async function articleTimeSpan(
  db: Executor,
  since: number,
): Promise<{ first: number; last: number } | null> {
  const [row] = await db.all<{ first: number | null; last: number | null }>(sql`
    select (select min(published_at) from articles where published_at >= ${since}) as first,
           (select max(published_at) from articles) as last`);
  if (row?.first == null || row.last == null) return null;
  return { first: Number(row.first), last: Number(row.last) };
}
