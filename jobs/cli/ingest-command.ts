import { getFeed } from "../../db/queries/feeds";
import type { CliContext } from "../cli";
import { DocumentWorker } from "../ingest/document-worker-client";
import { type IngestJobSummary, ingestJob } from "../ingest-job";
import { TopicTagger } from "../topics/topic-tagger";
import type { CliCommand } from "./command";
import { ingestReadsInWorker } from "./ingest-reads-in-worker";
import { EXIT, noArguments, parseCommandArgs, positiveInt, UsageError } from "./usage";

export const ingestCommand: CliCommand = {
  name: "ingest",
  forms: [
    {
      args: "--once [--all] [--feed ID]",
      summary: "one pass over the feeds that are due, then a summary",
      details:
        "--all       every enabled feed, due or not\n" +
        "--feed ID   this feed only, due or not\n" +
        "Exit 1 when every feed tried failed (failures of single feeds are kept on the feeds),\n" +
        "3 when no feed was due.",
    },
    { args: "", summary: "keep running passes on TIDEMARK_SCHEDULE (a worker beside the server)" },
  ],
  run: runIngest,
};

async function runIngest(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx.args, {
    once: { type: "boolean" },
    all: { type: "boolean" },
    feed: { type: "string" },
  });
  noArguments(positionals);
  if (values.all && values.feed !== undefined) throw new UsageError("--all and --feed exclude each other");
  const feedId = values.feed === undefined ? undefined : positiveInt(values.feed, "--feed");
  if (feedId !== undefined) await checkFetchable(ctx, feedId);
  const scope = feedId !== undefined ? { feedId } : values.all ? ("all" as const) : ("due" as const);
  // Documents are read and tagged in a worker thread while this one stores the feed before, so on two cores the
  // two overlap. One feed has nothing to overlap with: it is read here, without the worker's start-up (~0.15 s).
  const documents = ingestReadsInWorker(ctx.args) ? new DocumentWorker({ log: ctx.log }) : undefined;
  const jobContext = {
    db: ctx.database.db,
    config: ctx.config,
    log: ctx.log,
    documents,
    tagger: new TopicTagger(),
  };

  if (!values.once) {
    if (!ctx.config.schedule) throw new UsageError("TIDEMARK_SCHEDULE is off; use --once");
    // Loaded here: the scheduler brings every job's modules, which `--once` does not need.
    const { startScheduler } = await import("../scheduler");
    startScheduler(
      [{ name: "ingest", schedule: ctx.config.schedule, run: () => ingestJob(jobContext, { scope }) }],
      ctx.log,
    );
    await new Promise<never>(() => {}); // runs until the process is stopped
  }

  const s = await ingestJob(jobContext, { scope }).finally(() => documents?.stop());
  ctx.out(summaryLine(s));
  // Feeds skipped because another process held them past the wait were not fetched: no success to report.
  if (s.skipped > 0) return EXIT.failed;
  if (s.feeds === 0) return EXIT.nothingToDo;
  return s.failed > 0 && s.stored + s.notModified === 0 ? EXIT.failed : EXIT.done;
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

/** `--feed ID` names a feed a pass can fetch: a pass over one that is not would succeed having done nothing. */
async function checkFetchable(ctx: CliContext, id: number): Promise<void> {
  const feed = await getFeed(ctx.database.db, id);
  if (!feed) throw new Error(`no feed ${id}`);
  if (feed.isSample) throw new Error(`feed ${id} holds bundled sample data and is never fetched`);
  if (!feed.enabled) throw new Error(`feed ${id} is disabled`);
}
