import { readFileSync } from "node:fs";
import { openDatabase } from "../../db/client";
import type { NormalizedArticle } from "../../jobs/ingest/normalize";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";

/**
 * Child process of stories.bench.ts: the ingesting process alone. It receives feed reads over IPC from the
 * parent (which runs the synthetic generator) and stores each through the ingest's own store, so its memory is
 * what a server or `ingest` process spends on storing and clustering, not the generator's or the bench's.
 * After each read it answers its memory (RSS and how V8 splits it); on `done`, its peak RSS (VmHWM) and CPU.
 */
export type ToChild = { feedId: number; articles: NormalizedArticle[] } | { done: true };
export type FromChild =
  | { stored: number; cpuMicros: number; memory: NodeJS.MemoryUsage }
  | { peakRssBytes: number; cpuMicros: number; memory: NodeJS.MemoryUsage };

const url = process.argv[2];
if (!url || !process.send) throw new Error("usage: fork stories-ingest-child.ts DATABASE_URL");
const database = await openDatabase({ url });
const cpu = process.cpuUsage();
const send = (message: FromChild) => process.send!(message);

process.on("message", async (message: ToChild) => {
  if ("done" in message) {
    const used = process.cpuUsage(cpu);
    database.close();
    send({ peakRssBytes: peakRssBytes(), cpuMicros: used.user + used.system, memory: process.memoryUsage() });
    process.disconnect();
    return;
  }
  const now = message.articles.at(-1)!.publishedAt;
  const result = await storeFeedArticles(database.db, {
    feedId: message.feedId,
    articles: message.articles,
    state: { lastFetchedAt: now },
    now,
  });
  const used = process.cpuUsage(cpu);
  send({ stored: result.inserted, cpuMicros: used.user + used.system, memory: process.memoryUsage() });
});

/** This process's own peak (see hostile-child.ts: getrusage's maxRSS carries the parent's across exec). */
function peakRssBytes(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}
