import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { DomainError } from "../../core/errors";
import type { Db, Executor } from "../client";
import { articles, coverageHourly, type Topic, topics } from "../schema";
import { deleteTopicRollups } from "./rollups";

export type TopicInput = Pick<Topic, "slug" | "name" | "query"> &
  Partial<Pick<Topic, "description" | "color">>;

export class DuplicateTopicError extends DomainError {
  override name = "DuplicateTopicError";
  constructor(readonly slug: string) {
    super("conflict", `a topic with the slug '${slug}' already exists`, { details: { slug } });
  }
}

export interface TopicWithCount extends Topic {
  articleCount: number;
}

/** Every topic with its article count, read from the hourly rollup (a few thousand rows a year per topic). */
export async function listTopics(db: Executor): Promise<TopicWithCount[]> {
  const rows = await db
    .select({
      topic: topics,
      articleCount: sql<number>`(select coalesce(sum(${coverageHourly.count}), 0) from ${coverageHourly} where ${coverageHourly.topicId} = ${topics.id})`,
    })
    .from(topics)
    .orderBy(asc(topics.id));
  return rows.map((r) => ({ ...r.topic, articleCount: Number(r.articleCount) }));
}

/** One topic's article count, from the hourly rollup as listTopics counts it. */
export async function topicArticleCount(db: Executor, topicId: number): Promise<number> {
  const rows = await db
    .select({ count: sql<number>`coalesce(sum(${coverageHourly.count}), 0)` })
    .from(coverageHourly)
    .where(eq(coverageHourly.topicId, topicId));
  return Number(rows[0]?.count ?? 0);
}

/** Topics without counts, for callers that only need names and colours. */
export async function listTopicNames(
  db: Executor,
): Promise<Array<Pick<Topic, "id" | "slug" | "name" | "color">>> {
  return db
    .select({ id: topics.id, slug: topics.slug, name: topics.name, color: topics.color })
    .from(topics)
    .orderBy(asc(topics.id));
}

export async function getTopic(db: Executor, slug: string): Promise<Topic | undefined> {
  const rows = await db.select().from(topics).where(eq(topics.slug, slug)).limit(1);
  return rows[0];
}

/**
 * A new topic starts untagged (taggedVersion 0) unless the database has no articles yet, so the retag job
 * tags the stored coverage in the background.
 */
export async function createTopic(db: Executor, input: TopicInput & { color: string }): Promise<Topic> {
  const anyArticle = await db.select({ id: articles.id }).from(articles).limit(1);
  const rows = await db
    .insert(topics)
    .values({ ...input, version: 1, taggedVersion: anyArticle.length === 0 ? 1 : 0 })
    .onConflictDoNothing({ target: topics.slug })
    .returning();
  if (!rows[0]) throw new DuplicateTopicError(input.slug);
  return rows[0];
}

/** Replaces a topic's fields; a changed query bumps the version and restarts its retag from the first article. */
export async function updateTopic(
  db: Executor,
  slug: string,
  input: Omit<TopicInput, "slug"> & { color: string },
  now: number,
): Promise<Topic | undefined> {
  const current = await getTopic(db, slug);
  if (!current) return undefined;
  const queryChanged = current.query !== input.query;
  const rows = await db
    .update(topics)
    .set({
      name: input.name,
      description: input.description ?? "",
      color: input.color,
      query: input.query,
      updatedAt: now,
      ...(queryChanged
        ? { version: sql`${topics.version} + 1`, retagCursor: 0, retagDone: 0, retagTotal: 0 }
        : {}),
    })
    .where(eq(topics.id, current.id))
    .returning();
  return rows[0];
}

/** Deletes a topic, its rollups and, by cascade, its tags. */
export async function deleteTopic(db: Db, slug: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.delete(topics).where(eq(topics.slug, slug)).returning({ id: topics.id });
    if (rows[0]) await deleteTopicRollups(tx, rows[0].id);
    return rows.length > 0;
  });
}

/** Topics whose stored tags lag behind their query. */
export async function topicsToRetag(db: Executor): Promise<Topic[]> {
  return db
    .select()
    .from(topics)
    .where(sql`${topics.taggedVersion} < ${topics.version}`)
    .orderBy(asc(topics.id));
}

/** Every topic's id and version: whether the topics a matcher was compiled from are still the stored ones. */
export async function topicVersions(db: Executor): Promise<Array<Pick<Topic, "id" | "version">>> {
  return db.select({ id: topics.id, version: topics.version }).from(topics).orderBy(asc(topics.id));
}

/** The compiled matcher's input: every topic's query with its version. */
export async function topicQueries(db: Executor) {
  return db
    .select({ id: topics.id, slug: topics.slug, query: topics.query, version: topics.version })
    .from(topics)
    .orderBy(asc(topics.id));
}

export async function markRetagStarted(db: Executor, topic: Pick<Topic, "id" | "version">, total: number) {
  await db
    .update(topics)
    .set({ retagTotal: total })
    .where(and(eq(topics.id, topic.id), eq(topics.version, topic.version)));
}

/** The stored tags reflect the topic's version now, unless it was edited again meanwhile. */
export async function markRetagDone(db: Executor, topic: Pick<Topic, "id" | "version">) {
  await db
    .update(topics)
    .set({ taggedVersion: topic.version })
    .where(and(eq(topics.id, topic.id), eq(topics.version, topic.version)));
}

/** A topic's query and version: what the tagger compiles. */
export type TopicQuery = Awaited<ReturnType<typeof topicQueries>>[number];

/**
 * Marks topics for a retag exactly as a query edit does: a new version, the retag restarting from the first
 * article. Used when a concept their queries use changes, in the transaction that changes it.
 */
export async function restartTopicRetags(db: Executor, ids: readonly number[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(topics)
    .set({
      version: sql`${topics.version} + 1`,
      retagCursor: 0,
      retagDone: 0,
      retagTotal: 0,
      updatedAt: now,
    })
    .where(inArray(topics.id, [...ids]));
}
