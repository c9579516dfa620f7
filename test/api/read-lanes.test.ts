import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config";
import { createTopic } from "../../db/queries/topics";
import { createApp } from "../../server/app";
import { ReadPool } from "../../server/reads/read-pool";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed, storeTagged } from "../helpers/factories";

const TERMS = "/api/topics/alpha/terms?from=2025-01-01&to=2025-03-31&limit=20";
const COVERAGE = "/api/coverage?topics=alpha,beta&from=2025-01-01&to=2025-03-31";

/**
 * The read pool's lanes (server/reads/read-pool.ts, core/lane-queue.ts) with real worker threads over a real
 * database file: slow reads (terms, spread, stories) never hold every worker, so a chart's coverage is answered
 * beside them, and a read whose client went away before it started never runs.
 */
describe("read lanes", () => {
  let t: TestDatabase;
  let pool: ReadPool;
  let app: ReturnType<typeof createApp>;
  let server: ReturnType<typeof serve>;
  let url: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    for (const slug of ["alpha", "beta"])
      await createTopic(t.db, { slug, name: slug, color: "#000000", query: slug });
    const feed = await makeFeed(t.db);
    const words = ["chips", "export", "model", "market", "release", "shares", "rules", "weights"];
    // Enough text that a terms read takes the worker many times longer than a coverage read from the rollups.
    const articles = Array.from({ length: 3000 }, (_, i) =>
      makeArticle({
        title: `${i % 2 ? "alpha" : "beta"} ${words[i % 8]} ${words[(i * 3) % 8]} report ${i}`,
        summary: `alpha ${Array.from({ length: 40 }, (_, k) => words[(i + k * 5) % 8]).join(" ")} ${i}`,
        publishedAt: Date.UTC(2025, 0, 1) + i * 2_400_000,
      }),
    );
    await storeTagged(t.db, feed.id, articles);
    const log = pino({ level: "silent" });
    pool = new ReadPool({ url: `file:${t.path}` }, log, 2);
    app = createApp({ db: t.db, config: loadConfig({ DATABASE_URL: `file:${t.path}` }), log, reads: pool });
    server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    (server as unknown as { closeAllConnections: () => void }).closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await pool.stop();
    t.destroy();
  });

  it("answers a coverage read beside a queue of slow reads, before the third of them", async () => {
    const settled: string[] = [];
    const asked = (path: string, name: string) =>
      Promise.resolve(app.request(path)).then(async (res) => {
        expect(res.status).toBe(200);
        await res.arrayBuffer();
        settled.push(name);
      });
    const slow = Array.from({ length: 6 }, (_, i) => asked(TERMS, `terms ${i + 1}`));
    // The coverage read is asked once the terms reads are in the pool, queued behind the first.
    await until(() => pool.waiting >= 4);
    await Promise.all([...slow, asked(COVERAGE, "coverage")]);
    // Without lanes the coverage read queued in a worker behind three of the terms reads.
    expect(settled.indexOf("coverage")).toBeLessThan(settled.indexOf("terms 3"));
  });

  it("drops a slow read whose client disconnects before it starts, and answers the others", async () => {
    const droppedBefore = pool.dropped;
    const running = Array.from({ length: 8 }, () => fetch(`${url}${TERMS}`));
    // One runs, on the one worker slow reads may take; the others wait (tens of ms each), the leaving one last.
    await until(() => pool.waiting >= 5);
    const leaving = new AbortController();
    const left = fetch(`${url}${TERMS}&lang=en`, { signal: leaving.signal }).catch((e: Error) => e.name);
    await new Promise((resolve) => setTimeout(resolve, 40));
    leaving.abort();
    expect(await left).toBe("AbortError");
    await until(() => pool.dropped === droppedBefore + 1);
    for (const res of await Promise.all(running)) expect(res.status).toBe(200);
    expect(pool.waiting).toBe(0);
    // The worker it would have taken answers the next read as usual.
    expect((await fetch(`${url}${COVERAGE}`)).status).toBe(200);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}
