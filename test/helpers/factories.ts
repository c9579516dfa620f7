import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { addFeed } from "../../db/queries/feeds";
import type { Feed } from "../../db/schema";
import type { NormalizedArticle } from "../../jobs/ingest/normalize";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";

let counter = 0;

/** A normalized entry as the pipeline would produce it; every call gives a new identity unless overridden. */
export function makeArticle(overrides: Partial<NormalizedArticle> = {}): NormalizedArticle {
  counter++;
  const title = overrides.title ?? `DeepSeek story ${counter}`;
  const summary = overrides.summary ?? `Summary of story ${counter}.`;
  const url = overrides.url === undefined ? `https://news.example.com/story-${counter}` : overrides.url;
  return {
    entryKey: overrides.entryKey ?? overrides.guid ?? url ?? `th:${counter}`,
    guid: null,
    url,
    title,
    summary,
    author: null,
    lang: "en",
    publishedAt: Date.UTC(2025, 0, 27, 9) + counter * 60_000,
    dateSource: "feed",
    contentHash: createHash("sha1").update(`${title}\n${summary}`).digest("hex"),
    ...overrides,
  };
}

export async function makeFeed(
  db: Db,
  overrides: Partial<Parameters<typeof addFeed>[1]> = {},
): Promise<Feed> {
  counter++;
  return addFeed(db, {
    url: `https://feeds.example.com/${counter}.xml`,
    name: `Feed ${counter}`,
    ...overrides,
  });
}

/** Stores `articles` in `feedId` through the ingest's own store, tagged by the database's topics. */
export async function storeTagged(db: Db, feedId: number, articles: NormalizedArticle[]): Promise<void> {
  await storeFeedArticles(db, { feedId, articles, state: {}, now: Date.now(), tagger: new TopicTagger() });
}
