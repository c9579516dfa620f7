import { mkdirSync, rmSync, statSync } from "node:fs";
import { pairwiseScore } from "../../core/stories/pairwise-score";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { addFeed } from "../../db/queries/feeds";
import type { NormalizedArticle } from "../../jobs/ingest/normalize";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { createTestDatabase } from "../helpers/db";
import { makeArticle } from "../helpers/factories";
import type { Row } from "./report";
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
const MILLION = Number(process.env.STORIES_BENCH_ARTICLES ?? 1_000_000);
const BATCH = 100;
const FEEDS = 60;

export async function benchStories(): Promise<Row[]> {
  const rows: Row[] = [];
  const sets = (process.env.STORIES_BENCH_SETS ?? "dev,test").split(",") as Array<"dev" | "test">;
  for (const name of sets) rows.push(...(await labeledSet(name)));
  rows.push(...(await million()));
  return rows;
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
  const path = "bench-results/bench-stories-1m.db";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  const database = await openDatabase({ url: `file:${path}` });
  await migrateDatabase(database);
  const feedIds: number[] = [];
  for (let f = 0; f < FEEDS; f++)
    feedIds.push((await addFeed(database.db, { url: `https://stories.bench.example/feed/${f}` })).id);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let batch: NormalizedArticle[] = [];
  let n = 0;
  const store = async () => {
    const now = batch.at(-1)!.publishedAt;
    await storeFeedArticles(database.db, {
      feedId: feedIds[n % FEEDS]!,
      articles: batch,
      state: { lastFetchedAt: now },
      now,
    });
    batch = [];
  };
  for (const article of syntheticStories(MILLION, Date.UTC(2025, 0, 1), 365 * 86_400_000)) {
    batch.push(article);
    n++;
    if (batch.length === BATCH) await store();
    if (n % 100_000 === 0)
      console.error(
        `bench stories: ${n.toLocaleString("en-US")} articles, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
      );
  }
  if (batch.length > 0) await store();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
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
  const bands = Number((await database.client.execute("select count(*) from story_bands")).rows[0]![0]);
  database.close();
  const size = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  const label = `${MILLION.toLocaleString("en-US")} synthetic articles`;
  return [
    {
      bench: "stories",
      metric: `${label}: peak RSS while clustering`,
      value: peakRss / 2 ** 20,
      unit: "MiB",
      note: "budget 300 MiB (the whole process: store, libSQL, generator)",
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
      value: (used.user + used.system) / MILLION,
      unit: "µs/article",
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
      metric: `${label}: database size`,
      value: size / 2 ** 20,
      unit: "MiB",
      note: `${bands.toLocaleString("en-US")} band rows`,
    },
  ];
}
