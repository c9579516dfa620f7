import { createHash } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config";
import { createTopic } from "../../db/queries/topics";
import { createApp } from "../../server/app";
import { ReadPool } from "../../server/reads/read-pool";
import type { Reads } from "../../server/reads/reads";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed, storeTagged } from "../helpers/factories";

/**
 * The server's read workers (server/reads/read-pool.ts): real worker threads with their own connections to the
 * database file answer /api/coverage, /api/articles, /api/topics/:slug/spread and /terms exactly as the in-process reads do, errors included.
 */
describe("read workers", () => {
  let t: TestDatabase;
  let pool: ReadPool;
  let viaWorkers: ReturnType<typeof createApp>;
  let inProcess: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await createTestDatabase();
    for (const slug of ["alpha", "beta"])
      await createTopic(t.db, { slug, name: slug, color: "#000000", query: slug });
    const feed = await makeFeed(t.db, { country: "DE" });
    const articles = Array.from({ length: 60 }, (_, i) =>
      makeArticle({
        title: `${i % 2 ? "alpha" : "beta"}${i % 3 ? " alpha" : ""} report ${i}`,
        publishedAt: Date.UTC(2025, 0, 10) + i * 3_600_000 * 7,
      }),
    );
    await storeTagged(t.db, feed.id, articles);
    const config = loadConfig({ DATABASE_URL: `file:${t.path}` });
    const log = pino({ level: "silent" });
    pool = new ReadPool({ url: `file:${t.path}` }, log, 2);
    viaWorkers = createApp({ db: t.db, config, log, reads: pool });
    inProcess = createApp({ db: t.db, config, log });
  });
  afterAll(async () => {
    await pool.stop();
    t.destroy();
  });

  it.each([
    "/api/coverage?topics=alpha,beta&from=2025-01-10&to=2025-01-31&tz=Europe/Berlin",
    "/api/coverage?topics=alpha,beta&from=2025-01-10&to=2025-01-31&by=feed&share=group&compare=previous",
    "/api/coverage?from=2025-01-01&to=2025-02-28&interval=week&format=csv",
    "/api/articles?topic=alpha&limit=5&total=1",
    "/api/articles?q=report%20alpha&limit=50",
    "/api/topics/alpha/spread?from=2025-01-10&to=2025-01-31&tz=Asia/Shanghai&outlets=1",
    "/api/topics/alpha/terms?from=2025-01-10&to=2025-01-31&limit=5",
    "/api/topics/alpha/terms?from=2025-01-10&to=2025-01-31&limit=5&country=DE&lang=en",
    "/api/stories?topics=alpha,beta&from=2025-01-10&to=2025-01-31&sort=size&country=DE&limit=5",
  ])("GET %s answers the same from a worker thread as in-process", async (path) => {
    const [worker, local] = await Promise.all([viaWorkers.request(path), inProcess.request(path)]);
    expect(worker.status).toBe(200);
    expect(worker.headers.get("content-type")).toBe(local.headers.get("content-type"));
    expect(await worker.text()).toBe(await local.text());
  });

  it("a coverage answer from a worker carries the ETag of its bytes, and a client holding it gets a 304", async () => {
    const path = "/api/coverage?topics=alpha,beta&from=2025-01-10&to=2025-01-31&by=feed";
    const res = await viaWorkers.request(path);
    const body = await res.text();
    const etag = res.headers.get("etag");
    expect(etag).toBe(`"${createHash("sha1").update(body).digest("hex")}"`);
    expect((await inProcess.request(path)).headers.get("etag")).toBe(etag);
    const again = await viaWorkers.request(path, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("public, max-age=15");
  });

  it("a refused read keeps its status and message across the thread boundary", async () => {
    const res = await viaWorkers.request("/api/coverage?topics=alpha&lang=xx-nope");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/^lang: /);
    const unknownTopic = await viaWorkers.request("/api/articles?topic=nope");
    expect(unknownTopic.status).toBe(400);
    expect((await unknownTopic.json()).error.message).toBe("topic: no topic 'nope'");
    const noSpread = await viaWorkers.request("/api/topics/nope/spread");
    expect(noSpread.status).toBe(404);
    expect((await noSpread.json()).error.message).toBe("no topic 'nope'");
    const noStories = await viaWorkers.request("/api/stories?topics=alpha,nope");
    expect(noStories.status).toBe(400);
    expect((await noStories.json()).error.message).toBe("topics: no topic 'nope'");
    const noTerms = await viaWorkers.request("/api/topics/nope/terms");
    expect(noTerms.status).toBe(404);
    expect((await noTerms.json()).error.message).toBe("no topic 'nope'");
  });

  it("answers a topic's distinctive terms and a selection's stories in a read worker, not on the HTTP thread", async () => {
    const asked: string[] = [];
    const reads: Reads = {
      coverage: (q) => pool.coverage(q),
      articles: (q) => pool.articles(q),
      spread: (q) => pool.spread(q),
      terms: (q) => {
        asked.push(`terms ${q.slug}`);
        return pool.terms(q);
      },
      stories: (q) => {
        asked.push(`stories ${q.topics}`);
        return pool.stories(q);
      },
      stop: async () => {},
    };
    const log = pino({ level: "silent" });
    const app = createApp({ db: t.db, config: loadConfig({ DATABASE_URL: `file:${t.path}` }), log, reads });
    const res = await app.request("/api/topics/alpha/terms?from=2025-01-10&to=2025-01-31&limit=5");
    expect(res.status).toBe(200);
    expect((await res.json()).items.length).toBeGreaterThan(0);
    const stories = await app.request("/api/stories?topics=alpha,beta&from=2025-01-10&sort=size");
    expect(stories.status).toBe(200);
    expect(asked).toEqual(["terms alpha", "stories alpha,beta"]);
  });
});
