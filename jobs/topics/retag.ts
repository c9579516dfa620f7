import { and, eq, gt, sql } from "drizzle-orm";
import { compileTopics } from "../../core/tagging/compile";
import type { Db } from "../../db/client";
import { articleTextsAfter } from "../../db/queries/articles";
import { rollupTags } from "../../db/queries/rollups";
import { markRetagStarted, topicsToRetag } from "../../db/queries/topics";
import { articles, articleTopics, type Topic, topics } from "../../db/schema";

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
  const matcher = compileTopics([topic]);
  let cursor = topic.retagCursor;
  let done = topic.retagDone;
  let tagged = 0;
  let batches = 0;
  if (cursor === 0 && done === 0) {
    const [row] = await db.select({ n: sql<number>`count(*)` }).from(articles);
    await markRetagStarted(db, topic, Number(row?.n ?? 0));
  }
  while (batches < maxBatches) {
    const batch = await articleTextsAfter(db, cursor, batchSize);
    if (batch.length === 0) {
      await db
        .update(topics)
        .set({ taggedVersion: topic.version })
        .where(and(eq(topics.id, topic.id), eq(topics.version, topic.version)));
      break;
    }
    const last = batch[batch.length - 1]!.id;
    const rows = batch.flatMap((a) => {
      const match = matcher.match(a)[0];
      return match
        ? [{ articleId: a.id, topicId: topic.id, publishedAt: a.publishedAt, terms: match.terms }]
        : [];
    });
    const advanced = await db.transaction(async (tx) => {
      const moved = await tx
        .update(topics)
        .set({ retagCursor: last, retagDone: done + batch.length })
        .where(
          and(eq(topics.id, topic.id), eq(topics.version, topic.version), eq(topics.retagCursor, cursor)),
        )
        .returning({ id: topics.id });
      // Another worker took this batch, or the topic changed again: leave it to them / to the next run.
      if (moved.length === 0) return false;
      const inBatch = sql`t.topic_id = ${topic.id} and t.article_id > ${cursor} and t.article_id <= ${last}`;
      await rollupTags(tx, inBatch, -1);
      await tx
        .delete(articleTopics)
        .where(
          and(
            eq(articleTopics.topicId, topic.id),
            gt(articleTopics.articleId, cursor),
            sql`${articleTopics.articleId} <= ${last}`,
          ),
        );
      for (let i = 0; i < rows.length; i += 300)
        await tx.insert(articleTopics).values(rows.slice(i, i + 300));
      await rollupTags(tx, inBatch, 1);
      return true;
    });
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
