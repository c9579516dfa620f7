import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { articles, feeds } from "../schema";

export interface ArticleFilter {
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

/** Newest first, keyset-paginated so page N costs the same as page 1. */
export async function listArticles(
  db: Executor,
  filter: ArticleFilter,
): Promise<{ rows: ArticleRow[]; next: ArticleCursor | null }> {
  const conditions: SQL[] = [];
  if (filter.feedId !== undefined) conditions.push(eq(articles.feedId, filter.feedId));
  if (filter.from !== undefined) conditions.push(gte(articles.publishedAt, filter.from));
  if (filter.to !== undefined) conditions.push(lt(articles.publishedAt, filter.to));
  if (filter.lang !== undefined) conditions.push(eq(articles.lang, filter.lang));
  if (filter.country !== undefined) conditions.push(eq(feeds.country, filter.country));
  if (filter.cursor) {
    const c = filter.cursor;
    conditions.push(
      or(
        lt(articles.publishedAt, c.publishedAt),
        and(eq(articles.publishedAt, c.publishedAt), lt(articles.id, c.id)),
      ) as SQL,
    );
  }
  const rows = await db
    .select({
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
    })
    .from(articles)
    .innerJoin(feeds, eq(feeds.id, articles.feedId))
    .where(and(...conditions))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  const next = rows.length > filter.limit && last ? { publishedAt: last.publishedAt, id: last.id } : null;
  return { rows: page, next };
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
