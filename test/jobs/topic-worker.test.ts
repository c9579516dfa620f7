import { eq } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QueryError } from "../../core/tagging/query-parser";
import type { Db } from "../../db/client";
import { createTopic, getTopic, updateTopic } from "../../db/queries/topics";
import { articleTopics } from "../../db/schema";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { dryRunQuery } from "../../jobs/topics/dry-run";
import { retagTopics } from "../../jobs/topics/retag";
import { TopicWorkerClient } from "../../jobs/topics/topic-worker-client";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";

const HEADLINES = [
  "Nvidia shares plunge as DeepSeek rattles investors",
  "Huawei Ascend 910C enters mass production",
  "Mistral releases a new open model",
  "DeepSeek R1 tops the App Store in the US",
  "英伟达股价暴跌，深度求索震动市场",
  "Chipmakers slide after the DeepSeek release",
];

/** The same articles in every database: ids, texts and dates line up, so tags can be compared row by row. */
async function fill(db: Db, count: number) {
  const feed = await makeFeed(db, { url: "https://feeds.example.com/worker.xml" });
  const articles = Array.from({ length: count }, (_, i) =>
    makeArticle({
      url: `https://news.example.com/worker-${i}`,
      entryKey: `worker-${i}`,
      title: `${HEADLINES[i % HEADLINES.length]} (${i})`,
      summary: i % 3 === 0 ? "Analysts weigh Nvidia and export controls." : "",
      publishedAt: Date.UTC(2025, 0, 20) + i * 60_000,
    }),
  );
  await storeFeedArticles(db, { feedId: feed.id, articles, state: {}, now: Date.UTC(2025, 1, 1) });
}

const QUERY = "deepseek OR nvidia OR 英伟达 OR chip*";

async function tagsOf(db: Db, slug: string) {
  const topic = (await getTopic(db, slug))!;
  const rows = await db.select().from(articleTopics).where(eq(articleTopics.topicId, topic.id));
  return rows.map(({ articleId, publishedAt, terms }) => ({ articleId, publishedAt, terms }));
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("the topic worker thread", () => {
  const log = pino({ level: "silent" });
  let a: TestDatabase;
  let b: TestDatabase;
  let worker: TopicWorkerClient;
  beforeEach(async () => {
    a = await createTestDatabase();
    b = await createTestDatabase();
    worker = new TopicWorkerClient({ database: { url: `file:${b.path}` }, log });
  });
  afterEach(async () => {
    await worker.stop();
    a.destroy();
    b.destroy();
  });

  it("a retag through the worker writes the same tags as one in-process, and resumes where it stopped", async () => {
    for (const t of [a, b]) {
      await fill(t.db, 300);
      await createTopic(t.db, { slug: "story", name: "Story", color: "#000000", query: QUERY });
    }
    const inProcess = await retagTopics(a.db, { batchSize: 50 });
    expect(await worker.retag({ batchSize: 50, maxBatches: 2 })).toMatchObject({ topics: 1, articles: 100 });
    expect(await getTopic(b.db, "story")).toMatchObject({ retagDone: 100, taggedVersion: 0 });
    const rest = await worker.retag({ batchSize: 50 });
    expect(rest.articles + 100).toBe(inProcess.articles);
    expect(await getTopic(b.db, "story")).toMatchObject({ retagDone: 300, taggedVersion: 1 });
    const expected = await tagsOf(a.db, "story");
    expect(expected.length).toBeGreaterThan(100);
    expect(await tagsOf(b.db, "story")).toEqual(expected);
  });

  it("a dry run through the worker answers as in-process; a bad query rejects with the same QueryError", async () => {
    await fill(b.db, 120);
    expect(await worker.dryRun(QUERY, 5)).toEqual(await dryRunQuery(b.db, QUERY, 5));

    const inProcess = await dryRunQuery(b.db, "deepseek AND (r1", 5).catch((error: unknown) => error);
    const viaWorker = await worker.dryRun("deepseek AND (r1", 5).catch((error: unknown) => error);
    expect(inProcess).toBeInstanceOf(QueryError);
    expect(viaWorker).toBeInstanceOf(QueryError);
    for (const key of [
      "name",
      "message",
      "code",
      "position",
      "details",
      "param",
      "publicMessage",
      "status",
    ]) {
      expect((viaWorker as Record<string, unknown>)[key]).toEqual(
        (inProcess as Record<string, unknown>)[key],
      );
    }
  });

  it("a worker that crashes mid-retag rejects its call, leaves no lock or half batch, and the next call works", async () => {
    for (const t of [a, b]) {
      await fill(t.db, 600);
      await createTopic(t.db, { slug: "story", name: "Story", color: "#000000", query: QUERY });
    }
    await retagTopics(a.db);
    const call = worker.retag({ batchSize: 10 });
    const outcome = call.then(
      () => "finished",
      (error: Error) => error.message,
    );
    await until(async () => (await getTopic(b.db, "story"))!.retagDone > 0);
    await worker.crash();
    expect(await outcome).toBe("topic worker crashed on request");
    const stopped = (await getTopic(b.db, "story"))!;
    expect(stopped.retagDone).toBeLessThan(600);
    // Every committed batch advanced the cursor with its tags; nothing of the killed one is left.
    expect((await tagsOf(b.db, "story")).every((tag) => tag.articleId <= stopped.retagCursor)).toBe(true);
    // No write lock outlives the thread: this thread writes at once.
    const started = Date.now();
    await updateTopic(b.db, "story", { name: "Story, renamed", color: "#000000", query: QUERY }, Date.now());
    expect(Date.now() - started).toBeLessThan(5_000);

    expect(await worker.retag()).toMatchObject({ topics: 1 });
    expect(await tagsOf(b.db, "story")).toEqual(await tagsOf(a.db, "story"));
    expect(await worker.dryRun("huawei", 1)).toMatchObject({ scanned: 600, matched: 100 });
  });

  it("after stop, calls reject and no thread is left", async () => {
    await fill(b.db, 10);
    expect(await worker.dryRun("huawei")).toMatchObject({ matched: 2 });
    await worker.stop();
    await expect(worker.dryRun("huawei")).rejects.toThrow("topic worker is stopped");
  });
});
