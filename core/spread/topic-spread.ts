import { countryOf } from "../coverage/coverage-scope";
import { regionOf } from "../coverage/regions";
import { bucketIndex } from "../time/time-buckets";

/**
 * When a topic's coverage first reached each language, country and Global North/South region: the group's first
 * article, the first day (in the request's zone) on which at least N distinct outlets of the group carried the
 * topic, and how long after the topic's very first article each came. Articles of no known language, country or
 * region start no group: "reached Unknown" says nothing about where a story went.
 */

export const SPREAD_KINDS = ["lang", "country", "region"] as const;
export type SpreadKind = (typeof SPREAD_KINDS)[number];

/** One tagged article, as little as the spread needs; the caller gives them oldest first (time, then id). */
export interface SpreadArticle {
  id: number;
  publishedAt: number;
  feedId: number;
  lang: string | null;
  /** The outlet's country as stored (any case; "UK" is read as GB). */
  country: string | null;
}

/** The day buckets of the period in the request's zone: labels[i] spans [edges[i], edges[i + 1]). */
export interface SpreadDays {
  labels: readonly string[];
  edges: readonly number[];
}

export interface OutletsReached {
  /** The first day (YYYY-MM-DD in the zone) with at least N distinct outlets of the group. */
  day: string;
  /** The article that brought that day's Nth outlet, and when it appeared. */
  articleId: number;
  at: number;
  lagMinutes: number;
}

export interface SpreadGroup {
  key: string;
  firstArticleId: number;
  firstAt: number;
  /** Whole minutes after the topic's first article of the period. */
  lagMinutes: number;
  articles: number;
  outlets: number;
  outletsReached: OutletsReached | null;
}

export interface TopicSpread {
  first: { articleId: number; at: number } | null;
  groups: Record<SpreadKind, SpreadGroup[]>;
}

const MINUTE_MS = 60_000;

/** The group keys of an article: its language, its outlet's country and region, each null when unknown. */
function groupKeys(article: SpreadArticle): Record<SpreadKind, string | null> {
  const country = countryOf({ id: article.feedId, country: article.country });
  const region = regionOf(article.country);
  return {
    lang: article.lang?.trim().toLowerCase() || null,
    country: country || null,
    region: region === "unknown" ? null : region,
  };
}

interface Tally {
  group: Omit<SpreadGroup, "lagMinutes" | "outlets" | "outletsReached">;
  outlets: Set<number>;
  day: string | null;
  dayOutlets: Set<number>;
  reached: Omit<OutletsReached, "lagMinutes"> | null;
}

export function topicSpread(
  articles: readonly SpreadArticle[],
  days: SpreadDays,
  minOutlets: number,
): TopicSpread {
  const tallies: Record<SpreadKind, Map<string, Tally>> = {
    lang: new Map(),
    country: new Map(),
    region: new Map(),
  };
  for (const article of articles) {
    const day = days.labels[bucketIndex(days.edges, article.publishedAt)] ?? null;
    const keys = groupKeys(article);
    for (const kind of SPREAD_KINDS) {
      const key = keys[kind];
      if (key !== null) count(tallies[kind], key, article, day, minOutlets);
    }
  }
  const firstArticle = articles[0];
  const first = firstArticle ? { articleId: firstArticle.id, at: firstArticle.publishedAt } : null;
  const lag = (at: number) => Math.floor((at - (first?.at ?? at)) / MINUTE_MS);
  const finish = (tally: Tally): SpreadGroup => ({
    ...tally.group,
    lagMinutes: lag(tally.group.firstAt),
    outlets: tally.outlets.size,
    outletsReached: tally.reached ? { ...tally.reached, lagMinutes: lag(tally.reached.at) } : null,
  });
  const ordered = (kind: SpreadKind) => [...tallies[kind].values()].map(finish).sort(byArrival);
  return { first, groups: { lang: ordered("lang"), country: ordered("country"), region: ordered("region") } };
}

function count(
  tallies: Map<string, Tally>,
  key: string,
  article: SpreadArticle,
  day: string | null,
  minOutlets: number,
): void {
  let tally = tallies.get(key);
  if (!tally) {
    tally = {
      group: { key, firstArticleId: article.id, firstAt: article.publishedAt, articles: 0 },
      outlets: new Set(),
      day: null,
      dayOutlets: new Set(),
      reached: null,
    };
    tallies.set(key, tally);
  }
  tally.group.articles++;
  tally.outlets.add(article.feedId);
  if (tally.reached || day === null) return;
  // Articles come oldest first, so the first day whose outlets reach N is the earliest such day.
  if (tally.day !== day) {
    tally.day = day;
    tally.dayOutlets = new Set();
  }
  tally.dayOutlets.add(article.feedId);
  if (tally.dayOutlets.size >= minOutlets) {
    tally.reached = { day, articleId: article.id, at: article.publishedAt };
  }
}

function byArrival(a: SpreadGroup, b: SpreadGroup): number {
  return a.firstAt - b.firstAt || a.firstArticleId - b.firstArticleId || a.key.localeCompare(b.key);
}
