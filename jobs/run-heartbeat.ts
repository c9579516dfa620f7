import type { Logger } from "pino";
import type { Db } from "../db/client";
import { beatJobRun } from "../db/queries/job-runs";

/**
 * A running job's row in job_runs says "running" only while its process lives: the process writes a heartbeat
 * on it every HEARTBEAT_MS, and a row with no heartbeat for RUN_STALE_MS belongs to a process that died
 * (SIGKILL, out of memory, power cut). Nobody joins such a run, and the next run marks it failed.
 */

/** How often a running job writes its heartbeat. */
export const HEARTBEAT_MS = 10_000;

/**
 * Six missed heartbeats: longer than any stall a live process has (a 10 MiB parse blocks ~0.5 s, a write waits
 * at most the 10 s busy timeout), short enough that a dead pass stops being joined within a minute.
 */
export const RUN_STALE_MS = 60_000;

/** Beats until stopped. A beat that fails is logged and the next one tries again: the run goes on. */
export function startHeartbeat(db: Db, runId: number, now: () => number, log: Logger): { stop(): void } {
  const timer = setInterval(() => {
    beatJobRun(db, runId, now()).catch((error: unknown) => {
      log.warn({ runId, err: error }, "could not write the job's heartbeat");
    });
  }, HEARTBEAT_MS);
  // The heartbeat never keeps a process alive that has nothing else to do.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
