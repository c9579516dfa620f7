import type { Logger } from "pino";
import type { Db } from "../db/client";
import { finishJobRun, startJobRun } from "../db/queries/job-runs";
import type { Config } from "../server/config";
import { type PassOptions, type PassSummary, runIngestPass } from "./ingest/ingest-pass";

/**
 * Every job Tidemark runs, as plain async functions over one context. The scheduler, the CLI and the tests all
 * call them from here, and each run leaves a row in job_runs with its counts or its error.
 */
export interface JobContext {
  db: Db;
  config: Pick<Config, "allowPrivateUrls">;
  log: Logger;
  now?: () => number;
}

export async function recordJobRun<T>(
  ctx: JobContext,
  job: string,
  run: () => Promise<T>,
  countsOf: (result: T) => Record<string, number>,
): Promise<T> {
  const now = ctx.now ?? Date.now;
  const id = await startJobRun(ctx.db, job, now());
  try {
    const result = await run();
    await finishJobRun(ctx.db, id, { now: now(), status: "ok", summary: countsOf(result) });
    return result;
  } catch (error) {
    ctx.log.error({ job, err: error }, "job failed");
    await finishJobRun(ctx.db, id, { now: now(), status: "failed", error: String(error) });
    throw error;
  }
}

export function ingestJob(ctx: JobContext, options: PassOptions): Promise<PassSummary> {
  return recordJobRun(
    ctx,
    "ingest",
    () =>
      runIngestPass(
        { db: ctx.db, allowPrivateUrls: ctx.config.allowPrivateUrls, log: ctx.log, now: ctx.now },
        options,
      ),
    ({ insertedIds: _ids, errors: _errors, ...counts }) => counts,
  );
}
