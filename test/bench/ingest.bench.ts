import { execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import pino from "pino";
import { addFeed } from "../../db/queries/feeds";
import { DocumentWorker } from "../../jobs/ingest/document-worker-client";
import { runIngestPass } from "../../jobs/ingest/ingest-pass";
import { IngestWorkerClient } from "../../jobs/ingest/ingest-worker-client";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { buildState } from "../../scripts/build-freshness.mjs";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { type BenchFeed, benchFeeds } from "./bench-feeds";
import { type FloorFeed, floorPass } from "./floor-pass";
import { benchIngestHealth } from "./ingest-health.bench";
import { median, printRows, type Row } from "./report";

/**
 * Ingest against its floor, through the path a user runs: an ingest pass (fetch, decode, parse, normalize,
 * dedupe, tag with the five default topics, store with tags, rollups, full-text index, outbox and the feed's
 * state) over feeds served by a real HTTP server on 127.0.0.1, against bare rss-parser plus one libSQL batch per
 * feed of the same entries, fetched from the same server, in the same run, interleaved. Wall and CPU time (CPU
 * of every thread of this process, the ingest and document workers' included). Then `ingest --once --all` as its own
 * process, compiled as an install runs it and through tsx as a checkout without a build does, and the server's /api/health while its scheduler ingests a 10 MiB feed (ingest-health.bench.ts).
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ROUNDS = 3;
const SHAPES = [
  { feeds: 10, entries: 2_000 },
  { feeds: 100, entries: 200 },
] as const;
const log = pino({ level: "silent" });

interface Timing {
  wallMs: number;
  cpuMs: number;
}

async function timed(run: () => Promise<void>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** A fresh database with the default topics and the feeds, each at its own path of the server. */
async function databaseWithFeeds(server: FeedServer, feeds: readonly BenchFeed[]): Promise<TestDatabase> {
  const t = await createTestDatabase();
  await createDefaultTopics(t.db);
  for (const [i] of feeds.entries()) await addFeed(t.db, { url: server.url(`/${i}`), lang: null });
  return t;
}

/**
 * One ingest pass over every feed, as `ingest --once --all` runs it: the store in this thread, the documents read
 * and tagged in a document worker. The worker is kept from pass to pass, warm as this thread is after the first
 * pass (its matcher compiled once, as the server's is); a cold process, worker start-up and compile included, is
 * what the CLI rows time.
 */
async function pass(
  server: FeedServer,
  feeds: readonly BenchFeed[],
  documents: DocumentWorker,
): Promise<Timing> {
  const t = await databaseWithFeeds(server, feeds);
  const timing = await timed(async () => {
    const summary = await runIngestPass(
      { db: t.db, allowPrivateUrls: true, log, documents },
      { scope: "all" },
    );
    if (summary.failed > 0) throw new Error(`bench pass: ${JSON.stringify(summary.errors)}`);
  });
  t.destroy();
  return timing;
}

/**
 * The server's path: its ingest worker thread (which reads and tags in a document worker of its own), started once and kept
 * warm from pass to pass as a server keeps it, so its topics are compiled once, as after a topic edit. Between
 * passes the stored articles and their counts are deleted, outside the clock, so every pass stores every entry.
 */
async function serverPath(server: FeedServer, feeds: readonly BenchFeed[]) {
  const t = await databaseWithFeeds(server, feeds);
  const worker = new IngestWorkerClient({
    database: { url: `file:${t.path}` },
    allowPrivateUrls: true,
    logLevel: "silent",
    db: t.db,
    log,
  });
  return {
    async pass(): Promise<Timing> {
      const timing = await timed(async () => {
        const summary = await worker.pass({ scope: "all" });
        if (summary.failed > 0) throw new Error(`bench pass: ${JSON.stringify(summary.errors)}`);
      });
      await t.client.executeMultiple(`
        delete from articles; delete from coverage_hourly; delete from coverage_detail; delete from coverage_daily;
        delete from coverage_daily_detail; update feeds set article_count = 0;`);
      return timing;
    },
    async close(): Promise<void> {
      await worker.stop();
      t.destroy();
    },
  };
}

const wall = (timings: Timing[]) => median(timings.map((x) => x.wallMs));
const cpu = (timings: Timing[]) => median(timings.map((x) => x.cpuMs));

/** `what` over its floor in medians, a wall row and a CPU row, each with its note. */
function ratioRows(
  what: string,
  size: string,
  runs: Timing[],
  floorRuns: Timing[],
  notes: { wall: string; cpu: string },
): Row[] {
  return (["wall", "cpu"] as const).map((clock) => ({
    bench: "ingest",
    metric: `${what}, ${clock}, ${size}`,
    value: clock === "wall" ? wall(runs) / wall(floorRuns) : cpu(runs) / cpu(floorRuns),
    unit: "x",
    note: notes[clock],
  }));
}

/** The floor (floor-pass.ts) in this process, warm as the pass rows are. */
async function floor(
  server: FeedServer,
  feeds: readonly BenchFeed[],
  rowsPerStatement: number,
): Promise<Timing> {
  const t = await createTestDatabase();
  const timing = await timed(() => floorPass(t.client, floorFeeds(server, feeds), rowsPerStatement));
  t.destroy();
  return timing;
}

const floorFeeds = (server: FeedServer, feeds: readonly BenchFeed[]): FloorFeed[] =>
  feeds.map((feed, i) => ({ url: server.url(`/${i}`), json: feed.format === "json" }));

/**
 * The CLI two ways: as an install runs it (`npm run cli` on a fresh build runs the compiled dist/cli.js; the bench
 * builds first when dist/ is missing or stale), and as a development checkout without a build runs it (the
 * TypeScript sources through tsx), so the two rows show what the build is worth.
 */
const CLI_WAYS = {
  compiled: { args: ["dist/cli.js"], label: "compiled dist/cli.js, as installed" },
  tsx: { args: ["--import", "tsx", "jobs/cli.ts"], label: "TypeScript through tsx, as in development" },
} as const;
type CliWay = keyof typeof CLI_WAYS;

/** A build of the current sources in dist/, made now when there is none, as `npm start` makes it. */
async function freshBuild(): Promise<void> {
  if ((await buildState()) === "fresh") return;
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}

/** `ingest --once --all` as its own process. */
async function cliPass(server: FeedServer, feeds: readonly BenchFeed[], way: CliWay): Promise<Timing> {
  const t = await databaseWithFeeds(server, feeds);
  t.close();
  const timing = await timedProcess([...CLI_WAYS[way].args, "ingest", "--once", "--all"], {
    DATABASE_URL: `file:${t.path}`,
    TIDEMARK_ALLOW_PRIVATE_URLS: "1",
    LOG_LEVEL: "warn",
  });
  t.destroy();
  return timing;
}

/**
 * The multi-row floor as a process of its own (floor-process.ts, compiled by esbuild as the CLI's build is, run
 * by node): the like of the compiled CLI row, a process that starts cold too, where the pass rows and the
 * in-process floor are warm.
 */
async function floorProcess(
  server: FeedServer,
  feeds: readonly BenchFeed[],
  script: string,
): Promise<Timing> {
  const t = await createTestDatabase();
  t.close();
  const timing = await timedProcess([script, t.path, JSON.stringify(floorFeeds(server, feeds)), "400"], {});
  t.destroy();
  return timing;
}

/**
 * floor-process.ts compiled to one ES module under node_modules/.cache. Its two packages, rss-parser and libSQL,
 * stay external, as they do in dist/ (scripts/build.mjs).
 */
async function compileFloorScript(): Promise<string> {
  const out = fileURLToPath(
    new URL("node_modules/.cache/tidemark-bench/floor-process.mjs", `file://${ROOT}/`),
  );
  await build({
    entryPoints: [fileURLToPath(new URL("./floor-process.ts", import.meta.url))],
    outfile: out,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    packages: "external",
    logLevel: "warning",
  });
  return out;
}

/** Node running `args` as a process of its own, in the repository, timed: wall here, CPU by /usr/bin/time. */
async function timedProcess(args: string[], env: Record<string, string>): Promise<Timing> {
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn("/usr/bin/time", ["-f", "cpu %U %S", process.execPath, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("close", (exit) => resolve({ code: exit, stderr: err }));
  });
  const wallMs = performance.now() - started;
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(stderr);
  if (code !== 0 || !cpu) throw new Error(`${args.join(" ")}: exit ${code}: ${stderr}`);
  return { wallMs, cpuMs: (Number(cpu[1]) + Number(cpu[2])) * 1000 };
}

async function benchShape(shape: { feeds: number; entries: number }, floorScript: string): Promise<Row[]> {
  const feeds = benchFeeds(shape.feeds, shape.entries);
  const server = await startFeedServer(
    Object.fromEntries(
      feeds.map((feed, i) => [
        `/${i}`,
        (_req: unknown, res: import("node:http").ServerResponse) =>
          res
            .writeHead(200, {
              "content-type": feed.format === "json" ? "application/feed+json" : "application/xml",
            })
            .end(feed.body),
      ]),
    ),
  );
  const runs = {
    pass: [] as Timing[],
    worker: [] as Timing[],
    batch: [] as Timing[],
    multiRow: [] as Timing[],
  };
  const serverPass = await serverPath(server, feeds);
  const documents = new DocumentWorker({ log });
  try {
    const warm = feeds.slice(0, 3); // the JIT on every path before timing
    await pass(server, warm, documents);
    await serverPass.pass();
    await floor(server, warm, 1);
    await floor(server, warm, 400);
    for (let round = 0; round < ROUNDS; round++) {
      // Interleaved, so drift in the machine's load hits all alike.
      runs.batch.push(await floor(server, feeds, 1));
      runs.multiRow.push(await floor(server, feeds, 400));
      runs.pass.push(await pass(server, feeds, documents));
      runs.worker.push(await serverPass.pass());
    }
  } finally {
    await documents.stop();
    await serverPass.close();
    await server.close();
  }
  const items = shape.feeds * shape.entries;
  const size = `${shape.feeds} feeds x ${shape.entries.toLocaleString("en-US")} entries`;
  const note = `${size} over HTTP on 127.0.0.1, median of ${ROUNDS}`;
  const rows: Row[] = [];
  for (const [metric, timings] of [
    ["pass (CLI path, warm: store here, read and tag in a document worker)", runs.pass],
    ["pass (server path: ingest worker thread)", runs.worker],
    ["floor: rss-parser + 1 batch/feed, 1 INSERT per entry", runs.batch],
    ["floor: rss-parser + 1 batch/feed, multi-row INSERTs", runs.multiRow],
  ] as const) {
    rows.push({
      bench: "ingest",
      metric: `${metric}, ${size}`,
      value: items / (wall(timings) / 1000),
      unit: "items/s",
      note: `cpu ${cpu(timings).toFixed(0)} ms, wall ${wall(timings).toFixed(0)} ms`,
    });
  }
  for (const [floorName, floorRuns] of [
    ["batch", runs.batch],
    ["multi-row", runs.multiRow],
  ] as const) {
    for (const [passName, passRuns] of [
      ["pass", runs.pass],
      ["worker pass", runs.worker],
    ] as const) {
      rows.push(
        ...ratioRows(`${passName} / ${floorName} floor`, size, passRuns, floorRuns, {
          wall: "target <= 3 (goal 1.5)",
          cpu: note,
        }),
      );
    }
  }
  {
    const server2 = await startFeedServer(
      Object.fromEntries(
        feeds.map((feed, i) => [
          `/${i}`,
          (_req: unknown, res: import("node:http").ServerResponse) => res.writeHead(200).end(feed.body),
        ]),
      ),
    );
    try {
      await freshBuild();
      const cliRuns: Record<CliWay, Timing[]> = { compiled: [], tsx: [] };
      const floorRuns: Timing[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const way of ["compiled", "tsx"] as const) cliRuns[way].push(await cliPass(server2, feeds, way));
        floorRuns.push(await floorProcess(server2, feeds, floorScript));
      }
      rows.push({
        bench: "ingest",
        metric: `floor as its own process (compiled): rss-parser + 1 batch/feed, multi-row INSERTs, ${size}`,
        value: wall(floorRuns),
        unit: "ms",
        note: `median of ${ROUNDS}, cpu ${cpu(floorRuns).toFixed(0)} ms; node start-up and a cold JIT included, as in the CLI rows`,
      });
      for (const way of ["compiled", "tsx"] as const) {
        const startup = await cliStartup(way);
        const name = `CLI ingest --once --all (${way})`;
        rows.push({
          bench: "ingest",
          metric: `${name}, ${size}`,
          value: wall(cliRuns[way]),
          unit: "ms",
          note: `median of ${ROUNDS}, cpu ${cpu(cliRuns[way]).toFixed(0)} ms; process start-up alone (jobs list) ${startup.wallMs.toFixed(0)} ms wall, ${startup.cpuMs.toFixed(0)} ms cpu; runs ${CLI_WAYS[way].label}`,
        });
        rows.push(
          ...ratioRows(`${name} / multi-row floor`, size, cliRuns[way], runs.multiRow, {
            wall: "start-up included; target <= 3",
            cpu: "start-up included",
          }),
        );
        if (way === "compiled") {
          rows.push(
            ...ratioRows(`${name} / floor as its own process`, size, cliRuns[way], floorRuns, {
              wall: "both cold processes; target <= 3",
              cpu: "both cold processes",
            }),
          );
        }
      }
    } finally {
      await server2.close();
    }
  }
  return rows;
}

/** The CLI's own cost of starting (node, imports, config) with no ingest: `jobs list`. */
const cliStartup = (way: CliWay): Promise<Timing> =>
  timedProcess([...CLI_WAYS[way].args, "jobs", "list"], { DATABASE_URL: "file::memory:" });

export async function benchIngest(): Promise<Row[]> {
  const rows: Row[] = [];
  const floorScript = await compileFloorScript(); // once for both shapes, before anything is timed
  for (const shape of SHAPES) rows.push(...(await benchShape(shape, floorScript)));
  rows.push(...(await benchIngestHealth()));
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printRows(await benchIngest());
}
