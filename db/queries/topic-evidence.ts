import { and, desc, eq, gte, inArray, lt, notExists, type SQL, sql } from "drizzle-orm";
import { NO_SCOPE, type Scope } from "../../core/coverage/coverage-scope";
import { EVIDENCE_ARTICLE_CAP, evidencePeriod } from "../../core/tagging/topic-evidence";
import type { RangeQuery } from "../../core/time/date-range";
import type { Executor } from "../client";
import { articles, articleTopics, feeds } from "../schema";

/**
 * The reads behind a topic's distinctive terms and misses (core/tagging/topic-evidence.ts): the texts of the
 * topic's articles and of the others in a period, newest first and capped, since the statistics read them all.
 */

export interface EvidenceWindow {
  /** Inclusive lower bound, epoch ms. */
  from: number;
  /** Exclusive upper bound, epoch ms. */
  toExclusive: number;
  /** The filters (outlets, languages), on both sides. */
  scope: Scope;
  /** At most this many rows. */
  limit: number;
}

export interface ArticleTextRow {
  id: number;
  title: string;
  summary: string;
  lang: string | null;
}

const inLangs = (langs: readonly string[]): SQL =>
  sql`coalesce(${articles.lang}, '') in (select value from json_each(${JSON.stringify(langs)}))`;

/** The filters as conditions on `articles`; an empty list of feeds or languages matches nothing. */
function scopeConditions(scope: Scope): SQL[] {
  const conditions: SQL[] = [];
  if (scope.feedIds !== null)
    conditions.push(
      sql`${articles.feedId} in (select value from json_each(${JSON.stringify(scope.feedIds)}))`,
    );
  if (scope.langs !== null) conditions.push(inLangs(scope.langs));
  return conditions;
}

/**
 * The newest time of an article the filters leave, or null when there is none: where "the last days" end. Under
 * an outlet filter, each outlet's newest is one probe of its (feed, time) index, so a filter to a quiet outlet
 * does not walk the whole time index back to its last article.
 */
export async function newestArticleTime(db: Executor, scope: Scope = NO_SCOPE): Promise<number | null> {
  if (scope.feedIds !== null) {
    const langs = scope.langs === null ? sql`` : sql`and ${inLangs(scope.langs)}`;
    const rows = await db.all<{ newest: number | null }>(sql`
      select max((select ${articles.publishedAt} from ${articles}
                  where ${articles.feedId} = f.value ${langs}
                  order by ${articles.publishedAt} desc limit 1)) as newest
      from json_each(${JSON.stringify(scope.feedIds)}) f`);
    const newest = rows[0]?.newest;
    return newest === null || newest === undefined ? null : Number(newest);
  }
  const rows = await db
    .select({ publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(...scopeConditions(scope)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(1);
  return rows[0]?.publishedAt ?? null;
}

/** Texts of the topic's articles in the window, newest first: a walk over the tag table's (topic, time) index. */
export async function topicArticleTexts(
  db: Executor,
  topicId: number,
  window: EvidenceWindow,
): Promise<ArticleTextRow[]> {
  return db
    .select({ id: articles.id, title: articles.title, summary: articles.summary, lang: articles.lang })
    .from(articleTopics)
    .innerJoin(articles, eq(articles.id, articleTopics.articleId))
    .where(
      and(
        eq(articleTopics.topicId, topicId),
        gte(articleTopics.publishedAt, window.from),
        lt(articleTopics.publishedAt, window.toExclusive),
        ...scopeConditions(window.scope),
      ),
    )
    .orderBy(desc(articleTopics.publishedAt), desc(articleTopics.articleId))
    .limit(window.limit);
}

/**
 * Texts of the articles in the window that do not carry the topic, newest first: the time index walked with a
 * primary-key probe of the tag table per row.
 */
export async function untaggedArticleTexts(
  db: Executor,
  topicId: number,
  window: EvidenceWindow,
): Promise<ArticleTextRow[]> {
  return db
    .select({ id: articles.id, title: articles.title, summary: articles.summary, lang: articles.lang })
    .from(articles)
    .where(
      and(
        gte(articles.publishedAt, window.from),
        lt(articles.publishedAt, window.toExclusive),
        ...scopeConditions(window.scope),
        notExists(
          db
            .select({ one: sql`1` })
            .from(articleTopics)
            .where(and(eq(articleTopics.articleId, articles.id), eq(articleTopics.topicId, topicId))),
        ),
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(window.limit);
}

export interface ArticleSummaryRow {
  id: number;
  url: string | null;
  title: string;
  lang: string | null;
  publishedAt: number;
  feedId: number;
  feedName: string | null;
  isSample: boolean;
}

/** The list fields of these articles (url, source, time), in no particular order. */
export async function articleSummaries(db: Executor, ids: readonly number[]): Promise<ArticleSummaryRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: articles.id,
      url: articles.url,
      title: articles.title,
      lang: articles.lang,
      publishedAt: articles.publishedAt,
      feedId: articles.feedId,
      feedName: feeds.name,
      isSample: articles.isSample,
    })
    .from(articles)
    .innerJoin(feeds, eq(feeds.id, articles.feedId))
    .where(inArray(articles.id, [...ids]));
}

export interface EvidenceTexts {
  /** The period read, [from, toExclusive) in epoch ms. */
  from: number;
  toExclusive: number;
  topic: ArticleTextRow[];
  rest: ArticleTextRow[];
  /** True when a side had more articles than the cap; the newest were read. */
  topicCapped: boolean;
  restCapped: boolean;
}

/**
 * Both sides of a topic's evidence under the filters: the period (from/to as the API takes them, by default the
 * last EVIDENCE_DEFAULT_DAYS of the filtered data), then the newest `cap` tagged and `cap` untagged articles in
 * it. The rest is the rest of the filtered coverage, so a term is distinctive of the topic within those outlets
 * and languages, not of the outlets themselves.
 */
export async function readEvidenceTexts(
  db: Executor,
  topicId: number,
  query: RangeQuery,
  scope: Scope,
  { now, cap = EVIDENCE_ARTICLE_CAP }: { now: number; cap?: number },
): Promise<EvidenceTexts> {
  const newest = await newestArticleTime(db, scope);
  const period = evidencePeriod(query, newest, now);
  const window = { ...period, scope, limit: cap + 1 };
  const topic = await topicArticleTexts(db, topicId, window);
  const rest = await untaggedArticleTexts(db, topicId, window);
  return {
    ...period,
    topic: topic.slice(0, cap),
    rest: rest.slice(0, cap),
    topicCapped: topic.length > cap,
    restCapped: rest.length > cap,
  };
}
