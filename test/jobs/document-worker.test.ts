import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { addFeed, getFeed } from "../../db/queries/feeds";
import {
  DocumentWorker,
  earlyThreadState,
  startDocumentWorkerEarly,
  stopEarlyDocumentWorker,
} from "../../jobs/ingest/document-worker-client";
import { FeedError } from "../../jobs/ingest/feed-error";
import { runIngestPass } from "../../jobs/ingest/ingest-pass";
import { prepareDocument } from "../../jobs/ingest/prepare-document";
import type { PrepareInput } from "../../jobs/ingest/prepare-entries";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";

const log = pino({ level: "silent" });
const FIXTURES = fileURLToPath(new URL("../fixtures/feeds", import.meta.url));
const NOW = Date.UTC(2025, 1, 1);

const input = (body: Uint8Array, contentType: string | null = null): PrepareInput => ({
  body,
  contentType,
  baseUrl: "https://feeds.example.org/feed",
  feedLang: null,
  now: NOW,
  topics: undefined,
});

/** What reading gives, or the FeedError it throws, as comparable data. */
async function outcome(read: Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await read };
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return { kind: error.kind, message: error.message };
  }
}

/** ~8 MiB of RSS: 25,000 entries, under the fetcher's 10 MiB cap. */
const bigFeed = () => rss("Big", storyItems("big", 25_000));

describe("the document worker", () => {
  const workers: DocumentWorker[] = [];
  const start = (options: { timeoutMs?: number; maxHeapMb?: number } = {}) => {
    const worker = new DocumentWorker({ log, ...options });
    workers.push(worker);
    return worker;
  };
  let t: TestDatabase | undefined;
  let server: FeedServer | undefined;
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    await server?.close();
    t?.destroy();
    t = undefined;
  });

  it("reads every fixture feed to the same articles, or the same error, as this thread does", async () => {
    const worker = start();
    const files = readdirSync(FIXTURES).filter((f) => /\.(xml|json|html)$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    let read = 0;
    for (const file of files) {
      const body = new Uint8Array(readFileSync(join(FIXTURES, file)));
      const here = await outcome(prepareDocument(undefined, input(body)));
      const there = await outcome(worker.read(input(body)));
      expect(there, file).toEqual(here);
      if ((here as { ok?: { articles: unknown[] } }).ok?.articles.length) read++;
    }
    expect(read).toBeGreaterThan(15);
  });

  it("takes over a thread started early, one that has already said it is ready, and ends one nobody took", async () => {
    startDocumentWorkerEarly();
    expect(earlyThreadState()).not.toBe("none");
    // Its "ready" came before any DocumentWorker listened: the read below would wait forever had it been lost.
    await expect.poll(earlyThreadState, { timeout: 15_000 }).toBe("ready");
    const worker = start();
    const body = new TextEncoder().encode(rss("Early", storyItems("early", 3)));
    const read = await worker.read(input(body));
    expect(earlyThreadState()).toBe("none");
    expect(read).toEqual(await prepareDocument(undefined, input(body)));

    startDocumentWorkerEarly();
    await stopEarlyDocumentWorker();
    expect(earlyThreadState()).toBe("none");
  });

  it("compiles topics ahead of the documents, which then name them by signature only", async () => {
    t = await createTestDatabase();
    await createDefaultTopics(t.db);
    const tagger = new TopicTagger();
    await tagger.refresh(t.db);
    const topics = tagger.topicSet();
    const body = new TextEncoder().encode(rss("Ahead", storyItems("ahead", 3)));
    const here = await prepareDocument(tagger, { ...input(body), topics });
    expect(here.prepared.tags.flat().length).toBeGreaterThan(0);

    const worker = start();
    // The document goes out behind the compile, before its answer: the thread takes them in order.
    const compiled = worker.compile(topics);
    // Same signature, no topics: the thread tags with the ones it compiled, or refuses had it not.
    const read = await worker.read({ ...input(body), topics: { ...topics, topics: [], concepts: [] } });
    await compiled;
    expect(read.prepared).toEqual(here.prepared);

    await worker.stop();
    await expect(worker.compile(topics)).rejects.toThrow("the document worker is stopped");
  });

  it("fails a document that outlasts its deadline with a timeout error", async () => {
    const worker = start({ timeoutMs: 50 });
    const slow = worker.read(input(new TextEncoder().encode(bigFeed())));
    await expect(slow).rejects.toMatchObject({ kind: "timeout", message: expect.stringContaining("0.05 s") });
  });

  it("records a document that crashes the parser against its feed, and the pass goes on with the next feed", async () => {
    t = await createTestDatabase();
    const big = bigFeed();
    server = await startFeedServer({
      "/big.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(big),
      "/small.xml": (_req, res) =>
        res
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(rss("Small", storyItems("small", 4))),
    });
    const bigRow = await addFeed(t.db, { url: server.url("/big.xml") });
    const smallRow = await addFeed(t.db, { url: server.url("/small.xml") });
    // A heap far too small for 8 MiB of XML: the worker dies of it, as it would of any crash in the parser.
    const worker = start({ maxHeapMb: 24 });

    const summary = await runIngestPass(
      {
        db: t.db,
        allowPrivateUrls: true,
        log,
        documents: worker,
        fetchOptions: { timeoutMs: 10_000 },
      },
      { scope: "all", concurrency: 1 },
    );

    expect(summary).toMatchObject({ feeds: 2, stored: 1, failed: 1, articlesAdded: 4 });
    expect(summary.errors).toEqual({ parse: 1 });
    const failed = await getFeed(t.db, bigRow.id);
    expect(failed).toMatchObject({
      errorCount: 1,
      lastError: expect.stringMatching(/the parser (ran out of memory|crashed)/),
    });
    expect(await getFeed(t.db, smallRow.id)).toMatchObject({ errorCount: 0, lastError: null });
  });
});
