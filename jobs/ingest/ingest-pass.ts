import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import { type ClaimScope, claimNextFeed, feedsHeldByOthers } from "../../db/queries/feed-leases";
import type { Feed } from "../../db/schema";
import { TopicTagger } from "../topics/topic-tagger";
import { HELD_WAIT_MS, keepLeases, LEASE_MS, newLeaseOwner } from "./feed-lease";
import { type FeedOutcome, type IngestContext, ingestFeed } from "./ingest-feed";
import { hostOf, KeyedLimiter } from "./keyed-limiter";

export interface PassOptions {
  /** `due` (the scheduler's pass), `all` enabled feeds, or one feed by id. */
  scope: "due" | "all" | { feedId: number };
  /** Feeds fetched at once. */
  concurrency?: number;
  /** Requests in flight to one host at once (only the fetch holds a slot: a feed being stored does not). */
  perHost?: number;
  /** For `all`: feeds attempted since this time count as done (default: now; see ingestJob for joining). */
  passStartedAt?: number | undefined;
  /** How long to wait for feeds in scope that other processes hold (default HELD_WAIT_MS). */
  heldWaitMs?: number;
}

/** How often a pass that waits for feeds other processes hold looks again. */
const HELD_POLL_MS = 1_000;

export interface PassSummary {
  feeds: number;
  stored: number;
  notModified: number;
  failed: number;
  /** Feeds in scope that other processes still held when the pass stopped waiting for them: not fetched. */
  skipped: number;
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
 * lazily rather than up front lets several processes share a pass without ever fetching a feed twice. Feeds in
 * scope that another process holds are waited for: its worker finishes them, or it died and its leases lapse
 * and this pass takes them, so a pass ends with every feed in scope done, or says how many it skipped.
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
  const oneAtATime = new KeyedLimiter(1);
  const feedContext: IngestContext = {
    ...ctx,
    tagger: ctx.tagger ?? new TopicTagger(),
    fetchGate: (url, step) => hosts.run(hostOf(url), step),
    readGate: (step) => oneAtATime.run("read", step),
    // A turn of the event loop before each store: a store's transaction never yields, so documents the worker
    // finished and fetches that completed meanwhile are taken in (and the next document sent) only here.
    storeGate: (step) => oneAtATime.run("store", () => nextTurn().then(step)),
  };
  // The topics as they are now; from here on each store's transaction reads them (store-articles.ts).
  await feedContext.tagger?.refresh(ctx.db);
  const outcomes: FeedOutcome[] = [];
  let singleClaimed = false;
  let skipped = 0;
  // Wall-clock time, not `now`: the wait is real sleeping, whatever clock the pass's rows are written with.
  let waitingSince: number | undefined;
  const heldWaitMs = options.heldWaitMs ?? HELD_WAIT_MS;

  const claim = async (): Promise<Feed | undefined> => {
    for (;;) {
      if (singleClaimed) return undefined;
      const feed = await claimNextFeed(ctx.db, { owner, now: now(), leaseMs: LEASE_MS, scope });
      if (feed) {
        if (scope.kind === "feed") singleClaimed = true;
        return feed;
      }
      const held = await feedsHeldByOthers(ctx.db, { owner, now: now(), scope });
      if (held === 0) return undefined;
      waitingSince ??= performance.now();
      if (performance.now() - waitingSince >= heldWaitMs) {
        skipped = Math.max(skipped, held);
        return undefined;
      }
      await sleep(HELD_POLL_MS);
    }
  };

  // Once a feed is claimed, a document worker compiles the topics while it is fetched, rather than after its
  // document has come (a pass that claims nothing starts no thread). If that fails, the document meets the same
  // failure and its feed reports it.
  let compiling = false;
  const compileAhead = () => {
    if (compiling || !feedContext.tagger) return;
    compiling = true;
    ctx.documents?.compile?.(feedContext.tagger.topicSet()).catch(() => {});
  };
  const worker = async () => {
    for (let feed = await claim(); feed; feed = await claim()) {
      compileAhead();
      const claimed = feed;
      outcomes.push(await ingestFeed(feedContext, claimed, owner));
    }
  };
  const workers = Math.max(1, options.concurrency ?? 6);
  const leases = keepLeases(ctx.db, owner, now, ctx.log);
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    leases.stop();
  }

  const summary = summarize(outcomes, skipped, now() - started);
  for (const { slug, error } of feedContext.tagger?.brokenIfCompiled ?? []) {
    ctx.log.error({ topic: slug, error }, "topic skipped: its query does not compile");
  }
  if (skipped > 0) {
    ctx.log.warn(
      { skipped, waitedMs: heldWaitMs },
      "feeds in scope were still held by other processes after the wait: not fetched in this pass",
    );
  }
  ctx.log.info({ ...summary, insertedIds: undefined }, "ingest pass finished");
  return summary;
}

function summarize(outcomes: readonly FeedOutcome[], skipped: number, durationMs: number): PassSummary {
  const summary: PassSummary = {
    feeds: outcomes.length,
    stored: 0,
    notModified: 0,
    failed: 0,
    skipped,
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
