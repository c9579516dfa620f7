import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/client";
import { addFeed } from "../../db/queries/feeds";
import { startFeedServer } from "../helpers/feed-server";
import { benchFeeds } from "./bench-feeds";
import { median, percentile, printRows, type Row } from "./report";

/**
 * Does the server keep answering while its scheduler ingests a 10 MiB feed? The real server as its own process
 * (its scheduler ticking every 2 s, reading in its document worker), a feed of just under the fetcher's 10 MiB cap
 * served on 127.0.0.1, and GET /api/health polled every 10 ms: the polls answered while the ingest run was
 * going (from job_runs) against those before it. A small feed is stored first, so the topics are compiled, as
 * in a server that has run a pass since its start or the last topic edit.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PORT = 3919;
const CAP = 10 * 1024 * 1024;

export async function benchIngestHealth(): Promise<Row[]> {
  const body = tenMebibyteFeed();
  const small = benchFeeds(1, 20)[0]!.body;
  const feeds = await startFeedServer({
    "/big.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(body),
    "/small.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(small),
  });
  const dir = mkdtempSync(join(tmpdir(), "tidemark-bench-ingest-health-"));
  const url = `file:${join(dir, "tidemark.db")}`;
  let server: ChildProcess | undefined;
  const database = await openDatabase({ url });
  try {
    server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(PORT),
        HOST: "127.0.0.1",
        TIDEMARK_SCHEDULE: "*/2 * * * * *",
        TIDEMARK_ALLOW_PRIVATE_URLS: "1",
        TIDEMARK_SAMPLE_DATA: "0",
        TIDEMARK_DEFAULT_FEEDS: "0",
        TIDEMARK_RATE_LIMIT: "off",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const health = `http://127.0.0.1:${PORT}/api/health`;
    await waitFor(async () => ((await fetch(health).catch(() => undefined))?.ok ? true : undefined), 60_000);
    const polls: Array<{ at: number; ms: number }> = [];
    let polling = true;
    const loop = (async () => {
      while (polling) {
        const started = performance.now();
        const res = await fetch(health);
        await res.arrayBuffer();
        polls.push({ at: Date.now(), ms: performance.now() - started });
        await sleep(10);
      }
    })();
    const storedSince = (since: number) =>
      waitFor(async () => {
        const rs = await database.client.execute({
          sql: `select started_at, finished_at, summary from job_runs where job = 'ingest' and finished_at is not null
                and started_at >= ? and json_extract(summary, '$.stored') >= 1`,
          args: [since],
        });
        return rs.rows[0];
      }, 120_000);
    // A small feed first, as a running server has had: its first store compiles the topics (once per edit).
    const warm = Date.now();
    await addFeed(database.db, { url: feeds.url("/small.xml") });
    await storedSince(warm);
    await sleep(2_000); // idle polls
    const added = Date.now();
    await addFeed(database.db, { url: feeds.url("/big.xml") });
    const run = await storedSince(added);
    polling = false;
    await loop;
    const start = Number(run.started_at);
    const end = Number(run.finished_at);
    const idle = polls.filter((p) => p.at > added - 2_000 && p.at < added).map((p) => p.ms);
    const during = polls.filter((p) => p.at >= start && p.at <= end + 50).map((p) => p.ms);
    const note = `${(body.length / 2 ** 20).toFixed(1)} MiB feed, ingest run ${end - start} ms, polled every 10 ms`;
    const rows: Row[] = [];
    for (const [phase, times] of [
      ["idle", idle],
      ["while ingesting 10 MiB", during],
    ] as const) {
      rows.push({ bench: "ingest", metric: `health p50, ${phase}`, value: median(times), unit: "ms", note });
      rows.push({
        bench: "ingest",
        metric: `health p99, ${phase}`,
        value: percentile(times, 99),
        unit: "ms",
        note: "target <= 50",
      });
      rows.push({
        bench: "ingest",
        metric: `health max, ${phase}`,
        value: Math.max(...times),
        unit: "ms",
        note: `${times.length} polls`,
      });
    }
    return rows;
  } finally {
    server?.kill("SIGTERM");
    await sleep(3000);
    database.close();
    await feeds.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench corpus's RSS, filled with entries to just under the fetcher's 10 MiB cap. */
function tenMebibyteFeed(): Uint8Array {
  const probe = benchFeeds(1, 1_000)[0]!;
  const entries = Math.floor(((CAP * 0.97) / probe.body.length) * 1_000);
  const body = benchFeeds(1, entries)[0]!.body;
  if (body.length > CAP) throw new Error(`bench feed is ${body.length} bytes, over the cap`);
  return body;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error("timed out");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printRows(await benchIngestHealth());
}
