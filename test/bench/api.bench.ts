import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pino from "pino";
import { loadConfig } from "../../core/config";
import { createApp } from "../../server/app";
import { MILLION_DB, openMillionDb } from "./million";
import { median, percentile, printRows, type Row } from "./report";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TOPICS = "r1-release,nvidia-valuation,ascend-chips,global-south-adoption,export-controls";
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * DAY_MS).toISOString().slice(0, 10);

/** Milliseconds per call of `run` over `inputs`, one call each. */
async function timeEach<T>(inputs: readonly T[], run: (input: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    times.push(performance.now() - started);
  }
  return times;
}

function latencyRows(bench: string, metric: string, times: number[], note: string): Row[] {
  return [
    { bench, metric: `${metric} p50`, value: median(times), unit: "ms", note },
    { bench, metric: `${metric} p95`, value: percentile(times, 95), unit: "ms", note },
  ];
}

export async function benchApi(): Promise<Row[]> {
  const database = await openMillionDb();
  const config = loadConfig({ DATABASE_URL: `file:${MILLION_DB}`, TIDEMARK_SCHEDULE: "off" });
  const app = createApp({ db: database.db, config, log: pino({ level: "silent" }) });
  const get = async (path: string) => {
    const res = await app.request(path);
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return res.text();
  };
  const rows: Row[] = [];

  // Half a year of daily coverage for the five default topics in Berlin, over 120 distinct windows.
  const windows = Array.from({ length: 120 }, (_, k) => ({ from: day(k), to: day(k + 181) }));
  await get(`/api/coverage?topics=${TOPICS}&from=${day(0)}&to=${day(181)}&tz=Europe/Berlin`); // warm up
  const coverage = await timeEach(windows, (w) =>
    get(`/api/coverage?topics=${TOPICS}&from=${w.from}&to=${w.to}&tz=Europe/Berlin&interval=day`),
  );
  rows.push(
    ...latencyRows(
      "api",
      "coverage, half-year daily, 5 topics, Berlin",
      coverage,
      "1M articles, 120 distinct windows, in-process app.request",
    ),
  );

  // The same question answered the plain way: join + GROUP BY over the articles (fixed +01:00 offset).
  const naive = await timeEach(windows.slice(0, 8), (w) =>
    database.client.execute({
      sql: `select t.topic_id, (a.published_at + 3600000) / 86400000 as d, count(*) from article_topics t
            join articles a on a.id = t.article_id
            where t.topic_id in (1, 2, 3, 4, 5) and a.published_at >= ? and a.published_at < ? group by 1, 2`,
      args: [Date.parse(`${w.from}T00:00:00+01:00`), Date.parse(`${w.to}T00:00:00+01:00`) + DAY_MS],
    }),
  );
  rows.push(...latencyRows("api", "plain join + GROUP BY, same windows", naive, "first 8 windows"));
  rows.push({
    bench: "api",
    metric: "coverage speed-up over join (p50)",
    value: median(naive) / median(coverage),
    unit: "x",
    note: "target >= 20",
  });

  const pages = await timeEach(
    Array.from({ length: 100 }, (_, k) => k),
    (k) => get(`/api/articles?topic=r1-release&from=${day(k)}&to=${day(k + 30)}&limit=50`),
  );
  rows.push(...latencyRows("api", "articles page, topic + dates, 50 items", pages, "100 distinct windows"));
  // The spread reads every article of the topic in the period (core/spread/topic-spread.ts): the busiest
  // topic's 90 days are its largest read.
  const spread = await timeEach(
    Array.from({ length: 20 }, (_, k) => k * 9),
    (k) => get(`/api/topics/r1-release/spread?from=${day(k)}&to=${day(k + 89)}&tz=Europe/Berlin`),
  );
  rows.push(
    ...latencyRows("api", "topic spread, 90 days, r1-release, Berlin", spread, "20 distinct windows"),
  );
  for (const [lang, q] of [
    ["English", "chipmaker"],
    ["Chinese", "英伟达"],
  ] as const) {
    const search = await timeEach(
      Array.from({ length: 30 }, (_, k) => k),
      (k) => get(`/api/articles?q=${encodeURIComponent(q)}&from=${day(k)}&to=${day(k + 60)}&limit=50`),
    );
    rows.push(...latencyRows("api", `full-text "${q}" (${lang}) + dates`, search, "30 distinct windows"));
  }
  database.close();
  rows.push(...(await underLoad()));
  return rows;
}

/** The real server as its own process: throughput under autocannon and its resident memory. */
async function underLoad(): Promise<Row[]> {
  const port = 3917;
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `file:${MILLION_DB}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      TIDEMARK_SCHEDULE: "off",
      LOG_LEVEL: "warn",
      TIDEMARK_RATE_LIMIT: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`);
    const rows: Row[] = [];
    const coverageUrl = `http://127.0.0.1:${port}/api/coverage?topics=${TOPICS}&from=2025-01-01&to=2025-06-30&tz=Europe/Berlin`;
    for (const [name, url] of [
      ["coverage (half-year, 5 topics)", coverageUrl],
      ["health", `http://127.0.0.1:${port}/api/health`],
    ] as const) {
      const result = await autocannon({ url, connections: 20, duration: 8 });
      rows.push({
        bench: "api",
        metric: `${name} under 20 connections`,
        value: result.requests.average,
        unit: "req/s",
        note: `p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx`,
      });
    }
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    rows.push({
      bench: "api",
      metric: "server resident memory after load (VmRSS)",
      value: kib("VmRSS") / 1024,
      unit: "MiB",
      note: `peak VmHWM ${(kib("VmHWM") / 1024).toFixed(0)} MiB; target <= 300`,
    });
    return rows;
  } finally {
    server.kill("SIGTERM");
  }
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not answer ${url} within 60 s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printRows(await benchApi());
}
