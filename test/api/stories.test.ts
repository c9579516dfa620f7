import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

const at = (day: number, hour = 12, minute = 0) => Date.UTC(2025, 0, day, hour, minute);
const WIRE = {
  title: "Nvidia loses $589bn in market value as DeepSeek rattles AI chip investors",
  summary:
    "Shares of Nvidia fell 17 per cent on Monday, wiping out a record $589bn of market value, after the Chinese " +
    "start-up DeepSeek said its R1 reasoning model matched leading US systems at a fraction of the cost.",
};
const BAN = {
  title: "Italy's privacy watchdog blocks DeepSeek over data concerns",
  summary:
    "The Garante ordered the Chinese company to stop processing Italians' data after it failed to say what it " +
    "collects, where it is stored and how the R1 chatbot was trained.",
};

describe("GET /api/stories", () => {
  let s: TestApp;
  const ids: Record<string, number> = {};
  beforeEach(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, {
      slug: "privacy",
      name: "Privacy",
      query: "watchdog OR garante",
      color: "#000000",
    });
    await createTopic(s.t.db, { slug: "chips", name: "Chips", query: "nvidia", color: "#111111" });
    const wire = await makeFeed(s.t.db, { name: "Wire", country: "GB", lang: "en" });
    const paperUs = await makeFeed(s.t.db, { name: "Paper US", country: "US", lang: "en" });
    const paperNg = await makeFeed(s.t.db, { name: "Paper NG", country: "NG", lang: "en" });
    const paperDe = await makeFeed(s.t.db, { name: "Zeitung", country: "DE", lang: "de" });
    const store = async (
      feedId: number,
      key: string,
      article: Partial<Parameters<typeof makeArticle>[0]>,
    ) => {
      const made = makeArticle({ url: `https://news.example/${key}`, ...article });
      const result = await storeFeedArticles(s.t.db, {
        feedId,
        articles: [made],
        state: { lastStatus: 200 },
        now: at(31),
        tagger: new TopicTagger(),
      });
      ids[key] = result.insertedIds[0]!;
    };
    // Stored out of order: the story's first article is the earliest published, not the first stored.
    await store(paperUs.id, "wire-us", {
      ...WIRE,
      title: `UPDATE 1-${WIRE.title}`,
      publishedAt: at(27, 14, 45),
    });
    await store(wire.id, "wire", { ...WIRE, publishedAt: at(27, 14, 5) });
    await store(paperNg.id, "wire-ng", {
      ...WIRE,
      title: "DeepSeek shock hits Nvidia",
      publishedAt: at(28, 9, 5),
    });
    await store(paperDe.id, "ban-de", { ...BAN, lang: "de", publishedAt: at(30, 10) });
    await store(paperUs.id, "ban", { ...BAN, publishedAt: at(30, 9) });
    await store(wire.id, "ban-wire", { ...BAN, publishedAt: at(30, 11) });
  });
  afterEach(() => s.t.destroy());

  const get = async (path: string) => {
    const res = await s.app.request(path);
    return { status: res.status, body: await res.json() };
  };

  it("lists stories newest first, each with its size, spread, first source and times", async () => {
    const { status, body } = await get("/api/stories");
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(3);
    const [de, ban, wire] = body.items;
    expect(de).toMatchObject({ lang: "de", articles: 1, outlets: 1, countries: 1 });
    expect(ban).toMatchObject({
      title: BAN.title,
      lang: "en",
      articles: 2,
      outlets: 2,
      countries: 2,
      firstSeenAt: "2025-01-30T09:00:00.000Z",
      firstSource: { name: "Paper US" },
      lastSeenAt: "2025-01-30T11:00:00.000Z",
    });
    expect(wire).toMatchObject({
      title: WIRE.title,
      articles: 3,
      outlets: 3,
      countries: 3,
      firstSeenAt: "2025-01-27T14:05:00.000Z",
      firstSource: { name: "Wire" },
      lastSeenAt: "2025-01-28T09:05:00.000Z",
    });
  });

  it("sorts by size and pages with a cursor", async () => {
    const first = await get("/api/stories?sort=size&limit=1");
    expect(first.body.items.map((i: { articles: number }) => i.articles)).toEqual([3]);
    const second = await get(`/api/stories?sort=size&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { articles: number }) => i.articles)).toEqual([2]);
    const third = await get(`/api/stories?sort=size&limit=1&cursor=${second.body.nextCursor}`);
    expect(third.body).toMatchObject({ items: [{ articles: 1 }], nextCursor: null });
  });

  it("selects the stories with an article matching the topic, language and range", async () => {
    const titles = async (query: string) =>
      (await get(`/api/stories${query}`)).body.items.map((i: { title: string }) => i.title);
    expect(await titles("?topic=privacy")).toEqual([BAN.title, BAN.title]);
    expect(await titles("?topic=privacy&lang=en")).toEqual([BAN.title]);
    expect(await titles("?lang=de")).toEqual([BAN.title]);
    expect(await titles("?lang=en&from=2025-01-28&to=2025-01-28")).toEqual([WIRE.title]);
    expect(await titles("?to=2025-01-27T14:30:00Z")).toEqual([WIRE.title]);
    expect(await titles("?from=2025-01-29")).toHaveLength(2);
  });

  it("selects by several topics and by the page's outlet filters (feed, country, region)", async () => {
    const titles = async (query: string) =>
      (await get(`/api/stories${query}`)).body.items.map((i: { title: string }) => i.title);
    expect(await titles("?topics=privacy,chips&lang=en")).toEqual([BAN.title, WIRE.title]);
    expect(await titles("?topic=chips&topics=privacy&lang=en")).toEqual([BAN.title, WIRE.title]);
    // A story is in when one of its copies is: the wire story reached Nigeria, the ban never left the North.
    expect(await titles("?country=NG")).toEqual([WIRE.title]);
    expect(await titles("?region=south&topics=privacy")).toEqual([]);
    expect(await titles("?country=de,us&topics=privacy")).toEqual([BAN.title, BAN.title]);
    const wire = (await get("/api/stories?country=NG")).body.items[0];
    expect(wire).toMatchObject({ articles: 3, outlets: 3, countries: 3 });
  });

  it("gives each story a sparkline: its copies in equal steps from its first to its last", async () => {
    const [, ban, wire] = (await get("/api/stories")).body.items;
    // 19 h from the wire's first copy to its last: 23 steps of 50 minutes, two copies in the first.
    expect(wire.spark.stepMinutes).toBe(50);
    expect(wire.spark.counts).toHaveLength(23);
    expect(wire.spark.counts[0]).toBe(2);
    expect(wire.spark.counts[22]).toBe(1);
    expect(wire.spark.counts.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    expect(ban.spark).toEqual({ stepMinutes: 10, counts: [1, ...new Array(11).fill(0), 1] });
  });

  it("GET /api/stories/:id/spread says when the story reached each country and region", async () => {
    const { body: listed } = await get("/api/stories?country=NG");
    const id = listed.items[0].id;
    const { status, body } = await get(`/api/stories/${id}/spread?tz=Europe/Berlin&outlets=2`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ story: id, tz: "Europe/Berlin", from: "2025-01-27", to: "2025-01-28" });
    expect(body.first).toMatchObject({ id: ids.wire, source: { name: "Wire" }, sample: false });
    expect(body.countries.map((g: { key: string; lagMinutes: number }) => [g.key, g.lagMinutes])).toEqual([
      ["GB", 0],
      ["US", 40],
      ["NG", 19 * 60],
    ]);
    expect(body.regions).toEqual([
      expect.objectContaining({
        key: "global-north",
        outlets: 2,
        outletsReached: {
          day: "2025-01-27",
          at: "2025-01-27T14:45:00.000Z",
          articleId: ids["wire-us"],
          lagMinutes: 40,
        },
      }),
      expect.objectContaining({ key: "global-south", lagMinutes: 19 * 60, outletsReached: null }),
    ]);
    expect(body.languages.map((g: { key: string }) => g.key)).toEqual(["en"]);
    expect((await get("/api/stories/999999/spread")).status).toBe(404);
    const bad = await get(`/api/stories/${id}/spread?tz=Mars/Olympus`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain("tz");
    expect((await get(`/api/stories/${id}/spread?outlets=0`)).status).toBe(400);
  });

  it("GET /api/stories/:id lists the copies in the order they appeared, minutes after the first", async () => {
    const articles = await get(`/api/articles?limit=10`);
    const storyId = articles.body.items.find((a: { id: number }) => a.id === ids["wire-ng"]).storyId;
    expect(articles.body.items.find((a: { id: number }) => a.id === ids.wire).storyId).toBe(storyId);
    const { status, body } = await get(`/api/stories/${storyId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: storyId, articles: 3, firstSource: { name: "Wire" } });
    expect(body.items).toEqual([
      expect.objectContaining({
        id: ids.wire,
        source: expect.objectContaining({ name: "Wire" }),
        country: "GB",
        lang: "en",
        minutesAfterFirst: 0,
      }),
      expect.objectContaining({
        id: ids["wire-us"],
        country: "US",
        publishedAt: "2025-01-27T14:45:00.000Z",
        minutesAfterFirst: 40,
      }),
      expect.objectContaining({ id: ids["wire-ng"], country: "NG", minutesAfterFirst: 19 * 60 }),
    ]);
  });

  it("answers 404 for an unknown story and 400 naming a bad parameter", async () => {
    expect((await get("/api/stories/999999")).status).toBe(404);
    const bad = async (path: string, param: string) => {
      const { status, body } = await get(path);
      expect(status).toBe(400);
      expect(JSON.stringify(body.error)).toContain(param);
    };
    await bad("/api/stories/1e2", "id");
    await bad("/api/stories?from=2025-02-30", "from");
    await bad("/api/stories?to=yesterday", "to");
    await bad("/api/stories?cursor=bm9wZQ", "cursor");
    // A range or cursor that does not parse is named once, at the start of the message, as a person reads it.
    const messages: Array<[string, string]> = [
      ["from=2025-02-30", "from: must be a date (YYYY-MM-DD) or an ISO 8601 time with offset"],
      ["to=2025-01-27T10:00", "to: must be a date (YYYY-MM-DD) or an ISO 8601 time with offset"],
      ["from=2025-02-01&to=2025-01-01", "from: must not be after to"],
      ["cursor=", "cursor: not a cursor from this API for sort=newest"],
      ["sort=size&cursor=%25%25", "cursor: not a cursor from this API for sort=size"],
    ];
    for (const [query, message] of messages) {
      const { status, body } = await get(`/api/stories?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.message.startsWith(message), `${query}: ${body.error.message}`).toBe(true);
    }
    await bad(`/api/stories?sort=newest&cursor=${Buffer.from("size:3:1").toString("base64url")}`, "cursor");
    await bad("/api/stories?sort=biggest", "sort");
    await bad("/api/stories?topic=nope", "topic");
    await bad("/api/stories?lang=english", "lang");
    await bad("/api/stories?contry=DE", "contry");
    await bad("/api/stories/1?limit=3", "limit");
    await bad("/api/stories?topics=r1,nope", "topics");
    await bad("/api/stories?country=XX1", "country");
  });
});
