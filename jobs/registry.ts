import type { Config } from "../core/config";
import { hasDueAlert } from "../db/queries/outbox";
import { activeSubscriptions } from "../db/queries/subscriptions";
import { topicsToRetag } from "../db/queries/topics";
import { type ChannelRegistry, configuredChannels } from "./alerts/channel-registry";
import { type DeliverOptions, type DeliverSummary, deliverDueAlerts } from "./alerts/deliver";
import { startDeliveryWorker } from "./alerts/delivery-worker";
import { type DigestSummary, findDueDigests, writeDigests } from "./alerts/digest";
import { type SpikeSummary, writeSpikeAlerts } from "./alerts/spike";
import type { IngestWork } from "./ingest/ingest-worker-client";
import { ingestCounts, ingestJob } from "./ingest-job";
import { type JobContext, recordJobRun } from "./record-job-run";
import { retentionJob } from "./retention";
import { type RetagSummary, retagTopics } from "./topics/retag";
import type { TopicWork } from "./topics/topic-worker-client";

export { type IngestJobSummary, ingestJob } from "./ingest-job";

// Every job Tidemark runs: each a plain async function over one context that leaves a row in job_runs with
// its counts or its error and logs the same, and, at the end, the one list (`JOBS`) of their names and
// schedules that the server starts and `npm run cli -- jobs list|run` shows and runs.

/**
 * Retags topics whose query changed; a no-op (and no job_runs row) when every topic is up to date. The server
 * hands in its topic worker (`topicWork`), so the retag runs off its event loop; the CLI retags in-process.
 */
export async function retagJob(
  ctx: JobContext & { topicWork?: TopicWork | undefined },
): Promise<RetagSummary> {
  if ((await topicsToRetag(ctx.db)).length === 0) return { topics: 0, articles: 0, tagged: 0 };
  return recordJobRun(
    ctx,
    { name: "retag" },
    () => (ctx.topicWork ? ctx.topicWork.retag() : retagTopics(ctx.db)),
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

/** Settings the jobs of the list read. */
export type JobsConfig = Pick<Config, "allowPrivateUrls" | "publicUrl" | "schedule"> &
  Partial<Pick<Config, "smtpUrl" | "mailFrom" | "retentionDays">>;

export interface JobsContext extends JobContext {
  config: JobsConfig;
  /** Where retags run: the server's topic worker thread; without it, in this thread. */
  topicWork?: TopicWork;
  /**
   * Where the ingest passes run: the server's ingest worker thread (jobs/ingest/ingest-worker-client.ts), so no
   * store transaction holds up its HTTP event loop; without it, in this thread.
   */
  ingestWork?: IngestWork;
}

/** When the server runs a job. */
export type JobSchedule =
  /** A cron expression (croner syntax; with six fields the first counts seconds). */
  | { kind: "cron"; cron: string }
  /** The cron expression of a setting; null (the setting is `off`) leaves the job to the CLI. */
  | { kind: "setting"; setting: "TIDEMARK_SCHEDULE"; cron: (config: JobsConfig) => string | null }
  /** A long-lived worker, started with the server and stopped (its work in flight finished) on shutdown. */
  | { kind: "continuous"; start: (ctx: JobsContext) => { stop(): Promise<void> } };

export interface Job {
  name: string;
  schedule: JobSchedule;
  /** What one run does, for `jobs list`. */
  does: string;
  /** One run, as a schedule tick or `jobs run` makes it; resolves to its counts (those job_runs keeps). */
  run(ctx: JobsContext): Promise<Record<string, number>>;
}

/** The jobs, in the order the server starts them. */
export const JOBS: readonly Job[] = [
  {
    name: "ingest",
    schedule: { kind: "setting", setting: "TIDEMARK_SCHEDULE", cron: (config) => config.schedule },
    does: "fetch and store the feeds that are due",
    run: async (ctx) =>
      ingestCounts(await (ctx.ingestWork?.pass({ scope: "due" }) ?? ingestJob(ctx, { scope: "due" }))),
  },
  {
    // Topics created or edited through the API are retagged in the background, in batches.
    name: "retag",
    schedule: { kind: "cron", cron: "*/5 * * * * *" },
    does: "retag the topics whose query changed",
    run: async (ctx) => ({ ...(await retagJob(ctx)) }),
  },
  {
    // Daily digests go out at each subscriber's own hour and zone, so the check runs every minute.
    name: "digest",
    schedule: { kind: "cron", cron: "* * * * *" },
    does: "write the daily digests that are due",
    run: async (ctx) => ({ ...(await digestJob(ctx)) }),
  },
  {
    // Spikes are checked on the rollups every 5 minutes, which also catches ingests by other processes.
    name: "spike",
    schedule: { kind: "cron", cron: "*/5 * * * *" },
    does: "write alerts for topics whose coverage spikes",
    run: async (ctx) => ({ ...(await spikeJob(ctx)) }),
  },
  {
    // Hourly, so each run deletes about an hour's worth of articles; nothing while TIDEMARK_RETENTION_DAYS is off.
    name: "retention",
    schedule: { kind: "cron", cron: "41 * * * *" },
    does: "delete articles older than TIDEMARK_RETENTION_DAYS, with their counts",
    run: async (ctx) => ({ ...(await retentionJob(ctx, ctx.config.retentionDays)) }),
  },
  {
    // Alerts go out whatever the schedule: the worker polls the outbox, so events that another process's
    // ingest wrote are sent too.
    name: "deliver-alerts",
    schedule: {
      kind: "continuous",
      start: (ctx) =>
        startDeliveryWorker({
          db: ctx.db,
          log: ctx.log.child({ job: "deliver-alerts" }),
          publicUrl: ctx.config.publicUrl,
          channels: configuredChannels(ctx.config),
        }),
    },
    does: "send the alerts that are due (the server keeps a worker polling the outbox)",
    run: async (ctx) => ({ ...(await deliverAlertsJob(ctx)) }),
  },
];

export function findJob(name: string): Job | undefined {
  return JOBS.find((job) => job.name === name);
}
