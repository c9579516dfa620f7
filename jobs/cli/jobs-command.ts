import type { CliContext } from "../cli";
import { findJob, JOBS, type JobSchedule, type JobsConfig } from "../registry";
import type { CliCommand } from "./command";
import { formatTable } from "./table";
import { EXIT, noArguments, UsageError } from "./usage";

export const jobsCommand: CliCommand = {
  name: "jobs",
  forms: [
    { sub: "list", args: "", summary: "the jobs the server runs, with their schedules" },
    { sub: "run", args: "NAME", summary: "run one job once, now, then print its counts" },
  ],
  run: runJobs,
};

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
async function runJobs(ctx: CliContext): Promise<number> {
  const [sub, ...args] = ctx.args;
  switch (sub) {
    case "list": {
      noArguments(args);
      const rows = JOBS.map((job) => [job.name, describeSchedule(job.schedule, ctx.config), job.does]);
      for (const line of formatTable(["JOB", "SCHEDULE", "DOES"], rows)) ctx.out(line);
      return EXIT.done;
    }
    case "run": {
      const [name, ...rest] = args;
      if (name === undefined || rest.length > 0) throw new UsageError("expected one job name");
      const job = findJob(name);
      if (!job) throw new UsageError(`unknown job '${name}' (jobs: ${JOBS.map((j) => j.name).join(", ")})`);
      const counts = await job.run({ db: ctx.database.db, config: ctx.config, log: ctx.log });
      const summary = Object.entries(counts).map(([key, n]) => `${key} ${n}`);
      ctx.out(`${job.name}: ${summary.join(", ")}`);
      return EXIT.done;
    }
    default:
      throw new UsageError(`unknown subcommand '${sub ?? ""}'`);
  }
}
