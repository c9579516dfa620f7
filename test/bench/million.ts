import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { defaultConcepts } from "../../core/tagging/default-concepts";
import { compileDefaultTopics } from "../../core/tagging/default-matcher";
import { defaultTopics } from "../../core/tagging/default-topics";
import { type Database, openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { rebuildRollups } from "../../db/queries/rollups";
import { getSetting, setSettingOnce } from "../../db/queries/settings";
import { listTopics } from "../../db/queries/topics";
import { composeSampleArticles } from "../../jobs/sample/compose";
import { sampleOutlets } from "../../jobs/sample/outlets";
import { createDefaultTopics } from "../../jobs/seed/first-start";

/**
 * A database of a million articles over 2025 for the API benchmarks, built with bulk SQL (the pipeline's own
 * speed is measured elsewhere) and kept in bench-results/ between runs. Texts come from the sample corpus,
 * numbered so each row is distinct; tags are the default topics' real matches on those texts.
 */
export const MILLION_DB = "bench-results/bench-1m-v1.db";
/**
 * The build, and the default topics and concepts its tags come from: a release that changes a default query
 * rebuilds the database (minutes, once) instead of leaving every server a bench starts to retag a million
 * articles behind the reads it measures (seen: ~11,000 articles/s per topic, both cores, for minutes).
 */
const VERSION = `1m-v1 ${createHash("sha256")
  .update(JSON.stringify({ topics: defaultTopics, concepts: defaultConcepts() }))
  .digest("hex")
  .slice(0, 16)}`;
const ARTICLES = 1_000_000;
const FEEDS = 60;
const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 86_400_000;
const ROWS_PER_STATEMENT = 400;

export async function openMillionDb(log: (line: string) => void = console.error): Promise<Database> {
  mkdirSync("bench-results", { recursive: true });
  if (existsSync(MILLION_DB)) {
    const database = await openDatabase({ url: `file:${MILLION_DB}` });
    await migrateDatabase(database);
    if ((await getSetting(database.db, "bench_version")) === VERSION) return database;
    database.close();
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${MILLION_DB}${suffix}`, { force: true });
  const database = await openDatabase({ url: `file:${MILLION_DB}` });
  await migrateDatabase(database);
  const started = performance.now();
  await build(database, log);
  await setSettingOnce(database.db, "bench_version", VERSION);
  log(
    `bench: built ${ARTICLES.toLocaleString("en-US")} articles in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return database;
}

/** A deterministic PRNG, so every build is the same database. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function build({ client, db }: Database, log: (line: string) => void) {
  await createDefaultTopics(db);
  const topicIds = new Map((await listTopics(db)).map((t) => [t.slug, t.id]));
  for (let f = 0; f < FEEDS; f++) {
    const outlet = sampleOutlets[f % sampleOutlets.length]!;
    await client.execute({
      sql: "insert into feeds (url, name, lang, country) values (?, ?, ?, ?)",
      args: [`https://bench.example/feed/${f}`, `${outlet.name} ${f}`, outlet.lang, outlet.country],
    });
  }
  const bases = composeSampleArticles();
  const matcher = compileDefaultTopics();
  const baseTags = bases.map((b) =>
    matcher.match({ title: b.title, summary: b.summary, lang: b.outlet.lang }).map((m) => ({
      topicId: topicIds.get(m.slug)!,
      terms: JSON.stringify(m.terms),
    })),
  );
  const random = prng(20250127);
  for (let start = 0; start < ARTICLES; start += 20_000) {
    const articles: unknown[][] = [];
    const tags: unknown[][] = [];
    for (let i = start; i < Math.min(ARTICLES, start + 20_000); i++) {
      const b = i % bases.length;
      const base = bases[b]!;
      // Busier on weekdays and around late January, like the story.
      const t = YEAR_START + Math.floor(random() ** 1.15 * YEAR_MS);
      const id = i + 1;
      articles.push([
        id,
        1 + (i % FEEDS),
        `u${id}`,
        `https://bench.example/a/${id}`,
        `${base.title} · ${id}`,
        base.summary,
        base.outlet.lang,
        t,
        t,
      ]);
      for (const tag of baseTags[b]!) tags.push([id, tag.topicId, t, tag.terms]);
    }
    await insertRows(
      client,
      "articles (id, feed_id, entry_key, url, title, summary, lang, published_at, first_seen_at, updated_at, date_source, content_hash)",
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'feed', '')",
      articles,
    );
    await insertRows(
      client,
      "article_topics (article_id, topic_id, published_at, terms)",
      "(?, ?, ?, ?)",
      tags,
    );
    if (start % 200_000 === 0) log(`bench: ${start.toLocaleString("en-US")} articles ...`);
  }
  await client.execute(
    "update feeds set article_count = (select count(*) from articles where feed_id = feeds.id)",
  );
  await rebuildRollups(db);
}

async function insertRows(client: Database["client"], into: string, row: string, rows: unknown[][]) {
  const statements = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    statements.push({
      sql: `insert into ${into} values ${chunk.map(() => row).join(", ")}`,
      args: chunk.flat() as Array<string | number>,
    });
  }
  await client.batch(statements, "write");
}
