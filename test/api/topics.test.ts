import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultTopics } from "../../core/tagging/default-topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { retagTopics } from "../../jobs/topics/retag";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

describe("/api/topics", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
    await createDefaultTopics(s.t.db);
  });
  afterEach(() => s.t.destroy());

  const send = (method: string, path: string, body?: unknown, headers = s.admin) =>
    s.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });

  it("lists the five default topics with query, colour, count and retag progress", async () => {
    const feed = await makeFeed(s.t.db);
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [
        makeArticle({ title: "DeepSeek R1 reasoning model rivals OpenAI o1 at a fraction of the cost" }),
      ],
      state: {},
      now: Date.now(),
      tagger: new TopicTagger(),
    });
    const body = await (await s.app.request("/api/topics")).json();
    expect(body.items.map((t: { slug: string }) => t.slug)).toEqual([
      "r1-release",
      "nvidia-valuation",
      "ascend-chips",
      "global-south-adoption",
      "export-controls",
    ]);
    expect(body.items[0]).toMatchObject({ articleCount: 1, retag: { state: "done" }, color: "#0072B2" });
    expect(body.items[0].query.length).toBeGreaterThan(10);
  });

  it("POST creates a topic (201) whose stored articles are then pending a retag", async () => {
    const feed = await makeFeed(s.t.db);
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [makeArticle()],
      state: {},
      now: Date.now(),
    });
    const res = await send("POST", "/api/topics", {
      slug: "mistral",
      name: "Mistral AI",
      query: "mistral AND (ai OR model*)",
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      slug: "mistral",
      version: 1,
      articleCount: 0,
      retag: { state: "pending" },
    });
  });

  it("POST answers 400 naming the position of a query that does not parse", async () => {
    const res = await send("POST", "/api/topics", {
      slug: "broken",
      name: "Broken",
      query: "deepseek AND (r1 OR",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_query");
    expect(body.error.message).toMatch(/^query: .*position \d+/);
    expect(typeof body.error.details.position).toBe("number");
  });

  it("POST answers 400 for a bad slug or colour and 409 for a slug in use", async () => {
    expect((await send("POST", "/api/topics", { slug: "Bad Slug", name: "x", query: "x" })).status).toBe(400);
    const colour = await send("POST", "/api/topics", { slug: "ok", name: "x", query: "x", color: "red" });
    expect((await colour.json()).error.message).toMatch(/^color:/);
    const dup = await send("POST", "/api/topics", { slug: "r1-release", name: "again", query: "x" });
    expect(dup.status).toBe(409);
  });

  it("PUT with a new query bumps the version and restarts the retag; the same query does not", async () => {
    const feed = await makeFeed(s.t.db);
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [makeArticle()],
      state: {},
      now: Date.now(),
    });
    const same = await send("PUT", "/api/topics/ascend-chips", {
      name: "Huawei Ascend",
      query: defaultTopics[2]!.query,
    });
    expect(await same.json()).toMatchObject({
      name: "Huawei Ascend",
      version: 1,
      retag: { state: "done" },
      color: "#009E73",
    });
    const changed = await send("PUT", "/api/topics/ascend-chips", {
      name: "Huawei Ascend",
      query: "ascend AND huawei",
    });
    expect(await changed.json()).toMatchObject({ version: 2, retag: { state: "pending", done: 0 } });
    expect((await send("PUT", "/api/topics/nope", { name: "x", query: "x" })).status).toBe(404);
  });

  it("GET /api/topics/:slug answers one topic with its retag progress, 404 for an unknown one", async () => {
    const feed = await makeFeed(s.t.db);
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [makeArticle()],
      state: {},
      now: Date.now(),
    });
    await send("PUT", "/api/topics/ascend-chips", { name: "Huawei Ascend", query: "ascend AND huawei" });
    const res = await s.app.request("/api/topics/ascend-chips");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      slug: "ascend-chips",
      name: "Huawei Ascend",
      version: 2,
      retag: { state: "pending", done: 0 },
    });
    await retagTopics(s.t.db);
    expect((await (await s.app.request("/api/topics/ascend-chips")).json()).retag).toMatchObject({
      state: "done",
      done: 1,
      total: 1,
    });
    const missing = await s.app.request("/api/topics/nope");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain("no topic 'nope'");
  });

  it("DELETE removes a topic (204), then 404; writes need the admin token", async () => {
    expect((await send("DELETE", "/api/topics/export-controls", undefined, {})).status).toBe(401);
    expect((await send("DELETE", "/api/topics/export-controls")).status).toBe(204);
    expect((await send("DELETE", "/api/topics/export-controls")).status).toBe(404);
  });
});
