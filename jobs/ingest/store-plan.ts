import type { ArticleToPlace } from "../../core/stories/placement";
import type { FeedWritePlan, StoredForFeed } from "../../db/queries/store-feed";
import type { TopicTagger } from "../topics/topic-tagger";
import type { FeedStateUpdate } from "./feed-state";
import type { NormalizedArticle } from "./normalize";

export interface StorePlanInput {
  feedId: number;
  /** Lease holder, so the lease is released only by its owner. */
  leaseOwner?: string | undefined;
  articles: readonly NormalizedArticle[];
  state: FeedStateUpdate;
  now: number;
  isSample?: boolean | undefined;
  /** Tags new and changed articles; absent, articles are stored untagged. */
  tagger?: Pick<TopicTagger, "topicsOf"> | undefined;
  /** Story fingerprints computed ahead (store-articles.ts); absent, the store computes them. */
  storyOf?: ((article: NormalizedArticle) => ArticleToPlace | undefined) | undefined;
}

export interface StorePlan extends FeedWritePlan {
  /** Entries already stored as they are, or stored by another feed (first outlet wins). */
  unchanged: number;
}

/**
 * What storing one feed's entries changes, from the entries and what is already stored. Pure: no I/O, the
 * store's transaction (db/queries/store-feed.ts) reads before it and writes it.
 *
 * An entry is the same story when its (feed, entryKey) or its canonical URL is already stored. The same feed
 * re-publishing it with a changed headline or summary updates the row (and retags it); another feed carrying
 * the same URL adds nothing. A new article counts once in the rollups (topic 0: all articles) and once per tag.
 */
export function planFeedStore(input: StorePlanInput, stored: StoredForFeed): StorePlan {
  const { feedId, now, tagger } = input;
  const plan: StorePlan = {
    feedId,
    now,
    inserts: [],
    updates: [],
    retagged: [],
    tags: [],
    counts: [],
    feed: withoutTakenUrl(feedId, input.state, stored.urlHeldBy),
    leaseOwner: input.leaseOwner,
    unchanged: 0,
  };
  for (const article of uniqueWithinBatch(input.articles)) {
    const byKey = stored.byEntry.get(article.entryKey);
    const byUrl = article.url ? stored.byUrl.get(article.url) : undefined;
    // This feed's row with the entry's link is the entry, whatever row its key names: a publisher that starts
    // repeating one guid on every item (entry-identity.ts) must not have one story overwrite another.
    const match =
      byUrl?.feedId === feedId && byKey !== undefined && byKey.id !== byUrl.id ? byUrl : (byKey ?? byUrl);
    if (!match) {
      const place = { topicId: 0, publishedAt: article.publishedAt, feedId, lang: article.lang };
      const tags = tagger ? tagger.topicsOf(article) : [];
      plan.inserts.push({
        article: {
          feedId,
          entryKey: article.entryKey,
          guid: article.guid,
          url: article.url,
          title: article.title,
          summary: article.summary,
          author: article.author,
          lang: article.lang,
          publishedAt: article.publishedAt,
          dateSource: article.dateSource,
          firstSeenAt: now,
          updatedAt: now,
          contentHash: article.contentHash,
          isSample: input.isSample ?? false,
        },
        tags,
        counts: [place, ...tags.map((tag) => ({ ...place, topicId: tag.topicId }))],
        story: input.storyOf?.(article),
      });
    } else if (match.feedId === feedId && match.contentHash !== article.contentHash) {
      plan.updates.push({
        id: match.id,
        changes: {
          title: article.title,
          summary: article.summary,
          author: article.author,
          contentHash: article.contentHash,
          updatedAt: now,
        },
      });
      if (tagger) {
        plan.retagged.push(match.id);
        // Counted where the stored row is counted: its stored time, feed and language.
        const place = { publishedAt: match.publishedAt, feedId: match.feedId, lang: match.lang };
        for (const tag of tagger.topicsOf(article)) {
          plan.tags.push({ articleId: match.id, ...tag });
          plan.counts.push({ ...place, topicId: tag.topicId });
        }
      }
    } else {
      plan.unchanged++;
    }
  }
  return plan;
}

/** A feed may list one story twice (same guid or URL); the first occurrence wins, as in the feed's order. */
export function uniqueWithinBatch(items: readonly NormalizedArticle[]): NormalizedArticle[] {
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

/** A permanent redirect to a URL another feed row already has cannot be applied: keep our URL. */
function withoutTakenUrl(
  feedId: number,
  state: FeedStateUpdate,
  urlHeldBy: number | undefined,
): FeedStateUpdate {
  if (!state.url || urlHeldBy === undefined || urlHeldBy === feedId) return state;
  const { url: _ignored, ...rest } = state;
  return rest;
}
