import { eq, sql } from "drizzle-orm";
import type { ArticleToPlace } from "../../core/stories/placement";
import { type Db, type Executor, useStoreSettings } from "../client";
import { type Article, type ArticleTopic, articles, type Feed, feeds, type NewArticle } from "../schema";
import { replaceTags } from "./article-topics";
import type { ConceptQuery } from "./concepts";
import { releasedLease } from "./feed-leases";
import { enqueueInstantAlerts } from "./instant-alerts";
import { jsonParam } from "./json-param";
import {
  articleIdsIn,
  type RollupEntry,
  rollupEntries,
  rollupNewArticleSets,
  rollupTags,
  rollupTopicSets,
  type SetEntry,
} from "./rollups";
import { type BandTail, bandTailOf } from "./story-band-tail";
import {
  dropEmptyNewStories,
  fingerprintOf,
  indexStoryBands,
  placeInStories,
  rememberStoredShingles,
} from "./story-placement";
import { type CompiledTopics, topicSetIfMoved } from "./topic-set";
import type { TopicQuery } from "./topics";

/** A stored article, as much of it as a re-read entry is compared with. */
export type StoredArticle = Pick<
  Article,
  "id" | "feedId" | "entryKey" | "url" | "contentHash" | "publishedAt" | "lang"
>;

/** What a feed's entries may already be, read in the store's transaction before it plans. */
export interface StoredForFeed {
  /** This feed's rows, by entry key. */
  byEntry: Map<string, StoredArticle>;
  /** Any feed's rows, by canonical URL. */
  byUrl: Map<string, StoredArticle>;
  /** The id of the feed row that already has the URL the feed moved to, if any. */
  urlHeldBy: number | undefined;
  /**
   * Every topic's query, when the store tags and the caller's copy of the topics or concepts is stale (see
   * `compiled`); undefined when both are current.
   */
  topics: TopicQuery[] | undefined;
  /**
   * Every concept the queries may use, when the store tags and the caller's copy is stale (see
   * `compiled`); undefined when the caller's concepts are current.
   */
  concepts?: ConceptQuery[] | undefined;
}

/** A tag of an article about to be inserted: its id is known only once it is. */
export type PlannedTag = Omit<ArticleTopic, "articleId">;

/** Everything one feed's store writes, decided before the first write (jobs/ingest/store-plan.ts). */
export interface FeedWritePlan {
  feedId: number;
  now: number;
  /**
   * New rows in feed order, each with the tags and rollup counts it brings if it is inserted, and its story
   * fingerprint (core/stories/fingerprint.ts; computed here when the caller did not compute it ahead).
   */
  inserts: Array<{ article: NewArticle; tags: PlannedTag[]; counts: RollupEntry[]; story?: ArticleToPlace }>;
  /** Rows of this feed whose headline or summary changed. */
  updates: Array<{
    id: number;
    changes: Pick<NewArticle, "title" | "summary" | "author" | "contentHash" | "updatedAt">;
  }>;
  /** Articles whose stored tags, and their counts, go out before `tags` come in. */
  retagged: number[];
  /** The new tags of updated articles, and their rollup counts. */
  tags: ArticleTopic[];
  counts: RollupEntry[];
  /** The feed row's new columns; its article count grows by the rows inserted. */
  feed: Partial<Feed>;
  /** Gives the feed's lease back, if this owner still holds it. */
  leaseOwner: string | undefined;
}

/** What the write did: the rows it created, the tags it wrote, the outbox rows (instant alerts) it added. */
export interface FeedWritten {
  insertedIds: number[];
  tags: ArticleTopic[];
  alerts: number;
}

/**
 * Stores one feed in ONE write transaction: reads what is stored, lets `plan` decide (synchronously, so
 * nothing else runs in between), and writes the plan, so a crash leaves either all of it or none.
 */
export async function storeFeed<Plan extends FeedWritePlan>(
  db: Db,
  lookup: {
    feedId: number;
    entries: ReadonlyArray<{ entryKey: string; url: string | null }>;
    movedTo: string | undefined;
    withTopics: boolean;
    /**
     * The topics the caller compiled: their queries and the concepts' texts are read only when those moved
     * (topicSetIfMoved). Absent, both are read whenever the store tags.
     */
    compiled?: CompiledTopics;
  },
  plan: (stored: StoredForFeed) => Plan,
): Promise<{ plan: Plan; written: FeedWritten }> {
  const tail = bandTailOf(db);
  const stored = await db.transaction(async (tx) => {
    await useStoreSettings(db, tx);
    const found = await storedArticlesFor(tx, lookup.feedId, lookup.entries);
    const moved = lookup.withTopics ? await topicSetIfMoved(tx, lookup.compiled) : undefined;
    const urlHeldBy = lookup.movedTo ? await feedIdWithUrl(tx, lookup.movedTo) : undefined;
    const decided = plan({ ...found, urlHeldBy, topics: moved?.topics, concepts: moved?.concepts });
    return { plan: decided, written: await writeFeedPlan(tx, decided, tail) };
  });
  tail.committed();
  return stored;
}

// Each insert also indexes its rows for full-text search; 100 rows keep one statement to a few milliseconds.
const INSERT_CHUNK = 100;
const TAG_CHUNK = 2_000;

/**
 * This feed's rows with the entries' keys, and any feed's rows with their URLs. The keys and URLs go in as two
 * JSON parameters that json_each unpacks (both lookups still search their unique indexes): built by drizzle, a
 * statement that binds 800 values cost more to make than SQLite took to answer it (issue 12's profile).
 */
export async function storedArticlesFor(
  db: Executor,
  feedId: number,
  entries: ReadonlyArray<{ entryKey: string; url: string | null }>,
): Promise<Pick<StoredForFeed, "byEntry" | "byUrl">> {
  const byEntry = new Map<string, StoredArticle>();
  const byUrl = new Map<string, StoredArticle>();
  if (entries.length === 0) return { byEntry, byUrl };
  const keys = jsonParam(entries.map((a) => a.entryKey));
  const urls = jsonParam(entries.flatMap((a) => (a.url ? [a.url] : [])));
  const rows = await db.all<{
    id: number;
    feed_id: number;
    entry_key: string;
    url: string | null;
    content_hash: string;
    published_at: number;
    lang: string | null;
  }>(sql`
    select id, feed_id, entry_key, url, content_hash, published_at, lang from articles
    where (feed_id = ${feedId} and entry_key in (select value from json_each(${keys})))
      or url in (select value from json_each(${urls}))`);
  for (const row of rows) {
    const stored: StoredArticle = {
      id: Number(row.id),
      feedId: Number(row.feed_id),
      entryKey: row.entry_key,
      url: row.url,
      contentHash: row.content_hash,
      publishedAt: Number(row.published_at),
      lang: row.lang,
    };
    if (stored.feedId === feedId) byEntry.set(stored.entryKey, stored);
    if (stored.url) byUrl.set(stored.url, stored);
  }
  return { byEntry, byUrl };
}

/** The feed row that has this URL, if one does. */
export async function feedIdWithUrl(db: Executor, url: string): Promise<number | undefined> {
  const rows = await db.select({ id: feeds.id }).from(feeds).where(eq(feeds.url, url)).limit(1);
  return rows[0]?.id;
}

/**
 * Writes a plan, in the caller's transaction. Never yield to the event loop in here: another feed's claim or
 * failure record would then write through another connection of this thread's pool and wait, synchronously,
 * for the lock this transaction holds (SQLITE_BUSY after the busy timeout).
 */
export async function writeFeedPlan(db: Executor, plan: FeedWritePlan, tail: BandTail): Promise<FeedWritten> {
  for (const update of plan.updates) {
    await db.update(articles).set(update.changes).where(eq(articles.id, update.id));
  }
  const insertedIds: number[] = [];
  const insertedTags: ArticleTopic[] = [];
  const insertedCounts: RollupEntry[] = [];
  const insertedSets: SetEntry[] = [];
  // Each new article joins the story of its nearest stored (or earlier) copy, or starts one: decided before the
  // insert, so the row is written with its story.
  const inserts = plan.inserts.map((insert) => ({
    ...insert,
    story: insert.story ?? fingerprintOf(insert.article),
  }));
  const placed = await placeInStories(
    db,
    inserts.map((insert) => ({ story: insert.story, lang: insert.article.lang ?? null })),
    tail,
  );
  const indexed: Array<{ articleId: number; story: ArticleToPlace }> = [];
  for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
    const chunk = inserts.slice(i, i + INSERT_CHUNK);
    const ids = await insertArticleRows(
      db,
      chunk.map((insert, k) => ({ ...insert.article, storyId: placed.storyIds[i + k]! })),
    );
    // Rows skipped by DO NOTHING return nothing, so match by entry key rather than by position; only the rows
    // written are counted and tagged.
    const byKey = new Map(chunk.map((insert) => [insert.article.entryKey, insert]));
    for (const row of ids) {
      insertedIds.push(row.id);
      const insert = byKey.get(row.entryKey);
      if (!insert) continue;
      insertedCounts.push(...insert.counts);
      indexed.push({ articleId: row.id, story: insert.story });
      // The next stores' candidates are mostly these articles: their shingles need not be computed again.
      rememberStoredShingles(
        {
          title: insert.article.title,
          summary: insert.article.summary ?? "",
          lang: insert.article.lang ?? null,
        },
        insert.story.shingles,
      );
      for (const tag of insert.tags) insertedTags.push({ articleId: row.id, ...tag });
      const { publishedAt, feedId, lang } = insert.article;
      insertedSets.push({
        topicIds: insert.tags.map((t) => t.topicId),
        publishedAt,
        feedId,
        lang: lang ?? null,
      });
    }
  }
  await indexStoryBands(db, indexed, tail);
  await dropEmptyNewStories(db, placed.newStoryIds);
  // Rollups move with the rows: old tags of changed articles out, new articles and tags in. The topic-set
  // rollups count an article under the set of topics it carries, so a changed article leaves its old set first.
  const changed = [...new Set([...plan.retagged, ...plan.tags.map((t) => t.articleId)])];
  if (changed.length > 0) await rollupTopicSets(db, articleIdsIn("a", changed), -1);
  if (plan.retagged.length > 0) {
    await rollupTags(db, articleIdsIn("t", plan.retagged), -1);
    await replaceTags(db, [], plan.retagged);
  }
  const tags = [...plan.tags, ...insertedTags];
  await insertTagRows(db, tags);
  await rollupEntries(db, [...insertedCounts, ...plan.counts]);
  // New articles' sets come from the tags in hand; a changed article's set from the tags it now has stored.
  if (changed.length > 0) await rollupTopicSets(db, articleIdsIn("a", changed), 1);
  await rollupNewArticleSets(db, insertedSets);
  // Alerts are written with what causes them, so a crash can lose neither.
  const alerts = tags.length > 0 ? await enqueueInstantAlerts(db, insertedIds, plan.now) : 0;
  await db
    .update(feeds)
    .set({
      ...plan.feed,
      articleCount: sql`${feeds.articleCount} + ${insertedIds.length}`,
      ...(plan.leaseOwner ? releasedLease(plan.leaseOwner) : {}),
    })
    .where(eq(feeds.id, plan.feedId));
  return { insertedIds, tags, alerts };
}

/**
 * Inserts new article rows, handed to SQLite as ONE JSON parameter that json_each unpacks: a multi-row VALUES
 * through drizzle binds 14 parameters a row, and building that statement cost more than SQLite's insert did
 * (issue 12's profile). The columns are those of the articles table; DO NOTHING only guards the impossible race,
 * since the store's write lock makes its lookup authoritative.
 */
async function insertArticleRows(
  db: Executor,
  rows: readonly NewArticle[],
): Promise<Array<{ id: number; entryKey: string }>> {
  const json = jsonParam(
    rows.map((r) => [
      r.feedId,
      r.entryKey,
      r.guid ?? null,
      r.url ?? null,
      r.title,
      r.summary ?? "",
      r.author ?? null,
      r.lang ?? null,
      r.publishedAt,
      r.dateSource,
      r.firstSeenAt,
      r.updatedAt,
      r.contentHash,
      r.isSample ? 1 : 0,
      r.storyId ?? null,
    ]),
  );
  const result = await db.all<{ id: number; entry_key: string }>(sql`
    insert into articles (feed_id, entry_key, guid, url, title, summary, author, lang, published_at, date_source,
      first_seen_at, updated_at, content_hash, is_sample, story_id)
    select r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5, r.value ->> 6,
      r.value ->> 7, r.value ->> 8, r.value ->> 9, r.value ->> 10, r.value ->> 11, r.value ->> 12, r.value ->> 13,
      r.value ->> 14
    from json_each(${json}) r where true order by r.key
    on conflict do nothing
    returning id, entry_key`);
  return result.map((row) => ({ id: Number(row.id), entryKey: String(row.entry_key) }));
}

/** Inserts tags as one JSON parameter per chunk, for the same reason as insertArticleRows. */
async function insertTagRows(db: Executor, rows: readonly ArticleTopic[]): Promise<void> {
  for (let i = 0; i < rows.length; i += TAG_CHUNK) {
    const json = jsonParam(
      rows.slice(i, i + TAG_CHUNK).map((t) => [t.articleId, t.topicId, t.publishedAt, jsonParam(t.terms)]),
    );
    await db.run(sql`
      insert into article_topics (article_id, topic_id, published_at, terms)
      select r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3 from json_each(${json}) r order by r.key`);
  }
}
