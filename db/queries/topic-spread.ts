import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Scope } from "../../core/coverage/coverage-scope";
import type { SpreadArticle } from "../../core/spread/topic-spread";
import type { Executor } from "../client";
import { articles, articleTopics, feeds } from "../schema";

/** What the spread of a topic reads (core/spread/topic-spread.ts): its articles of a period with their outlets. */

export interface SpreadWindow {
  /** Inclusive lower bound, epoch ms. */
  from: number;
  /** Exclusive upper bound, epoch ms. */
  toExclusive: number;
  scope: Scope;
}

/**
 * The topic's articles in the window under the filters, oldest first (time, then id), with the language and the
 * outlet's country: one walk over the tag table's (topic, time) index, a few integers and two short strings a
 * row, so a topic's busiest quarter stays a few MB.
 */
export async function topicSpreadArticles(
  db: Executor,
  topicId: number,
  window: SpreadWindow,
): Promise<SpreadArticle[]> {
  const { feedIds, langs } = window.scope;
  return db
    .select({
      id: articleTopics.articleId,
      publishedAt: articleTopics.publishedAt,
      feedId: articles.feedId,
      lang: articles.lang,
      country: feeds.country,
    })
    .from(articleTopics)
    .innerJoin(articles, eq(articles.id, articleTopics.articleId))
    .innerJoin(feeds, eq(feeds.id, articles.feedId))
    .where(
      and(
        eq(articleTopics.topicId, topicId),
        gte(articleTopics.publishedAt, window.from),
        lt(articleTopics.publishedAt, window.toExclusive),
        feedIds ? inArray(articles.feedId, [...feedIds]) : undefined,
        langs ? inArray(sql`coalesce(${articles.lang}, '')`, [...langs]) : undefined,
      ),
    )
    .orderBy(asc(articleTopics.publishedAt), asc(articleTopics.articleId));
}
