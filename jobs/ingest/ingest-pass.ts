import { type ClaimScope, claimNextFeed } from "../../db/queries/feed-leases";
import type { Feed } from "../../db/schema";
import { TopicTagger } from "../topics/topic-tagger";
import { LEASE_MS, newLeaseOwner } from "./feed-lease";
import { type FeedOutcome, type IngestContext, ingestFeed } from "./ingest-feed";
import { hostOf, KeyedLimiter } from "./keyed-limiter";

export interface PassOptions {
  /** `due` (the scheduler's pass), `all` enabled feeds, or one feed by id. */
  scope: "due" | "all" | { feedId: number };
  /** Feeds fetched at once. */
  concurrency?: number;
  /** Requests in flight to one host at once. */
  perHost?: number;
  /** For `all`: feeds attempted since this time count as done (default: now; see ingestJob for joining). */
  passStartedAt?: number | undefined;
}

export interface PassSummary {
  feeds: number;
  stored: number;
  notModified: number;
  failed: number;
  articlesAdded: number;
  articlesUpdated: number;
  durationMs: number;
  /** Failures by kind, for logs and metrics. */
  errors: Partial<Record<string, number>>;
  /** Rows created in this pass, for the taggers and streams downstream. */
  insertedIds: number[];
}

/**
 * One ingest pass: workers claim feeds one at a time (a lease per feed row) until none in scope is left. Claiming
 * lazily rather than up front lets several processes share a pass without ever fetching a feed twice.
 */
export async function runIngestPass(ctx: IngestContext, options: PassOptions): Promise<PassSummary> {
  const now = ctx.now ?? Date.now;
  const started = now();
  const owner = newLeaseOwner();
  const scope: ClaimScope =
    options.scope === "due"
      ? { kind: "due" }
      : options.scope === "all"
        ? { kind: "all", passStartedAt: options.passStartedAt ?? started }
        : { kind: "feed", feedId: options.scope.feedId };
  const hosts = new KeyedLimiter(options.perHost ?? 2);
  const documents = new KeyedLimiter(1);
  const feedContext: IngestContext = {
    ...ctx,
    tagger: ctx.tagger ?? new TopicTagger(),
    documentGate: (step) => documents.run("document", step),
  };
  const outcomes: FeedOutcome[] = [];
  let singleClaimed = false;

  const claim = async (): Promise<Feed | undefined> => {
    if (scope.kind === "feed") {
      if (singleClaimed) return undefined;
      singleClaimed = true;
    }
    return claimNextFeed(ctx.db, { owner, now: now(), leaseMs: LEASE_MS, scope });
  };

  const worker = async () => {
    for (let feed = await claim(); feed; feed = await claim()) {
      const claimed = feed;
      outcomes.push(await hosts.run(hostOf(claimed.url), () => ingestFeed(feedContext, claimed, owner)));
    }
  };
  const workers = Math.max(1, options.concurrency ?? 6);
  await Promise.all(Array.from({ length: workers }, worker));

  const summary = summarize(outcomes, now() - started);
  for (const { slug, error } of feedContext.tagger?.broken ?? []) {
    ctx.log.error({ topic: slug, error }, "topic skipped: its query does not compile");
  }
  ctx.log.info({ ...summary, insertedIds: undefined }, "ingest pass finished");
  return summary;
}

function summarize(outcomes: readonly FeedOutcome[], durationMs: number): PassSummary {
  const summary: PassSummary = {
    feeds: outcomes.length,
    stored: 0,
    notModified: 0,
    failed: 0,
    articlesAdded: 0,
    articlesUpdated: 0,
    durationMs,
    errors: {},
    insertedIds: [],
  };
  for (const outcome of outcomes) {
    if (outcome.status === "stored") {
      summary.stored++;
      summary.articlesAdded += outcome.inserted;
      summary.articlesUpdated += outcome.updated;
      summary.insertedIds.push(...outcome.insertedIds);
    } else if (outcome.status === "not-modified") {
      summary.notModified++;
    } else {
      summary.failed++;
      summary.errors[outcome.kind] = (summary.errors[outcome.kind] ?? 0) + 1;
    }
  }
  return summary;
}
