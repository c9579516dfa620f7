import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { enqueueInstantAlerts } from "../../db/queries/outbox";
import { articleIdsIn, type RollupEntry, rollupEntries, rollupTags } from "../../db/queries/rollups";
import { articles, feeds } from "../../db/schema";
import { type TagRow, type TopicTagger, writeTags } from "../topics/topic-tagger";
import { releasedLease } from "./feed-lease";
import type { FeedStateUpdate } from "./feed-state";
import type { NormalizedArticle } from "./normalize";

export interface StoreInput {
  feedId: number;
  /** Lease holder, so the lease is released only by its owner. */
  leaseOwner?: string | undefined;
  articles: readonly NormalizedArticle[];
  state: FeedStateUpdate;
  now: number;
  isSample?: boolean;
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

type Existing = {
  id: number;
  feedId: number;
  entryKey: string;
  url: string | null;
  contentHash: string;
  publishedAt: number;
  lang: string | null;
};

const LOOKUP_CHUNK = 400;
const INSERT_CHUNK = 200;

/**
 * Stores one feed's entries and the feed's new state in ONE write transaction, so a crash leaves either both
 * or neither, and a re-run after a crash finds the rows and adds nothing.
 *
 * An entry is the same story when its (feed, entryKey) or its canonical URL is already stored. The same feed
 * re-publishing it with a changed headline or summary updates the row; another feed carrying the same URL
 * adds nothing (first outlet wins).
 */
export async function storeFeedArticles(db: Db, input: StoreInput): Promise<StoreResult> {
  const fresh = uniqueWithinBatch(input.articles);
  return db.transaction(async (tx) => {
    const existing = await findExisting(tx, input.feedId, fresh);
    await input.tagger?.refresh(tx);
    const tags: TagRow[] = [];
    const retagged: number[] = [];
    const toInsert: NormalizedArticle[] = [];
    // Where each new or changed article is counted in the rollups (topic 0: all articles).
    const placeOf = new Map<number, RollupEntry>();
    const articleEntries: RollupEntry[] = [];
    let updated = 0;
    let unchanged = 0;
    for (const article of fresh) {
      const match =
        existing.byEntry.get(article.entryKey) ?? (article.url ? existing.byUrl.get(article.url) : undefined);
      if (!match) {
        toInsert.push(article);
      } else if (match.feedId === input.feedId && match.contentHash !== article.contentHash) {
        await tx
          .update(articles)
          .set({
            title: article.title,
            summary: article.summary,
            author: article.author,
            contentHash: article.contentHash,
            updatedAt: input.now,
          })
          .where(eq(articles.id, match.id));
        updated++;
        if (input.tagger) {
          retagged.push(match.id);
          placeOf.set(match.id, {
            topicId: 0,
            publishedAt: match.publishedAt,
            feedId: match.feedId,
            lang: match.lang,
          });
          tags.push(...input.tagger.tag(match.id, article));
        }
      } else {
        unchanged++;
      }
    }

    const insertedIds: number[] = [];
    for (let i = 0; i < toInsert.length; i += INSERT_CHUNK) {
      const rows = toInsert.slice(i, i + INSERT_CHUNK).map((a) => ({
        feedId: input.feedId,
        entryKey: a.entryKey,
        guid: a.guid,
        url: a.url,
        title: a.title,
        summary: a.summary,
        author: a.author,
        lang: a.lang,
        publishedAt: a.publishedAt,
        dateSource: a.dateSource,
        firstSeenAt: input.now,
        updatedAt: input.now,
        contentHash: a.contentHash,
        isSample: input.isSample ?? false,
      }));
      // The write lock makes the lookup above authoritative; DO NOTHING only guards the impossible race.
      const chunk = toInsert.slice(i, i + INSERT_CHUNK);
      const ids = await tx
        .insert(articles)
        .values(rows)
        .onConflictDoNothing()
        .returning({ id: articles.id, entryKey: articles.entryKey });
      // Rows skipped by DO NOTHING return nothing, so match by entry key rather than by position.
      const byKey = new Map(chunk.map((a) => [a.entryKey, a]));
      for (const row of ids) {
        insertedIds.push(row.id);
        const article = byKey.get(row.entryKey);
        if (article) {
          const place = {
            topicId: 0,
            publishedAt: article.publishedAt,
            feedId: input.feedId,
            lang: article.lang,
          };
          placeOf.set(row.id, place);
          articleEntries.push(place);
        }
        if (input.tagger && article) tags.push(...input.tagger.tag(row.id, article));
      }
    }
    // Rollups move with the rows: old tags of changed articles out, new articles and tags in.
    if (retagged.length > 0) await rollupTags(tx, articleIdsIn("t", retagged), -1);
    if (input.tagger) await writeTags(tx, tags, retagged);
    await rollupEntries(tx, [
      ...articleEntries,
      ...tags.map((tag) => ({ ...placeOf.get(tag.articleId)!, topicId: tag.topicId })),
    ]);
    // Alerts are written with what causes them, so a crash can lose neither.
    const alerts = tags.length > 0 ? await enqueueInstantAlerts(tx, insertedIds, input.now) : 0;

    await tx
      .update(feeds)
      .set({
        ...(await withoutTakenUrl(tx, input.feedId, input.state)),
        articleCount: sql`${feeds.articleCount} + ${insertedIds.length}`,
        ...(input.leaseOwner ? releasedLease(input.leaseOwner) : {}),
      })
      .where(eq(feeds.id, input.feedId));

    return { inserted: insertedIds.length, updated, unchanged, insertedIds, tags, alerts };
  });
}

/** A feed may list one story twice (same guid or URL); the first occurrence wins, as in the feed's order. */
function uniqueWithinBatch(items: readonly NormalizedArticle[]): NormalizedArticle[] {
  const keys = new Set<string>();
  const urls = new Set<string>();
  const out: NormalizedArticle[] = [];
  for (const item of items) {
    if (keys.has(item.entryKey) || (item.url && urls.has(item.url))) continue;
    keys.add(item.entryKey);
    if (item.url) urls.add(item.url);
    out.push(item);
  }
  return out;
}

async function findExisting(db: Executor, feedId: number, items: readonly NormalizedArticle[]) {
  const byEntry = new Map<string, Existing>();
  const byUrl = new Map<string, Existing>();
  for (let i = 0; i < items.length; i += LOOKUP_CHUNK) {
    const chunk = items.slice(i, i + LOOKUP_CHUNK);
    const keys = chunk.map((a) => a.entryKey);
    const urls = chunk.flatMap((a) => (a.url ? [a.url] : []));
    const rows: Existing[] = await db
      .select({
        id: articles.id,
        feedId: articles.feedId,
        entryKey: articles.entryKey,
        url: articles.url,
        contentHash: articles.contentHash,
        publishedAt: articles.publishedAt,
        lang: articles.lang,
      })
      .from(articles)
      .where(
        or(
          and(eq(articles.feedId, feedId), inArray(articles.entryKey, keys)),
          urls.length > 0 ? inArray(articles.url, urls) : undefined,
        ),
      );
    for (const row of rows) {
      if (row.feedId === feedId) byEntry.set(row.entryKey, row);
      if (row.url) byUrl.set(row.url, row);
    }
  }
  return { byEntry, byUrl };
}

/** A permanent redirect to a URL another feed row already has cannot be applied: keep our URL. */
async function withoutTakenUrl(
  db: Executor,
  feedId: number,
  state: FeedStateUpdate,
): Promise<FeedStateUpdate> {
  if (!state.url) return state;
  const taken = await db.select({ id: feeds.id }).from(feeds).where(eq(feeds.url, state.url)).limit(1);
  if (taken.length === 0 || taken[0]!.id === feedId) return state;
  const { url: _ignored, ...rest } = state;
  return rest;
}
