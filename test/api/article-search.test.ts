import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

type Item = { id: number; title: string; publishedAt: string };
type Page = { items: Item[]; nextCursor: string | null };

const day = (d: number, h = 12) => Date.UTC(2025, 0, d, h);

async function getPage(s: TestApp, query: Record<string, string>): Promise<{ status: number; body: Page }> {
  const res = await s.app.request(`/api/articles?${new URLSearchParams(query)}`);
  return { status: res.status, body: await res.json() };
}

/** Every page for the query, following nextCursor. */
async function getAll(s: TestApp, query: Record<string, string>): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const { status, body }: { status: number; body: Page } = await getPage(
      s,
      cursor ? { ...query, cursor } : query,
    );
    expect(status).toBe(200);
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

describe("GET /api/articles?q= full-text search", () => {
  let s: TestApp;
  let feedId: number;
  const titles = [
    "Nvidia stock falls after DeepSeek release",
    "Chipaktien fallen nach DeepSeek-Schock",
    "Nvidia-Aktie bricht ein",
    "Thomas Müller über KI",
    "英伟达股价暴跌",
    "华为昇腾芯片量产",
    "エヌビディア株が急落",
    "The chip war begins",
    "A war over every chip",
    "AI chips for everyone",
    "Discount of 50% on 5_G phones",
  ];
  beforeEach(async () => {
    s = await createTestApp();
    feedId = (await makeFeed(s.t.db, { country: "DE" })).id;
    await storeFeedArticles(s.t.db, {
      feedId,
      articles: titles.map((title, i) => makeArticle({ title, summary: "", publishedAt: day(1 + i) })),
      state: {},
      now: day(20),
    });
  });
  afterEach(() => s.t.destroy());

  const search = async (q: string, extra: Record<string, string> = {}) => {
    const { status, body } = await getPage(s, { q, limit: "200", ...extra });
    expect(status).toBe(200);
    return body.items.map((i) => i.title);
  };

  it.each([
    ["nvidia STOCK", ["Nvidia stock falls after DeepSeek release"]],
    ["aktien", ["Chipaktien fallen nach DeepSeek-Schock"]],
    ["Nvidia-Aktie", ["Nvidia-Aktie bricht ein"]],
    ["Muller", ["Thomas Müller über KI"]],
    ["英伟达", ["英伟达股价暴跌"]],
    ["华为", ["华为昇腾芯片量产"]],
    ["华为 芯片量产", ["华为昇腾芯片量产"]],
    ["エヌビディア", ["エヌビディア株が急落"]],
    ["ai", ["AI chips for everyone"]],
    ['"chip war"', ["The chip war begins"]],
    ["chip war", ["A war over every chip", "The chip war begins"]],
    ["deepseek -stock", ["Chipaktien fallen nach DeepSeek-Schock"]],
    ["deepseek NOT aktien", ["Nvidia stock falls after DeepSeek release"]],
    ["chip -AI", ["A war over every chip", "The chip war begins", "Chipaktien fallen nach DeepSeek-Schock"]],
    ["50%", ["Discount of 50% on 5_G phones"]],
    ["5_", ["Discount of 50% on 5_G phones"]],
    ["0%", ["Discount of 50% on 5_G phones"]],
  ])("q=%s finds %j", async (q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  it("treats % and _ as the characters themselves, not as wildcards", async () => {
    expect(await search("%")).toEqual(["Discount of 50% on 5_G phones"]);
    expect(await search("_")).toEqual(["Discount of 50% on 5_G phones"]);
    expect(await search("f_ll")).toEqual([]);
    expect(await search("n%a")).toEqual([]);
  });

  it("combines q with the feed, language and country filters", async () => {
    const other = await makeFeed(s.t.db, { country: "CN" });
    await storeFeedArticles(s.t.db, {
      feedId: other.id,
      articles: [makeArticle({ title: "英伟达市值蒸发", summary: "", lang: "zh", publishedAt: day(15) })],
      state: {},
      now: day(20),
    });
    expect(await search("英伟达")).toEqual(["英伟达市值蒸发", "英伟达股价暴跌"]);
    expect(await search("英伟达", { feed: String(other.id) })).toEqual(["英伟达市值蒸发"]);
    expect(await search("英伟达", { country: "DE" })).toEqual(["英伟达股价暴跌"]);
    expect(await search("英伟达", { lang: "zh" })).toEqual(["英伟达市值蒸发"]);
  });

  it.each([
    '"',
    '"nvidia',
    "*",
    "deep*",
    "NEAR(",
    "NEAR(nvidia stock, 2)",
    ")",
    "(",
    "%",
    "_",
    "\\",
    "'; drop table articles; --",
    "title:nvidia",
    "{title summary}: x",
    "^nvidia",
    "nvidia OR huawei",
    "AND",
    "NOT",
    "- -",
    "\u202envidia",
  ])("answers %j normally", async (q) => {
    const { status, body } = await getPage(s, { q });
    expect(status).toBe(200);
    expect(Array.isArray(body.items)).toBe(true);
  });

  it("still has every article after a hostile query", async () => {
    await search("'; drop table articles; --");
    const { body } = await getPage(s, { limit: "200" });
    expect(body.items).toHaveLength(titles.length);
  });

  it.each([
    ["", "q: must contain a search term"],
    ["   ", "q: must contain a search term"],
    ['"" \u0001', "q: must not contain control characters (U+0001 at position 3)"],
    ["\u0000nvidia\u0007", "q: must not contain control characters (U+0000 at position 0)"],
    ['""', "q: must contain a search term"],
    ["-nvidia", "q: must contain a term that is not excluded"],
  ])("answers 400 for q=%j", async (q, message) => {
    const { status, body } = await getPage(s, { q });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: "invalid_request", message, requestId: expect.any(String) } });
  });

  it("answers 400 naming q when it is longer than 200 characters", async () => {
    const res = await s.app.request(`/api/articles?q=${"n".repeat(201)}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message.startsWith("q:")).toBe(true);
  });

  it("finds an article by its new headline, not its old one, once the feed changes it", async () => {
    const url = "https://news.example.com/headline";
    const store = (title: string) =>
      storeFeedArticles(s.t.db, {
        feedId,
        articles: [makeArticle({ entryKey: "guid-1", url, title, summary: "", publishedAt: day(18) })],
        state: {},
        now: day(20),
      });
    expect((await store("Sputnik moment for chips")).inserted).toBe(1);
    expect(await search("sputnik")).toEqual(["Sputnik moment for chips"]);
    expect((await store("Markets recover calmly")).updated).toBe(1);
    expect(await search("sputnik")).toEqual([]);
    expect(await search("recover calmly")).toEqual(["Markets recover calmly"]);
  });

  it("finds nothing of a feed once the feed is deleted", async () => {
    const res = await s.app.request(`/api/feeds/${feedId}`, { method: "DELETE", headers: s.admin });
    expect(res.status).toBe(204);
    expect(await search("英伟达")).toEqual([]);
    expect(await search("华为")).toEqual([]);
  });
});

describe("GET /api/articles?q= with a topic, dates and paging", () => {
  let s: TestApp;
  // 2,100 articles, two per instant so paging must break ties by id. "DeepSeek" is in every one (more
  // matches than the search drives with, so the time index is walked); "export" in every 7th and "Sputnik"
  // in every 70th (few enough, under a thousand, that the search drives).
  const count = 2_100;
  const titleOf = (i: number) =>
    [
      `DeepSeek story ${i}`,
      i % 3 === 0 ? "Nvidia" : "",
      i % 7 === 0 ? "export curbs" : "",
      i % 70 === 0 ? "Sputnik moment" : "",
      i % 5 === 0 ? "AI" : "",
    ]
      .filter(Boolean)
      .join(" ");
  beforeAll(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" });
    const feed = await makeFeed(s.t.db);
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: Array.from({ length: count }, (_, i) =>
        makeArticle({ title: titleOf(i), summary: "", publishedAt: day(1) + Math.floor(i / 2) * 3_600_000 }),
      ),
      state: {},
      now: day(200),
      tagger: new TopicTagger(),
    });
  }, 60_000);
  afterAll(() => s.t.destroy());

  /** The same filters without q, narrowed in JavaScript: the oracle for what q must return, in order. */
  const expected = async (query: Record<string, string>, keep: (title: string) => boolean) =>
    (await getAll(s, { ...query, limit: "200" })).filter((i) => keep(i.title)).map((i) => i.id);

  const ranged = { topic: "nvidia", from: "2025-01-20", to: "2025-02-10" };

  it.each([
    ["deepseek", () => true],
    ["deepseek AI", (t: string) => / AI$/.test(t)],
    ["export", (t: string) => t.includes("export")],
    ["sputnik", (t: string) => t.includes("Sputnik")],
    ["export -sputnik", (t: string) => t.includes("export") && !t.includes("Sputnik")],
    ["AI", (t: string) => / AI$/.test(t)],
  ])("q=%s pages through a topic and a date range, newest first, each article once", async (q, keep) => {
    const want = await expected(ranged, keep);
    expect(want.length).toBeGreaterThan(0);
    const got = await getAll(s, { ...ranged, q, limit: "7" });
    expect(got.map((i) => i.id)).toEqual(want);
  });

  it("pages through every match of a common term without a topic", async () => {
    const got = await getAll(s, { q: "deepseek", limit: "200" });
    expect(got).toHaveLength(count);
    expect(new Set(got.map((i) => i.id)).size).toBe(count);
    const times = got.map((i) => Date.parse(i.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("pages through a rare term with dates but no topic", async () => {
    const query = { from: "2025-01-05", to: "2025-03-01" };
    const want = await expected(query, (t) => t.includes("Sputnik"));
    expect(want.length).toBeGreaterThan(1);
    const got = await getAll(s, { ...query, q: "Sputnik", limit: "1" });
    expect(got.map((i) => i.id)).toEqual(want);
  });
});
