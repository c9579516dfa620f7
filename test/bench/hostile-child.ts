import { readFileSync } from "node:fs";
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
console.log(JSON.stringify({ maxRssBytes: peakRssBytes(), summary: counts, errors }));

/**
 * This process's own peak: Linux's VmHWM belongs to the address space exec made. getrusage's maxRSS does not:
 * it carries the parent's peak across exec, so after `npm run bench` had run the ingest bench it said 1.1 GiB.
 */
function peakRssBytes(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // not Linux: fall back to getrusage, right when the parent is small
  }
  return process.resourceUsage().maxRSS * 1024;
}
