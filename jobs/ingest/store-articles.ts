import { setImmediate as nextTurn } from "node:timers/promises";
import { storyFingerprint } from "../../core/stories/fingerprint";
import type { ArticleToPlace } from "../../core/stories/placement";
import type { Db } from "../../db/client";
import { storedArticlesFor, storeFeed } from "../../db/queries/store-feed";
import type { TagRow, TopicTag, TopicTagger } from "../topics/topic-tagger";
import type { NormalizedArticle } from "./normalize";
import { planFeedStore, type StorePlanInput } from "./store-plan";

export interface StoreInput extends StorePlanInput {
  /** Tags new and changed articles in the same transaction; absent, articles are stored untagged. */
  tagger?: TopicTagger | undefined;
}

export interface StoreResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Ids of the rows this call created, for streams and alerts downstream. */
  insertedIds: number[];
  /** Article-topic pairs written by this call. */
  tags: TagRow[];
  /** Outbox rows (instant alerts) written by this call. */
  alerts: number;
}

/**
 * Stores one feed's entries and the feed's new state in ONE write transaction, so a crash leaves either both
 * or neither, and a re-run after a crash finds the rows and adds nothing. What to write is planned by
 * planFeedStore (store-plan.ts) from what the transaction reads; the rollups, tags and outbox rows are
 * written with the articles.
 */
export async function storeFeedArticles(db: Db, input: StoreInput): Promise<StoreResult> {
  const { tagger } = input;
  const pretagged = tagger ? await tagAhead(db, tagger, input.articles) : undefined;
  const stories = await fingerprintAhead(await newEntries(db, input.feedId, input.articles));
  const { plan, written } = await storeFeed(
    db,
    {
      feedId: input.feedId,
      entries: input.articles,
      movedTo: input.state.url ?? undefined,
      withTopics: tagger !== undefined,
      ...(tagger ? { conceptsStale: (versions) => tagger.conceptsStale(versions) } : {}),
    },
    (stored) => {
      // The topics as this transaction sees them: one edited elsewhere applies from here on.
      if (tagger && stored.topics) tagger.load(stored.topics, stored.concepts);
      const ahead = pretagged && tagger?.compilations === pretagged.compilations ? pretagged.tags : undefined;
      return planFeedStore(
        {
          ...input,
          tagger: tagger && { topicsOf: (a) => ahead?.get(a) ?? tagger.topicsOf(a) },
          storyOf: (a) => stories.get(a),
        },
        stored,
      );
    },
  );
  return {
    inserted: written.insertedIds.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    insertedIds: written.insertedIds,
    tags: written.tags,
    alerts: written.alerts,
  };
}

const TAG_AHEAD_CHUNK = 100;

/**
 * Tags the entries before the store's transaction, a chunk at a time with the event loop's turn in between:
 * tagging 2,000 entries in the transaction's one synchronous plan held up a server's HTTP loop for a tenth of
 * a second. The transaction re-reads the topics; only if they changed meanwhile (`compilations` moved) are
 * these tags dropped and the entries tagged again there.
 */
async function tagAhead(
  db: Db,
  tagger: TopicTagger,
  articles: readonly NormalizedArticle[],
): Promise<{ compilations: number; tags: Map<object, TopicTag[]> }> {
  await tagger.refresh(db);
  const compilations = tagger.compilations;
  const tags = new Map<object, TopicTag[]>();
  for (let i = 0; i < articles.length; i += TAG_AHEAD_CHUNK) {
    for (const article of articles.slice(i, i + TAG_AHEAD_CHUNK)) tags.set(article, tagger.topicsOf(article));
    await nextTurn();
  }
  return { compilations, tags };
}

/**
 * The entries no stored row matches (by this feed's entry key or any feed's URL), read before the transaction:
 * only they can be inserted, so only they need a fingerprint. Most entries of a feed read again are stored
 * already, and their shingles and MinHash cost more than this one indexed read. A row stored or deleted in
 * between only moves the work: the transaction's own lookup decides, and fingerprints an insert it was not
 * handed (store-feed.ts).
 */
async function newEntries(
  db: Db,
  feedId: number,
  articles: readonly NormalizedArticle[],
): Promise<NormalizedArticle[]> {
  if (articles.length === 0) return [];
  const { byEntry, byUrl } = await storedArticlesFor(db, feedId, articles);
  return articles.filter((a) => !byEntry.has(a.entryKey) && !(a.url && byUrl.has(a.url)));
}

/**
 * Story fingerprints (shingles and band keys, core/stories/) for every new entry, a chunk at a time with the event
 * loop's turn in between, for the reason tagAhead gives: the transaction then only looks them up.
 */
async function fingerprintAhead(
  articles: readonly NormalizedArticle[],
): Promise<Map<object, ArticleToPlace>> {
  const out = new Map<object, ArticleToPlace>();
  for (let i = 0; i < articles.length; i += TAG_AHEAD_CHUNK) {
    for (const article of articles.slice(i, i + TAG_AHEAD_CHUNK)) out.set(article, storyFingerprint(article));
    await nextTurn();
  }
  return out;
}
