import { sql } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addFeed, listFeeds, removeFeed } from "../../db/queries/feeds";
import { articles } from "../../db/schema";
import { clearSample, loadSample } from "../../jobs/sample/load-sample";
import { defaultFeeds } from "../../jobs/seed/default-feeds";
import { seedFirstStart } from "../../jobs/seed/first-start";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const log = pino({ level: "silent" });

describe("first start", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.destroy());

  const ctx = () => ({ db: t.db, allowPrivateUrls: false, log });
  const articleCount = async () =>
    Number((await t.db.select({ n: sql<number>`count(*)` }).from(articles))[0]!.n);

  it("adds the curated outlets and the sample coverage to an empty database, once", async () => {
    const first = await seedFirstStart(ctx(), { defaultFeeds: true, sampleData: true });
    expect(first.seeded).toBe(true);
    expect(first.feedsAdded).toBe(defaultFeeds.length);
    expect(first.sampleArticles).toBeGreaterThanOrEqual(600);
    const feeds = await listFeeds(t.db);
    expect(feeds.filter((f) => !f.isSample)).toHaveLength(defaultFeeds.length);
    // The user removes a default feed; a restart must not bring it back.
    await removeFeed(t.db, feeds.find((f) => !f.isSample)!.id);
    const again = await seedFirstStart(ctx(), { defaultFeeds: true, sampleData: true });
    expect(again.seeded).toBe(false);
    expect((await listFeeds(t.db)).length).toBe(feeds.length - 1);
  });

  it("the curated list has 40+ outlets in the required languages and regions, each with language and country", () => {
    expect(defaultFeeds.length).toBeGreaterThanOrEqual(40);
    for (const feed of defaultFeeds) {
      expect(feed.url).toMatch(/^https?:\/\//);
      expect(feed.lang).toMatch(/^[a-z]{2}$/);
      expect(feed.country).toMatch(/^[A-Z]{2}$/);
    }
    const langs = new Set(defaultFeeds.map((f) => f.lang));
    for (const lang of ["en", "de", "zh", "fr", "es", "pt"]) expect(langs).toContain(lang);
    const countries = new Set(defaultFeeds.map((f) => f.country));
    const africa = ["NG", "KE", "ZA", "GH", "EG", "MA", "ET", "SN", "TZ", "UG"];
    const latinAmerica = ["BR", "MX", "AR", "CL", "CO", "PE", "VE", "UY"];
    const southAsia = ["IN", "PK", "BD", "LK", "NP"];
    const southeastAsia = ["SG", "MY", "ID", "PH", "TH", "VN"];
    for (const region of [africa, latinAmerica, southAsia, southeastAsia]) {
      expect(region.some((c) => countries.has(c))).toBe(true);
    }
    expect(new Set(defaultFeeds.map((f) => f.url)).size).toBe(defaultFeeds.length);
  });

  it("respects TIDEMARK_DEFAULT_FEEDS=0 and TIDEMARK_SAMPLE_DATA=0", async () => {
    const result = await seedFirstStart(ctx(), { defaultFeeds: false, sampleData: false });
    expect(result).toEqual({ seeded: true, feedsAdded: 0, sampleArticles: 0 });
    expect(await listFeeds(t.db)).toEqual([]);
  });

  it("leaves a database that already has feeds alone", async () => {
    await addFeed(t.db, { url: "https://example.com/feed" });
    expect((await seedFirstStart(ctx(), { defaultFeeds: true, sampleData: true })).seeded).toBe(false);
  });

  it("sample load is idempotent and sample clear removes exactly the sample", async () => {
    const mine = await addFeed(t.db, { url: "https://example.com/mine" });
    const loaded = await loadSample(ctx());
    expect(loaded.feeds).toBeGreaterThanOrEqual(15);
    expect((await loadSample(ctx())).articles).toBe(0);
    expect(await articleCount()).toBe(loaded.articles);
    const langs = await t.db.select({ lang: articles.lang }).from(articles).groupBy(articles.lang);
    expect(langs.length).toBeGreaterThanOrEqual(5);
    const cleared = await clearSample(ctx());
    expect(cleared).toEqual({ feeds: loaded.feeds, articles: loaded.articles });
    expect(await articleCount()).toBe(0);
    expect((await listFeeds(t.db)).map((f) => f.id)).toEqual([mine.id]);
  });
});
