import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

const day = (d: number, h = 12) => Date.UTC(2025, 0, d, h);

/** /api/articles takes the coverage filters (comma-separated feed, lang, country, region) and counts on request. */
describe("GET /api/articles filters and totals", () => {
  let s: TestApp;
  const feeds: Record<string, number> = {};
  beforeEach(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#0072B2", query: "nvidia" });
    const tagger = new TopicTagger();
    const outlets: Array<[string, string, string | null, number]> = [
      ["de", "DE", "de", 6],
      ["jp", "JP", "ja", 3],
      ["br", "BR", "pt", 4],
      ["xx", "", null, 2],
    ];
    for (const [name, country, lang, n] of outlets) {
      const feed = await makeFeed(s.t.db, { name, ...(country ? { country } : {}) });
      feeds[name] = feed.id;
      await storeFeedArticles(s.t.db, {
        feedId: feed.id,
        // Every other article is about Nvidia.
        articles: Array.from({ length: n }, (_, i) =>
          makeArticle({
            title: i % 2 === 0 ? `Nvidia ${name} ${i}` : `Other ${name} ${i}`,
            lang,
            publishedAt: day(1 + i),
          }),
        ),
        state: {},
        now: day(31),
        tagger,
      });
    }
  });
  afterEach(() => s.t.destroy());

  const get = async (query: string) => {
    const res = await s.app.request(`/api/articles?limit=2&${query}`);
    return { status: res.status, body: await res.json() };
  };

  it.each([
    ["total=1", 15],
    ["total=1&region=north", 9],
    ["total=1&region=south", 4],
    ["total=1&country=de,br", 10],
    ["total=1&country=unknown", 2],
    ["total=1&lang=ja,pt", 7],
    ["total=1&lang=unknown", 2],
    ["total=1&topic=nvidia", 8],
    ["total=1&topic=nvidia&region=north", 5],
    ["total=1&from=2025-01-01&to=2025-01-02&region=north,south", 6],
  ])("counts the whole selection with %s", async (query, total) => {
    const { status, body } = await get(query);
    expect(status).toBe(200);
    expect(body.total).toBe(total);
    expect(body.items.length).toBe(Math.min(2, total));
  });

  it("filters by several feeds and gives no total unless asked", async () => {
    const body = await (await s.app.request(`/api/articles?feed=${feeds.jp},${feeds.xx}`)).json();
    expect(body.total).toBeUndefined();
    expect(new Set(body.items.map((a: { source: { id: number } }) => a.source.id))).toEqual(
      new Set([feeds.jp, feeds.xx]),
    );
    expect(body.items).toHaveLength(5);
  });

  it.each([
    ["feed=12345", "feed"],
    ["lang=klingon", "lang"],
    ["country=XY", "country"],
    ["region=west", "region"],
    ["total=yes", "total"],
  ])("answers 400 naming the parameter for %s", async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.message.startsWith(`${param}:`), body.error.message).toBe(true);
  });
});
