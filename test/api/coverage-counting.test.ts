import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

type Series = { key: string; label: string; counts: number[]; shares: number[]; groupTotals?: number[] };

/**
 * DESIGN.md "Counting, so that every number can be cited": breakdowns count articles once, filters narrow every
 * number, share=group divides by the group's own articles, unknown parameters and filter values are 400s.
 */
describe("GET /api/coverage counts each article once and filters every number", () => {
  let s: TestApp;
  const tagger = new TopicTagger();
  const ids: Record<string, number> = {};
  beforeEach(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#0072B2", query: "nvidia" });
    await createTopic(s.t.db, { slug: "huawei", name: "Huawei", color: "#E69F00", query: "huawei" });
    // Day 1 (2025-01-27) and day 2 (2025-01-28), three outlets:
    // Handelsblatt (DE, de): "Nvidia and Huawei" (both topics), "Nvidia", "Weather" (no topic)   | day 2: "Huawei"
    // Folha (BR, pt): "Huawei"                                                                    | day 2: "Sports"
    // Hindu (IN, en): "Nvidia", "Huawei and Nvidia" (both topics)                                 | day 2: -
    ids.de = await outlet("Handelsblatt", "DE", "de", [
      ["2025-01-27T08:00:00Z", "Nvidia and Huawei"],
      ["2025-01-27T09:00:00Z", "Nvidia rallies"],
      ["2025-01-27T10:00:00Z", "Weather"],
      ["2025-01-28T10:00:00Z", "Huawei Ascend"],
    ]);
    ids.br = await outlet("Folha", "BR", "pt", [
      ["2025-01-27T11:00:00Z", "Huawei phones"],
      ["2025-01-28T11:00:00Z", "Sports"],
    ]);
    ids.in = await outlet("The Hindu", "IN", "en", [
      ["2025-01-27T12:00:00Z", "Nvidia falls"],
      ["2025-01-27T13:00:00Z", "Huawei and Nvidia"],
    ]);
  });
  afterEach(() => s.t.destroy());

  async function outlet(name: string, country: string, lang: string, list: Array<[string, string]>) {
    const feed = await makeFeed(s.t.db, { name, country, lang });
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: list.map(([time, title]) =>
        makeArticle({ title, summary: "", publishedAt: Date.parse(time), lang }),
      ),
      state: {},
      now: Date.now(),
      tagger,
    });
    return feed.id;
  }
  const get = async (query: string) => {
    const res = await s.app.request(`/api/coverage?from=2025-01-27&to=2025-01-28&tz=UTC&${query}`);
    return { status: res.status, body: await res.json(), source: res.headers.get("x-tidemark-counted-from") };
  };
  const countsOf = (series: Series[]) => Object.fromEntries(series.map((x) => [x.key, x.counts]));

  it("counts an article with two selected topics once in its group, from the topic-set rollups", async () => {
    const { body, source } = await get("topics=nvidia,huawei&by=feed");
    expect(source).toBe("topic-set-rollups");
    expect(countsOf(body.series)).toEqual({
      [ids.de!]: [2, 1],
      [ids.in!]: [2, 0],
      [ids.br!]: [1, 0],
    });
    expect(body.totals).toEqual([6, 2]);
    expect(countsOf((await get("topics=nvidia,huawei&by=region")).body.series)).toEqual({
      "global-south": [3, 0],
      "global-north": [2, 1],
    });
  });

  it("splits every article without topics, so the series add up to totals", async () => {
    const { body, source } = await get("by=lang");
    expect(source).toBe("detail-rollups");
    expect(countsOf(body.series)).toEqual({ de: [3, 1], en: [2, 0], pt: [1, 1] });
    const sums = body.totals.map((_: number, i: number) =>
      body.series.reduce((sum: number, x: Series) => sum + x.counts[i]!, 0),
    );
    expect(sums).toEqual(body.totals);
    expect(countsOf((await get("topics=&by=lang")).body.series)).toEqual(countsOf(body.series));
  });

  it("narrows every number, totals included, by feed, lang, country and region", async () => {
    const byCountry = await get("topics=nvidia,huawei&country=DE,BR");
    expect(byCountry.source).toBe("detail-rollups");
    expect(byCountry.body.totals).toEqual([4, 2]);
    expect(countsOf(byCountry.body.series)).toEqual({ nvidia: [2, 0], huawei: [2, 1] });
    expect((await get("topics=nvidia&region=south")).body).toMatchObject({ totals: [3, 1] });
    expect((await get(`topics=nvidia&feed=${ids.in}&lang=en`)).body.series[0].counts).toEqual([2, 0]);
    expect((await get(`topics=nvidia&feed=${ids.in}&lang=de`)).body.totals).toEqual([0, 0]);
    const split = await get("topics=nvidia,huawei&by=feed&region=south");
    expect(countsOf(split.body.series)).toEqual({ [ids.in!]: [2, 0], [ids.br!]: [1, 0] });
    expect(split.body.totals).toEqual([3, 1]);
    // The unfiltered answer stays on the hourly/daily rollups.
    expect((await get("topics=nvidia")).source).toBe("rollups");
  });

  it("divides by each group's own articles with share=group and returns groupTotals", async () => {
    const { status, body } = await get("topics=nvidia&by=country&share=group");
    expect(status).toBe(200);
    expect(body.share).toBe("group");
    const byKey = Object.fromEntries(body.series.map((x: Series) => [x.key, x]));
    expect(byKey.DE).toMatchObject({ counts: [2, 0], groupTotals: [3, 1], shares: [0.666667, 0] });
    expect(byKey.IN).toMatchObject({ counts: [2, 0], groupTotals: [2, 0], shares: [1, 0] });
    // Brazil ran no Nvidia story but did run articles: it shows, at 0% of its coverage.
    expect(byKey.BR).toMatchObject({ counts: [0, 0], groupTotals: [1, 1], shares: [0, 0] });
    const folded = await get("topics=nvidia,huawei&by=feed&share=group&top=1");
    const other = folded.body.series.find((x: Series) => x.key === "other");
    expect(other).toMatchObject({ counts: [3, 0], groupTotals: [3, 1] });
  });

  it("answers 400 for share=group with by=topic, naming the by it needs", async () => {
    const { status, body } = await get("share=group");
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^share: share=group needs by=feed, lang, country or region/);
  });

  it.each([
    ["feed=999", "feed", "999"],
    ["lang=xx", "lang", "xx"],
    ["lang=English", "lang", "English"],
    ["country=ZZ", "country", "ZZ"],
    ["region=east", "region", "east"],
    ["feed=", "feed", "at least one"],
  ])("answers 400 naming the filter value for %s", async (query, param, named) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.message.startsWith(`${param}:`), body.error.message).toBe(true);
    expect(body.error.message).toContain(named);
  });

  it("writes group totals into the CSV export", async () => {
    const res = await s.app.request(
      "/api/coverage?from=2025-01-27&to=2025-01-28&tz=UTC&topics=nvidia&by=region&share=group&format=csv",
    );
    expect((await res.text()).trim().split("\r\n")).toEqual([
      "bucket,total,global-north,global-north_group_total,global-north_share,global-south,global-south_group_total,global-south_share",
      "2025-01-27,6,2,3,0.666667,2,3,0.666667",
      "2025-01-28,2,0,1,0,0,1,0",
    ]);
  });
});

describe("unknown query parameters", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(() => s.t.destroy());

  it.each([
    "/api/coverage?topic=r1-release",
    "/api/coverage?from=2025-01-01&to=2025-01-02&contry=DE&sort=asc",
    "/api/articles?topicz=x",
    "/api/events?since=2025-01-01",
    "/api/outages?since=2025-01-01",
    "/api/stream?topics=x",
    "/api/health?verbose=1",
    "/api/feeds?page=2",
    "/api/feeds/export?format=json",
    "/api/topics?all=1",
    "/api/concepts?x=1",
  ])("are a 400 naming them: %s", async (url) => {
    const res = await s.app.request(url);
    expect(res.status).toBe(400);
    const body = await res.json();
    const unknown = [...new URL(url, "http://x").searchParams.keys()].filter(
      (k) => !["from", "to"].includes(k),
    );
    expect(body.error.message).toMatch(/unknown parameters? /);
    for (const key of unknown) expect(body.error.message).toContain(`'${key}'`);
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(unknown);
  });
});
