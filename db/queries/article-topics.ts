import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "../client";
import { type ArticleTopic, articleTopics, type Topic, topics } from "../schema";
import { articleIdsIn, rollupTags, rollupTopicSets } from "./rollups";

const WRITE_CHUNK = 300;

/**
 * Writes tags inside the articles' transaction. `retagged` are articles that had tags before (a changed
 * headline): their old tags go first.
 */
export async function replaceTags(
  db: Executor,
  rows: readonly ArticleTopic[],
  retagged: readonly number[] = [],
): Promise<void> {
  for (let i = 0; i < retagged.length; i += WRITE_CHUNK) {
    await db
      .delete(articleTopics)
      .where(inArray(articleTopics.articleId, retagged.slice(i, i + WRITE_CHUNK)));
  }
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await db.insert(articleTopics).values(rows.slice(i, i + WRITE_CHUNK));
  }
}

/**
 * One retag batch of a topic, in one transaction: the topic's tags on articles in (cursor, last] are replaced
 * by `rows`, their rollup counts move with them, and the topic's cursor advances. The cursor update is
 * conditional on the version and cursor the caller read, so a batch another worker took, or a topic edited
 * again meanwhile, changes nothing: false then.
 */
export async function writeRetagBatch(
  db: Db,
  batch: {
    topic: Pick<Topic, "id" | "version">;
    cursor: number;
    last: number;
    done: number;
    rows: readonly ArticleTopic[];
  },
): Promise<boolean> {
  const { topic, cursor, last, rows } = batch;
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(topics)
      .set({ retagCursor: last, retagDone: batch.done })
      .where(and(eq(topics.id, topic.id), eq(topics.version, topic.version), eq(topics.retagCursor, cursor)))
      .returning({ id: topics.id });
    if (moved.length === 0) return false;
    // Over `t`, article_topics, as rollupTags reads it.
    const inBatch = sql`t.topic_id = ${topic.id} and t.article_id > ${cursor} and t.article_id <= ${last}`;
    // The articles whose topic set may change: those with the topic before the batch or after it.
    const before = await tx.all<{ id: number }>(
      sql`select t.article_id as id from article_topics t where ${inBatch}`,
    );
    const changed = articleIdsIn("a", [
      ...new Set([...before.map((row) => Number(row.id)), ...rows.map((row) => row.articleId)]),
    ]);
    await rollupTopicSets(tx, changed, -1);
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
    for (let i = 0; i < rows.length; i += WRITE_CHUNK)
      await tx.insert(articleTopics).values(rows.slice(i, i + WRITE_CHUNK));
    await rollupTags(tx, inBatch, 1);
    await rollupTopicSets(tx, changed, 1);
    return true;
  });
}

/**
 * A topic's stored tags on articles with ids in (afterId, lastId], with the terms that made each: what a dry
 * run compares a draft query with, batch by batch as it walks the articles.
 */
export async function topicTagsInRange(
  db: Executor,
  topicId: number,
  afterId: number,
  lastId: number,
): Promise<Array<Pick<ArticleTopic, "articleId" | "terms">>> {
  return db
    .select({ articleId: articleTopics.articleId, terms: articleTopics.terms })
    .from(articleTopics)
    .where(
      and(
        eq(articleTopics.topicId, topicId),
        gt(articleTopics.articleId, afterId),
        sql`${articleTopics.articleId} <= ${lastId}`,
      ),
    );
}
