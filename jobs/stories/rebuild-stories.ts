import { setImmediate as nextTurn } from "node:timers/promises";
import { storyFingerprint } from "../../core/stories/fingerprint";
import type { Db } from "../../db/client";
import {
  articlesToRebuild,
  finishRebuild,
  type RebuildProgress,
  rebuildBatch,
  rebuildInProgress,
  startRebuild,
} from "../../db/queries/story-rebuild";

export interface RebuildOptions {
  /** Articles per transaction. */
  batchSize?: number;
  /** Stop after this many batches, unfinished (tests use it to stand for a crash between batches). */
  maxBatches?: number;
  /** Called after each committed batch with the articles placed so far. */
  onBatch?: (placed: number) => void;
  now?: number;
}

export interface RebuildSummary {
  /** Articles placed by this run. */
  articles: number;
  /** Articles an earlier, interrupted run had placed (0 for a fresh start). */
  resumedAfter: number;
  /** Whether every article is placed (false when maxBatches stopped it). */
  finished: boolean;
}

const DEFAULT_BATCH = 500;

/**
 * Places every stored article again, in publication order, as ingest places a new one: for databases that predate
 * stories (migration 0010 made each of their articles a story of its own) and after a change of the clustering's
 * settings (core/stories/). Memory stays that of one batch whatever the database's size: the articles are read a
 * batch at a time by their time index, and the candidates come from the band index, as at ingest. Each batch is
 * one transaction that also moves the stored progress on, so an interrupted run resumes where it stopped; a run
 * that finds no rebuild in progress starts one. Articles stored meanwhile by an ingest are placed again too when
 * their time comes, so the result is the same.
 */
export async function rebuildStories(db: Db, options: RebuildOptions = {}): Promise<RebuildSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const found = await rebuildInProgress(db);
  let progress: RebuildProgress = found ?? (await startRebuild(db, options.now ?? Date.now()));
  const resumedAfter = progress.placed;
  let batches = 0;
  while (batches < (options.maxBatches ?? Number.POSITIVE_INFINITY)) {
    const articles = await articlesToRebuild(db, progress.after, batchSize);
    if (articles.length === 0) {
      await finishRebuild(db, progress);
      return { articles: progress.placed - resumedAfter, resumedAfter, finished: true };
    }
    const batch = articles.map((article) => ({ article, story: storyFingerprint(article) }));
    progress = await rebuildBatch(db, progress, batch);
    batches++;
    options.onBatch?.(progress.placed);
    // A tight loop of awaited statements holds each one's memory until the event loop turns (MEASUREMENTS.md).
    await nextTurn();
  }
  return { articles: progress.placed - resumedAfter, resumedAfter, finished: false };
}
