import { labeller } from "../../core/coverage/coverage-request";
import type { SpreadGroup, SpreadKind, TopicSpread } from "../../core/spread/topic-spread";
import type { ArticleSummaryRow } from "../../db/queries/topic-evidence";

/**
 * The answer's part of a spread (a topic's or a story's): its first article and its languages, countries and
 * regions, each group with its first article's list fields. Loaded by the read workers too, so no zod here.
 */

/** The ids of the articles the answer names: read them with articleSummaries and pass them to spreadGroups. */
export function spreadArticleIds(spread: TopicSpread): number[] {
  return [
    ...new Set([
      ...(spread.first ? [spread.first.articleId] : []),
      ...Object.values(spread.groups).flatMap((groups) => groups.map((g) => g.firstArticleId)),
    ]),
  ];
}

export function spreadGroups(spread: TopicSpread, summaries: readonly ArticleSummaryRow[]) {
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
