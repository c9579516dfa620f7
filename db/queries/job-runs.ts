import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { type JobRun, jobRuns } from "../schema";

export async function startJobRun(
  db: Executor,
  job: string,
  now: number,
  scope: string | null = null,
): Promise<number> {
  const rows = await db
    .insert(jobRuns)
    .values({ job, scope, startedAt: now, heartbeatAt: now, status: "running" })
    .returning({ id: jobRuns.id });
  return rows[0]!.id;
}

export async function finishJobRun(
  db: Executor,
  id: number,
  outcome: { now: number; status: "ok" | "failed"; summary?: Record<string, number>; error?: string },
): Promise<void> {
  await db
    .update(jobRuns)
    .set({
      finishedAt: outcome.now,
      status: outcome.status,
      summary: outcome.summary ?? null,
      error: outcome.error ?? null,
    })
    .where(eq(jobRuns.id, id));
}

export async function lastFinishedRun(db: Executor, job: string): Promise<JobRun | undefined> {
  const rows = await db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.status, "ok")))
    .orderBy(desc(jobRuns.startedAt))
    .limit(1);
  return rows[0];
}

/** Says the run's process is still alive; a run already finished (or given up on as dead) is left alone. */
export async function beatJobRun(db: Executor, id: number, now: number): Promise<void> {
  await db
    .update(jobRuns)
    .set({ heartbeatAt: now })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.status, "running")));
}

/** When a running row last showed its process alive; rows written before heartbeats count from their start. */
const lastSignOfLife = sql`coalesce(${jobRuns.heartbeatAt}, ${jobRuns.startedAt})`;

/**
 * Start time of the earliest run of `job` over `scope` still running whose process showed itself alive at or
 * after `aliveSince` (a run whose process died is no pass to join).
 */
export async function runningSince(
  db: Executor,
  job: string,
  scope: string,
  aliveSince: number,
): Promise<number | undefined> {
  const rows = await db
    .select({ startedAt: jobRuns.startedAt })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.job, job),
        eq(jobRuns.scope, scope),
        eq(jobRuns.status, "running"),
        gte(lastSignOfLife, aliveSince),
      ),
    )
    .orderBy(asc(jobRuns.startedAt))
    .limit(1);
  return rows[0]?.startedAt;
}

/**
 * Marks as failed the runs still "running" whose process has given no sign of life since `staleBefore`: it was
 * killed or crashed, and the row would otherwise claim forever that the job is going.
 */
export async function failDeadRuns(db: Executor, staleBefore: number, now: number): Promise<number> {
  const rows = await db
    .update(jobRuns)
    .set({
      status: "failed",
      finishedAt: now,
      error: sql`'its process stopped without finishing (last heartbeat ' || strftime('%Y-%m-%dT%H:%M:%fZ', ${lastSignOfLife} / 1000.0, 'unixepoch') || ')'`,
    })
    .where(and(eq(jobRuns.status, "running"), lt(lastSignOfLife, staleBefore)))
    .returning({ id: jobRuns.id });
  return rows.length;
}

/** Forgets runs that finished before `before`: job_runs is a recent history, not an archive. */
export async function pruneJobRuns(db: Executor, before: number): Promise<void> {
  // A run still marked running after a month died with its process.
  await db.delete(jobRuns).where(lt(jobRuns.startedAt, before));
}
