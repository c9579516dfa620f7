import type { Db } from "../../db/client";
import { type Subscription, subscriptions } from "../../db/schema";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { makeArticle, makeFeed } from "./factories";

/** A confirmed webhook subscription to the topic, made long before any test clock. */
export async function subscribe(db: Db, topicId: number, overrides: Partial<Subscription> = {}) {
  const [row] = await db
    .insert(subscriptions)
    .values({
      topicId,
      channel: "webhook",
      mode: "spike",
      url: "https://hooks.example.org/x",
      secret: "whsec_dGVzdA==",
      token: `tok-${Math.random()}`,
      createdAt: 0,
      confirmedAt: 0,
      ...overrides,
    })
    .returning();
  return row!;
}

/** Stores tagged articles published at the given instants (through the real store, so the rollups move). */
export async function storeAt(db: Db, times: readonly number[], title = "Nvidia story", feedName = "Wire") {
  const feed = await makeFeed(db, { name: feedName });
  await storeFeedArticles(db, {
    feedId: feed.id,
    articles: times.map((publishedAt, i) => makeArticle({ title: `${title} ${i}`, publishedAt })),
    state: {},
    now: Math.max(0, ...times),
    tagger: new TopicTagger(),
  });
}
