import type { Db } from "../../db/client";
import { storeFeed } from "../../db/queries/store-feed";
import type { TagRow, TopicTagger } from "../topics/topic-tagger";
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
      return planFeedStore(input, stored);
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
