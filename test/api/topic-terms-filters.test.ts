import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed, storeTagged } from "../helpers/factories";

/**
 * Issue 14, item 1: a topic's distinctive terms (and its misses) follow the chart's filters, `feed, folder, lang,
 * country, region`, on both sides: the rest they are set against is the rest of the same outlets and languages.
 *
 *   Lagos Wire (NG, folder Africa, en): 20 `ascend` articles on Lagos startups, 20 others on Lagos traffic,
 *     1 untagged article on Nigerian founders testing Huawei accelerators (a miss), from 20 Jan, hourly
 *   Munich Post (DE, folder Europe, de): 20 `ascend` articles on Munich carmakers, 20 others on Munich weather,
 *     from 27 Jan, hourly (so its newest article is a week after Lagos Wire's)
 */
const LAGOS_START = Date.UTC(2025, 0, 20, 6);
const MUNICH_START = Date.UTC(2025, 0, 27, 6);
const HOUR = 3_600_000;

describe("/api/topics/:slug/terms and /misses under the chart's filters", () => {
  let s: TestApp;
  const feeds: Record<string, number> = {};

  beforeAll(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "ascend", name: "Ascend", query: "ascend", color: "#0072B2" });
    const lagos = await makeFeed(s.t.db, { name: "Lagos Wire", country: "NG", folder: "Africa", lang: "en" });
    const munich = await makeFeed(s.t.db, {
      name: "Munich Post",
      country: "DE",
      folder: "Europe",
      lang: "de",
    });
    feeds.lagos = lagos.id;
    feeds.munich = munich.id;
    const texts = (start: number, lang: string, topic: string[], rest: string[], extra: string[][] = []) =>
      [
        ...Array.from({ length: 20 }, (_, i) => [`${topic[0]} ${i + 1}`, topic[1]!]),
        ...Array.from({ length: 20 }, (_, i) => [`${rest[0]} ${i + 1}`, rest[1]!]),
        ...extra,
      ].map(([title, summary], i) => makeArticle({ title, summary, lang, publishedAt: start + i * HOUR }));
    await storeTagged(
      s.t.db,
      lagos.id,
      texts(
        LAGOS_START,
        "en",
        [
          "Ascend accelerators reach Lagos startups",
          "Nigerian founders buy Huawei accelerators for startups",
        ],
        ["Lagos traffic report", "The city says roads reopened after rain"],
        [["Nigerian founders test Huawei accelerators", "Startups in Lagos buy accelerators"]],
      ),
    );
    await storeTagged(
      s.t.db,
      munich.id,
      texts(
        MUNICH_START,
        "de",
        ["Ascend Chips für Münchner Autobauer", "Bayerische Autobauer prüfen Huawei Chips"],
        ["Münchner Wetter", "Die Stadt meldet Schnee am Morgen"],
      ),
    );
  });
  afterAll(() => s.t.destroy());

  interface Terms {
    items: Array<{ term: string; topicCount: number; restCount: number }>;
    lang: string | null;
    from: string;
    to: string;
    articles: { topic: number; rest: number };
  }
  const terms = async (query: string) => {
    const res = await s.app.request(`/api/topics/ascend/terms?limit=50&${query}`);
    return { status: res.status, body: (await res.json()) as Terms };
  };
  const words = (body: Terms) => body.items.map((t) => t.term.toLowerCase());

  it("reads every outlet without a filter", async () => {
    const { status, body } = await terms("from=2025-01-20&to=2025-01-31");
    expect(status).toBe(200);
    expect(body.articles).toEqual(expect.objectContaining({ topic: 40, rest: 41 }));
    expect(words(body)).toEqual(expect.arrayContaining(["startups", "autobauer"]));
  });

  it("reads only the outlets a country, region, folder or feed filter leaves, on both sides", async () => {
    const nigeria = [
      "country=NG",
      "region=south",
      "folder=Africa",
      `feed=${feeds.lagos}`,
      `feed=${feeds.lagos}&lang=en`,
    ];
    for (const filter of nigeria) {
      const { status, body } = await terms(`from=2025-01-20&to=2025-01-31&${filter}`);
      expect(status, filter).toBe(200);
      expect(body.articles, filter).toEqual(expect.objectContaining({ topic: 20, rest: 21 }));
      expect(words(body), filter).toContain("startups");
      expect(words(body), filter).not.toContain("autobauer");
      expect(words(body), filter).not.toContain("münchner");
      // Every Lagos Wire article names Lagos: within the outlet it tells the topic from nothing.
      expect(words(body), filter).not.toContain("lagos");
    }
    for (const filter of ["country=DE", "region=north", "folder=Europe", `feed=${feeds.munich}`, "lang=de"]) {
      const { body } = await terms(`from=2025-01-20&to=2025-01-31&${filter}`);
      expect(body.articles, filter).toEqual(expect.objectContaining({ topic: 20, rest: 20 }));
      expect(words(body), filter).toContain("autobauer");
      expect(words(body), filter).not.toContain("startups");
    }
    // Filters narrow each other: the Nigerian outlet writes no German.
    const none = await terms(`from=2025-01-20&to=2025-01-31&country=NG&lang=de`);
    expect(none.body).toMatchObject({ items: [], articles: { topic: 0, rest: 0 } });
    // A country no outlet is in matches nothing (it is a country, so no 400).
    const france = await terms(`from=2025-01-20&to=2025-01-31&country=FR`);
    expect(france.body).toMatchObject({ items: [], articles: { topic: 0, rest: 0 } });
  });

  it("takes languages as the chart does: several, comma-separated, and says which it read", async () => {
    const both = await terms("from=2025-01-20&to=2025-01-31&lang=en,DE");
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ lang: "en,de", articles: { topic: 40, rest: 41 } });
    const unknown = await terms("from=2025-01-20&to=2025-01-31&lang=unknown");
    expect(unknown.body).toMatchObject({ lang: "unknown", articles: { topic: 0, rest: 0 } });
  });

  it("ends the default period at the newest article the filters leave", async () => {
    const all = await terms("");
    expect(all.body.to).toBe(new Date(MUNICH_START + 39 * HOUR).toISOString());
    const nigeria = await terms("country=NG");
    expect(nigeria.body.to).toBe(new Date(LAGOS_START + 40 * HOUR).toISOString());
    expect(nigeria.body.articles).toEqual(expect.objectContaining({ topic: 20, rest: 21 }));
    const south = await terms("region=south&lang=en");
    expect(south.body.to).toBe(nigeria.body.to);
  });

  it("finds misses only among the outlets the filters leave", async () => {
    const misses = async (query: string) => {
      const res = await s.app.request(`/api/topics/ascend/misses?from=2025-01-20&to=2025-01-31&${query}`);
      return (await res.json()) as { items: Array<{ title: string }> };
    };
    const nigeria = await misses("country=NG");
    expect(nigeria.items[0]?.title).toBe("Nigerian founders test Huawei accelerators");
    const germany = await misses("country=DE");
    expect(germany.items.map((m) => m.title)).not.toContain("Nigerian founders test Huawei accelerators");
  });

  it("answers 400 naming a bad filter, for terms and misses alike", async () => {
    const cases: Array<[string, RegExp]> = [
      ["feed=999", /^feed: no feed with id '999'/],
      ["feed=x", /^feed: /],
      ["folder=Asia", /^folder: no folder 'Asia'/],
      ["country=XX1", /^country: /],
      ["region=east", /^region: /],
      ["lang=English", /^lang: /],
      ["lang=", /^lang: /],
    ];
    for (const path of ["terms", "misses"]) {
      for (const [query, message] of cases) {
        const res = await s.app.request(`/api/topics/ascend/${path}?${query}`);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(res.status, `${path}?${query}`).toBe(400);
        expect(body.error.code).toBe("invalid_request");
        expect(body.error.message, `${path}?${query}`).toMatch(message);
      }
    }
  });
});
