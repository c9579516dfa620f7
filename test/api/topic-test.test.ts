import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { retagTopics } from "../../jobs/topics/retag";
import { TopicWorkerClient } from "../../jobs/topics/topic-worker-client";
import { createApp } from "../../server/app";
import { ADMIN_TOKEN, createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

describe("POST /api/topics/test", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
    const feed = await makeFeed(s.t.db);
    const titles = [
      "Nvidia shares plunge as DeepSeek rattles investors",
      "Huawei Ascend 910C enters mass production",
      "DeepSeek R1 tops the App Store",
    ];
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: titles.map((title, i) =>
        makeArticle({ title, summary: "", publishedAt: Date.UTC(2025, 0, 20 + i) }),
      ),
      state: {},
      now: Date.now(),
    });
  });
  afterEach(() => s.t.destroy());

  const post = (app: TestApp["app"], body: unknown, headers = s.admin) =>
    app.request("/api/topics/test", { method: "POST", headers, body: JSON.stringify(body) });
  const withoutRequestId = (body: { error?: { requestId?: string } }) => {
    delete body.error?.requestId;
    return body;
  };
  /** A topic created through the API and retagged, so its tags are saved: the two DeepSeek stories. */
  const savedTopic = async () => {
    const res = await s.app.request("/api/topics", {
      method: "POST",
      headers: s.admin,
      body: JSON.stringify({ slug: "deepseek-news", name: "DeepSeek news", query: "deepseek" }),
    });
    expect(res.status).toBe(201);
    await retagTopics(s.t.db);
  };

  it("answers how many stored articles a draft query would tag, newest examples first, with matched terms", async () => {
    const res = await post(s.app, { query: "deepseek", examples: 5 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      scanned: 3,
      matched: 2,
      examples: [
        {
          id: expect.any(Number),
          title: "DeepSeek R1 tops the App Store",
          publishedAt: "2025-01-22T00:00:00.000Z",
          terms: [{ term: "deepseek", field: "title", start: 0, end: 8 }],
        },
        expect.objectContaining({ title: "Nvidia shares plunge as DeepSeek rattles investors" }),
      ],
    });
  });

  it("answers 400 naming the position of a query that does not parse, and 401 without the token", async () => {
    const res = await post(s.app, { query: "deepseek AND (r1" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "invalid_query", details: { position: 13 } });
    expect((await post(s.app, { query: "deepseek" }, { "content-type": "application/json" })).status).toBe(
      401,
    );
  });

  it("with a slug, also answers what the draft would add to and remove from that topic's saved tags", async () => {
    await savedTopic();
    const res = await post(s.app, { query: "r1 OR huawei", slug: "deepseek-news" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ scanned: 3, matched: 2 });
    expect(body.changes).toEqual({
      slug: "deepseek-news",
      added: 1,
      removed: 1,
      addedExamples: [
        {
          id: expect.any(Number),
          title: "Huawei Ascend 910C enters mass production",
          publishedAt: "2025-01-21T00:00:00.000Z",
          terms: [{ term: "huawei", field: "title", start: 0, end: 6 }],
        },
      ],
      // The terms of the saved tag: why the topic has the article now.
      removedExamples: [
        {
          id: expect.any(Number),
          title: "Nvidia shares plunge as DeepSeek rattles investors",
          publishedAt: "2025-01-20T00:00:00.000Z",
          terms: [{ term: "deepseek", field: "title", start: 24, end: 32 }],
        },
      ],
      retagPending: false,
    });
    // Without a slug there is nothing to compare with.
    expect(await (await post(s.app, { query: "r1 OR huawei" })).json()).not.toHaveProperty("changes");
  });

  it("with a slug, counts every change but keeps only the newest examples, and says when a retag is pending", async () => {
    await savedTopic();
    const res = await s.app.request("/api/topics/deepseek-news", {
      method: "PUT",
      headers: s.admin,
      body: JSON.stringify({ name: "DeepSeek news", query: "deepseek OR huawei" }),
    });
    expect(res.status).toBe(200);
    const body = await (
      await post(s.app, { query: "nvidia OR huawei", slug: "deepseek-news", examples: 0 })
    ).json();
    expect(body.changes).toEqual({
      slug: "deepseek-news",
      added: 1,
      removed: 1,
      addedExamples: [],
      removedExamples: [],
      retagPending: true,
    });
    const same = await (await post(s.app, { query: "deepseek", slug: "deepseek-news" })).json();
    expect(same.changes).toMatchObject({ added: 0, removed: 0, addedExamples: [], removedExamples: [] });
  });

  it("answers 404 naming an unknown slug and 400 for an empty one, saving nothing", async () => {
    const res = await post(s.app, { query: "deepseek", slug: "no-such-topic" });
    expect(res.status).toBe(404);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "not_found" });
    expect(error.message).toContain("no-such-topic");
    const empty = await post(s.app, { query: "deepseek", slug: "" });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toContain("slug");
    const topics = await (await s.app.request("/api/topics")).json();
    expect(topics.items ?? topics).toEqual([]);
  });

  it("answers the same over a real socket from the server's topic worker thread, errors included", async () => {
    await savedTopic();
    const worker = new TopicWorkerClient({
      database: { url: `file:${s.t.path}` },
      log: pino({ level: "silent" }),
    });
    let server: ServerType | undefined;
    try {
      const config = loadConfig({ DATABASE_URL: `file:${s.t.path}`, TIDEMARK_ADMIN_TOKEN: ADMIN_TOKEN });
      const app = createApp({
        db: s.t.db,
        config,
        log: pino({ level: "silent" }),
        dryRun: (query, n, slug) => worker.dryRun(query, n, slug),
      });
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise((resolve) => server!.once("listening", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/topics/test`;
      for (const body of [
        { query: "deepseek OR huawei", examples: 2 },
        { query: "deepseek AND (r1" },
        { query: "a NEAR/0 b" },
        { query: "r1 OR huawei", slug: "deepseek-news", examples: 1 },
        { query: "r1", slug: "no-such-topic" },
      ]) {
        const [inProcess, viaWorker] = await Promise.all([
          post(s.app, body),
          fetch(url, { method: "POST", headers: s.admin, body: JSON.stringify(body) }),
        ]);
        expect(viaWorker.status).toBe(inProcess.status);
        expect(withoutRequestId(await viaWorker.json())).toEqual(withoutRequestId(await inProcess.json()));
      }
    } finally {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await worker.stop();
    }
  });
});
