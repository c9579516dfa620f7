import { DomainError } from "../../core/errors";
import { topicSpread } from "../../core/spread/topic-spread";
import { calendarRange } from "../../core/time/date-range";
import { planBuckets } from "../../core/time/time-buckets";
import type { Executor } from "../../db/client";
import { resolveScopeIn } from "../../db/queries/feeds";
import { articleSummaries } from "../../db/queries/topic-evidence";
import { topicSpreadCells } from "../../db/queries/topic-spread";
import { getTopic } from "../../db/queries/topics";
import { spreadArticleIds, spreadGroups } from "./spread-shape";

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
  const scope = await resolveScopeIn(db, q);
  const topic = await getTopic(db, q.slug);
  if (!topic) throw new DomainError("not_found", `no topic '${q.slug}'`);
  const cells = await topicSpreadCells(db, topic.id, days.edges, scope);
  const spread = topicSpread(cells, days.labels, q.outlets);
  const summaries = await articleSummaries(db, spreadArticleIds(spread));
  const { first, languages, countries, regions } = spreadGroups(spread, summaries);
  return {
    topic: topic.slug,
    tz: days.tz,
    from: days.from,
    to: days.to,
    outlets: q.outlets,
    articles: cells.reduce((sum, cell) => sum + cell.articles, 0),
    first,
    languages,
    countries,
    regions,
  };
}
