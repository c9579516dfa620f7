import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pino from "pino";
import { loadConfig } from "../../core/config";
import { compileDefaultTopics } from "../../core/tagging/default-matcher";
import { defaultTopics } from "../../core/tagging/default-topics";
import { type Database, openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { rebuildRollups } from "../../db/queries/rollups";
import { getSetting, setSettingOnce } from "../../db/queries/settings";
import { listTopics } from "../../db/queries/topics";
import { composeSampleArticles } from "../../jobs/sample/compose";
import { loadSample } from "../../jobs/sample/load-sample";
import { sampleOutlets } from "../../jobs/sample/outlets";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { createApp } from "../../server/app";
import { median, type Row } from "./report";

/**
 * GET /api/topics/:slug/terms and /misses, in-process through app.request, on the bundled sample (~860 articles)
 * and on 100,000 articles within the default 90-day period, so both sides hit the 20,000-article cap; and the heap
 * the term analyser keeps over an open vocabulary (term-cache-child.ts).
 */
const SYNTHETIC_DB = "bench-results/bench-evidence-100k-v1.db";
const VERSION = "evidence-100k-v1";
const SYNTHETIC_ARTICLES = 100_000;
const PERIOD_START = Date.UTC(2025, 0, 1);
const PERIOD_MS = 89 * 86_400_000;

export async function benchEvidence(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), "tidemark-bench-evidence-"));
  const sample = await openDatabase({ url: `file:${join(dir, "sample.db")}` });
  try {
    await migrateDatabase(sample);
    await createDefaultTopics(sample.db);
    await loadSample({ db: sample.db, allowPrivateUrls: false, log: pino({ level: "silent" }) });
    rows.push(...(await timeEndpoints(sample, "sample corpus (~860 articles)", 7)));
  } finally {
    sample.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const synthetic = await openSyntheticDb();
  try {
    rows.push(...(await timeEndpoints(synthetic, "100k articles in 90 days, 20k per side", 3)));
  } finally {
    synthetic.close();
  }
  rows.push(...(await termCache()));
  return rows;
}

/** The term analyser's word caches and keys, filled by an open vocabulary in ten languages. */
async function termCache(): Promise<Row[]> {
  const articles = 10_000;
  const child = fileURLToPath(new URL("./term-cache-child.ts", import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--expose-gc", "--import", "tsx", child, String(articles)],
    { maxBuffer: 1 << 20 },
  );
  const kept = JSON.parse(stdout) as { analyserKeptBytes: number; evidenceKeptBytes: number };
  const note = "10 languages, summaries near the 2,000-character cap, every word new: the worst case";
  const n = articles.toLocaleString("en-US");
  return [
    {
      bench: "evidence",
      metric: `term analyser after ${n} articles of open vocabulary, texts gone: heap kept`,
      value: kept.analyserKeptBytes / 2 ** 20,
      unit: "MiB",
      note,
    },
    {
      bench: "evidence",
      metric: `distinctive terms of ${n} articles of open vocabulary: heap beyond the texts`,
      value: kept.evidenceKeptBytes / 2 ** 20,
      unit: "MiB",
      note,
    },
  ];
}

async function timeEndpoints(database: Database, note: string, runs: number): Promise<Row[]> {
  const config = loadConfig({ DATABASE_URL: database.url, TIDEMARK_SCHEDULE: "off" });
  const app = createApp({ db: database.db, config, log: pino({ level: "silent" }) });
  const rows: Row[] = [];
  for (const endpoint of ["terms", "misses"]) {
    const times: number[] = [];
    for (const topic of defaultTopics) {
      const path = `/api/topics/${topic.slug}/${endpoint}`;
      for (let run = 0; run <= runs; run++) {
        const started = performance.now();
        const res = await app.request(path);
        if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
        await res.text();
        // The first call of each topic warms the caches (stemmers, the Chinese table): not counted.
        if (run > 0) times.push(performance.now() - started);
      }
    }
    rows.push({ bench: "evidence", metric: `${endpoint} p50`, value: median(times), unit: "ms", note });
    rows.push({ bench: "evidence", metric: `${endpoint} max`, value: Math.max(...times), unit: "ms", note });
  }
  return rows;
}

/** Built once with bulk SQL and kept in bench-results/; texts are the sample's, tags their real matches. */
async function openSyntheticDb(): Promise<Database> {
  mkdirSync("bench-results", { recursive: true });
  if (existsSync(SYNTHETIC_DB)) {
    const database = await openDatabase({ url: `file:${SYNTHETIC_DB}` });
    await migrateDatabase(database);
    if ((await getSetting(database.db, "bench_version")) === VERSION) return database;
    database.close();
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${SYNTHETIC_DB}${suffix}`, { force: true });
  const database = await openDatabase({ url: `file:${SYNTHETIC_DB}` });
  await migrateDatabase(database);
  await build(database);
  await setSettingOnce(database.db, "bench_version", VERSION);
  return database;
}

async function build({ client, db }: Database) {
  await createDefaultTopics(db);
  const topicIds = new Map((await listTopics(db)).map((t) => [t.slug, t.id]));
  for (const [f, outlet] of sampleOutlets.entries()) {
    await client.execute({
      sql: "insert into feeds (url, name, lang, country) values (?, ?, ?, ?)",
      args: [`https://bench.example/evidence/${f}`, outlet.name, outlet.lang, outlet.country],
    });
  }
  const bases = composeSampleArticles();
  const matcher = compileDefaultTopics();
  const tagsOf = bases.map((b) =>
    matcher.match({ title: b.title, summary: b.summary, lang: b.outlet.lang }).map((m) => ({
      topicId: topicIds.get(m.slug)!,
      terms: JSON.stringify(m.terms),
    })),
  );
  const statements = [];
  for (let i = 0; i < SYNTHETIC_ARTICLES; i += 400) {
    const articles: unknown[] = [];
    const tags: unknown[] = [];
    for (let id = i + 1; id <= Math.min(SYNTHETIC_ARTICLES, i + 400); id++) {
      const b = (id - 1) % bases.length;
      const base = bases[b]!;
      const t =
        PERIOD_START + Math.floor(((id * 7919) % SYNTHETIC_ARTICLES) * (PERIOD_MS / SYNTHETIC_ARTICLES));
      const feedId = 1 + sampleOutlets.findIndex((o) => o.file === base.outlet.file);
      articles.push(id, feedId, `e${id}`, `https://bench.example/e/${id}`, `${base.title} · ${id}`);
      articles.push(base.summary, base.outlet.lang, t, t);
      for (const tag of tagsOf[b]!) tags.push(id, tag.topicId, t, tag.terms);
    }
    statements.push({
      sql: `insert into articles (id, feed_id, entry_key, url, title, summary, lang, published_at, first_seen_at,
            updated_at, date_source, content_hash) values ${Array(articles.length / 9)
              .fill("(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'feed', '')")
              .join(", ")}`,
      args: articles as Array<string | number>,
    });
    if (tags.length > 0) {
      statements.push({
        sql: `insert into article_topics (article_id, topic_id, published_at, terms) values ${Array(
          tags.length / 4,
        )
          .fill("(?, ?, ?, ?)")
          .join(", ")}`,
        args: tags as Array<string | number>,
      });
    }
  }
  await client.batch(statements, "write");
  await client.execute(
    `update feeds set article_count = (select count(*) from articles where feed_id = feeds.id)`,
  );
  await rebuildRollups(db);
}
