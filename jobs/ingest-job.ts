import { runningSince } from "../db/queries/job-runs";
import { recordPassHealth } from "../db/queries/timeline";
import type { DocumentWork } from "./ingest/ingest-feed";
import { type PassOptions, type PassSummary, runIngestPass } from "./ingest/ingest-pass";
import { type JobContext, recordJobRun } from "./record-job-run";
import { RUN_STALE_MS } from "./run-heartbeat";
import type { TopicTagger } from "./topics/topic-tagger";

// The ingest job (registry.ts lists it with the others), in a module of its own so that `ingest --once` loads
// the ingest pass without every other job's modules (alert channels, digests, retags).

/** An ingest job's counts, and the start of the pass it joined, if it joined one. */
export interface IngestJobSummary extends PassSummary {
  joinedPassStartedAt: number | undefined;
}

export async function ingestJob(
  ctx: JobContext & { documents?: DocumentWork | undefined; tagger?: TopicTagger | undefined },
  options: PassOptions,
): Promise<IngestJobSummary> {
  const now = ctx.now ?? Date.now;
  const scope =
    options.scope === "all" ? "all" : options.scope === "due" ? "due" : `feed:${options.scope.feedId}`;
  // Two `ingest --once --all` processes that overlap are one pass: the later one joins the earlier's start
  // time, so feeds the first already attempted are not claimed again. A run row is written before any claim,
  // and a pass that joins nobody counts from the moment it looked, so there is no gap between the two. Only a
  // run whose process is alive (a recent heartbeat) is joined. Joining one that died less than RUN_STALE_MS ago
  // does no harm: the feeds it had claimed but not finished are still in scope, and are fetched once their
  // leases lapse.
  const lookedAt = now();
  const joined =
    options.scope === "all"
      ? await runningSince(ctx.db, "ingest", "all", lookedAt - RUN_STALE_MS)
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
          {
            db: ctx.db,
            allowPrivateUrls: ctx.config.allowPrivateUrls,
            log: ctx.log,
            now: ctx.now,
            documents: ctx.documents,
            tagger: ctx.tagger,
          },
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
      return { ...summary, joinedPassStartedAt: joined };
    },
    ingestCounts,
  );
}

/** Failures by kind are kept as "error:<kind>" counts, so /metrics can report them for every process. */
export function ingestCounts({
  insertedIds: _ids,
  errors,
  joinedPassStartedAt: _joined,
  ...counts
}: IngestJobSummary): Record<string, number> {
  return {
    ...counts,
    ...Object.fromEntries(Object.entries(errors).map(([kind, n]) => [`error:${kind}`, n ?? 0])),
  };
}
