import { compileTopics } from "../../core/tagging/compile";
import type { Db } from "../../db/client";
import { writeRetagBatch } from "../../db/queries/article-topics";
import { articleTextsAfter, countArticles } from "../../db/queries/articles";
import { conceptDefinitions } from "../../db/queries/concepts";
import { markRetagDone, markRetagStarted, topicsToRetag } from "../../db/queries/topics";
import type { Topic } from "../../db/schema";

export interface RetagOptions {
  batchSize?: number;
  /** Stop after this many batches (tests use it to simulate a crash between batches). */
  maxBatches?: number;
}

export interface RetagSummary {
  topics: number;
  articles: number;
  tagged: number;
}

const DEFAULT_BATCH = 1_000;

/**
 * Brings the stored tags of every topic whose query changed up to date. It walks the articles in id order in
 * batches, each batch one transaction that replaces the topic's tags and advances the topic's cursor, so a
 * crash resumes after the last committed batch and nothing is tagged twice. A topic edited again mid-way
 * restarts: the cursor update is conditional on the version it started with.
 */
export async function retagTopics(db: Db, options: RetagOptions = {}): Promise<RetagSummary> {
  const summary: RetagSummary = { topics: 0, articles: 0, tagged: 0 };
  let budget = options.maxBatches ?? Number.POSITIVE_INFINITY;
  for (const topic of await topicsToRetag(db)) {
    summary.topics++;
    const result = await retagTopic(db, topic, options.batchSize ?? DEFAULT_BATCH, budget);
    summary.articles += result.articles;
    summary.tagged += result.tagged;
    budget -= result.batches;
    if (budget <= 0) break;
  }
  return summary;
}

async function retagTopic(db: Db, topic: Topic, batchSize: number, maxBatches: number) {
  // A concept edited after this read bumps the topic's version, so the batches below stop and a later run
  // starts over with the new terms.
  const matcher = compileTopics([topic], { concepts: await conceptDefinitions(db) });
  let cursor = topic.retagCursor;
  let done = topic.retagDone;
  let tagged = 0;
  let batches = 0;
  if (cursor === 0 && done === 0) {
    await markRetagStarted(db, topic, await countArticles(db));
  }
  while (batches < maxBatches) {
    const batch = await articleTextsAfter(db, cursor, batchSize);
    if (batch.length === 0) {
      await markRetagDone(db, topic);
      break;
    }
    const last = batch[batch.length - 1]!.id;
    const rows = batch.flatMap((a) => {
      const match = matcher.match(a)[0];
      return match
        ? [{ articleId: a.id, topicId: topic.id, publishedAt: a.publishedAt, terms: match.terms }]
        : [];
    });
    // Another worker took this batch, or the topic changed again: leave it to them / to the next run.
    const advanced = await writeRetagBatch(db, { topic, cursor, last, done: done + batch.length, rows });
    if (!advanced) break;
    cursor = last;
    done += batch.length;
    tagged += rows.length;
    batches++;
    // Let the server answer requests between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { articles: done - topic.retagDone, tagged, batches };
}
