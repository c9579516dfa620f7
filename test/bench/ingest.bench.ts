import { fileURLToPath } from "node:url";
import pino from "pino";
import Parser from "rss-parser";
import { addFeed } from "../../db/queries/feeds";
import { storeDocument } from "../../jobs/ingest/ingest-feed";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestDatabase } from "../helpers/db";
import { type BenchFeed, benchFeeds } from "./bench-feeds";
import { median, printRows, type Row } from "./report";

const FEEDS = 100;
const ITEMS = 200;
const ROUNDS = 3;
const log = pino({ level: "silent" });

/**
 * The whole pipeline after the network: decode, parse, normalize, dedupe, tag with the five default topics,
 * store with tags, rollups, full-text index and the feed's state.
 */
async function pipeline(feeds: readonly BenchFeed[]): Promise<number> {
  const t = await createTestDatabase();
  await createDefaultTopics(t.db);
  const ctx = { db: t.db, allowPrivateUrls: false, log, tagger: new TopicTagger() };
  const started = performance.now();
  for (const [i, feed] of feeds.entries()) {
    const row = await addFeed(t.db, { url: `https://bench.example/${i}.xml`, lang: null });
    await storeDocument(ctx, row, {
      body: feed.body,
      contentType: null,
      baseUrl: `https://bench.example/${i}`,
    });
  }
  const ms = performance.now() - started;
  t.destroy();
  return ms;
}

/**
 * The floor: bare rss-parser (JSON.parse for JSON Feed) and one libSQL batch per feed into the same schema.
 * `rowsPerStatement` 1 is a batch of one INSERT per entry; 400 packs them into multi-row INSERTs, the fastest
 * plain write.
 */
async function floor(feeds: readonly BenchFeed[], rowsPerStatement: number): Promise<number> {
  const t = await createTestDatabase();
  const parser = new Parser();
  const started = performance.now();
  for (const [i, feed] of feeds.entries()) {
    const text = new TextDecoder().decode(feed.body);
    const items: Array<{ title?: string; link?: string; guid?: string; content?: string; isoDate?: string }> =
      feed.format === "json"
        ? JSON.parse(text).items.map((it: Record<string, string>) => ({
            title: it.title,
            link: it.url,
            guid: it.id,
            content: it.summary,
          }))
        : (await parser.parseString(text)).items;
    const { lastInsertRowid } = await t.client.execute({
      sql: "insert into feeds (url) values (?)",
      args: [`https://floor.example/${i}`],
    });
    const statements = [];
    for (let r = 0; r < items.length; r += rowsPerStatement) {
      const chunk = items.slice(r, r + rowsPerStatement);
      statements.push({
        sql: `insert into articles (feed_id, entry_key, guid, url, title, summary, published_at, date_source, first_seen_at, updated_at, content_hash)
              values ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, 'feed', 0, 0, '')").join(", ")}`,
        args: chunk.flatMap((it, n) => [
          Number(lastInsertRowid),
          it.guid ?? `${i}-${r + n}`,
          it.guid ?? null,
          it.link ?? null,
          it.title ?? "",
          it.content ?? "",
          Date.parse(it.isoDate ?? "") || 0,
        ]),
      });
    }
    await t.client.batch(statements, "write");
  }
  const ms = performance.now() - started;
  t.destroy();
  return ms;
}

export async function benchIngest(): Promise<Row[]> {
  const feeds = benchFeeds(FEEDS, ITEMS);
  const items = FEEDS * ITEMS;
  const pipelineMs: number[] = [];
  const batchMs: number[] = [];
  const multiRowMs: number[] = [];
  await pipeline(feeds.slice(0, 10)); // warm the JIT on every path before timing
  await floor(feeds.slice(0, 10), 1);
  await floor(feeds.slice(0, 10), 400);
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, so drift in machine load hits all alike.
    batchMs.push(await floor(feeds, 1));
    multiRowMs.push(await floor(feeds, 400));
    pipelineMs.push(await pipeline(feeds));
  }
  const p = median(pipelineMs);
  const b = median(batchMs);
  const m = median(multiRowMs);
  const formats = [...new Set(feeds.map((feed) => feed.format))].join("/");
  const note = `${FEEDS} local feeds x ${ITEMS} items (${formats}), median of ${ROUNDS}`;
  return [
    {
      bench: "ingest",
      metric: "pipeline: decode+parse+normalize+tag+store",
      value: items / (p / 1000),
      unit: "items/s",
      note,
    },
    {
      bench: "ingest",
      metric: "floor: rss-parser + 1 batch/feed, 1 INSERT per entry",
      value: items / (b / 1000),
      unit: "items/s",
      note,
    },
    {
      bench: "ingest",
      metric: "floor: rss-parser + 1 batch/feed, multi-row INSERTs",
      value: items / (m / 1000),
      unit: "items/s",
      note,
    },
    {
      bench: "ingest",
      metric: "pipeline time / batch floor time",
      value: p / b,
      unit: "x",
      note: "target <= 1.5",
    },
    {
      bench: "ingest",
      metric: "pipeline time / multi-row floor time",
      value: p / m,
      unit: "x",
      note: "the stricter floor",
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printRows(await benchIngest());
}
