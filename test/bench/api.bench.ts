import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import pino from "pino";
import { loadConfig } from "../../core/config";
import { createApp } from "../../server/app";
import type { FromLoadChild } from "./coverage-load-child";
import { MILLION_DB, openMillionDb } from "./million";
import { median, percentile, printRows, type Row } from "./report";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TOPICS = "r1-release,nvidia-valuation,ascend-chips,global-south-adoption,export-controls";
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * DAY_MS).toISOString().slice(0, 10);

/**
 * Milliseconds per call of `run` over `inputs`, one call each: wall time, and the CPU time this process spent in
 * the call (the in-process reads are synchronous SQLite on this thread, so it is the call's own work and, on a
 * machine shared with other jobs, a steadier figure than the wall time).
 */
async function timeEach<T>(inputs: readonly T[], run: (input: T) => Promise<unknown>): Promise<Timed> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    const used = process.cpuUsage();
    await run(input);
    const spent = process.cpuUsage(used);
    cpu.push((spent.user + spent.system) / 1000);
    wall.push(performance.now() - started);
  }
  return Object.assign(wall, { cpu });
}

type Timed = number[] & { cpu: number[] };

/** A p95 row with its target, judged on the wall time, with the CPU time beside it. */
function targetRow(metric: string, times: Timed, target: number, more: string): Row {
  const p95 = percentile(times, 95);
  const cpu = `CPU p50 ${median(times.cpu).toFixed(1)} / p95 ${percentile(times.cpu, 95).toFixed(1)} ms`;
  return {
    bench: "api",
    metric: `${metric} p95`,
    value: p95,
    unit: "ms",
    note: verdict(p95, "<=", target, `${cpu}; ${more}`),
  };
}

function latencyRows(bench: string, metric: string, times: number[], note: string): Row[] {
  return [
    { bench, metric: `${metric} p50`, value: median(times), unit: "ms", note },
    { bench, metric: `${metric} p95`, value: percentile(times, 95), unit: "ms", note },
  ];
}

/** A figure against its target, as the note of its row: "target <= 20: pass". */
function verdict(value: number, op: "<=" | ">=", target: number, more = ""): string {
  const pass = op === "<=" ? value <= target : value >= target;
  return `target ${op} ${target}: ${pass ? "pass" : "FAIL"}${more ? `; ${more}` : ""}`;
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
  const note = "1M articles, 120 distinct windows, in-process app.request";
  rows.push({
    bench: "api",
    metric: "coverage, half-year daily, 5 topics, Berlin p50",
    value: median(coverage),
    unit: "ms",
    note,
  });
  rows.push(targetRow("coverage, half-year daily, 5 topics, Berlin", coverage, 20, note));

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
  const speedUp = median(naive) / median(coverage);
  rows.push({
    bench: "api",
    metric: "coverage speed-up over join (p50)",
    value: speedUp,
    unit: "x",
    note: verdict(
      speedUp,
      ">=",
      20,
      `CPU p50 ratio ${(median(naive.cpu) / median(coverage.cpu)).toFixed(0)}x`,
    ),
  });

  // A year broken down by outlet for the five topics (each article once, however many of them it carries).
  for (const interval of ["month", "week", "day"] as const) {
    const years = Array.from({ length: interval === "day" ? 10 : 30 }, (_, k) => ({
      from: day(k),
      to: day(k + 364),
    }));
    const breakdown = await timeEach(years, (w) =>
      get(
        `/api/coverage?topics=${TOPICS}&from=${w.from}&to=${w.to}&tz=Europe/Berlin&interval=${interval}&by=feed`,
      ),
    );
    const metric = `breakdown by outlet, a year by ${interval}, 5 topics, Berlin`;
    if (interval === "month") rows.push(targetRow(metric, breakdown, 50, `${years.length} windows`));
    else
      rows.push({
        bench: "api",
        metric: `${metric} p95`,
        value: percentile(breakdown, 95),
        unit: "ms",
        note: `CPU p95 ${percentile(breakdown.cpu, 95).toFixed(1)} ms; ${years.length} windows; no target`,
      });
  }

  // unit=stories counts distinct stories per bucket from the articles and tags themselves (no rollup can sum
  // distinct counts): the dashboard's half-year daily view of the five topics, on a few windows.
  const storyWindows = windows.slice(0, 3);
  const stories = await timeEach(storyWindows, (w) =>
    get(
      `/api/coverage?topics=${TOPICS}&from=${w.from}&to=${w.to}&tz=Europe/Berlin&interval=day&unit=stories`,
    ),
  );
  rows.push({
    bench: "api",
    metric: "coverage unit=stories, half-year daily, 5 topics, Berlin p50",
    value: median(stories),
    unit: "ms",
    note: `CPU p50 ${median(stories.cpu).toFixed(0)} ms; ${storyWindows.length} windows; no target`,
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
  for (const [lang, q, target] of [
    ["English", "chipmaker", undefined],
    ["English, two words", "export controls", 50],
    ["English, two words", "nvidia shares", 50],
    ["Chinese", "英伟达", undefined],
  ] as const) {
    const search = await timeEach(
      Array.from({ length: 30 }, (_, k) => k),
      (k) => get(`/api/articles?q=${encodeURIComponent(q)}&from=${day(k)}&to=${day(k + 60)}&limit=50`),
    );
    const metric = `full-text "${q}" (${lang}) + dates`;
    rows.push({ bench: "api", metric: `${metric} p50`, value: median(search), unit: "ms" });
    if (target !== undefined) rows.push(targetRow(metric, search, target, "30 distinct windows"));
    else rows.push(...latencyRows("api", metric, search, "30 distinct windows").slice(1));
  }
  database.close();
  // The two ways to take reads off the HTTP event loop, measured in the same run: the server as it ships (read
  // worker threads), and a prototype with one server process per core sharing the database file.
  // Both as they would ship: compiled JavaScript, no TypeScript loader in any process or thread.
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
  await build({
    entryPoints: [`${ROOT}test/bench/cluster-prototype.ts`],
    outfile: `${ROOT}dist/bench-cluster-prototype.js`,
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    logLevel: "warning",
  });
  // What `npm start` runs, flags included.
  const start = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: { start: string } })
    .scripts.start;
  const [node, ...startArgs] = start.split(" ");
  if (node !== "node") throw new Error(`npm start runs ${start}, not node: the bench cannot mirror it`);
  rows.push(...(await underLoad("read workers", startArgs)));
  rows.push(...(await underLoad("process per core", ["dist/bench-cluster-prototype.js"])));
  return rows;
}

/**
 * A server as its own process under 20 connections of uncached coverage requests (each a different window and
 * topic set, so no cache answers them), with /api/health probed at 20 requests/s meanwhile, and its resident
 * memory (every process of its tree) after the load.
 */
async function underLoad(mode: string, entry: string[]): Promise<Row[]> {
  const port = 3917;
  const server: ChildProcess = spawn(process.execPath, entry, {
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
    // The load comes from its own fresh process (see coverage-load-child.ts); the server's CPU is read around
    // the measured 10 s.
    const child = fork(
      fileURLToPath(new URL("./coverage-load-child.ts", import.meta.url)),
      [`http://127.0.0.1:${port}`],
      {
        execArgv: ["--import", "tsx"],
        serialization: "advanced",
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      },
    );
    let serverCpu = 0;
    const result = await new Promise<Extract<FromLoadChild, { load: unknown }>>((resolve, reject) => {
      child.on("message", (m: FromLoadChild) => {
        if ("measuring" in m) serverCpu = processTreeCpuMs(server.pid!);
        else resolve(m);
      });
      child.once("exit", (code) => reject(new Error(`the load generator exited with ${code}`)));
    });
    const serverMs = processTreeCpuMs(server.pid!) - serverCpu;
    const { load, health } = result;
    const answered = load.requests.total + health.requests.total;
    const cpu = `server CPU ${(serverMs / answered).toFixed(2)} ms a request, load generator ${(result.generatorCpuMs / 10).toFixed(0)} ms/s`;
    const rss = treeMemory(server.pid!);
    return [
      {
        bench: "api",
        metric: `${mode}: uncached coverage under 20 connections`,
        value: load.requests.average,
        unit: "req/s",
        note: verdict(
          load.requests.average,
          ">=",
          400,
          `p99 ${load.latency.p99} ms, ${load.non2xx} non-2xx; ${cpu}; load average ${loadavg()[0]!.toFixed(1)}`,
        ),
      },
      {
        bench: "api",
        metric: `${mode}: /api/health p99 meanwhile`,
        value: health.latency.p99,
        unit: "ms",
        note: verdict(
          health.latency.p99,
          "<=",
          50,
          `${health.requests.total} probes, ${health.non2xx} non-2xx`,
        ),
      },
      {
        bench: "api",
        metric: `${mode}: server resident memory after load (VmRSS, all processes)`,
        value: rss.rss,
        unit: "MiB",
        note: verdict(
          rss.rss,
          "<=",
          300,
          `${rss.processes} process(es), peak VmHWM ${rss.hwm.toFixed(0)} MiB`,
        ),
      },
    ];
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    // The cluster prototype's children follow their primary; give the port a moment to close.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** A process and its children (the cluster prototype's workers). */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (statFields(Number(entry))[1] === String(pid)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** /proc/PID/stat's fields after the command name: state, ppid, ... (utime and stime are [11] and [12]). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** User + system CPU time of a process tree so far (every thread), in ms; Linux counts it in 10 ms ticks. */
function processTreeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    const fields = statFields(p);
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

/** VmRSS and VmHWM summed over a process and its children (the cluster prototype's workers). */
function treeMemory(pid: number): { rss: number; hwm: number; processes: number } {
  const pids = processTree(pid);
  let rss = 0;
  let hwm = 0;
  for (const p of pids) {
    const status = readFileSync(`/proc/${p}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    rss += kib("VmRSS") / 1024;
    hwm += kib("VmHWM") / 1024;
  }
  return { rss, hwm, processes: pids.length };
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
