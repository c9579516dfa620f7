import type { Logger } from "pino";
import { buildTextTables } from "../../core/tagging/text-tables";
import type { Db } from "../../db/client";
import { updateFeedAndRelease } from "../../db/queries/feed-leases";
import type { Feed } from "../../db/schema";
import type { TopicSet, TopicTagger } from "../topics/topic-tagger";
import { asFeedError, type FeedErrorKind } from "./feed-error";
import { logFeedFailure } from "./feed-failure-log";
import { stateAfterFailure, stateAfterNotModified, stateAfterSuccess } from "./feed-state";
import { feedInfo } from "./feed-text";
import { type FetchFeedRequest, fetchFeed } from "./fetch-feed";
import type { DocumentPreparer, PreparedDocument, PrepareInput } from "./prepare-entries";
import { type StoreResult, storeFeedArticles } from "./store-articles";

export interface IngestContext {
  db: Db;
  allowPrivateUrls: boolean;
  log: Logger;
  now?: () => number;
  random?: () => number;
  /** Runs a fetch; the pass hands in a limit of requests in flight per host. */
  fetchGate?: <T>(url: string, step: () => Promise<T>) => Promise<T>;
  /**
   * Runs the read (parse and normalize) of a document. The pass hands in a one-at-a-time gate: fetches overlap,
   * but only one document's parse tree (up to ~10x its 10 MiB body) is alive at once, which keeps a pass under
   * ~256 MiB.
   */
  readGate?: <T>(step: () => Promise<T>) => Promise<T>;
  /** Runs a store's transaction; the pass hands in a one-at-a-time gate (store-articles.ts). */
  storeGate?: <T>(step: () => Promise<T>) => Promise<T>;
  /** Tags stored articles with every topic; one per pass, so its compiled matcher is reused. */
  tagger?: TopicTagger;
  /**
   * Reads fetched documents and prepares their entries (tags, story fingerprints): the server and the CLI hand in
   * their document worker (document-worker-client.ts), so a 10 MiB feed never holds up an HTTP event loop and
   * the next feed is read and tagged while this thread stores the one before; absent, this thread does it
   * (tests, the bundled sample).
   */
  documents?: DocumentWork | undefined;
  /** Overrides for the fetcher's limits (tests shorten the deadline). */
  fetchOptions?: Partial<Omit<FetchFeedRequest, "url" | "etag" | "lastModified" | "allowPrivate">>;
}

/** Where documents are read and their entries prepared: the document worker, or this thread. */
export interface DocumentWork {
  read: DocumentPreparer;
  /** Compiles the topics' matcher ahead of the documents that need it, where it runs apart from this thread. */
  compile?: (topics: TopicSet) => Promise<void>;
}

export type FeedOutcome =
  | ({ feedId: number; status: "stored" } & StoreResult)
  | { feedId: number; status: "not-modified" }
  | { feedId: number; status: "failed"; kind: FeedErrorKind; message: string };

/**
 * Fetch, parse, normalize and store one claimed feed. Never throws: whatever goes wrong is recorded on the
 * feed row (status, readable error, backoff) so the pass carries on with the next feed.
 */
export async function ingestFeed(ctx: IngestContext, feed: Feed, leaseOwner: string): Promise<FeedOutcome> {
  const now = ctx.now ?? Date.now;
  try {
    const fetchGate = ctx.fetchGate ?? ((_url, step) => step());
    const fetched = await fetchGate(feed.url, () =>
      fetchFeed({
        ...ctx.fetchOptions,
        url: feed.url,
        etag: feed.etag,
        lastModified: feed.lastModified,
        allowPrivate: ctx.allowPrivateUrls,
      }),
    );
    if (fetched.kind === "not-modified") {
      const state = stateAfterNotModified(feed, { now: now(), permanentUrl: fetched.permanentUrl });
      await storeFeedArticles(ctx.db, { feedId: feed.id, leaseOwner, articles: [], state, now: now() });
      return { feedId: feed.id, status: "not-modified" };
    }
    const result = await storeDocument(ctx, feed, {
      body: fetched.body,
      contentType: fetched.contentType,
      baseUrl: fetched.finalUrl,
      leaseOwner,
      fetch: fetched,
    });
    return { feedId: feed.id, status: "stored", ...result };
  } catch (caught) {
    const error = asFeedError(caught);
    logFeedFailure(ctx.log, feed, error);
    try {
      await updateFeedAndRelease(
        ctx.db,
        feed.id,
        leaseOwner,
        stateAfterFailure(feed, error, now(), ctx.random),
      );
    } catch (recordError) {
      // The lease will lapse and the feed will be retried; nothing else is lost.
      ctx.log.error({ feedId: feed.id, err: recordError }, "could not record feed failure");
    }
    return { feedId: feed.id, status: "failed", kind: error.kind, message: error.message };
  }
}

/**
 * The pipeline after the network: parse -> normalize -> tag and fingerprint -> store, with the feed's new state
 * in the same transaction. The bundled sample corpus enters here too, so it is ingested exactly like a fetched feed.
 */
export async function storeDocument(
  ctx: IngestContext,
  feed: Pick<
    Feed,
    "id" | "lang" | "name" | "siteUrl" | "intervalMs" | "errorCount" | "failingSince" | "isSample"
  >,
  doc: {
    body: Uint8Array;
    contentType: string | null;
    baseUrl: string;
    leaseOwner?: string;
    fetch?: { status: number; etag: string | null; lastModified: string | null; permanentUrl: string | null };
  },
): Promise<StoreResult> {
  const now = (ctx.now ?? Date.now)();
  // The topics as last read (by the last store's transaction); read here only before any was.
  const tagger = ctx.tagger;
  if (tagger && !tagger.loaded) await tagger.refresh(ctx.db);
  const input = {
    body: doc.body,
    contentType: doc.contentType,
    baseUrl: doc.baseUrl,
    feedLang: feed.lang,
    now,
    topics: tagger?.topicSet(),
  };
  const gate = ctx.readGate ?? ((step) => step());
  // The document worker reads one document at a time of its own accord; in this thread the gate does that.
  const reading = ctx.documents ? ctx.documents.read(input) : gate(() => prepareHere(tagger, input));
  // While the worker reads it, this thread builds the text tables its store's story candidates need (once per
  // thread, ~0.1 s), rather than in the store.
  if (ctx.documents) buildTextTables();
  const read = await reading;
  if (read.warning) ctx.log.info({ feedId: feed.id, warning: read.warning }, "feed read leniently");
  if (read.entryCount > read.entriesRead) {
    ctx.log.warn(
      { feedId: feed.id, entries: read.entryCount, kept: read.entriesRead },
      "feed document has more entries than are read; the first ones (feeds list newest first) are kept",
    );
  }
  const normalized = read.articles;
  const fetchMeta = doc.fetch ?? { status: 200, etag: null, lastModified: null, permanentUrl: null };
  const state = stateAfterSuccess(feed, {
    now,
    ...fetchMeta,
    ...feedInfo({ title: read.title, link: read.link }, doc.baseUrl),
    entryTimes: normalized.filter((a) => a.dateSource === "feed").map((a) => a.publishedAt),
    parseWarning: read.warning,
  });
  return storeFeedArticles(ctx.db, {
    feedId: feed.id,
    leaseOwner: doc.leaseOwner,
    articles: normalized,
    state,
    now,
    isSample: feed.isSample,
    tagger,
    prepared: read.prepared,
    storeGate: ctx.storeGate,
  });
}

/**
 * prepareDocument in this thread, its module loaded on first use: a process whose documents go to the worker
 * thread then never loads the parsers (rss-parser, xml2js, franc...), ~40 ms of the CLI's start-up.
 */
async function prepareHere(tagger: TopicTagger | undefined, input: PrepareInput): Promise<PreparedDocument> {
  const { prepareDocument } = await import("./prepare-document");
  return prepareDocument(tagger, input);
}
