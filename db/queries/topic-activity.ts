import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import type { MatchedTermRow } from "../schema";
import { listArticles } from "./articles";

/** What the spike and digest alerts quote about a topic's recent coverage, besides its counts. */

const QUARTER_MS = 900_000;

export interface OutletCount {
  id: number;
  name: string;
  count: number;
}

/** The feeds that carried most of a topic's articles in [from, to), from the quarter-hour rollup. */
export async function topOutlets(
  db: Executor,
  query: { topicId: number; from: number; to: number; limit: number },
): Promise<OutletCount[]> {
  const rows = await db.all<{ id: number; name: string | null; url: string; n: number }>(sql`
    select f.id as id, f.name as name, f.url as url, sum(r.count) as n
    from coverage_detail r join feeds f on f.id = r.feed_id
    where r.topic_id = ${query.topicId} and f.is_sample = 0
      and r.quarter >= ${Math.floor(query.from / QUARTER_MS)} and r.quarter < ${Math.ceil(query.to / QUARTER_MS)}
    group by f.id having n > 0 order by n desc, f.id limit ${query.limit}`);
  return rows.map((r) => ({ id: Number(r.id), name: r.name ?? new URL(r.url).hostname, count: Number(r.n) }));
}

export interface TermCount {
  term: string;
  count: number;
}

/** How many tags to read for the term tally: enough to rank the terms of any spike, bounded whatever its size. */
const TERM_SAMPLE = 2_000;

/**
 * The matched terms of a topic's newest tags in [from, to), ranked by the number of articles they matched in
 * (one index range over article_topics, at most TERM_SAMPLE rows).
 */
export async function topTerms(
  db: Executor,
  query: { topicId: number; from: number; to: number; limit: number },
): Promise<TermCount[]> {
  const rows = await db.all<{ terms: string }>(sql`
    select terms from article_topics
    where topic_id = ${query.topicId} and published_at >= ${query.from} and published_at < ${query.to}
    order by published_at desc limit ${TERM_SAMPLE}`);
  const tally = new Map<string, TermCount>();
  for (const row of rows) {
    const seen = new Set<string>();
    for (const { term } of JSON.parse(row.terms) as MatchedTermRow[]) {
      const key = term.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = tally.get(key) ?? { term, count: 0 };
      entry.count++;
      tally.set(key, entry);
    }
  }
  return [...tally.values()]
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
    .slice(0, query.limit);
}

export interface ArticleSummary {
  id: number;
  title: string;
  url: string | null;
  source: { id: number; name: string | null };
  publishedAt: string;
}

/** A topic's newest articles in [from, to), as alerts quote them: never the bundled sample's invented ones. */
export async function newestArticles(
  db: Executor,
  query: { topicId: number; from: number; to: number; limit: number },
): Promise<ArticleSummary[]> {
  const { rows } = await listArticles(db, { ...query, excludeSample: true });
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    url: a.url,
    source: { id: a.feedId, name: a.feedName },
    publishedAt: new Date(a.publishedAt).toISOString(),
  }));
}
