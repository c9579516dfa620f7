import pino from "pino";
import { openDatabase } from "../../db/client";
import { listFeeds } from "../../db/queries/feeds";
import { runIngestPass } from "../../jobs/ingest/ingest-pass";

/**
 * Child process of hostile.bench.ts: one ingest pass over whatever feeds the database holds, then its peak
 * resident memory on stdout. A separate process, so the figure is the pipeline's own and not the bench's.
 */
const url = process.argv[2];
if (!url) throw new Error("usage: hostile-child.ts DATABASE_URL");
const database = await openDatabase({ url });
const summary = await runIngestPass(
  { db: database.db, allowPrivateUrls: true, log: pino({ level: "silent" }) },
  { scope: "all", concurrency: Number(process.argv[3] ?? 6) },
);
const feeds = await listFeeds(database.db);
database.close();
const { insertedIds: _ids, ...counts } = summary;
const errors = Object.fromEntries(
  feeds.map((f) => [new URL(f.url).pathname, f.lastError ?? `ok, ${f.articleCount} articles`]),
);
console.log(JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, summary: counts, errors }));
