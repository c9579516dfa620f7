import type { Logger } from "pino";
import type { Config } from "../core/config";
import type { Db } from "../db/client";
import { failDeadRuns, finishJobRun, pruneJobRuns, startJobRun } from "../db/queries/job-runs";
import { RUN_STALE_MS, startHeartbeat } from "./run-heartbeat";

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
 * Runs one job and leaves a row in job_runs with its counts or its error, and a log line saying the same. The
 * row carries a heartbeat while the job runs; runs of dead processes are marked failed when the next one starts,
 * and runs older than a month are pruned after each success.
 */
export async function recordJobRun<T>(
  ctx: JobContext,
  job: { name: string; scope?: string },
  run: () => Promise<T>,
  countsOf: (result: T) => Record<string, number>,
): Promise<T> {
  const now = ctx.now ?? Date.now;
  const dead = await failDeadRuns(ctx.db, now() - RUN_STALE_MS, now());
  if (dead > 0) ctx.log.warn({ runs: dead }, "job runs whose process died were marked failed");
  const id = await startJobRun(ctx.db, job.name, now(), job.scope ?? null);
  const heartbeat = startHeartbeat(ctx.db, id, now, ctx.log);
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
  } finally {
    heartbeat.stop();
  }
}
