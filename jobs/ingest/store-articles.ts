import type { Db } from "../../db/client";
import { storeFeed } from "../../db/queries/store-feed";
import type { TagRow, TopicTagger } from "../topics/topic-tagger";
import { type PreparedEntries, prepareEntries } from "./prepare-entries";
import { planFeedStore, type StorePlanInput } from "./store-plan";

export interface StoreInput extends StorePlanInput {
  /** Tags new and changed articles in the same transaction; absent, articles are stored untagged. */
  tagger?: TopicTagger | undefined;
  /**
   * The entries' tags and story fingerprints, by index, computed ahead (prepare-entries.ts; the document worker
   * computes them while this thread stores the feed before); absent, they are computed here first.
   */
  prepared?: PreparedEntries | undefined;
  /**
   * Runs the transaction. The pass hands in a one-at-a-time gate, so two feeds' stores never interleave while
   * the next feeds are read and prepared.
   */
  storeGate?: (<T>(step: () => Promise<T>) => Promise<T>) | undefined;
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
 * written with the articles. Tags and story fingerprints come computed ahead, outside the transaction.
 */
export async function storeFeedArticles(db: Db, input: StoreInput): Promise<StoreResult> {
  const { tagger, articles } = input;
  let prepared = input.prepared;
  if (!prepared) {
    if (tagger) await tagger.refresh(db);
    prepared = await prepareEntries(tagger, articles);
  }
  const ahead = prepared;
  if (tagger && ahead.signature !== undefined) tagger.compiledElsewhere(ahead.signature, ahead.broken);
  const indexOf = new Map<object, number>(articles.map((a, i) => [a, i]));
  const gate = input.storeGate ?? ((step) => step());
  const { plan, written } = await gate(() =>
    storeFeed(
      db,
      {
        feedId: input.feedId,
        entries: articles,
        movedTo: input.state.url ?? undefined,
        withTopics: tagger !== undefined,
        compiled: tagger,
      },
      (stored) => {
        // The topics as this transaction sees them: one edited elsewhere since the tags were computed applies
        // from here on, and those tags are dropped (this thread then compiles and tags).
        if (tagger && stored.topics) tagger.load(stored.topics, stored.concepts);
        const tagsHold = tagger !== undefined && ahead.signature === tagger.signature;
        const at = (a: object) => indexOf.get(a);
        return planFeedStore(
          {
            ...input,
            tagger: tagger && {
              topicsOf: (a) => {
                const i = at(a);
                return (tagsHold && i !== undefined ? ahead.tags[i] : undefined) ?? tagger.topicsOf(a);
              },
            },
            storyOf: (a) => {
              const i = at(a);
              return i === undefined ? undefined : ahead.stories[i];
            },
          },
          stored,
        );
      },
    ),
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
