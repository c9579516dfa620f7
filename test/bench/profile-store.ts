import { fileURLToPath } from "node:url";
import type { InStatement, Transaction } from "@libsql/client";
import pino from "pino";
import { addFeed } from "../../db/queries/feeds";
import { runIngestPass } from "../../jobs/ingest/ingest-pass";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { createTestDatabase } from "../helpers/db";
import { startFeedServer } from "../helpers/feed-server";
import { benchFeeds } from "./bench-feeds";

/**
 * Where an ingest pass's time goes, statement by statement: `tsx test/bench/profile-store.ts [feeds] [entries]`
 * runs one CLI-path pass (as ingest.bench.ts does) and prints the time spent in each kind of statement of the
 * store's transaction, named by the table it writes or reads. Run it under `node --cpu-prof --import tsx` for
 * the JavaScript side (parse, tag, fingerprint); the statements' time is SQLite's plus the client's binding.
 */
const log = pino({ level: "silent" });

/** A statement's kind: its verb and the first table it names. */
function kindOf(sql: string): string {
  const s = sql.replace(/\s+/g, " ").trim().toLowerCase();
  const insert = /^(?:with .*?\) )?insert into "?(\w+)"?/.exec(s);
  if (insert) return `insert ${insert[1]}`;
  const update = /^update "?(\w+)"?/.exec(s);
  if (update) return `update ${update[1]}`;
  const del = /^delete from "?(\w+)"?/.exec(s);
  if (del) return `delete ${del[1]}`;
  if (s.includes("from story_bands")) return "select story_bands (candidates)";
  const from = /from "?(\w+)"?/.exec(s);
  return `select ${from?.[1] ?? s.slice(0, 30)}`;
}

export async function profileStore(feedCount: number, entries: number): Promise<void> {
  const feeds = benchFeeds(feedCount, entries);
  const server = await startFeedServer(
    Object.fromEntries(
      feeds.map((feed, i) => [
        `/${i}`,
        (_req: unknown, res: import("node:http").ServerResponse) => res.writeHead(200).end(feed.body),
      ]),
    ),
  );
  // A first pass over a few feeds warms the JIT, as the ingest bench does before it times.
  const warm = await createTestDatabase();
  await createDefaultTopics(warm.db);
  for (const [i] of feeds.slice(0, 3).entries())
    await addFeed(warm.db, { url: server.url(`/${i}`), lang: null });
  await runIngestPass({ db: warm.db, allowPrivateUrls: true, log }, { scope: "all" });
  warm.destroy();
  const t = await createTestDatabase();
  await createDefaultTopics(t.db);
  for (const [i] of feeds.entries()) await addFeed(t.db, { url: server.url(`/${i}`), lang: null });
  const spent = new Map<string, { ms: number; cpuMs: number; n: number }>();
  let inTx = 0;
  const record = (kind: string, ms: number, cpu: NodeJS.CpuUsage) => {
    const cell = spent.get(kind) ?? { ms: 0, cpuMs: 0, n: 0 };
    cell.ms += ms;
    cell.cpuMs += (cpu.user + cpu.system) / 1000;
    cell.n++;
    spent.set(kind, cell);
  };
  const open = t.client.transaction.bind(t.client);
  t.client.transaction = (async (mode?: "write" | "read" | "deferred") => {
    const tx: Transaction = await open(mode);
    const execute = tx.execute.bind(tx);
    tx.execute = async (stmt: InStatement) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const result = await execute(stmt);
      record(
        kindOf(typeof stmt === "string" ? stmt : stmt.sql),
        performance.now() - started,
        process.cpuUsage(cpu),
      );
      return result;
    };
    const commit = tx.commit.bind(tx);
    tx.commit = async () => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      await commit();
      record("commit", performance.now() - started, process.cpuUsage(cpu));
      inTx++;
    };
    return tx;
  }) as typeof t.client.transaction;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await runIngestPass({ db: t.db, allowPrivateUrls: true, log }, { scope: "all" });
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  await server.close();
  t.destroy();
  const total = [...spent.values()].reduce((sum, cell) => sum + cell.cpuMs, 0);
  console.log(
    `${feedCount} feeds x ${entries} entries: ${summary.stored} feeds stored, wall ${wall.toFixed(0)} ms, cpu ${((used.user + used.system) / 1000).toFixed(0)} ms; ${inTx} transactions, ${total.toFixed(0)} ms cpu in their statements`,
  );
  console.log("    cpu ms   wall ms  statements");
  for (const [kind, cell] of [...spent].sort((a, b) => b[1].cpuMs - a[1].cpuMs)) {
    console.log(
      `${cell.cpuMs.toFixed(0).padStart(10)}${cell.ms.toFixed(0).padStart(10)}${String(cell.n).padStart(7)}x  ${kind}`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await profileStore(Number(process.argv[2] ?? 10), Number(process.argv[3] ?? 2_000));
}
