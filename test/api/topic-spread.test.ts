import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

/**
 * /api/topics/:slug/spread over a hand-made store, every figure worked out by hand below. Eight outlets: three
 * in China (zh), two in the US and one in Britain (en), one in Nigeria, one without a country (fr). Times UTC.
 *
 *   a0  CN1 zh 19 Jan 12:00  (before the range in UTC and in Shanghai)
 *   a1  CN1 zh 20 Jan 08:10  the topic's first article in the range
 *   a4  US1 en 20 Jan 11:10  en, US, Global North +180 min
 *   a2  CN2 zh 20 Jan 15:30  (Shanghai: 23:30 on the 20th)
 *   a3  CN3 zh 20 Jan 16:30  (Shanghai: 00:30 on the 21st) the third zh outlet of 20 Jan in UTC
 *   a12 XX  fr 21 Jan 00:00  an outlet of no country: a language, no country or region
 *   a5  CN1 zh 21 Jan 02:00
 *   a6  CN2 zh 21 Jan 03:00  the third zh outlet of 21 Jan in Shanghai
 *   a7  GB1 en 21 Jan 12:00
 *   a11 NG1 en 22 Jan 08:10  Nigeria +2 d exactly
 *   a8  US2 en 22 Jan 09:00
 *   a9  US1 en 22 Jan 10:00  the third en outlet of 22 Jan
 *   a10 GB1 en 22 Jan 11:00  the third Global North outlet of 22 Jan
 *   a14 US1 en 22 Jan 17:00  (Shanghai: 01:00 on the 23rd, after the range)
 *   a13 NG1 -- 23 Jan 09:00  (after the range; no language)
 *   and one article of another subject, CN1 20 Jan 06:00, which the topic does not count.
 */

const at = (day: number, hour: number, minute = 0) => Date.UTC(2025, 0, day, hour, minute);

interface Article {
  id: number;
  title: string;
  source: { id: number; name: string | null };
  publishedAt: string;
}
interface Group {
  key: string;
  label: string;
  firstArticle: Article;
  lagMinutes: number;
  articles: number;
  outlets: number;
  outletsReached: { day: string; at: string; articleId: number; lagMinutes: number } | null;
}
interface Spread {
  topic: string;
  tz: string;
  from: string;
  to: string;
  outlets: number;
  articles: number;
  first: Article | null;
  languages: Group[];
  countries: Group[];
  regions: Group[];
}

describe("GET /api/topics/:slug/spread", () => {
  let s: TestApp;
  const ids = new Map<string, number>();
  const feedIds = new Map<string, number>();

  beforeAll(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "deepseek", name: "DeepSeek", query: "deepseek", color: "#0072B2" });
    const outlets: Array<[string, string | null]> = [
      ["CN1", "CN"],
      ["CN2", "CN"],
      ["CN3", "CN"],
      ["US1", "US"],
      ["US2", "us"],
      ["GB1", "GB"],
      ["NG1", "NG"],
      ["XX", null],
    ];
    for (const [name, country] of outlets) {
      feedIds.set(name, (await makeFeed(s.t.db, { name, country })).id);
    }
    const entries: Array<[string, string, string | null, number]> = [
      ["a0", "CN1", "zh", at(19, 12)],
      ["a1", "CN1", "zh", at(20, 8, 10)],
      ["a4", "US1", "en", at(20, 11, 10)],
      ["a2", "CN2", "zh", at(20, 15, 30)],
      ["a3", "CN3", "zh", at(20, 16, 30)],
      ["a12", "XX", "fr", at(21, 0)],
      ["a5", "CN1", "zh", at(21, 2)],
      ["a6", "CN2", "zh", at(21, 3)],
      ["a7", "GB1", "en", at(21, 12)],
      ["a11", "NG1", "en", at(22, 8, 10)],
      ["a8", "US2", "en", at(22, 9)],
      ["a9", "US1", "en", at(22, 10)],
      ["a10", "GB1", "en", at(22, 11)],
      ["a14", "US1", "en", at(22, 17)],
      ["a13", "NG1", null, at(23, 9)],
    ];
    const tagger = new TopicTagger();
    const store = async (feed: string, title: string, lang: string | null, publishedAt: number) => {
      const feedId = feedIds.get(feed)!;
      const article = makeArticle({ title, summary: "", lang, publishedAt });
      await storeFeedArticles(s.t.db, { feedId, articles: [article], state: {}, now: at(25, 0), tagger });
    };
    await store("CN1", "Another subject entirely", "zh", at(20, 6));
    for (const [name, feed, lang, time] of entries) await store(feed, `DeepSeek report ${name}`, lang, time);
    const rows = await s.t.client.execute("select id, title from articles");
    for (const row of rows.rows) ids.set(String(row.title).replace("DeepSeek report ", ""), Number(row.id));
  });
  afterAll(() => {
    s.t.destroy();
  });

  const get = async (query: string) => {
    const res = await s.app.request(`/api/topics/deepseek/spread?${query}`);
    return { status: res.status, body: (await res.json()) as Spread };
  };
  const summary = (g: Group) => [
    g.key,
    g.firstArticle.id,
    g.lagMinutes,
    g.articles,
    g.outlets,
    g.outletsReached && [g.outletsReached.day, g.outletsReached.articleId, g.outletsReached.lagMinutes],
  ];
  const id = (name: string) => ids.get(name)!;

  it("orders languages, countries and regions by first arrival, with lags and the three-outlet day in UTC", async () => {
    const { status, body } = await get("from=2025-01-20&to=2025-01-22");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      topic: "deepseek",
      tz: "UTC",
      from: "2025-01-20",
      to: "2025-01-22",
      outlets: 3,
    });
    expect(body.articles).toBe(13);
    expect(body.first).toEqual({
      id: id("a1"),
      title: "DeepSeek report a1",
      url: expect.any(String),
      source: { id: feedIds.get("CN1"), name: "CN1" },
      publishedAt: "2025-01-20T08:10:00.000Z",
      sample: false,
    });
    expect(body.languages.map(summary)).toEqual([
      ["zh", id("a1"), 0, 5, 3, ["2025-01-20", id("a3"), 500]],
      ["en", id("a4"), 180, 7, 4, ["2025-01-22", id("a9"), 2990]],
      ["fr", id("a12"), 950, 1, 1, null],
    ]);
    expect(body.countries.map(summary)).toEqual([
      ["CN", id("a1"), 0, 5, 3, ["2025-01-20", id("a3"), 500]],
      ["US", id("a4"), 180, 4, 2, null],
      ["GB", id("a7"), 1670, 2, 1, null],
      ["NG", id("a11"), 2880, 1, 1, null],
    ]);
    expect(body.regions.map(summary)).toEqual([
      ["global-south", id("a1"), 0, 6, 4, ["2025-01-20", id("a3"), 500]],
      ["global-north", id("a4"), 180, 6, 3, ["2025-01-22", id("a10"), 3050]],
    ]);
    expect(body.regions.map((g) => g.label)).toEqual(["Global South", "Global North"]);
    expect(body.languages[1]).toMatchObject({
      label: "English",
      firstArticle: { id: id("a4"), source: { id: feedIds.get("US1"), name: "US1" } },
      outletsReached: { at: "2025-01-22T10:00:00.000Z" },
    });
  });

  it("counts days and the range in the request's time zone", async () => {
    const { body } = await get("from=2025-01-20&to=2025-01-22&tz=Asia/Shanghai");
    // [19 Jan 16:00, 22 Jan 16:00) UTC: a14 falls out; CN2's 23:30 is still the 20th, CN3's 00:30 the 21st.
    expect(body.articles).toBe(12);
    expect(body.first?.id).toBe(id("a1"));
    expect(body.languages.map(summary)).toEqual([
      ["zh", id("a1"), 0, 5, 3, ["2025-01-21", id("a6"), 1130]],
      ["en", id("a4"), 180, 6, 4, ["2025-01-22", id("a9"), 2990]],
      ["fr", id("a12"), 950, 1, 1, null],
    ]);
    expect(body.regions.map(summary)).toEqual([
      ["global-south", id("a1"), 0, 6, 4, ["2025-01-21", id("a6"), 1130]],
      ["global-north", id("a4"), 180, 5, 3, ["2025-01-22", id("a10"), 3050]],
    ]);
  });

  it("takes N distinct outlets a day from outlets=N", async () => {
    const { body } = await get("from=2025-01-20&to=2025-01-22&outlets=2");
    expect(body.outlets).toBe(2);
    expect(body.languages.map(summary)).toEqual([
      ["zh", id("a1"), 0, 5, 3, ["2025-01-20", id("a2"), 440]],
      ["en", id("a4"), 180, 7, 4, ["2025-01-22", id("a8"), 2930]],
      ["fr", id("a12"), 950, 1, 1, null],
    ]);
    expect(body.countries.map(summary)).toEqual([
      ["CN", id("a1"), 0, 5, 3, ["2025-01-20", id("a2"), 440]],
      ["US", id("a4"), 180, 4, 2, ["2025-01-22", id("a9"), 2990]],
      ["GB", id("a7"), 1670, 2, 1, null],
      ["NG", id("a11"), 2880, 1, 1, null],
    ]);
    const once = await get("from=2025-01-20&to=2025-01-22&outlets=1");
    expect(once.body.countries.map((g) => g.outletsReached?.articleId)).toEqual(
      once.body.countries.map((g) => g.firstArticle.id),
    );
  });

  it("measures lags from the first article the filters leave", async () => {
    const english = await get("from=2025-01-20&to=2025-01-22&lang=en");
    expect(english.body.articles).toBe(7);
    expect(english.body.first?.id).toBe(id("a4"));
    expect(english.body.countries.map((g) => [g.key, g.lagMinutes])).toEqual([
      ["US", 0],
      ["GB", 1490],
      ["NG", 2700],
    ]);
    const south = await get("from=2025-01-20&to=2025-01-22&region=south");
    expect(south.body.articles).toBe(6);
    expect(south.body.languages.map(summary)).toEqual([
      ["zh", id("a1"), 0, 5, 3, ["2025-01-20", id("a3"), 500]],
      ["en", id("a11"), 2880, 1, 1, null],
    ]);
    expect(south.body.regions.map((g) => g.key)).toEqual(["global-south"]);
  });

  it("answers a period without articles with empty lists", async () => {
    const { status, body } = await get("from=2025-03-01&to=2025-03-02");
    expect(status).toBe(200);
    expect(body).toMatchObject({ articles: 0, first: null, languages: [], countries: [], regions: [] });
  });

  it("answers 404 for an unknown topic and 400 naming a bad parameter", async () => {
    const missing = await s.app.request("/api/topics/no-such-topic/spread?from=2025-01-20&to=2025-01-22");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const cases: Array<[string, RegExp]> = [
      ["from=2025-02-30&to=2025-03-01", /^from: /],
      ["from=2025-01-20&to=yesterday", /^to: /],
      ["from=2025-01-22&to=2025-01-20", /^from: /],
      ["tz=Mars/Olympus", /^tz: /],
      ["outlets=0", /^outlets: /],
      ["outlets=three", /^outlets: /],
      ["region=east", /^region: /],
      ["interval=week", /unknown parameter 'interval'/],
    ];
    for (const [query, message] of cases) {
      const res = await s.app.request(`/api/topics/deepseek/spread?${query}`);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(res.status, query).toBe(400);
      expect(body.error.code, query).toBe("invalid_request");
      expect(body.error.message, query).toMatch(message);
    }
  });
});
