import { sql } from "drizzle-orm";
import { storyFingerprint } from "../../core/stories/fingerprint";
import {
  type ArticleToPlace,
  PLACEMENT,
  type PlacementOptions,
  placeArticles,
  type StoredCandidate,
} from "../../core/stories/placement";
import { storyShingles } from "../../core/stories/shingles";
import type { Executor } from "../client";
import { BAND_WEEK_MS } from "../schema";
import { jsonParam } from "./json-param";

/**
 * Story placement inside the ingest transaction: the stored articles that share a band key with each new one
 * (one index range per band, within the time window), their texts to compare exactly, the placement
 * (core/stories/placement.ts), and the new stories' rows. Nothing is kept in memory between feeds: the index is
 * the story_bands table.
 */

/** Stored candidates per new article, at most this many, those sharing the most bands first. */
const CANDIDATES_PER_ARTICLE = 4;
/**
 * Band rows read per band key, the newest in the window first. A story copied a thousand times (or a feed's
 * boilerplate entry) shares every band with each new copy: without a cap each lookup would read them all, and
 * storing n copies would cost n^2. A handful of the story's copies are enough to join it.
 */
const ROWS_PER_KEY = 8;

export interface PlacedArticles {
  /** The story of each article to place, in order. */
  storyIds: number[];
  /** Ids of the stories made for them: one an insert race left empty is dropped by dropEmptyNewStories. */
  newStoryIds: number[];
}

/**
 * Places each article (in the order the feed lists them) in a stored story or a new one, and inserts the new
 * stories' rows, empty until their articles' insert trigger counts them in.
 */
export async function placeInStories(
  db: Executor,
  articles: ReadonlyArray<{ story: ArticleToPlace; lang: string | null }>,
  options: PlacementOptions = PLACEMENT,
): Promise<PlacedArticles> {
  if (articles.length === 0) return { storyIds: [], newStoryIds: [] };
  const candidates = await storedCandidates(
    db,
    articles.map((a) => a.story),
    options.windowMs,
  );
  const placements = placeArticles(
    articles.map((a) => a.story),
    (i) => candidates[i] ?? [],
    options,
  );
  const founders = placements.flatMap((p, i) => ("newStoryOf" in p && p.newStoryOf === i ? [i] : []));
  const firstId = (await lastStoryId(db)) + 1;
  const storyOf = new Map(founders.map((index, n) => [index, firstId + n]));
  if (founders.length > 0) {
    const rows = founders.map((i) => {
      const a = articles[i]!;
      return [storyOf.get(i)!, a.lang ?? "", a.story.publishedAt];
    });
    // Explicit ids past the AUTOINCREMENT sequence move it on, so a deleted story's id is never given again.
    await db.run(sql`
      insert into stories (id, lang, article_count, first_article_id, first_published_at, last_published_at)
      select r.value ->> 0, r.value ->> 1, 0, 0, r.value ->> 2, r.value ->> 2 from json_each(${jsonParam(rows)}) r`);
  }
  const storyIds = placements.map((p) => ("storyId" in p ? p.storyId : storyOf.get(p.newStoryOf)!));
  return { storyIds, newStoryIds: [...storyOf.values()] };
}

/** The fingerprint of an article whose caller did not compute one ahead. */
export const fingerprintOf = (article: {
  title: string;
  summary?: string | null | undefined;
  lang?: string | null | undefined;
  publishedAt: number;
}): ArticleToPlace =>
  storyFingerprint({
    title: article.title,
    summary: article.summary ?? "",
    lang: article.lang ?? null,
    publishedAt: article.publishedAt,
  });

/** The highest story id ever given (sqlite_sequence remembers deleted ones). */
async function lastStoryId(db: Executor): Promise<number> {
  const rows = await db.all<{ n: number }>(sql`
    select max(coalesce((select seq from sqlite_sequence where name = 'stories'), 0),
      coalesce((select max(id) from stories), 0)) as n`);
  return Number(rows[0]?.n ?? 0);
}

/** story_bands' `week` of a time: truncated, as SQLite's integer division (the migrations and trigger) truncates. */
const weekOf = (ms: number) => Math.trunc(ms / BAND_WEEK_MS);

/**
 * Band rows of newly inserted articles, so later articles find them, and each article's keys for its delete
 * trigger: the rows go in as one JSON parameter of one entry per article, unpacked by json_each, and SQLite sorts
 * them into key order so they reach the index's pages one after another (building and sorting a JS row per band
 * cost as much as the insert itself).
 */
export async function indexStoryBands(
  db: Executor,
  rows: ReadonlyArray<{ articleId: number; story: ArticleToPlace }>,
): Promise<void> {
  const indexed = rows.filter((r) => r.story.keys.length > 0);
  for (let i = 0; i < indexed.length; i += BAND_CHUNK) {
    const json = JSON.stringify(
      indexed
        .slice(i, i + BAND_CHUNK)
        .map((r) => [r.articleId, r.story.publishedAt, weekOf(r.story.publishedAt), r.story.keys]),
    );
    // DO NOTHING: two bands of one article with one key (a 2^-53 collision) are one row.
    // The articles' fields are read once each (materialized), not once per band row.
    await db.run(sql`
      with a as materialized (
        select value ->> 0 as id, value ->> 1 as at, value ->> 2 as week, value ->> 3 as keys from json_each(${json}))
      insert into story_bands (week, key, published_at, article_id)
      select a.week, k.value, a.at, a.id from a, json_each(a.keys) k
      where true order by 1, 2, 3, 4
      on conflict do nothing`);
    await db.run(sql`
      insert into story_keys (article_id, published_at, keys)
      select a.value ->> 0, a.value ->> 1, a.value ->> 3 from json_each(${json}) a order by 1`);
  }
}

/** Articles whose band rows go in one statement: 2,000 make 32,000 rows, a few milliseconds each way. */
const BAND_CHUNK = 2_000;

/** New stories that got no article (their insert lost a race to another writer's row): none is left empty. */
export async function dropEmptyNewStories(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.run(sql`
    delete from stories where article_count = 0 and id in (select value from json_each(${JSON.stringify(ids)}))`);
}

type RangeRow = { r: number; ids: string };
type TextRow = {
  id: number;
  story_id: number;
  published_at: number;
  title: string;
  summary: string;
  lang: string | null;
};

/**
 * Per article: the stored articles sharing a band with it within the window, with their shingles. All of a
 * feed's band keys go in ONE query, each distinct (key, window) once: a feed's copies of one story share their
 * keys and times, and probing them once per article read the same index ranges again and again (half the
 * store's time on a feed of wire copies). Each probe answers one row, its articles as a list, and the shared
 * bands are counted here, rather than a row per (article, candidate) out of a GROUP BY.
 */
async function storedCandidates(
  db: Executor,
  items: readonly ArticleToPlace[],
  windowMs: number,
): Promise<StoredCandidate[][]> {
  const probeOf = new Map<string, number>();
  // A probe is one (key, window); it reads one range per week the window touches, newest week first.
  const probes: Array<{ key: number; lo: number; hi: number }> = [];
  const itemProbes = items.map((item) =>
    item.keys.map((key) => {
      const lo = item.publishedAt - windowMs;
      const hi = item.publishedAt + windowMs;
      const id = `${key}:${lo}:${hi}`;
      let p = probeOf.get(id);
      if (p === undefined) {
        p = probes.length;
        probes.push({ key, lo, hi });
        probeOf.set(id, p);
      }
      return p;
    }),
  );
  if (probes.length === 0) return items.map(() => []);
  const ranges = probes.flatMap(({ key, lo, hi }, p) => {
    const out: Array<[number, number, number, number, number]> = [];
    for (let week = weekOf(hi); week >= weekOf(lo); week--) out.push([p, week, key, lo, hi]);
    return out;
  });
  // Each range answers its newest ROWS_PER_KEY rows (a backward walk of the primary key: time, then article id,
  // descending); taken newest week first, a probe's first ROWS_PER_KEY ids are then the newest in its window, as
  // one range over the whole window gives them.
  const rows = await db.all<RangeRow>(sql`
    with found as materialized (
      select q.key as r, (
        select group_concat(article_id, ',' order by published_at desc, article_id desc) from (
          select c.article_id, c.published_at from story_bands c
          where c.week = q.value ->> 1 and c.key = q.value ->> 2 and c.published_at between q.value ->> 3 and q.value ->> 4
          order by c.published_at desc, c.article_id desc limit ${sql.raw(String(ROWS_PER_KEY))})) as ids
      from json_each(${JSON.stringify(ranges)}) q)
    select r, ids from found where ids is not null`);
  const idsOfRange: Array<string | undefined> = [];
  for (const row of rows) idsOfRange[Number(row.r)] = String(row.ids);
  const found: number[][] = probes.map(() => []);
  ranges.forEach(([p], r) => {
    const list = found[p]!;
    for (const id of idsOfRange[r]?.split(",") ?? []) if (list.length < ROWS_PER_KEY) list.push(Number(id));
  });
  const chosen = itemProbes.map((list) => {
    const shared = new Map<number, number>();
    for (const p of list) for (const id of found[p]!) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES_PER_ARTICLE)
      .map(([id]) => id);
  });
  const ids = [...new Set(chosen.flat())];
  if (ids.length === 0) return items.map(() => []);
  const texts = new Map<number, StoredCandidate>();
  // Wire copies stored by several outlets are one text under several ids: each text is analysed once.
  const shinglesOf = new Map<string, Uint32Array>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.all<TextRow>(sql`
      select id, story_id, published_at, title, summary, lang from articles
      where story_id is not null and id in (select value from json_each(${JSON.stringify(ids.slice(i, i + 500))}))`);
    for (const row of rows) {
      const text = `${row.lang ?? ""}\u0000${row.title}\u0000${row.summary}`;
      let shingles = shinglesOf.get(text);
      if (!shingles) {
        shingles = storyShingles({ title: row.title, summary: row.summary, lang: row.lang });
        shinglesOf.set(text, shingles);
      }
      texts.set(Number(row.id), {
        articleId: Number(row.id),
        storyId: Number(row.story_id),
        publishedAt: Number(row.published_at),
        shingles,
      });
    }
  }
  return chosen.map((list) =>
    list
      .flatMap((id) => texts.get(id) ?? [])
      .sort((a, b) => a.storyId - b.storyId || a.articleId - b.articleId),
  );
}
