import type { Logger } from "pino";
import type { Db } from "../../db/client";
import { updateFeedAndRelease } from "../../db/queries/feed-leases";
import type { Feed } from "../../db/schema";
import type { TopicTagger } from "../topics/topic-tagger";
import { asFeedError, type FeedErrorKind } from "./feed-error";
import { logFeedFailure } from "./feed-failure-log";
import { stateAfterFailure, stateAfterNotModified, stateAfterSuccess } from "./feed-state";
import { feedInfo } from "./feed-text";
import { type FetchFeedRequest, fetchFeed } from "./fetch-feed";
import { type DocumentReader, MAX_ENTRIES_PER_DOCUMENT, readDocument } from "./read-document";
import { type StoreResult, storeFeedArticles } from "./store-articles";

export interface IngestContext {
  db: Db;
  allowPrivateUrls: boolean;
  log: Logger;
  now?: () => number;
  random?: () => number;
  /**
   * Runs the parse-normalize-store step. The pass hands in a one-at-a-time gate: fetches overlap, but only one
   * document's parse tree (up to ~10x its 10 MiB body) is alive at once, which keeps a pass under ~256 MiB.
   */
  documentGate?: <T>(step: () => Promise<T>) => Promise<T>;
  /** Tags stored articles with every topic; one per pass, so its compiled matcher is reused. */
  tagger?: TopicTagger;
  /**
   * Parses and normalizes a fetched document: the server hands in its parse worker (parse-worker-client.ts), so
   * a 10 MiB feed never holds up its HTTP event loop; absent, this thread does it (the CLI, tests).
   */
  readDocument?: DocumentReader | undefined;
  /** Overrides for the fetcher's limits (tests shorten the deadline). */
  fetchOptions?: Partial<Omit<FetchFeedRequest, "url" | "etag" | "lastModified" | "allowPrivate">>;
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
    const fetched = await fetchFeed({
      ...ctx.fetchOptions,
      url: feed.url,
      etag: feed.etag,
      lastModified: feed.lastModified,
      allowPrivate: ctx.allowPrivateUrls,
    });
    if (fetched.kind === "not-modified") {
      const state = stateAfterNotModified(feed, { now: now(), permanentUrl: fetched.permanentUrl });
      await storeFeedArticles(ctx.db, { feedId: feed.id, leaseOwner, articles: [], state, now: now() });
      return { feedId: feed.id, status: "not-modified" };
    }
    const gate = ctx.documentGate ?? ((step) => step());
    const result = await gate(() =>
      storeDocument(ctx, feed, {
        body: fetched.body,
        contentType: fetched.contentType,
        baseUrl: fetched.finalUrl,
        leaseOwner,
        fetch: fetched,
      }),
    );
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
 * The pipeline after the network: parse -> normalize -> store, with the feed's new state in the same
 * transaction. The bundled sample corpus enters here too, so it is ingested exactly like a fetched feed.
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
  const read = await (ctx.readDocument ?? readDocument)({
    body: doc.body,
    contentType: doc.contentType,
    baseUrl: doc.baseUrl,
    feedLang: feed.lang,
    now,
  });
  if (read.warning) ctx.log.info({ feedId: feed.id, warning: read.warning }, "feed read leniently");
  if (read.entryCount > MAX_ENTRIES_PER_DOCUMENT) {
    ctx.log.warn(
      { feedId: feed.id, entries: read.entryCount, kept: MAX_ENTRIES_PER_DOCUMENT },
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
    tagger: ctx.tagger,
  });
}
