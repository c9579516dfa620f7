import { deleteExpiredArticles, dropEmptyRollupCells } from "../db/queries/retention";
import type { JobContext } from "./record-job-run";

const DAY_MS = 86_400_000;
/** Articles per transaction: short enough that an ingest waiting for the write lock is not held up for long. */
const BATCH = 1_000;

/**
 * TIDEMARK_RETENTION_DAYS: deletes the articles older than that many days, their tags and their counts with
 * them. Counts change with the articles, never apart from them: every number on a chart stays one that the
 * articles behind it can back (and `coverage rebuild` would give), so past coverage older than the window goes.
 */
export async function retentionJob(
  ctx: Pick<JobContext, "db" | "log"> & { now?: () => number },
  retentionDays: number | null | undefined,
): Promise<{ deleted: number }> {
  if (!retentionDays) return { deleted: 0 };
  const cutoff = (ctx.now ?? Date.now)() - retentionDays * DAY_MS;
  let deleted = 0;
  for (;;) {
    const n = await deleteExpiredArticles(ctx.db, cutoff, BATCH);
    deleted += n;
    if (n < BATCH) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (deleted > 0) {
    await dropEmptyRollupCells(ctx.db);
    ctx.log.info({ deleted, retentionDays }, "retention: old articles deleted");
  }
  return { deleted };
}
