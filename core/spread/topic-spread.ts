import { countryOf } from "../coverage/coverage-scope";
import { regionOf } from "../coverage/regions";

/**
 * When a topic's coverage first reached each language, country and Global North/South region: the group's first
 * article, the first day (in the request's zone) on which at least N distinct outlets of the group carried the
 * topic, and how long after the topic's very first article each came. Articles of no known language, country or
 * region start no group: "reached Unknown" says nothing about where a story went.
 */

export const SPREAD_KINDS = ["lang", "country", "region"] as const;
export type SpreadKind = (typeof SPREAD_KINDS)[number];

/**
 * The topic's articles of one outlet, in one language, on one day of the period: what the spread needs of them
 * (the groups, the day's outlets and the counts all follow from these), so a busy topic's quarter is a few
 * thousand cells rather than a hundred thousand articles. The caller gives them ordered by (firstAt, firstId).
 */
export interface SpreadCell {
  /** The day's index in the period's day labels. */
  day: number;
  feedId: number;
  lang: string | null;
  /** The outlet's country as stored (any case; "UK" is read as GB). */
  country: string | null;
  /** The cell's earliest article. */
  firstId: number;
  firstAt: number;
  articles: number;
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

/** The group keys of a cell: its language, its outlet's country and region, each null when unknown. */
function groupKeys(cell: SpreadCell): Record<SpreadKind, string | null> {
  const country = countryOf({ id: cell.feedId, country: cell.country });
  const region = regionOf(cell.country);
  return {
    lang: cell.lang?.trim().toLowerCase() || null,
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

/** `days` are the period's day labels in the request's zone (YYYY-MM-DD), which the cells' `day` indexes. */
export function topicSpread(
  cells: readonly SpreadCell[],
  days: readonly string[],
  minOutlets: number,
): TopicSpread {
  const tallies: Record<SpreadKind, Map<string, Tally>> = {
    lang: new Map(),
    country: new Map(),
    region: new Map(),
  };
  for (const cell of cells) {
    const keys = groupKeys(cell);
    for (const kind of SPREAD_KINDS) {
      const key = keys[kind];
      if (key !== null) count(tallies[kind], key, cell, days[cell.day] ?? null, minOutlets);
    }
  }
  const firstCell = cells[0];
  const first = firstCell ? { articleId: firstCell.firstId, at: firstCell.firstAt } : null;
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
  cell: SpreadCell,
  day: string | null,
  minOutlets: number,
): void {
  let tally = tallies.get(key);
  if (!tally) {
    tally = {
      group: { key, firstArticleId: cell.firstId, firstAt: cell.firstAt, articles: 0 },
      outlets: new Set(),
      day: null,
      dayOutlets: new Set(),
      reached: null,
    };
    tallies.set(key, tally);
  }
  tally.group.articles += cell.articles;
  tally.outlets.add(cell.feedId);
  if (tally.reached || day === null) return;
  // Cells come in order of their first article, and a cell is one day: days come one after another, each
  // day's outlets in the order they first carried the topic, and the first day to reach N is the earliest.
  if (tally.day !== day) {
    tally.day = day;
    tally.dayOutlets = new Set();
  }
  tally.dayOutlets.add(cell.feedId);
  if (tally.dayOutlets.size >= minOutlets) {
    tally.reached = { day, articleId: cell.firstId, at: cell.firstAt };
  }
}

function byArrival(a: SpreadGroup, b: SpreadGroup): number {
  return a.firstAt - b.firstAt || a.firstArticleId - b.firstArticleId || a.key.localeCompare(b.key);
}
