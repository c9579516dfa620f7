import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** One row per run of a scheduled or CLI job, so `/api/health` and operators can see what ran and how it went. */
export const jobRuns = sqliteTable(
  "job_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    job: text("job").notNull(),
    startedAt: integer("started_at").notNull(),
    finishedAt: integer("finished_at"),
    /** What the run covered, e.g. "all" for an ingest pass over every feed: concurrent passes join on it. */
    scope: text("scope"),
    status: text("status", { enum: ["running", "ok", "failed"] }).notNull(),
    /**
     * Written every few seconds while the run's process is alive (jobs/run-heartbeat.ts): a "running" row whose
     * heartbeat is old belongs to a process that died, and nobody joins or waits for it.
     */
    heartbeatAt: integer("heartbeat_at"),
    /** JSON counts the job reports (feeds fetched, articles added, errors...). */
    summary: text("summary", { mode: "json" }).$type<Record<string, number>>(),
    error: text("error"),
  },
  (t) => [index("job_runs_job_started_idx").on(t.job, t.startedAt)],
);

export type JobRun = typeof jobRuns.$inferSelect;
