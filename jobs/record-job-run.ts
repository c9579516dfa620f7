import type { Logger } from "pino";
import type { Config } from "../core/config";
import type { Db } from "../db/client";
import { finishJobRun, pruneJobRuns, startJobRun } from "../db/queries/job-runs";

/** What every job runs with; `now` is injectable so tests can move time. */
export interface JobContext {
  db: Db;
  config: Pick<Config, "allowPrivateUrls">;
  log: Logger;
  now?: () => number;
}

/** A month of runs: enough to see what happened, small enough that /metrics reads them quickly. */
const JOB_RUN_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Runs one job and leaves a row in job_runs with its counts or its error, and a log line saying the same.
 * Runs older than a month are pruned after each success.
 */
export async function recordJobRun<T>(
  ctx: JobContext,
  job: { name: string; scope?: string },
  run: () => Promise<T>,
  countsOf: (result: T) => Record<string, number>,
): Promise<T> {
  const now = ctx.now ?? Date.now;
  const id = await startJobRun(ctx.db, job.name, now(), job.scope ?? null);
  try {
    const result = await run();
    const counts = countsOf(result);
    await finishJobRun(ctx.db, id, { now: now(), status: "ok", summary: counts });
    await pruneJobRuns(ctx.db, now() - JOB_RUN_RETENTION_MS);
    ctx.log.info({ job: job.name, scope: job.scope, ...counts }, "job finished");
    return result;
  } catch (error) {
    ctx.log.error({ job: job.name, err: error }, "job failed");
    await finishJobRun(ctx.db, id, { now: now(), status: "failed", error: String(error) });
    throw error;
  }
}
