import pino from "pino";
import Parser from "rss-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newestArticles, topOutlets } from "../../db/queries/topic-activity";
import { getTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { loadSample } from "../../jobs/sample/load-sample";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { runCli } from "../helpers/cli";
import { makeArticle, makeFeed } from "../helpers/factories";
import { rollupsVersusTruth } from "../helpers/rollups";

type ArticleItem = { url: string | null; title: string; source: { name: string | null }; sample: boolean };

describe("the bundled sample coverage", { timeout: 120_000 }, () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
    await createDefaultTopics(s.t.db);
    await loadSample({ db: s.t.db, allowPrivateUrls: false, log: pino({ level: "silent" }) });
    // One real article on the same story, stored as an ingest pass stores it.
    const feed = await makeFeed(s.t.db, { name: "Real Outlet" });
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [
        makeArticle({
          title: "DeepSeek R1 release rattles Nvidia shares",
          url: "https://news.example.org/r1",
          publishedAt: Date.UTC(2025, 0, 27, 12),
        }),
      ],
      state: {},
      now: Date.UTC(2025, 0, 27, 13),
      tagger: new TopicTagger(),
    });
  });
  afterEach(() => s.t.destroy());

  const allArticles = async (): Promise<ArticleItem[]> => {
    const items: ArticleItem[] = [];
    let cursor = "";
    do {
      const res = await s.app.request(`/api/articles?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as { items: ArticleItem[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor ?? "";
    } while (cursor);
    return items;
  };

  it("is flagged sample: true in GET /api/articles, under invented outlets and links that resolve nowhere", async () => {
    const items = await allArticles();
    const sample = items.filter((a) => a.sample);
    expect(sample.length).toBeGreaterThan(600);
    expect(items.filter((a) => !a.sample).map((a) => a.url)).toEqual(["https://news.example.org/r1"]);
    for (const a of sample) {
      expect(a.url).toMatch(/^https:\/\/[a-z-]+\.sample\.invalid\//);
      expect(a.source.name).toMatch(/Sample /);
    }
    const feeds = (await (await s.app.request("/api/feeds")).json()) as {
      items: Array<{ sample: boolean; siteUrl: string | null }>;
    };
    for (const f of feeds.items.filter((x) => x.sample)) expect(f.siteUrl).toMatch(/\.sample\.invalid\/$/);
  });

  it("never reaches a topic's Atom feed", async () => {
    const xml = await (await s.app.request("/api/topics/r1-release/feed.atom")).text();
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((i) => i.link)).toEqual(["https://news.example.org/r1"]);
    expect(xml).not.toContain("sample.invalid");
  });

  it("is left out of what alerts quote: newest articles and top outlets", async () => {
    const topic = (await getTopic(s.t.db, "r1-release"))!;
    const window = { topicId: topic.id, from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 3, 1), limit: 50 };
    const quoted = await newestArticles(s.t.db, window);
    expect(quoted.map((a) => a.url)).toEqual(["https://news.example.org/r1"]);
    const outlets = await topOutlets(s.t.db, window);
    expect(outlets.map((o) => o.name)).toEqual(["Real Outlet"]);
  });

  it("is removed by `sample remove` with its tags and rollup counts, the rest kept exact", async () => {
    const res = await runCli(["sample", "remove"], { DATABASE_URL: `file:${s.t.path}` });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^sample: removed 26 outlets and \d{3} articles\n$/);
    const items = await allArticles();
    expect(items.map((a) => a.url)).toEqual(["https://news.example.org/r1"]);
    const r = await rollupsVersusTruth(s.t);
    expect(r.hourly).toEqual(r.truthHourly);
    expect(r.hourlyFeed).toEqual(r.truthHourlyFeed);
    expect(r.detail).toEqual(r.truthDetail);
    expect(r.daily).toEqual(r.truthDaily);
    expect(r.dailyDetail).toEqual(r.truthDailyDetail);
    // The real article's own counts are all that is left: one in the totals, one in r1-release.
    const coverage = (await (
      await s.app.request("/api/coverage?topics=r1-release&from=2025-01-27&to=2025-01-27")
    ).json()) as { totals: number[]; series: Array<{ counts: number[] }> };
    expect(coverage.totals).toEqual([1]);
    expect(coverage.series[0]!.counts).toEqual([1]);
  });
});
