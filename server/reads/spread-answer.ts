import { labeller } from "../../core/coverage/coverage-request";
import { hasScopeFilter, resolveScope } from "../../core/coverage/coverage-scope";
import { DomainError } from "../../core/errors";
import { type SpreadGroup, type SpreadKind, topicSpread } from "../../core/spread/topic-spread";
import { calendarRange } from "../../core/time/date-range";
import { planBuckets } from "../../core/time/time-buckets";
import type { Executor } from "../../db/client";
import { listFeeds } from "../../db/queries/feeds";
import { type ArticleSummaryRow, articleSummaries } from "../../db/queries/topic-evidence";
import { topicSpreadCells } from "../../db/queries/topic-spread";
import { getTopic } from "../../db/queries/topics";

/** The validated request of GET /api/topics/:slug/spread (server/routes/topic-spread.ts), as plain data. */
export interface SpreadQuery {
  slug: string;
  from?: string | undefined;
  to?: string | undefined;
  tz: string;
  outlets: number;
  feed?: string | undefined;
  lang?: string | undefined;
  country?: string | undefined;
  region?: string | undefined;
  folder?: string | undefined;
}

/** With no range given, the spread covers this many days up to today. */
export const DEFAULT_DAYS = 90;

/**
 * A topic's spread, read in the calling thread (a read worker, or in-process: see reads.ts): it reads every tagged
 * article of the topic in the period (about half a second of SQLite for a busy topic's 90 days at a million
 * articles), which is why it is a read worker's job and not the HTTP thread's.
 */
export async function answerSpread(db: Executor, q: SpreadQuery, now: number) {
  const days = planBuckets({
    ...calendarRange(q, q.tz, { now, days: DEFAULT_DAYS }),
    interval: "day",
    tz: q.tz,
  });
  const scope = resolveScope(q, hasScopeFilter(q) ? await listFeeds(db) : []);
  const topic = await getTopic(db, q.slug);
  if (!topic) throw new DomainError("not_found", `no topic '${q.slug}'`);
  const cells = await topicSpreadCells(db, topic.id, days.edges, scope);
  const spread = topicSpread(cells, days.labels, q.outlets);
  const summaries = await articleSummaries(db, [
    ...new Set([
      ...(spread.first ? [spread.first.articleId] : []),
      ...Object.values(spread.groups).flatMap((groups) => groups.map((g) => g.firstArticleId)),
    ]),
  ]);
  const byId = new Map(summaries.map((a) => [a.id, articleOf(a)]));
  const groupsOf = (kind: SpreadKind, groups: SpreadGroup[]) => {
    const label = labeller(kind);
    return groups.flatMap((g) => {
      const firstArticle = byId.get(g.firstArticleId);
      // An article deleted between the two reads (retention, a removed feed) takes its group out of this answer.
      if (!firstArticle) return [];
      const { lagMinutes, articles, outlets, outletsReached: reached } = g;
      const outletsReached = reached && { ...reached, at: iso(reached.at) };
      return [
        { key: g.key, label: label(g.key), firstArticle, lagMinutes, articles, outlets, outletsReached },
      ];
    });
  };
  return {
    topic: topic.slug,
    tz: days.tz,
    from: days.from,
    to: days.to,
    outlets: q.outlets,
    articles: cells.reduce((sum, cell) => sum + cell.articles, 0),
    first: (spread.first && byId.get(spread.first.articleId)) ?? null,
    languages: groupsOf("lang", spread.groups.lang),
    countries: groupsOf("country", spread.groups.country),
    regions: groupsOf("region", spread.groups.region),
  };
}

function articleOf(a: ArticleSummaryRow) {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    source: { id: a.feedId, name: a.feedName },
    publishedAt: iso(a.publishedAt),
    sample: a.isSample,
  };
}

// Not api-shapes.ts's isoTime: a read worker loads this module, and that one brings zod-openapi along.
const iso = (ms: number) => new Date(ms).toISOString();
