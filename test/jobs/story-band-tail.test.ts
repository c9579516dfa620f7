import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { removeFeed } from "../../db/queries/feeds";
import { BandTail, bandTailOf } from "../../db/queries/story-band-tail";
import type { NormalizedArticle } from "../../jobs/ingest/normalize";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";
import { storiesVersusTruth } from "../helpers/stories";

// The band tail (db/queries/story-band-tail.ts): the newest articles' band keys wait in story_keys instead of the
// band index. What is stored must be found as if every store had written its band rows.

const now = Date.UTC(2025, 0, 28);
const HOUR = 3_600_000;
const TITLE = "Nvidia loses $589bn in market value as DeepSeek rattles AI chip investors";
const LEAD =
  "Shares of Nvidia fell 17 per cent on Monday, wiping out a record $589bn of market value, after the Chinese " +
  "start-up DeepSeek said its R1 reasoning model matched leading US systems at a fraction of the cost.";

describe("the band tail", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.destroy());

  const count = async (sql: string) => Number((await t.client.execute(sql)).rows[0]![0]);
  const line = () => count("select cast(value as integer) from settings where key = 'stories.bands_through'");
  const storyOf = async (a: NormalizedArticle) =>
    count(`select story_id from articles where entry_key = '${a.entryKey}'`);
  const copy = (hoursAfter: number, n: number) =>
    makeArticle({ title: TITLE, summary: LEAD, publishedAt: now + hoursAfter * HOUR, entryKey: `copy-${n}` });

  it("keeps new articles' band rows out of the index until it holds the limit, then moves them all in", async () => {
    bandTailOf(t.db, 5);
    const feed = await makeFeed(t.db);
    const articles = Array.from({ length: 4 }, (_, i) => makeArticle({ publishedAt: now + i * HOUR }));
    await storeFeedArticles(t.db, { feedId: feed.id, articles: articles.slice(0, 2), state: {}, now });
    expect(await count("select count(*) from story_bands")).toBe(0);
    expect(await count("select count(*) from story_keys")).toBe(2);
    expect(await line()).toBe(0);

    // Four in the tail, under the limit: still waiting; the fifth moves all five.
    await storeFeedArticles(t.db, { feedId: feed.id, articles: articles.slice(2), state: {}, now });
    expect(await count("select count(*) from story_bands")).toBe(0);
    await storeFeedArticles(t.db, {
      feedId: feed.id,
      articles: [makeArticle({ publishedAt: now })],
      state: {},
      now,
    });
    const keys = await count("select sum(json_array_length(keys)) from story_keys");
    expect(keys).toBeGreaterThan(5 * 8);
    expect(await count("select count(*) from story_bands")).toBe(keys);
    expect(await line()).toBe(await count("select max(article_id) from story_keys"));
  });

  it("starts its line at the last indexed article in a database stored before the tail", async () => {
    const feed = await makeFeed(t.db);
    await storeFeedArticles(t.db, { feedId: feed.id, articles: [copy(0, 0)], state: {}, now });
    // As a database made before the tail: its articles' band rows in the index, and no line.
    await t.client.batch(
      [
        `insert into story_bands (week, key, published_at, article_id)
          select s.published_at / 604800000, k.value, s.published_at, s.article_id from story_keys s, json_each(s.keys) k`,
        "delete from settings where key = 'stories.bands_through'",
      ],
      "write",
    );
    const other = await openDatabase({ url: `file:${t.path}` });
    try {
      await storeFeedArticles(other.db, { feedId: feed.id, articles: [copy(1, 1)], state: {}, now });
    } finally {
      other.close();
    }
    expect(await line()).toBe(await count("select id from articles where entry_key = 'copy-0'"));
    expect(await storyOf(copy(1, 1))).toBe(await storyOf(copy(0, 0)));
  });

  it("finds the tail another process wrote, and what it wrote after this one last looked", async () => {
    const feed = await makeFeed(t.db);
    await storeFeedArticles(t.db, { feedId: feed.id, articles: [copy(0, 0)], state: {}, now });
    // This process has read its tail once more (copy 0) before the other one writes.
    await storeFeedArticles(t.db, {
      feedId: feed.id,
      articles: [makeArticle({ publishedAt: now })],
      state: {},
      now,
    });
    const other = await openDatabase({ url: `file:${t.path}` });
    try {
      // The other process's first store reads the tail this one wrote...
      const second = makeArticle({
        title: "Huawei Ascend chips run DeepSeek R1 for Chinese cloud users",
        publishedAt: now,
      });
      await storeFeedArticles(other.db, { feedId: feed.id, articles: [second], state: {}, now });
      await storeFeedArticles(other.db, { feedId: feed.id, articles: [copy(1, 1)], state: {}, now });
      // ...and this one reads what the other wrote since its own last store.
      const secondCopy = makeArticle({ ...second, entryKey: "second-copy", url: "https://copy.example/2" });
      await storeFeedArticles(t.db, { feedId: feed.id, articles: [secondCopy], state: {}, now });
      expect(await storyOf(copy(1, 1))).toBe(await storyOf(copy(0, 0)));
      expect(await storyOf(secondCopy)).toBe(await storyOf(second));
      expect(await count("select count(*) from story_bands")).toBe(0);
    } finally {
      other.close();
    }
  });

  it("drops an article deleted while in the tail from the lookup, so it crowds out no older copy", async () => {
    // A story's first article, then eight newer copies (as many as a band key's lookup reads) from a feed that
    // is then removed: a copy stored after them must still find the first article.
    const first = await makeFeed(t.db);
    const doomed = await makeFeed(t.db);
    const later = await makeFeed(t.db);
    await storeFeedArticles(t.db, { feedId: first.id, articles: [copy(0, 0)], state: {}, now });
    const copies = Array.from({ length: 8 }, (_, i) => copy(1 + i / 10, i + 1));
    await storeFeedArticles(t.db, { feedId: doomed.id, articles: copies, state: {}, now });
    expect(await storyOf(copies[7]!)).toBe(await storyOf(copy(0, 0)));
    // A store in between: this process's tail now holds the eight copies.
    await storeFeedArticles(t.db, {
      feedId: later.id,
      articles: [makeArticle({ publishedAt: now })],
      state: {},
      now,
    });
    expect(await removeFeed(t.db, doomed.id)).toBe(true);

    await storeFeedArticles(t.db, { feedId: later.id, articles: [copy(2, 9)], state: {}, now });

    expect(await storyOf(copy(2, 9))).toBe(await storyOf(copy(0, 0)));
    const check = await storiesVersusTruth(t);
    expect(check.orphans).toEqual([]);
    expect(check.stored).toEqual(check.truth);
  });

  it("gives a key's newest rows in a window, newest first, as a brute-force sort of its rows does", async () => {
    // 400 articles whose keys repeat (a few keys shared by many), at times that collide.
    const rows = Array.from({ length: 400 }, (_, i) => ({
      id: i + 1,
      at: now + ((i * 7919) % 50) * HOUR,
      keys: [i % 3, 100 + (i % 17), 1000 + i],
    }));
    await t.client.batch(
      [
        "insert into settings (key, value) values ('stories.bands_through', '0')",
        {
          sql: `insert into story_keys (article_id, published_at, keys)
            select value ->> 0, value ->> 1, value ->> 2 from json_each(?)`,
          args: [JSON.stringify(rows.map((r) => [r.id, r.at, JSON.stringify(r.keys)]))],
        },
      ],
      "write",
    );
    const tail = new BandTail();
    await t.db.transaction((tx) => tail.catchUp(tx));
    expect(tail.articles).toBe(400);
    for (const key of [0, 1, 2, 105, 1003, 7]) {
      for (const [lo, hi, limit] of [
        [now, now + 49 * HOUR, 8],
        [now + 10 * HOUR, now + 20 * HOUR, 8],
        [now + 10 * HOUR, now + 10 * HOUR, 3],
      ] as const) {
        const brute = rows
          .filter((r) => r.keys.includes(key) && r.at >= lo && r.at <= hi)
          .sort((a, b) => b.at - a.at || b.id - a.id)
          .slice(0, limit)
          .flatMap((r) => [r.at, r.id]);
        expect(tail.newest(key, lo, hi, limit) ?? []).toEqual(brute);
      }
    }
    tail.forget([rows[0]!.id, rows[3]!.id]);
    const after = tail.newest(0, now, now + 49 * HOUR, 400) ?? [];
    expect(after.length).toBe(2 * (134 - 2));
  });
});
