import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

/**
 * Issue 13: an OPML folder is one more filter of every number, the feeds filed under it, narrowed further by the
 * other filters as they narrow each other; a folder no feed is filed under is a 400 naming it.
 */
describe("the folder filter of /api/coverage and /api/articles", () => {
  let s: TestApp;
  const tagger = new TopicTagger();
  const ids: Record<string, number> = {};
  beforeEach(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#0072B2", query: "nvidia" });
    // Day 1 (2025-01-27), day 2 (2025-01-28):
    // Africa: Mail & Guardian (ZA) 2 | 1, Daily Nation (KE) 1 | 1; Tech: Heise (DE) 3 | 0; no folder: Folha (BR) 1 | 2
    ids.za = await outlet("Mail & Guardian", "ZA", "Africa", ["2025-01-27", "2025-01-27", "2025-01-28"]);
    ids.ke = await outlet("Daily Nation", "KE", "Africa", ["2025-01-27", "2025-01-28"]);
    ids.de = await outlet("Heise", "DE", "Tech", ["2025-01-27", "2025-01-27", "2025-01-27"]);
    ids.br = await outlet("Folha", "BR", null, ["2025-01-27", "2025-01-28", "2025-01-28"]);
  });
  afterEach(() => s.t.destroy());

  async function outlet(name: string, country: string, folder: string | null, days: string[]) {
    const feed = await makeFeed(s.t.db, { name, country, lang: "en", ...(folder ? { folder } : {}) });
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: days.map((day, i) =>
        makeArticle({
          title: `Nvidia ${name} ${i}`,
          summary: "",
          publishedAt: Date.parse(`${day}T1${i}:00:00Z`),
          lang: "en",
        }),
      ),
      state: {},
      now: Date.now(),
      tagger,
    });
    return feed.id;
  }
  const coverage = async (query: string) => {
    const res = await s.app.request(`/api/coverage?from=2025-01-27&to=2025-01-28&tz=UTC&${query}`);
    return { status: res.status, body: await res.json() };
  };
  const articles = async (query: string) => {
    const res = await s.app.request(`/api/articles?from=2025-01-27&to=2025-01-28&limit=200&total=1&${query}`);
    return { status: res.status, body: await res.json() };
  };
  const feedsOf = (items: Array<{ source: { id: number } }>) => new Set(items.map((a) => a.source.id));
  const countsOf = (series: Array<{ key: string; counts: number[] }>) =>
    Object.fromEntries(series.map((x) => [x.key, x.counts]));

  it("counts exactly the articles of the folder's feeds", async () => {
    const all = await coverage("topics=nvidia");
    expect(all.body.totals).toEqual([7, 4]);
    const africa = await coverage("topics=nvidia&folder=Africa");
    expect(africa.status).toBe(200);
    expect(africa.body.totals).toEqual([3, 2]);
    expect(africa.body.series[0].counts).toEqual([3, 2]);
    expect(countsOf((await coverage("by=feed&folder=Africa")).body.series)).toEqual({
      [ids.za!]: [2, 1],
      [ids.ke!]: [1, 1],
    });
    const listed = await articles("folder=Africa");
    expect(listed.body.total).toBe(5);
    expect(listed.body.items).toHaveLength(5);
    expect(feedsOf(listed.body.items)).toEqual(new Set([ids.za, ids.ke]));
  });

  it("takes several folders, and narrows with feed and country as they narrow each other", async () => {
    expect((await coverage("topics=nvidia&folder=Africa,Tech")).body.totals).toEqual([6, 2]);
    expect((await coverage("topics=nvidia&folder=Africa&country=KE")).body.totals).toEqual([1, 1]);
    expect((await coverage(`topics=nvidia&folder=Tech&feed=${ids.za}`)).body.totals).toEqual([0, 0]);
    const narrowed = await articles(`folder=Africa,Tech&feed=${ids.de},${ids.br}`);
    expect(narrowed.body.total).toBe(3);
    expect(feedsOf(narrowed.body.items)).toEqual(new Set([ids.de]));
  });

  it.each([
    ["folder=Asia", "'Asia'"],
    ["folder=Africa,Asia", "'Asia'"],
    // Folders are matched as filed, so a link never silently widens to a folder of another spelling.
    ["folder=africa", "'africa'"],
    ["folder=,", "at least one"],
  ])("answers 400 naming the folder for %s", async (query, named) => {
    for (const { status, body } of [await coverage(`topics=nvidia&${query}`), await articles(query)]) {
      expect(status).toBe(400);
      expect(body.error.message.startsWith("folder:"), body.error.message).toBe(true);
      expect(body.error.message).toContain(named);
    }
  });
});
