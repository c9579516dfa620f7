import type { Logger } from "pino";
import type { Config } from "../core/config";
import type { Db } from "../db/client";
import { finishJobRun, pruneJobRuns, runningSince, startJobRun } from "../db/queries/job-runs";
import { activeSubscriptions } from "../db/queries/subscriptions";
import { recordPassHealth } from "../db/queries/timeline";
import { topicsToRetag } from "../db/queries/topics";
import { hasDueAlert } from "./alerts/alert-lease";
import { type ChannelRegistry, configuredChannels } from "./alerts/channel-registry";
import { type DeliverOptions, type DeliverSummary, deliverDueAlerts } from "./alerts/deliver";
import { type DigestSummary, findDueDigests, writeDigests } from "./alerts/digest";
import { type SpikeSummary, writeSpikeAlerts } from "./alerts/spike";
import { type PassOptions, type PassSummary, runIngestPass } from "./ingest/ingest-pass";
import { type RetagSummary, retagTopics } from "./topics/retag";

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

/** A month of runs: enough to see what happened, small enough that /metrics reads them quickly. */
const JOB_RUN_RETENTION_MS = 30 * 24 * 3_600_000;

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
    await finishJobRun(ctx.db, id, { now: now(), status: "ok", summary: countsOf(result) });
    await pruneJobRuns(ctx.db, now() - JOB_RUN_RETENTION_MS);
    return result;
  } catch (error) {
    ctx.log.error({ job: job.name, err: error }, "job failed");
    await finishJobRun(ctx.db, id, { now: now(), status: "failed", error: String(error) });
    throw error;
  }
}

/** How far back a running `--all` pass may have started and still be joined (a crashed one ages out). */
const JOIN_WINDOW_MS = 60 * 60_000;

export async function ingestJob(ctx: JobContext, options: PassOptions): Promise<PassSummary> {
  const now = ctx.now ?? Date.now;
  const scope =
    options.scope === "all" ? "all" : options.scope === "due" ? "due" : `feed:${options.scope.feedId}`;
  // Two `ingest --once --all` processes that overlap are one pass: the later one joins the earlier's start
  // time, so feeds the first already attempted are not claimed again. A run row is written before any claim,
  // and a pass that joins nobody counts from the moment it looked, so there is no gap between the two.
  const lookedAt = now();
  const joined =
    options.scope === "all"
      ? await runningSince(ctx.db, "ingest", "all", lookedAt - JOIN_WINDOW_MS)
      : undefined;
  const passStartedAt = options.scope === "all" ? (joined ?? lookedAt) : undefined;
  const wholePass = typeof options.scope === "string";
  return recordJobRun(
    ctx,
    { name: "ingest", scope },
    async () => {
      let summary: PassSummary;
      try {
        summary = await runIngestPass(
          { db: ctx.db, allowPrivateUrls: ctx.config.allowPrivateUrls, log: ctx.log, now: ctx.now },
          { ...options, passStartedAt },
        );
      } catch (error) {
        if (wholePass)
          await recordPassHealth(ctx.db, {
            at: now(),
            failedWhole: true,
            reason: `ingest pass crashed: ${error}`,
          });
        throw error;
      }
      // An outage is a pass in which every feed failed (the network is down, say): the dashboard shades it.
      if (wholePass && summary.feeds > 0) {
        const kinds = Object.entries(summary.errors)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(", ");
        await recordPassHealth(ctx.db, {
          at: now(),
          failedWhole: summary.stored + summary.notModified === 0,
          reason: `all ${summary.feeds} feeds failed (${kinds})`,
        });
      }
      return summary;
    },
    // Failures by kind are kept as "error:<kind>" counts, so /metrics can report them for every process.
    ({ insertedIds: _ids, errors, ...counts }) => ({
      ...counts,
      ...Object.fromEntries(Object.entries(errors).map(([kind, n]) => [`error:${kind}`, n ?? 0])),
    }),
  );
}

/** Retags topics whose query changed; a no-op (and no job_runs row) when every topic is up to date. */
export async function retagJob(ctx: JobContext): Promise<RetagSummary> {
  if ((await topicsToRetag(ctx.db)).length === 0) return { topics: 0, articles: 0, tagged: 0 };
  return recordJobRun(
    ctx,
    { name: "retag" },
    () => retagTopics(ctx.db),
    (summary) => ({ ...summary }),
  );
}

/**
 * One pass over the alert outbox: every due event sent, or scheduled for its next try. The server runs a
 * long-lived worker instead (jobs/alerts/delivery-worker.ts); this is the same work for the CLI and tests.
 * Nothing due leaves no job_runs row, so a frequent schedule does not flood the table.
 */
export async function deliverAlertsJob(
  ctx: JobContext & {
    config: Pick<Config, "allowPrivateUrls" | "publicUrl"> & Partial<Pick<Config, "smtpUrl" | "mailFrom">>;
  },
  options: DeliverOptions & { channels?: ChannelRegistry; random?: () => number } = {},
): Promise<DeliverSummary> {
  const { channels = configuredChannels(ctx.config), random, ...deliverOptions } = options;
  const now = ctx.now ?? Date.now;
  if (!(await hasDueAlert(ctx.db, now(), [...channels.keys()]))) {
    return { delivered: 0, retrying: 0, failed: 0, cancelled: 0 };
  }
  return recordJobRun(
    ctx,
    { name: "deliver-alerts" },
    () =>
      deliverDueAlerts(
        { db: ctx.db, log: ctx.log, publicUrl: ctx.config.publicUrl, channels, now: ctx.now, random },
        deliverOptions,
      ),
    (summary) => ({ ...summary }),
  );
}

/**
 * Writes the daily digests that are due (see jobs/alerts/digest.ts). Meant to run every minute: a run with
 * nothing due leaves no job_runs row.
 */
export async function digestJob(ctx: JobContext): Promise<DigestSummary> {
  const now = ctx.now ?? Date.now;
  const due = await findDueDigests(ctx.db, now());
  if (due.length === 0) return { due: 0, written: 0 };
  return recordJobRun(
    ctx,
    { name: "digest" },
    () => writeDigests(ctx.db, due, now()),
    (summary) => ({ ...summary }),
  );
}

/** Spike detection over the topics with spike subscriptions (see jobs/alerts/spike.ts); none, no job_runs row. */
export async function spikeJob(ctx: JobContext): Promise<SpikeSummary> {
  const now = ctx.now ?? Date.now;
  if ((await activeSubscriptions(ctx.db, "spike")).length === 0) return { topics: 0, spikes: 0, events: 0 };
  return recordJobRun(
    ctx,
    { name: "spike" },
    () => writeSpikeAlerts(ctx.db, now()),
    (summary) => ({ ...summary }),
  );
}
