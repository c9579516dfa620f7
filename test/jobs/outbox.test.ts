import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { alertEvents, type Subscription, subscriptions } from "../../db/schema";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";

const HOUR = 3_600_000;
const now = Date.UTC(2025, 0, 27, 12);

describe("instant alerts in the outbox", () => {
  let t: TestDatabase;
  let topicId: number;
  beforeEach(async () => {
    t = await createTestDatabase();
    topicId = (await createTopic(t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" }))
      .id;
  });
  afterEach(() => t.destroy());

  async function subscribe(overrides: Partial<Subscription> = {}) {
    const [row] = await t.db
      .insert(subscriptions)
      .values({
        topicId,
        channel: "webhook",
        mode: "instant",
        url: "https://hooks.example/x",
        secret: "whsec_dGVzdA==",
        token: "tok",
        createdAt: now - HOUR,
        confirmedAt: now - HOUR,
        ...overrides,
      })
      .returning();
    return row!;
  }
  async function store(
    articles: ReturnType<typeof makeArticle>[],
    options: { at?: number; sample?: boolean } = {},
  ) {
    const feed = await makeFeed(t.db, { isSample: options.sample ?? false });
    return storeFeedArticles(t.db, {
      feedId: feed.id,
      articles,
      state: {},
      now: options.at ?? now,
      isSample: options.sample,
      tagger: new TopicTagger(),
    });
  }
  const events = () => t.db.select().from(alertEvents);

  it("writes one event per subscription for a fresh, newly tagged article, with a snapshot of it", async () => {
    const a = await subscribe();
    const b = await subscribe({ url: "https://hooks.example/y" });
    const result = await store([makeArticle({ title: "Nvidia loses $589bn", publishedAt: now - 2 * HOUR })]);
    expect(result.alerts).toBe(2);
    const rows = await events();
    expect(rows.map((r) => r.subscriptionId).sort()).toEqual([a.id, b.id].sort());
    expect(rows[0]).toMatchObject({
      type: "article.tagged",
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
    });
    expect(rows[0]!.payload).toMatchObject({
      topic: { slug: "nvidia", name: "Nvidia" },
      article: { title: "Nvidia loses $589bn", publishedAt: new Date(now - 2 * HOUR).toISOString() },
    });
  });

  it("stays quiet for backlog, for articles seen before the subscription, unconfirmed or cancelled ones, and samples", async () => {
    await subscribe({ confirmedAt: null });
    await subscribe({ cancelledAt: now - 1 });
    await subscribe({ createdAt: now + HOUR, confirmedAt: now + HOUR });
    await subscribe({ mode: "digest" });
    await store([makeArticle({ title: "Nvidia story", publishedAt: now - HOUR })]);
    expect(await events()).toEqual([]);
    await subscribe();
    await store([makeArticle({ title: "Nvidia old story", publishedAt: now - 25 * HOUR })]);
    await store([makeArticle({ title: "Nvidia sample story", publishedAt: now - HOUR })], { sample: true });
    expect(await events()).toEqual([]);
  });

  it("never writes twice: a re-read feed and a changed headline add no event", async () => {
    await subscribe();
    const story = makeArticle({
      guid: "g",
      entryKey: "g",
      title: "Nvidia shares fall",
      publishedAt: now - HOUR,
    });
    await store([story]);
    const feedId = (await t.db.select().from(alertEvents))[0]!.id;
    expect(feedId).toBeGreaterThan(0);
    const tagger = new TopicTagger();
    const feed = await makeFeed(t.db);
    await storeFeedArticles(t.db, {
      feedId: feed.id,
      articles: [{ ...story, entryKey: "h", guid: "h" }],
      state: {},
      now,
      tagger,
    });
    expect(await events()).toHaveLength(1);
  });
});
