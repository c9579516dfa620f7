import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { jobRuns } from "../schema";

/**
 * Aggregates /metrics reads at scrape time. They come from the database, not from process memory, so work done
 * by any process (CLI passes, other servers) is counted. Each is cheap at any size.
 */

export interface FeedTotals {
  sample: boolean;
  feeds: number;
  failing: number;
  /** From the feed rows' article counters, kept in the store transaction: no scan of the articles table. */
  articles: number;
}

export async function feedTotals(db: Executor): Promise<FeedTotals[]> {
  const rows = await db.all<{ sample: number; feeds: number; failing: number; articles: number }>(sql`
    select is_sample as sample, count(*) as feeds,
           coalesce(sum(case when error_count > 0 and enabled = 1 then 1 else 0 end), 0) as failing,
           coalesce(sum(article_count), 0) as articles
    from feeds group by is_sample`);
  return rows.map((r) => ({
    sample: Number(r.sample) === 1,
    feeds: Number(r.feeds),
    failing: Number(r.failing),
    articles: Number(r.articles),
  }));
}

export interface IngestRunRow {
  id: number;
  status: "running" | "ok" | "failed";
  startedAt: number;
  finishedAt: number | null;
  summary: Record<string, number> | null;
}

/**
 * Ingest runs with ids above `afterId`, oldest first. /metrics sums them once and remembers where it stopped:
 * summing the JSON summaries in SQL costs ~0.6 s per scrape at a year of passes (35k rows), reading the new
 * ones costs next to nothing.
 */
export async function ingestRunsAfter(db: Executor, afterId: number): Promise<IngestRunRow[]> {
  return db
    .select({
      id: jobRuns.id,
      status: jobRuns.status,
      startedAt: jobRuns.startedAt,
      finishedAt: jobRuns.finishedAt,
      summary: jobRuns.summary,
    })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, "ingest"), gt(jobRuns.id, afterId)))
    .orderBy(asc(jobRuns.id));
}

/** The most recently finished ingest pass. */
export async function lastIngestPass(
  db: Executor,
): Promise<{ finishedAt: number; durationMs: number; status: string } | undefined> {
  const rows = await db.all<{ finishedAt: number; durationMs: number; status: string }>(sql`
    select finished_at as finishedAt, status,
           coalesce(json_extract(summary, '$.durationMs'), finished_at - started_at) as durationMs
    from job_runs where job = 'ingest' and status in ('ok', 'failed')
    order by started_at desc limit 1`);
  const row = rows[0];
  return row
    ? { finishedAt: Number(row.finishedAt), durationMs: Number(row.durationMs), status: String(row.status) }
    : undefined;
}
