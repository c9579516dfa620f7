import { execFile, fork } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { pairwiseScore } from "../../core/stories/pairwise-score";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { addFeed } from "../../db/queries/feeds";
import type { NormalizedArticle } from "../../jobs/ingest/normalize";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { createTestDatabase } from "../helpers/db";
import { makeArticle } from "../helpers/factories";
import type { Row } from "./report";
import type { FromChild, ToChild } from "./stories-ingest-child";
import { readStorySet, storySetPath } from "./story-labels";
import { syntheticStories } from "./synthetic-stories";

/**
 * Story clustering, measured (issue 11):
 * - pairwise precision and recall on the labeled sets (test/fixtures/stories/), each item stored through the
 *   ingest's own store in publication order, one item per feed read, as a pass would meet them (target >= 0.90);
 * - a million synthetic articles clustered incrementally through the same store, 100 entries per feed read, with
 *   the process's peak RSS (the server's budget is 300 MiB), the time per article, and the pairwise scores
 *   counted in SQL from the true stories the entry keys carry.
 * `STORIES_BENCH_ARTICLES` shrinks the million for a quick look; `STORIES_BENCH_SETS=dev` measures dev only.
 */
const run = promisify(execFile);
const MILLION = Number(process.env.STORIES_BENCH_ARTICLES ?? 1_000_000);
const PROGRESS = Math.max(10_000, Math.min(100_000, Math.round(MILLION / 20 / 10_000) * 10_000));
const BATCH = 100;
const FEEDS = 60;

export async function benchStories(): Promise<Row[]> {
  const rows: Row[] = [];
  const sets = (process.env.STORIES_BENCH_SETS ?? "dev,test").split(",") as Array<"dev" | "test">;
  for (const name of sets) rows.push(...(await labeledSet(name)));
  rows.push(await wordCache());
  rows.push(...(await million()));
  return rows;
}

/** The word caches of story fingerprints, filled by an open vocabulary (stories-word-cache-child.ts). */
async function wordCache(): Promise<Row> {
  const articles = 50_000;
  const child = fileURLToPath(new URL("./stories-word-cache-child.ts", import.meta.url));
  const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", child, String(articles)]);
  const { heapKeptBytes } = JSON.parse(stdout) as { heapKeptBytes: number };
  return {
    bench: "stories",
    metric: `${articles.toLocaleString("en-US")} fingerprints of open vocabulary: heap kept`,
    value: heapKeptBytes / 2 ** 20,
    unit: "MiB",
    note: "10 languages, summaries near the 2,000-character cap: the word caches at their bound",
  };
}

async function labeledSet(name: "dev" | "test"): Promise<Row[]> {
  const items = readStorySet(storySetPath(name));
  if (!items) {
    console.error(`bench stories: skipped stories-${name}.json: no file at ${storySetPath(name)}`);
    return [];
  }
  const t = await createTestDatabase();
  try {
    const feeds = new Map<string, number>();
    const stored: number[] = [];
    for (const item of items) {
      let feedId = feeds.get(item.outlet);
      if (feedId === undefined) {
        feedId = (
          await addFeed(t.db, {
            url: `https://labeled.example/${feeds.size}`,
            name: item.outlet,
            lang: item.lang,
            country: item.country,
          })
        ).id;
        feeds.set(item.outlet, feedId);
      }
      const article = makeArticle({
        entryKey: item.id,
        url: `https://labeled.example/a/${item.id}`,
        title: item.title,
        summary: item.summary,
        lang: item.lang,
        publishedAt: Date.parse(item.publishedAt),
      });
      const now = Date.parse(item.publishedAt);
      const result = await storeFeedArticles(t.db, {
        feedId,
        articles: [article],
        state: { lastFetchedAt: now },
        now,
      });
      stored.push(result.insertedIds[0]!);
    }
    const storyOf = new Map(
      (await t.client.execute("select id, story_id from articles")).rows.map((r) => [
        Number(r[0]),
        Number(r[1]),
      ]),
    );
    const score = pairwiseScore(
      items.map((i) => i.story),
      stored.map((id) => storyOf.get(id)!),
    );
    const note = `${items.length} items, ${new Set(items.map((i) => i.story)).size} stories, ${score.labeledPairs} labeled pairs, ${score.predictedPairs} clustered`;
    return [
      {
        bench: "stories",
        metric: `stories-${name} pairwise precision`,
        value: score.precision,
        unit: "ratio",
        note: `target >= 0.90; ${note}`,
      },
      {
        bench: "stories",
        metric: `stories-${name} pairwise recall`,
        value: score.recall,
        unit: "ratio",
        note: "target >= 0.90",
      },
    ];
  } finally {
    t.destroy();
  }
}

async function million(): Promise<Row[]> {
  mkdirSync("bench-results", { recursive: true });
  const path = `bench-results/bench-stories-${MILLION}.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  const database = await openDatabase({ url: `file:${path}` });
  await migrateDatabase(database);
  const feedIds: number[] = [];
  for (let f = 0; f < FEEDS; f++)
    feedIds.push((await addFeed(database.db, { url: `https://stories.bench.example/feed/${f}` })).id);
  const child = fork(fileURLToPath(new URL("./stories-ingest-child.ts", import.meta.url)), [`file:${path}`], {
    execArgv: ["--import", "tsx"],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const replies: FromChild[] = [];
  let wake: (() => void) | undefined;
  child.on("message", (m: FromChild) => {
    replies.push(m);
    wake?.();
  });
  const reply = async (): Promise<FromChild> => {
    while (replies.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return replies.shift()!;
  };
  let peakRss = 0;
  let peakAt = 0;
  const started = performance.now();
  let batch: NormalizedArticle[] = [];
  let n = 0;
  let reads = 0;
  let inFlight = false;
  let lastReply: FromChild | undefined;
  const note = (m: FromChild) => {
    lastReply = m;
    if (m.memory.rss > peakRss) {
      peakRss = m.memory.rss;
      peakAt = n;
    }
  };
  // One feed read in the child while the parent generates the next: the generator's time and memory stay out.
  const send = async () => {
    if (inFlight) note(await reply());
    child.send({ feedId: feedIds[reads++ % FEEDS]!, articles: batch } satisfies ToChild);
    inFlight = true;
    batch = [];
  };
  for (const article of syntheticStories(MILLION, Date.UTC(2025, 0, 1), 365 * 86_400_000)) {
    batch.push(article);
    n++;
    if (batch.length === BATCH) await send();
    if (n % PROGRESS === 0) {
      const last = lastReply;
      const seconds = (performance.now() - started) / 1000;
      if (last && "stored" in last)
        console.error(
          `bench stories: ${n.toLocaleString("en-US")} articles, ${seconds.toFixed(0)} s, child ${memoryLine(last.memory)}, CPU ${(last.cpuMicros / n).toFixed(0)} µs/article, peak so far ${mib(peakRss)}`,
        );
    }
  }
  if (batch.length > 0) await send();
  if (inFlight) note(await reply());
  child.send({ done: true } satisfies ToChild);
  const end = await reply();
  if (!("peakRssBytes" in end)) throw new Error("stories bench: the ingest child did not report its peak");
  const wallMs = performance.now() - started;
  console.error(`bench stories: done, child at the end ${memoryLine(end.memory)}`);
  // Pairwise counts from the contingency of (true story, found story): sum of C(n, 2) over each grouping.
  const pairs = async (group: string) =>
    Number(
      (
        await database.client.execute(
          `select coalesce(sum(n * (n - 1) / 2), 0) from (select count(*) as n from articles group by ${group})`,
        )
      ).rows[0]![0],
    );
  const truth = "substr(entry_key, 1, instr(entry_key, '-') - 1)";
  const labeled = await pairs(truth);
  const predicted = await pairs("story_id");
  const both = await pairs(`${truth}, story_id`);
  const stories = Number((await database.client.execute("select count(*) from stories")).rows[0]![0]);
  // Band keys of every indexed article: in the band index, or in the band tail (db/queries/story-band-tail.ts).
  const bands = Number(
    (await database.client.execute("select coalesce(sum(json_array_length(keys)), 0) from story_keys"))
      .rows[0]![0],
  );
  // `stories rebuild` over what ingest clustered: its own process's memory and CPU, and whether it finds the
  // same stories (pairs of the ingest's stories, of the rebuild's, and of both: equal when the groupings are).
  await database.client.execute("create table bench_ingest_stories as select id, story_id from articles");
  database.close();
  const rebuild = await rebuildProcess(path);
  const again = await openDatabase({ url: `file:${path}` });
  const joined = `(select a.story_id as now, i.story_id as before from articles a join bench_ingest_stories i using (id))`;
  const pairsIn = async (group: string) =>
    Number(
      (
        await again.client.execute(
          `select coalesce(sum(n * (n - 1) / 2), 0) from (select count(*) as n from ${joined} group by ${group})`,
        )
      ).rows[0]![0],
    );
  const agreement =
    (await pairsIn("before, now")) / Math.max(1, await pairsIn("before"), await pairsIn("now"));
  again.close();
  const size = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  const label = `${MILLION.toLocaleString("en-US")} synthetic articles`;
  return [
    {
      bench: "stories",
      metric: `${label}: peak RSS while clustering`,
      value: end.peakRssBytes / 2 ** 20,
      unit: "MiB",
      note: `target <= 300 MiB: ${end.peakRssBytes <= 300 * 2 ** 20 ? "met" : "MISSED"}; the ingesting process alone (VmHWM), the generator in another; sampled after feed reads ${mib(peakRss)} at ${peakAt.toLocaleString("en-US")} articles`,
    },
    {
      bench: "stories",
      metric: `${label}: stored and clustered, wall`,
      value: (wallMs / MILLION) * 1000,
      unit: "µs/article",
      note: `${(wallMs / 1000).toFixed(0)} s, ${BATCH} per feed read, untagged`,
    },
    {
      bench: "stories",
      metric: `${label}: CPU`,
      value: end.cpuMicros / MILLION,
      unit: "µs/article",
      note: "the ingesting process's user + system CPU",
    },
    {
      bench: "stories",
      metric: `${label}: pairwise precision`,
      value: predicted === 0 ? 1 : both / predicted,
      unit: "ratio",
      note: `${stories.toLocaleString("en-US")} stories found`,
    },
    {
      bench: "stories",
      metric: `${label}: pairwise recall`,
      value: labeled === 0 ? 1 : both / labeled,
      unit: "ratio",
    },
    {
      bench: "stories",
      metric: `${label}: stories rebuild, peak RSS`,
      value: rebuild.peakRssKiB / 1024,
      unit: "MiB",
      note: `its own process (npm run cli -- stories rebuild), ${(rebuild.wallMs / 1000).toFixed(0)} s wall`,
    },
    {
      bench: "stories",
      metric: `${label}: stories rebuild, CPU`,
      value: (rebuild.cpuMs * 1000) / MILLION,
      unit: "µs/article",
    },
    {
      bench: "stories",
      metric: `${label}: stories rebuild agrees with ingest`,
      value: agreement,
      unit: "ratio",
      note: "pairs in one story both times, of the pairs either put in one (1: the same stories)",
    },
    {
      bench: "stories",
      metric: `${label}: database size`,
      value: size / 2 ** 20,
      unit: "MiB",
      note: `${bands.toLocaleString("en-US")} band keys`,
    },
  ];
}

/** `npm run cli -- stories rebuild` on the database, timed and sized by /usr/bin/time. */
async function rebuildProcess(path: string): Promise<{ wallMs: number; cpuMs: number; peakRssKiB: number }> {
  const started = performance.now();
  const { stderr } = await run(
    "/usr/bin/time",
    ["-f", "time %U %S %M", process.execPath, "scripts/cli.mjs", "stories", "rebuild"],
    { env: { ...process.env, DATABASE_URL: `file:${path}`, LOG_LEVEL: "warn" }, maxBuffer: 2 ** 24 },
  );
  const wallMs = performance.now() - started;
  const m = /time ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
  if (!m) throw new Error(`stories rebuild: ${stderr}`);
  return { wallMs, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, peakRssKiB: Number(m[3]) };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

const memoryLine = (m: NodeJS.MemoryUsage) =>
  `rss ${mib(m.rss)} (heap ${mib(m.heapUsed)} of ${mib(m.heapTotal)}, external ${mib(m.external)}, array buffers ${mib(m.arrayBuffers)})`;
