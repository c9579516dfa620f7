import { and, desc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Executor } from "../client";
import { articles, articleTopics, feeds, type MatchedTermRow, topics } from "../schema";

export interface ArticleFilter {
  topicId?: number | undefined;
  feedId?: number | undefined;
  /** Inclusive lower bound, epoch ms. */
  from?: number | undefined;
  /** Exclusive upper bound, epoch ms. */
  to?: number | undefined;
  lang?: string | undefined;
  country?: string | undefined;
  limit: number;
  cursor?: ArticleCursor | undefined;
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
}

/**
 * Newest first, keyset-paginated so page N costs the same as page 1. Filtered by topic, the walk runs over
 * the tag table's (topic, time, article) index instead of over all articles.
 */
export async function listArticles(
  db: Executor,
  filter: ArticleFilter,
): Promise<{ rows: ArticleRow[]; next: ArticleCursor | null }> {
  const byTopic = filter.topicId !== undefined;
  const time: SQLiteColumn = byTopic ? articleTopics.publishedAt : articles.publishedAt;
  const id: SQLiteColumn = byTopic ? articleTopics.articleId : articles.id;
  const conditions: SQL[] = [];
  if (byTopic) conditions.push(eq(articleTopics.topicId, filter.topicId!));
  if (filter.feedId !== undefined) conditions.push(eq(articles.feedId, filter.feedId));
  if (filter.from !== undefined) conditions.push(gte(time, filter.from));
  if (filter.to !== undefined) conditions.push(lt(time, filter.to));
  if (filter.lang !== undefined) conditions.push(eq(articles.lang, filter.lang));
  if (filter.country !== undefined) conditions.push(eq(feeds.country, filter.country));
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
