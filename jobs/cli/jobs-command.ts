import type { CliContext } from "../cli";
import { findJob, JOBS, type JobSchedule, type JobsConfig } from "../registry";
import { UsageError } from "./usage";

function describeSchedule(schedule: JobSchedule, config: JobsConfig): string {
  switch (schedule.kind) {
    case "cron":
      return schedule.cron;
    case "setting":
      return `${schedule.setting} (${schedule.cron(config) ?? "off"})`;
    case "continuous":
      return "continuous";
  }
}

/** `jobs list`: the registry with each job's schedule; `jobs run NAME`: one run now, then its counts. */
export async function jobsCommand(ctx: CliContext): Promise<number> {
  const [sub, name, ...rest] = ctx.args;
  switch (sub) {
    case "list": {
      if (name !== undefined) throw new UsageError("jobs list: takes no arguments");
      for (const job of JOBS) {
        ctx.out(
          `${job.name.padEnd(16)} ${describeSchedule(job.schedule, ctx.config).padEnd(36)} ${job.does}`,
        );
      }
      return 0;
    }
    case "run": {
      if (name === undefined || rest.length > 0) throw new UsageError("jobs run: expected one job name");
      const job = findJob(name);
      if (!job) {
        throw new UsageError(`jobs run: unknown job '${name}' (jobs: ${JOBS.map((j) => j.name).join(", ")})`);
      }
      const counts = await job.run({ db: ctx.database.db, config: ctx.config, log: ctx.log });
      const summary = Object.entries(counts).map(([key, n]) => `${key} ${n}`);
      ctx.out(`${job.name}: ${summary.join(", ")}`);
      return 0;
    }
    default:
      throw new UsageError(`jobs: unknown subcommand '${sub ?? ""}'`);
  }
}
