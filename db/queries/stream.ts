import { and, asc, desc, eq, exists, gt, lte, max, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { articles, articleTopics, feeds } from "../schema";

/** An article as the live stream sends it; tags are read separately with tagsOfArticles. */
export interface StreamArticleRow {
  id: number;
  title: string;
  url: string | null;
  lang: string | null;
  publishedAt: number;
  isSample: boolean;
  feedId: number;
  feedName: string | null;
  storyId: number | null;
}

const columns = {
  id: articles.id,
  title: articles.title,
  url: articles.url,
  lang: articles.lang,
  publishedAt: articles.publishedAt,
  isSample: articles.isSample,
  feedId: articles.feedId,
  feedName: feeds.name,
  storyId: articles.storyId,
};

/** The highest article id stored so far (0 for none): where a freshly started stream begins. */
export async function latestArticleId(db: Executor): Promise<number> {
  const rows = await db.select({ id: max(articles.id) }).from(articles);
  return rows[0]?.id ?? 0;
}

/**
 * Articles stored after `afterId`, oldest first, tagged or not and sample or not, so the caller's cursor can
 * move past every id it has looked at. A primary-key range: cheap to ask every second.
 */
export async function articlesAfter(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<StreamArticleRow[]> {
  return db
    .select(columns)
    .from(articles)
    .innerJoin(feeds, eq(feeds.id, articles.feedId))
    .where(gt(articles.id, afterId))
    .orderBy(asc(articles.id))
    .limit(limit);
}

/**
 * What a reconnecting client missed: tagged, non-sample articles with ids in (afterId, upToId], optionally of
 * one topic, the newest `limit` of them, returned oldest first.
 */
export async function missedArticles(
  db: Executor,
  range: { afterId: number; upToId: number; topicId?: number | undefined; limit: number },
): Promise<StreamArticleRow[]> {
  const tagged: SQL[] = [eq(articleTopics.articleId, articles.id)];
  if (range.topicId !== undefined) tagged.push(eq(articleTopics.topicId, range.topicId));
  const rows = await db
    .select(columns)
    .from(articles)
    .innerJoin(feeds, eq(feeds.id, articles.feedId))
    .where(
      and(
        gt(articles.id, range.afterId),
        lte(articles.id, range.upToId),
        eq(articles.isSample, false),
        exists(
          db
            .select({ one: articleTopics.articleId })
            .from(articleTopics)
            .where(and(...tagged)),
        ),
      ),
    )
    .orderBy(desc(articles.id))
    .limit(range.limit);
  return rows.reverse();
}
