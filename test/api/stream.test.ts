import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { OpenAPIHono } from "@hono/zod-openapi";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../core/config";
import { addFeed } from "../../db/queries/feeds";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { handleError } from "../../server/errors";
import { streamRoutes } from "../../server/routes/stream";
import { ArticleHub, type StreamArticle } from "../../server/stream/article-hub";
import { databaseArticleSource } from "../../server/stream/article-source";
import { DEFAULT_STREAM_CAPS } from "../../server/stream/connection-limits";
import { createTestApp, type TestApp } from "../helpers/app";
import { runCliProcess } from "../helpers/cli";
import { makeArticle, makeFeed } from "../helpers/factories";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss } from "../helpers/feed-xml";
import { connectSse, type SseClient } from "../helpers/sse-client";

const articlesOf = (client: SseClient): StreamArticle[] =>
  client.events.filter((e) => e.event === "article").map((e) => JSON.parse(e.data));
const subscribed = (client: SseClient) => client.until((c) => c.events.some((e) => e.retry !== undefined));
const titles = (client: SseClient) => articlesOf(client).map((a) => a.title);

async function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{
  server: ServerType;
  base: string;
}> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function shut(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ("closeAllConnections" in server) server.closeAllConnections();
  });
}

// The ingest runs as its own process (node + tsx): slow to start on a busy 2-core machine.
describe("GET /api/stream", { timeout: 120_000 }, () => {
  let s: TestApp;
  let server: ServerType;
  let base: string;
  let feeds: FeedServer | undefined;
  const clients: SseClient[] = [];
  const connect = async (path: string, headers: Record<string, string> = {}) => {
    const client = await connectSse(`${base}${path}`, headers);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" });
    await createTopic(s.t.db, { slug: "huawei", name: "Huawei", color: "#111111", query: "huawei" });
    ({ server, base } = await listen(s.app.fetch));
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await shut(server);
    await feeds?.close();
    feeds = undefined;
    s.t.destroy();
  });

  it("delivers articles that another process ingests, to every client, filtered by topic", async () => {
    feeds = await startFeedServer({
      "/news.xml": (_req, res) =>
        res.writeHead(200, { "content-type": "application/rss+xml" }).end(
          rss("Wire", [
            { title: "Nvidia shares slide after DeepSeek R1", link: "https://wire.example.com/1" },
            { title: "Huawei Ascend chips ramp up", link: "https://wire.example.com/2" },
            { title: "Local weather: sunny", link: "https://wire.example.com/3" },
          ]),
        ),
    });
    const feed = await addFeed(s.t.db, { url: feeds.url("/news.xml"), name: "Wire" });
    const all = await connect("/api/stream");
    const huawei = await connect("/api/stream?topic=huawei");
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(all.headers.get("cache-control")).toMatch(/no-cache|no-store/);
    expect(all.headers.get("x-accel-buffering")).toBe("no");
    await Promise.all([subscribed(all), subscribed(huawei)]);

    const ingest = await runCliProcess(["ingest", "--once", "--all"], {
      DATABASE_URL: `file:${s.t.path}`,
      TIDEMARK_ALLOW_PRIVATE_URLS: "1",
    });
    expect(ingest.code, ingest.stderr).toBe(0);
    await all.until((c) => articlesOf(c).length >= 2);
    expect(titles(all)).toEqual(["Nvidia shares slide after DeepSeek R1", "Huawei Ascend chips ramp up"]);
    const [first, second] = all.events.filter((e) => e.event === "article");
    expect(first!.id).toBe(String(articlesOf(all)[0]!.id));
    expect(Number(second!.id)).toBeGreaterThan(Number(first!.id));
    expect(articlesOf(all)[0]).toEqual({
      id: Number(first!.id),
      title: "Nvidia shares slide after DeepSeek R1",
      url: "https://wire.example.com/1",
      source: { id: feed.id, name: "Wire" },
      lang: "en",
      publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      storyId: expect.any(Number),
      topics: [{ slug: "nvidia", terms: [{ term: "nvidia", field: "title", start: 0, end: 6 }] }],
    });

    // A later Huawei article reaching the filtered client proves the Nvidia one, between them, was left out.
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [makeArticle({ title: "Huawei opens a chip fab" })],
      state: {},
      now: Date.now(),
      tagger: new TopicTagger(),
    });
    await huawei.until((c) => articlesOf(c).length >= 2);
    expect(titles(huawei)).toEqual(["Huawei Ascend chips ramp up", "Huawei opens a chip fab"]);
  });

  it("resumes after Last-Event-ID with what was missed, without sample or untagged articles, then goes live", async () => {
    const feed = await makeFeed(s.t.db, { name: "Outlet" });
    const store = (titlesToStore: string[], isSample = false) =>
      storeFeedArticles(s.t.db, {
        feedId: feed.id,
        articles: titlesToStore.map((title) => makeArticle({ title })),
        state: {},
        now: Date.now(),
        isSample,
        tagger: new TopicTagger(),
      });
    const { insertedIds } = await store(["Nvidia one", "Nvidia two", "Weather", "Huawei three"]);
    await store(["Nvidia sample"], true);

    const resumed = await connect("/api/stream", { "last-event-id": String(insertedIds[0]) });
    await resumed.until((c) => articlesOf(c).length >= 2);
    expect(titles(resumed)).toEqual(["Nvidia two", "Huawei three"]);
    expect(resumed.events.filter((e) => e.event === "article").map((e) => Number(e.id))).toEqual([
      insertedIds[1],
      insertedIds[3],
    ]);

    const byQuery = await connect("/api/stream?topic=huawei&lastEventId=0");
    await byQuery.until((c) => articlesOf(c).length >= 1);
    expect(titles(byQuery)).toEqual(["Huawei three"]);

    await store(["Nvidia four"]);
    await resumed.until((c) => articlesOf(c).length >= 3);
    expect(titles(resumed)).toEqual(["Nvidia two", "Huawei three", "Nvidia four"]);
  });

  it("answers a bad topic or Last-Event-ID with a JSON 400 naming it", async () => {
    const topic = await s.app.request("/api/stream?topic=nope");
    expect(topic.status).toBe(400);
    expect(await topic.json()).toEqual({
      error: { code: "invalid_request", message: "topic: no topic 'nope'", requestId: expect.any(String) },
    });
    const id = await s.app.request("/api/stream", { headers: { "last-event-id": "abc" } });
    expect(id.status).toBe(400);
    expect((await id.json()).error.message).toContain("Last-Event-ID");
    const query = await s.app.request("/api/stream?lastEventId=-1");
    expect(query.status).toBe(400);
    expect((await query.json()).error.message).toContain("lastEventId");
  });

  it("caps open streams per client with a JSON 429, and admits the client again once one closes", async () => {
    const open: SseClient[] = [];
    for (let i = 0; i < DEFAULT_STREAM_CAPS.perClient; i++) open.push(await connect("/api/stream"));
    await Promise.all(open.map(subscribed));
    expect(open.map((c) => c.status)).toEqual(open.map(() => 200));

    const refused = await fetch(`${base}/api/stream`, { headers: { accept: "text/event-stream" } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    const { error } = await refused.json();
    expect(error).toMatchObject({ code: "rate_limited", details: { reason: "client" } });
    expect(error.message).toMatch(/too many open streams from this client/);

    open[0]!.close();
    await vi.waitFor(async () => {
      const again = await connect("/api/stream");
      expect(again.status).toBe(200);
    });
  });

  it("lifts the per-client cap when TIDEMARK_RATE_LIMIT=off says a proxy limits clients", async () => {
    const proxied = await createTestApp({ TIDEMARK_RATE_LIMIT: "off" });
    const behind = await listen(proxied.app.fetch);
    try {
      for (let i = 0; i <= DEFAULT_STREAM_CAPS.perClient; i++) {
        const client = await connectSse(`${behind.base}/api/stream`);
        clients.push(client);
        expect(client.status).toBe(200);
      }
    } finally {
      for (const client of clients.splice(0)) client.close();
      await shut(behind.server);
      proxied.t.destroy();
    }
  });

  it("caps open streams in total, whoever asks", async () => {
    const deps = { db: s.t.db, config: loadConfig({}), log: pino({ level: "silent" }) };
    const caps = { perClient: 10, total: 2 };
    const app = new OpenAPIHono().route("/api", streamRoutes(deps, { caps, pollIntervalMs: 50 }));
    app.onError((error, c) => handleError(error, c, deps.log));
    const small = await listen(app.fetch);
    try {
      const first = await connectSse(`${small.base}/api/stream`);
      const second = await connectSse(`${small.base}/api/stream`);
      clients.push(first, second);
      const third = await fetch(`${small.base}/api/stream`);
      expect(third.status).toBe(429);
      expect((await third.json()).error.details).toEqual({ reason: "total" });
    } finally {
      for (const client of clients.splice(0)) client.close();
      await shut(small.server);
    }
  });
});

describe("the stream's shared poller", () => {
  it("runs once for all clients, sends heartbeats, and stops with no timer left when the last client leaves", async () => {
    const s = await createTestApp();
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const source = databaseArticleSource(s.t.db);
    let polls = 0;
    const hub = new ArticleHub(
      {
        latestId: source.latestId,
        after: (id, limit) => {
          polls++;
          return source.after(id, limit);
        },
      },
      { pollIntervalMs: 20 },
    );
    const deps = { db: s.t.db, config: loadConfig({}), log: pino({ level: "silent" }) };
    const app = new OpenAPIHono().route("/api", streamRoutes(deps, { hub, heartbeatMs: 20 }));
    app.onError((error, c) => handleError(error, c, deps.log));
    const { server, base } = await listen(app.fetch);
    try {
      const a = await connectSse(`${base}/api/stream`);
      const b = await connectSse(`${base}/api/stream`);
      await Promise.all([
        a.until((c) => c.comments.includes("ping")),
        b.until((c) => c.comments.includes("ping")),
      ]);
      expect(a.events[0]).toEqual({ data: "", retry: 3000 });
      expect(hub.subscriberCount).toBe(2);
      expect(hub.isPolling).toBe(true);
      await vi.waitFor(() => expect(polls).toBeGreaterThan(2));
      a.close();
      await vi.waitFor(() => expect(hub.subscriberCount).toBe(1));
      expect(hub.isPolling).toBe(true);
      b.close();
      await vi.waitFor(() => expect(hub.subscriberCount).toBe(0));
      expect(hub.isPolling).toBe(false);
      await vi.waitFor(() => expect(timers()).toBeLessThanOrEqual(before));
      // Ten poll intervals later, nobody has asked the database again.
      const stoppedAt = polls;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(polls).toBe(stoppedAt);
    } finally {
      await shut(server);
      s.t.destroy();
    }
  });
});
