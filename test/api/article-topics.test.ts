import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

describe("GET /api/articles with topics", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" });
    await createTopic(s.t.db, { slug: "huawei", name: "Huawei", color: "#111111", query: "huawei OR 华为" });
    const feed = await makeFeed(s.t.db);
    const day = (d: number) => Date.UTC(2025, 0, d, 12);
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [
        makeArticle({ title: "Nvidia and Huawei race for AI chips", publishedAt: day(1) }),
        makeArticle({ title: "华为昇腾芯片量产", publishedAt: day(2), lang: "zh" }),
        makeArticle({ title: "Nvidia stock falls", publishedAt: day(3) }),
        makeArticle({ title: "Weather report", publishedAt: day(4) }),
      ],
      state: {},
      now: day(5),
      tagger: new TopicTagger(),
    });
  });
  afterEach(() => s.t.destroy());

  const get = async (q: string) => (await s.app.request(`/api/articles${q}`)).json();

  it("each article carries its topics with the matched terms and their positions", async () => {
    const body = await get("?limit=10");
    const byTitle = Object.fromEntries(
      body.items.map((i: { title: string; topics: unknown }) => [i.title, i.topics]),
    );
    expect(byTitle["Nvidia and Huawei race for AI chips"]).toEqual([
      { slug: "nvidia", terms: [{ term: "nvidia", field: "title", start: 0, end: 6 }] },
      { slug: "huawei", terms: [{ term: "huawei", field: "title", start: 11, end: 17 }] },
    ]);
    expect(byTitle.华为昇腾芯片量产).toEqual([
      { slug: "huawei", terms: [{ term: "华为", field: "title", start: 0, end: 2 }] },
    ]);
    expect(byTitle["Weather report"]).toEqual([]);
  });

  it("filters by topic, newest first, with paging", async () => {
    const first = await get("?topic=huawei&limit=1");
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(["华为昇腾芯片量产"]);
    const second = await get(`?topic=huawei&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((i: { title: string }) => i.title)).toEqual([
      "Nvidia and Huawei race for AI chips",
    ]);
    expect(second.nextCursor).toBeNull();
    const ranged = await get("?topic=nvidia&from=2025-01-02&to=2025-01-03");
    expect(ranged.items.map((i: { title: string }) => i.title)).toEqual(["Nvidia stock falls"]);
  });

  it("answers 400 naming the parameter for an unknown topic", async () => {
    const res = await s.app.request("/api/articles?topic=nope");
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe("topic: no topic 'nope'");
  });

  it("lists the articles of any of several topics once each, newest first, with paging and totals", async () => {
    const titles = (body: { items: Array<{ title: string }> }) => body.items.map((i) => i.title);
    const all = await get("?topics=nvidia,huawei&total=1");
    expect(titles(all)).toEqual([
      "Nvidia stock falls",
      "华为昇腾芯片量产",
      "Nvidia and Huawei race for AI chips",
    ]);
    expect(all.total).toBe(3);
    const first = await get("?topics=huawei,nvidia&limit=2");
    const rest = await get(`?topics=huawei,nvidia&limit=2&cursor=${first.nextCursor}`);
    expect([...titles(first), ...titles(rest)]).toEqual(titles(all));
    expect(rest.nextCursor).toBeNull();
    // One topic named in the list walks like topic=.
    expect(titles(await get("?topics=huawei"))).toEqual(titles(await get("?topic=huawei")));
    // Search within the topics: the untagged article never comes back.
    expect(titles(await get("?topics=nvidia,huawei&q=report"))).toEqual([]);
    expect(titles(await get("?q=report"))).toEqual(["Weather report"]);
  });

  it("answers 400 for an unknown topic in topics, and for topic and topics together", async () => {
    const unknown = await s.app.request("/api/articles?topics=nvidia,nope");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain("'nope'");
    const both = await s.app.request("/api/articles?topic=nvidia&topics=huawei");
    expect(both.status).toBe(400);
    expect((await both.json()).error.message).toBe("topics: give topic or topics, not both");
  });
});
