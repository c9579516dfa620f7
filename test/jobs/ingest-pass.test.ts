import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addFeed, getFeed } from "../../db/queries/feeds";
import { articles } from "../../db/schema";
import { type PassOptions, runIngestPass } from "../../jobs/ingest/ingest-pass";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";

const log = pino({ level: "silent" });

describe("an ingest pass", () => {
  let t: TestDatabase;
  let server: FeedServer;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await server?.close();
    t.destroy();
  });

  const pass = (options: PassOptions, now?: () => number) =>
    runIngestPass(
      { db: t.db, allowPrivateUrls: true, log, now, fetchOptions: { timeoutMs: 2_000 } },
      options,
    );
  const articleCount = async (feedId?: number) =>
    Number(
      (
        await t.db
          .select({ n: sql<number>`count(*)` })
          .from(articles)
          .where(feedId === undefined ? undefined : eq(articles.feedId, feedId))
      )[0]!.n,
    );

  it("stores the good feeds whole and records each broken one on its own row", async () => {
    server = await startFeedServer({
      "/good.xml": (_req, res) =>
        res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Good", storyItems("good", 5))),
      "/broken.xml": (_req, res) => res.writeHead(500).end("boom"),
      "/page.html": (_req, res) =>
        res
          .writeHead(200, { "content-type": "text/html" })
          .end("<!doctype html><html><body>Not a feed</body></html>"),
      "/other.xml": (_req, res) => res.writeHead(200).end(rss("Other", storyItems("other", 3))),
    });
    const good = await addFeed(t.db, { url: server.url("/good.xml") });
    const broken = await addFeed(t.db, { url: server.url("/broken.xml") });
    const page = await addFeed(t.db, { url: server.url("/page.html") });
    const other = await addFeed(t.db, { url: server.url("/other.xml") });

    const summary = await pass({ scope: "due" });

    expect(summary).toMatchObject({ feeds: 4, stored: 2, failed: 2, articlesAdded: 8 });
    expect(summary.errors).toEqual({ http: 1, "not-a-feed": 1 });
    expect(await articleCount(good.id)).toBe(5);
    expect(await articleCount(other.id)).toBe(3);
    expect(await getFeed(t.db, broken.id)).toMatchObject({ lastStatus: 500, errorCount: 1, articleCount: 0 });
    expect((await getFeed(t.db, broken.id))!.lastError).toMatch(/500/);
    expect((await getFeed(t.db, page.id))!.lastError).toMatch(/HTML/i);
    expect(await getFeed(t.db, good.id)).toMatchObject({
      name: "Good",
      lastStatus: 200,
      errorCount: 0,
      articleCount: 5,
    });
    expect((await getFeed(t.db, good.id))!.leaseOwner).toBeNull();
  });

  it("sends the stored validators and changes nothing on 304 Not Modified", async () => {
    let hits = 0;
    server = await startFeedServer({
      "/feed.xml": (req, res) => {
        hits++;
        if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { etag: '"v1"' }).end(rss("Etag", storyItems("etag", 2)));
      },
    });
    const feed = await addFeed(t.db, { url: server.url("/feed.xml") });
    await pass({ scope: "all" });
    const second = await pass({ scope: "all" });
    expect(hits).toBe(2);
    expect(second).toMatchObject({ notModified: 1, articlesAdded: 0 });
    expect(await getFeed(t.db, feed.id)).toMatchObject({ etag: '"v1"', lastStatus: 304, articleCount: 2 });
  });

  it("follows a permanent redirect and stores the new URL", async () => {
    server = await startFeedServer({
      "/new.xml": (_req, res) => res.writeHead(200).end(rss("Moved", storyItems("moved", 1))),
    });
    server.route("/old.xml", (_req, res) => res.writeHead(301, { location: server.url("/new.xml") }).end());
    const feed = await addFeed(t.db, { url: server.url("/old.xml") });
    await pass({ scope: "due" });
    expect((await getFeed(t.db, feed.id))!.url).toBe(server.url("/new.xml"));
  });

  it("stops polling a feed that answers 410 Gone", async () => {
    server = await startFeedServer({ "/gone.xml": (_req, res) => res.writeHead(410).end() });
    const feed = await addFeed(t.db, { url: server.url("/gone.xml") });
    await pass({ scope: "due" });
    expect(await getFeed(t.db, feed.id)).toMatchObject({ enabled: false, lastStatus: 410 });
    const again = await pass({ scope: "all" });
    expect(again.feeds).toBe(0);
  });

  it("fetches only due feeds, and backs a failing feed off", async () => {
    let t0 = Date.UTC(2025, 0, 27, 12);
    server = await startFeedServer({
      "/flaky.xml": (_req, res) => res.writeHead(503, { "retry-after": "7200" }).end(),
    });
    const feed = await addFeed(t.db, { url: server.url("/flaky.xml") });
    await pass({ scope: "due" }, () => t0);
    const after = (await getFeed(t.db, feed.id))!;
    expect(after.nextFetchAt).toBe(t0 + 7_200_000);
    t0 += 3_600_000;
    expect((await pass({ scope: "due" }, () => t0)).feeds).toBe(0);
    t0 += 3_600_001;
    expect((await pass({ scope: "due" }, () => t0)).feeds).toBe(1);
  });

  it("fetches one feed on request, due or not", async () => {
    server = await startFeedServer({
      "/one.xml": (_req, res) => res.writeHead(200).end(rss("One", storyItems("one", 2))),
    });
    const feed = await addFeed(t.db, { url: server.url("/one.xml") });
    await addFeed(t.db, { url: server.url("/not-this.xml") });
    const summary = await pass({ scope: { feedId: feed.id } });
    expect(summary).toMatchObject({ feeds: 1, stored: 1, articlesAdded: 2 });
    expect(server.requests.map((r) => r.path)).toEqual(["/one.xml"]);
  });

  it("never fetches a feed twice when two passes run at once", async () => {
    const routes: Record<string, (req: unknown, res: import("node:http").ServerResponse) => void> = {};
    for (let i = 0; i < 12; i++) {
      routes[`/f${i}.xml`] = (_req, res) => {
        setTimeout(() => res.writeHead(200).end(rss(`F${i}`, storyItems(`f${i}`, 2))), 20);
      };
    }
    server = await startFeedServer(routes);
    for (let i = 0; i < 12; i++) await addFeed(t.db, { url: server.url(`/f${i}.xml`) });
    const [a, b] = await Promise.all([
      pass({ scope: "all", concurrency: 3 }),
      pass({ scope: "all", concurrency: 3 }),
    ]);
    expect(a.feeds + b.feeds).toBe(12);
    const paths = server.requests.map((r) => r.path).sort();
    expect(new Set(paths).size).toBe(12);
    expect(paths).toHaveLength(12);
    expect(await articleCount()).toBe(24);
  });

  it("keeps the address a refused name resolves to out of the feed's public error, and logs it", async () => {
    server = await startFeedServer({ "/feed.xml": (_req, res) => res.writeHead(200).end(rss("F", [])) });
    const feed = await addFeed(t.db, { url: server.url("/feed.xml").replace("127.0.0.1", "localhost") });
    const lines: string[] = [];
    // An expected feed failure is logged at info (jobs/ingest/feed-failure-log.ts).
    const logged = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    await runIngestPass({ db: t.db, allowPrivateUrls: false, log: logged }, { scope: "all" });

    const { lastError } = (await getFeed(t.db, feed.id))!;
    expect(lastError).toMatch(/^localhost resolves to an address inside the network, which is refused/);
    expect(lastError).not.toMatch(/127\.0\.0\.1|::1|loopback/);
    expect(lines.join("")).toContain("localhost resolves to a loopback address");
  });
});
