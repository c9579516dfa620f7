import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createClient } from "@libsql/client";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config";
import { addFeed } from "../../db/queries/feeds";
import { IngestWorkerClient } from "../../jobs/ingest/ingest-worker-client";
import { findJob, type JobsContext } from "../../jobs/registry";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { createApp } from "../../server/app";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";

const log = pino({ level: "silent" });
const ENTRIES = 2_000;

describe("the ingest worker thread", () => {
  let t: TestDatabase;
  let feeds: FeedServer;
  let worker: IngestWorkerClient;
  beforeEach(async () => {
    t = await createTestDatabase();
    await createDefaultTopics(t.db);
    const body = rss("Big", storyItems("big", ENTRIES));
    feeds = await startFeedServer({
      "/big.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(body),
    });
    await addFeed(t.db, { url: feeds.url("/big.xml") });
    worker = new IngestWorkerClient({
      database: { url: `file:${t.path}` },
      allowPrivateUrls: true,
      logLevel: "silent",
      db: t.db,
      log,
    });
  });
  afterEach(async () => {
    await worker.stop();
    await feeds.close();
    t.destroy();
  });

  const count = async (sql: string) => Number((await t.client.execute(sql)).rows[0]![0]);

  it("runs a pass as ingestJob does: articles, tags, rollups and full-text index stored, and its job run kept", async () => {
    const summary = await worker.pass({ scope: "all" });
    expect(summary).toMatchObject({ feeds: 1, stored: 1, failed: 0, articlesAdded: ENTRIES });
    expect(summary.insertedIds).toHaveLength(ENTRIES);
    expect(await count("select count(*) from articles")).toBe(ENTRIES);
    expect(await count("select count(*) from articles_fts")).toBe(ENTRIES);
    expect(await count("select sum(count) from coverage_daily where topic_id = 0")).toBe(ENTRIES);
    expect(await count("select count(*) from job_runs where job = 'ingest' and status = 'ok'")).toBe(1);
  });

  it("/api/health is answered while the scheduler's pass waits for the write lock, and the pass then stores the whole feed", async () => {
    const config = loadConfig({ DATABASE_URL: `file:${t.path}` });
    const app = createApp({ db: t.db, config, log, dryRun: () => Promise.reject(new Error("unused")) });
    const http = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => http.once("listening", resolve));
    const health = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/health`;
    // Another process (a CLI ingest, a backup) holds the write lock: a pass's writes wait for it, synchronously,
    // in whichever thread runs them. In the HTTP thread that wait (up to the 10 s busy timeout) would stall every
    // request, and the pass would fail with SQLITE_BUSY before the lock is let go below.
    const other = createClient({ url: `file:${t.path}` });
    const lock = await other.transaction("write");
    await lock.execute("insert into settings (key, value) values ('lock-holder', '1')");
    try {
      const ctx: JobsContext = { db: t.db, config, log, ingestWork: worker };
      const run = findJob("ingest")!.run(ctx);
      const answers: number[] = [];
      for (let i = 0; i < 5; i++) answers.push((await fetch(health)).status);
      expect(answers).toEqual([200, 200, 200, 200, 200]);
      await lock.commit();
      expect(await run).toMatchObject({ stored: 1, failed: 0, articlesAdded: ENTRIES });
    } finally {
      lock.close();
      other.close();
      await new Promise((resolve) => http.close(resolve));
    }
    expect(await count("select count(*) from articles")).toBe(ENTRIES);
  });

  it("a worker that died is replaced by the next pass, which adds nothing twice", async () => {
    expect(await worker.pass({ scope: "all" })).toMatchObject({ stored: 1, articlesAdded: ENTRIES });
    await worker.crash();
    expect(await worker.pass({ scope: "all" })).toMatchObject({ stored: 1, articlesAdded: 0 });
    expect(await count("select count(*) from articles")).toBe(ENTRIES);
  });
});
