import { Cron } from "croner";
import type { Logger } from "pino";

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
