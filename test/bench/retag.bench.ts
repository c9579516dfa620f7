import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Database, openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { setSettingOnce } from "../../db/queries/settings";
import { composeSampleArticles } from "../../jobs/sample/compose";
import { sampleOutlets } from "../../jobs/sample/outlets";
import { median, percentile, printRows, type Row } from "./report";

/**
 * Does the server keep answering while it retags? A database of 100,000 articles, the real server as its own
 * process, a new topic that matches a good share of them (retagged by the server's retag job) and a few dry
 * runs over the API, while GET /api/health is polled every 10 ms: its latency is what a load balancer sees.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ARTICLES = 100_000;
const FEEDS = 40;
const PORT = 3918;
const TOKEN = "bench-admin-token-0123456789abcdef";
const QUERY = "deepseek OR nvidia OR huawei OR chip* OR 英伟达 OR 华为 OR 深度求索";
const DRY_RUNS = ["deepseek AND (r1 OR model*)", "nvidia NEAR/5 (shares OR stock*)", "huawei OR ascend"];

export async function benchRetag(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-bench-retag-"));
  const url = `file:${join(dir, "tidemark.db")}`;
  const database = await openDatabase({ url });
  const server = { process: undefined as ChildProcess | undefined };
  try {
    await migrateDatabase(database);
    await fill(database);
    server.process = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(PORT),
        HOST: "127.0.0.1",
        TIDEMARK_SCHEDULE: "off",
        TIDEMARK_ADMIN_TOKEN: TOKEN,
        TIDEMARK_RATE_LIMIT: "off",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const base = `http://127.0.0.1:${PORT}`;
    await waitForHealth(`${base}/api/health`);
    return await measure(base, database);
  } finally {
    server.process?.kill("SIGTERM");
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(base: string, database: Database): Promise<Row[]> {
  const poller = pollHealth(`${base}/api/health`);
  await sleep(1_000); // warm-up
  poller.take();
  await sleep(2_000);
  const idle = poller.take();

  const admin = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
  const created = await fetch(`${base}/api/topics`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ slug: "bench-retag", name: "Bench retag", query: QUERY }),
  });
  if (created.status !== 201) throw new Error(`POST /api/topics: ${created.status} ${await created.text()}`);
  // The retag job runs every 5 s: wait for it to start, then time it from its job_runs row.
  const runId = await waitFor(async () => {
    const rs = await database.client.execute("select id from job_runs where job = 'retag' order by id desc");
    return rs.rows[0]?.id as number | undefined;
  });
  poller.take();
  const dryRuns: number[] = [];
  let dryRunError = "";
  for (const query of DRY_RUNS) {
    const started = performance.now();
    const res = await fetch(`${base}/api/topics/test`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ query }),
    });
    if (res.status === 200) dryRuns.push(performance.now() - started);
    else dryRunError = `${res.status}`;
    await res.arrayBuffer();
  }
  const run = await waitFor(async () => {
    const rs = await database.client.execute({
      sql: "select started_at, finished_at, status, summary from job_runs where id = ? and finished_at is not null",
      args: [runId],
    });
    return rs.rows[0];
  });
  const during = poller.take();
  await poller.stop();
  const retagMs = Number(run.finished_at) - Number(run.started_at);
  const summary = JSON.parse(String(run.summary ?? "{}")) as { articles?: number; tagged?: number };

  const rows: Row[] = [];
  const note = `${ARTICLES.toLocaleString("en-US")} articles, polled every 10 ms`;
  for (const [phase, times] of [
    ["idle", idle],
    ["during retag + dry runs", during],
  ] as const) {
    for (const [metric, value] of [
      ["p50", median(times)],
      ["p99", percentile(times, 99)],
      ["max", Math.max(...times)],
    ] as const) {
      rows.push({ bench: "retag", metric: `health ${metric}, ${phase}`, value, unit: "ms", note });
    }
    const slow = times.filter((t) => t > 50).length;
    rows.push({
      bench: "retag",
      metric: `health over 50 ms, ${phase}`,
      value: (100 * slow) / times.length,
      unit: "%",
      note: `${slow} of ${times.length} polls; on a shared machine the idle row is the noise floor`,
    });
  }
  rows.push({
    bench: "retag",
    metric: "retag of one topic (job_runs)",
    value: retagMs,
    unit: "ms",
    note: `${run.status}: ${summary.articles} articles read, ${summary.tagged} tagged; ${during.length} health polls`,
  });
  rows.push({
    bench: "retag",
    metric: "dry run over the API (median)",
    value: dryRuns.length > 0 ? median(dryRuns) : Number.NaN,
    unit: "ms",
    note: dryRunError
      ? `HTTP ${dryRunError}`
      : `${dryRuns.length} dry runs during the retag: ${dryRuns.map((t) => t.toFixed(0)).join(", ")} ms`,
  });
  return rows;
}

/** Polls the URL back to back with 10 ms pauses, keeping each answer's latency; `take` hands over and resets. */
function pollHealth(url: string) {
  let times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
      times.push(performance.now() - started);
      await sleep(10);
    }
  })();
  return {
    take() {
      const taken = times;
      times = [];
      return taken;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** 100,000 articles from the sample corpus's texts, numbered so each is distinct, written with bulk SQL. */
async function fill({ client, db }: Database) {
  await setSettingOnce(db, "seeded_at", new Date().toISOString());
  for (let f = 0; f < FEEDS; f++) {
    const outlet = sampleOutlets[f % sampleOutlets.length]!;
    await client.execute({
      sql: "insert into feeds (url, name, lang, country) values (?, ?, ?, ?)",
      args: [`https://bench.example/feed/${f}`, `${outlet.name} ${f}`, outlet.lang, outlet.country],
    });
  }
  const bases = composeSampleArticles();
  const start = Date.UTC(2025, 0, 1);
  for (let from = 0; from < ARTICLES; from += 4_000) {
    const statements = [];
    for (let chunk = from; chunk < Math.min(ARTICLES, from + 4_000); chunk += 400) {
      const rows: Array<string | number> = [];
      for (let i = chunk; i < chunk + 400; i++) {
        const base = bases[i % bases.length]!;
        const t = start + (i % 365) * 86_400_000 + i;
        rows.push(i + 1, 1 + (i % FEEDS), `u${i}`, `https://bench.example/a/${i}`, `${base.title} · ${i}`);
        rows.push(base.summary, base.outlet.lang, t, t);
      }
      statements.push({
        sql: `insert into articles (id, feed_id, entry_key, url, title, summary, lang, published_at, first_seen_at,
              updated_at, date_source, content_hash) values ${Array(400).fill("(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'feed', '')").join(", ")}`,
        args: rows,
      });
    }
    await client.batch(statements, "write");
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 300_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error("timed out");
}

async function waitForHealth(url: string): Promise<void> {
  await waitFor(async () => {
    try {
      return (await fetch(url)).ok ? true : undefined;
    } catch {
      return undefined; // not listening yet
    }
  }, 60_000);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printRows(await benchRetag());
}
