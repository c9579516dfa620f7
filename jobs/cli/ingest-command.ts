import type { CliContext } from "../cli";
import { type IngestJobSummary, ingestJob } from "../registry";
import { startScheduler } from "../scheduler";
import { parseCommandArgs, positiveInt, UsageError } from "./usage";

export async function ingestCommand(ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(ctx.args, {
    once: { type: "boolean" },
    all: { type: "boolean" },
    feed: { type: "string" },
  });
  const jobContext = { db: ctx.database.db, config: ctx.config, log: ctx.log };
  if (values.all && values.feed) throw new UsageError("ingest: --all and --feed exclude each other");
  const scope = values.feed ? { feedId: positiveInt(values.feed, "--feed") } : values.all ? "all" : "due";

  if (!values.once) {
    if (!ctx.config.schedule) throw new UsageError("ingest: TIDEMARK_SCHEDULE is off; use --once");
    startScheduler(
      [{ name: "ingest", schedule: ctx.config.schedule, run: () => ingestJob(jobContext, { scope }) }],
      ctx.log,
    );
    await new Promise<never>(() => {}); // runs until the process is stopped
  }

  const s = await ingestJob(jobContext, { scope: scope as "due" | "all" | { feedId: number } });
  ctx.out(summaryLine(s));
  // Feeds skipped because another process held them past the wait were not fetched: no success to report.
  if (s.skipped > 0) return 1;
  return s.failed > 0 && s.stored + s.notModified === 0 && s.feeds > 0 ? 1 : 0;
}

/** The one line `ingest --once` prints: what this process did, and what it left to another or did not do. */
export function summaryLine(s: IngestJobSummary): string {
  const errors = Object.entries(s.errors)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  const joined =
    s.joinedPassStartedAt === undefined
      ? ""
      : `; joined the pass another process started at ${new Date(s.joinedPassStartedAt).toISOString()}`;
  const skipped = s.skipped > 0 ? `; ${s.skipped} skipped: other processes still held them, not fetched` : "";
  return (
    `ingest: ${s.feeds} feeds (${s.stored} stored, ${s.notModified} not modified, ${s.failed} failed${errors ? `: ${errors}` : ""}), ` +
    `${s.articlesAdded} articles added, ${s.articlesUpdated} updated, in ${(s.durationMs / 1000).toFixed(1)} s${joined}${skipped}`
  );
}
