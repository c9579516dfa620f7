import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
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
    .values({ job, scope, startedAt: now, status: "running" })
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

/** Start time of the earliest run of `job` over `scope` still running that started at or after `since`. */
export async function runningSince(
  db: Executor,
  job: string,
  scope: string,
  since: number,
): Promise<number | undefined> {
  const rows = await db
    .select({ startedAt: jobRuns.startedAt })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.job, job),
        eq(jobRuns.scope, scope),
        eq(jobRuns.status, "running"),
        gte(jobRuns.startedAt, since),
      ),
    )
    .orderBy(asc(jobRuns.startedAt))
    .limit(1);
  return rows[0]?.startedAt;
}

/** Forgets runs that finished before `before`: job_runs is a recent history, not an archive. */
export async function pruneJobRuns(db: Executor, before: number): Promise<void> {
  // A run still marked running after a month died with its process.
  await db.delete(jobRuns).where(lt(jobRuns.startedAt, before));
}
