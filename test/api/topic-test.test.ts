import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
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

  it("answers the same through the server's topic worker thread, errors included", async () => {
    const worker = new TopicWorkerClient({
      database: { url: `file:${s.t.path}` },
      log: pino({ level: "silent" }),
    });
    try {
      const config = loadConfig({ DATABASE_URL: `file:${s.t.path}`, TIDEMARK_ADMIN_TOKEN: ADMIN_TOKEN });
      const app = createApp({
        db: s.t.db,
        config,
        log: pino({ level: "silent" }),
        dryRun: (query, n) => worker.dryRun(query, n),
      });
      for (const body of [
        { query: "deepseek OR huawei", examples: 2 },
        { query: "deepseek AND (r1" },
        { query: "a NEAR/0 b" },
      ]) {
        const [inProcess, viaWorker] = await Promise.all([post(s.app, body), post(app, body)]);
        expect(viaWorker.status).toBe(inProcess.status);
        expect(withoutRequestId(await viaWorker.json())).toEqual(withoutRequestId(await inProcess.json()));
      }
    } finally {
      await worker.stop();
    }
  });
});
