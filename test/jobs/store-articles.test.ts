import { statSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articles, feeds } from "../../db/schema";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";

const now = Date.UTC(2025, 0, 28);
const state = { lastStatus: 200, lastFetchedAt: now, errorCount: 0 };

describe("storing articles", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.destroy());

  const count = async () => Number((await t.db.select({ n: sql<number>`count(*)` }).from(articles))[0]!.n);

  it("stores a feed's entries once, however often the feed is read", async () => {
    const feed = await makeFeed(t.db);
    const batch = [makeArticle(), makeArticle(), makeArticle()];
    const first = await storeFeedArticles(t.db, { feedId: feed.id, articles: batch, state, now });
    const second = await storeFeedArticles(t.db, { feedId: feed.id, articles: batch, state, now });
    expect(first).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    expect(first.insertedIds).toHaveLength(3);
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await count()).toBe(3);
    const [row] = await t.db.select().from(feeds).where(eq(feeds.id, feed.id));
    expect(row!.articleCount).toBe(3);
  });

  it("stores a story carried by two feeds under the same canonical URL once", async () => {
    const a = await makeFeed(t.db);
    const b = await makeFeed(t.db);
    const story = makeArticle({
      url: "https://www.reuters.com/tech/deepseek-r1",
      guid: "reuters-1",
      entryKey: "reuters-1",
    });
    await storeFeedArticles(t.db, { feedId: a.id, articles: [story], state, now });
    const other = await storeFeedArticles(t.db, {
      feedId: b.id,
      articles: [{ ...story, guid: "syndicated-9", entryKey: "syndicated-9" }],
      state,
      now,
    });
    expect(other.inserted).toBe(0);
    expect(await count()).toBe(1);
  });

  it("updates the row when an entry comes back with a new headline", async () => {
    const feed = await makeFeed(t.db);
    const original = makeArticle({ guid: "g-1", entryKey: "g-1", title: "Nvidia falls" });
    await storeFeedArticles(t.db, { feedId: feed.id, articles: [original], state, now });
    const revised = makeArticle({
      guid: "g-1",
      entryKey: "g-1",
      url: original.url,
      title: "Nvidia loses $589bn",
    });
    const result = await storeFeedArticles(t.db, {
      feedId: feed.id,
      articles: [revised],
      state,
      now: now + 1,
    });
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    const rows = await t.db.select().from(articles);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: "Nvidia loses $589bn", updatedAt: now + 1, firstSeenAt: now });
  });

  it("keeps entries without a usable link, keyed by guid or by title and date", async () => {
    const feed = await makeFeed(t.db);
    const noLink = [
      makeArticle({ url: null, guid: "tag:example.com,2025:1", entryKey: "tag:example.com,2025:1" }),
      makeArticle({ url: null, entryKey: "th:abc" }),
    ];
    await storeFeedArticles(t.db, { feedId: feed.id, articles: noLink, state, now });
    await storeFeedArticles(t.db, { feedId: feed.id, articles: noLink, state, now });
    expect(await count()).toBe(2);
  });

  it("drops a repeat of the same entry within one feed document", async () => {
    const feed = await makeFeed(t.db);
    const entry = makeArticle();
    const result = await storeFeedArticles(t.db, {
      feedId: feed.id,
      articles: [entry, { ...entry }],
      state,
      now,
    });
    expect(result.inserted).toBe(1);
  });

  it("writes the feed's state with its articles, and neither when the transaction fails", async () => {
    const feed = await makeFeed(t.db);
    // errorCount is NOT NULL: the feed update, which runs after the articles are inserted, fails, and the
    // articles inserted before it in the same transaction must go too.
    const broken = { ...state, errorCount: null as unknown as number };
    await expect(
      storeFeedArticles(t.db, {
        feedId: feed.id,
        articles: [makeArticle(), makeArticle()],
        state: broken,
        now,
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(0);
    const [row] = await t.db.select().from(feeds).where(eq(feeds.id, feed.id));
    expect(row).toMatchObject({ lastStatus: null, articleCount: 0 });
  });

  it("stores thousands of entries in one call", async () => {
    const feed = await makeFeed(t.db);
    const many = Array.from({ length: 2500 }, () => makeArticle());
    const result = await storeFeedArticles(t.db, { feedId: feed.id, articles: many, state, now });
    expect(result.inserted).toBe(2500);
    expect(await count()).toBe(2500);
  });

  it("lets the write-ahead log grow to ~40 MB between checkpoints, not SQLite's 4 MB", async () => {
    const feed = await makeFeed(t.db);
    const text = (i: number) =>
      `Chip export controls, part ${i}: ${"the market moved on the news. ".repeat(40)}`;
    for (let read = 0; read < 30; read++) {
      const entries = Array.from({ length: 100 }, (_, i) => makeArticle({ summary: text(read * 100 + i) }));
      await storeFeedArticles(t.db, { feedId: feed.id, articles: entries, state, now });
    }
    // The log is reused from its start after a checkpoint, so its file stays at its largest: with checkpoints
    // every 1,000 pages it would stay near 4 MB whatever was written.
    // (Here: ~6 MB with SQLite's default, ~42 MB with the store's setting.)
    expect(statSync(`${t.path}-wal`).size).toBeGreaterThan(16 * 2 ** 20);
  });
});
