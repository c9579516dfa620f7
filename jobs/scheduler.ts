import { Cron } from "croner";
import type { Logger } from "pino";
import { JOBS, type Job, type JobsContext } from "./registry";

export interface ScheduledJob {
  name: string;
  /** Cron expression (croner syntax). */
  schedule: string;
  run: () => Promise<unknown>;
}

/**
 * Runs jobs on their cron schedules inside the server process. A run still going when its next tick comes is
 * not started twice (croner's `protect`); a failing run is logged and the schedule goes on.
 */
export function startScheduler(jobs: readonly ScheduledJob[], log: Logger): { stop(): void } {
  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { name: job.name, protect: true, catch: true }, async () => {
        try {
          await job.run();
        } catch (error) {
          log.error({ job: job.name, err: error }, "scheduled job failed");
        }
      }),
  );
  for (const job of jobs) log.info({ job: job.name, schedule: job.schedule }, "scheduled");
  return {
    stop() {
      for (const cron of crons) cron.stop();
    },
  };
}

export interface RunningJobs {
  /** The jobs of the list that this process runs (the ingest job is left out when its setting is off). */
  jobs: readonly Job[];
  /** Stops the schedules and the workers; resolves when the workers' work in flight is done. */
  stop(): Promise<void>;
}

/** Starts the jobs of the registry in the server: the cron ones on their schedules, the continuous ones now. */
export function startJobs(ctx: JobsContext, jobs: readonly Job[] = JOBS): RunningJobs {
  const started: Job[] = [];
  const scheduled: ScheduledJob[] = [];
  for (const job of jobs) {
    const { schedule } = job;
    if (schedule.kind === "continuous") continue;
    const cron = schedule.kind === "cron" ? schedule.cron : schedule.cron(ctx.config);
    if (cron === null) continue;
    started.push(job);
    scheduled.push({ name: job.name, schedule: cron, run: () => job.run(ctx) });
  }
  const scheduler = startScheduler(scheduled, ctx.log);
  const workers = jobs.flatMap((job) => {
    if (job.schedule.kind !== "continuous") return [];
    started.push(job);
    return [job.schedule.start(ctx)];
  });
  return {
    jobs: started,
    async stop() {
      scheduler.stop();
      await Promise.all(workers.map((worker) => worker.stop()));
    },
  };
}
