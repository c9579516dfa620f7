import { sql } from "drizzle-orm";
import { storyFingerprint } from "../../core/stories/fingerprint";
import {
  type ArticleToPlace,
  mostShared,
  PLACEMENT,
  type PlacementOptions,
  placeArticles,
  type StoredCandidate,
} from "../../core/stories/placement";
import { ShingleCache } from "../../core/stories/shingle-cache";
import type { Executor } from "../client";
import { BAND_WEEK_MS } from "../schema";
import { jsonParam } from "./json-param";
import { type BandTail, moveTailIntoIndex } from "./story-band-tail";

/**
 * Story placement inside the ingest transaction: the stored articles that share a band key with each new one
 * (one index range per band, within the time window), their texts to compare exactly, the placement
 * (core/stories/placement.ts), and the new stories' rows. The index is the story_bands table and, for the newest
 * articles, the band tail (story-band-tail.ts): lookups read both.
 */

/**
 * The shingles of stored texts, the newest 5,000 within ~4 MB (5,000 of the sample's texts hold 3.3 MB): candidates
 * are mostly articles stored shortly before, whose shingles the store was handed (rememberStoredShingles). Wire
 * copies stored by several outlets are one text under several ids, analysed once.
 */
const storedShingles = new ShingleCache(5_000, 4_000_000);

/** An article stored with these shingles (storyShingles of its title, summary and language). */
export function rememberStoredShingles(
  text: { title: string; summary: string; lang: string | null },
  shingles: Uint32Array,
): void {
  storedShingles.remember(text, shingles);
}

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
  tail: BandTail,
  options: PlacementOptions = PLACEMENT,
): Promise<PlacedArticles> {
  if (articles.length === 0) return { storyIds: [], newStoryIds: [] };
  const candidates = await storedCandidates(
    db,
    articles.map((a) => a.story),
    tail,
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
 * Indexes newly inserted articles, so later articles find them: each article's keys go to story_keys (for the
 * band tail and the delete trigger), as one JSON parameter of one entry per article unpacked by json_each. With
 * a tail, their band rows wait in it, and once it holds BAND_TAIL_ARTICLES articles this store moves them all
 * into story_bands; without one (a stories rebuild), the band rows are written now.
 */
export async function indexStoryBands(
  db: Executor,
  rows: ReadonlyArray<{ articleId: number; story: ArticleToPlace }>,
  tail?: BandTail,
): Promise<void> {
  const indexed = rows.filter((r) => r.story.keys.length > 0);
  for (let i = 0; i < indexed.length; i += BAND_CHUNK) {
    const json = JSON.stringify(
      indexed
        .slice(i, i + BAND_CHUNK)
        .map((r) => [r.articleId, r.story.publishedAt, weekOf(r.story.publishedAt), r.story.keys]),
    );
    // SQLite sorts the rows into key order, so they reach the index's pages one after another; the articles'
    // fields are read once each (materialized), not once per band row. DO NOTHING: two bands of one article with
    // one key (a 2^-53 collision) are one row.
    if (!tail) {
      await db.run(sql`
        with a as materialized (
          select value ->> 0 as id, value ->> 1 as at, value ->> 2 as week, value ->> 3 as keys from json_each(${json}))
        insert into story_bands (week, key, published_at, article_id)
        select a.week, k.value, a.at, a.id from a, json_each(a.keys) k
        where true order by 1, 2, 3, 4
        on conflict do nothing`);
    }
    await db.run(sql`
      insert into story_keys (article_id, published_at, keys)
      select a.value ->> 0, a.value ->> 1, a.value ->> 3 from json_each(${json}) a order by 1`);
  }
  tail?.stage(
    indexed.map((r) => ({ articleId: r.articleId, publishedAt: r.story.publishedAt, keys: r.story.keys })),
  );
  // The tail as of this store's lookup, plus what this store added to it.
  if (tail && indexed.length > 0 && tail.articles + indexed.length >= tail.limit) await moveTailIntoIndex(db);
}

/** Articles whose rows go in one statement: 2,000 make 32,000 band rows, a few milliseconds each way. */
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
  tail: BandTail,
  windowMs: number,
): Promise<StoredCandidate[][]> {
  // A probe is one (key, window); it reads one range per week the window touches, newest week first. The window
  // is the article's time ± windowMs, so a probe is named by its key and that time.
  const probeOf = new Map<number, Map<number, number>>();
  const probes: Array<{ key: number; lo: number; hi: number }> = [];
  const itemProbes = items.map((item) =>
    item.keys.map((key) => {
      let byTime = probeOf.get(key);
      if (!byTime) {
        byTime = new Map();
        probeOf.set(key, byTime);
      }
      let p = byTime.get(item.publishedAt);
      if (p === undefined) {
        p = probes.length;
        probes.push({ key, lo: item.publishedAt - windowMs, hi: item.publishedAt + windowMs });
        byTime.set(item.publishedAt, p);
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
  // descending), as "time:id" items; taken newest week first, a probe's rows are then newest first over its
  // whole window, as one range over the window gives them.
  const rows = await db.all<RangeRow>(sql`
    with found as materialized (
      select q.key as r, (
        select group_concat(published_at || ':' || article_id, ',' order by published_at desc, article_id desc) from (
          select c.article_id, c.published_at from story_bands c
          where c.week = q.value ->> 1 and c.key = q.value ->> 2 and c.published_at between q.value ->> 3 and q.value ->> 4
          order by c.published_at desc, c.article_id desc limit ${sql.raw(String(ROWS_PER_KEY))})) as ids
      from json_each(${JSON.stringify(ranges)}) q)
    select r, ids from found where ids is not null`);
  const idsOfRange: Array<string | undefined> = [];
  for (const row of rows) idsOfRange[Number(row.r)] = String(row.ids);
  const indexed: string[][] = probes.map(() => []);
  ranges.forEach(([p], r) => {
    const ids = idsOfRange[r];
    if (ids !== undefined) indexed[p]!.push(ids);
  });
  const inTail = await tailRows(db, tail, probes);
  const found = probes.map((_, p) => newestRows(indexed[p]!, inTail[p]));
  const shared = new Map<number, number>();
  const chosen = itemProbes.map((list) => {
    shared.clear();
    for (const p of list) for (const id of found[p]!) shared.set(id, (shared.get(id) ?? 0) + 1);
    return mostShared(shared, CANDIDATES_PER_ARTICLE);
  });
  const ids = [...new Set(chosen.flat())];
  if (ids.length === 0) return items.map(() => []);
  const texts = new Map<number, StoredCandidate>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.all<TextRow>(sql`
      select id, story_id, published_at, title, summary, lang from articles
      where story_id is not null and id in (select value from json_each(${JSON.stringify(ids.slice(i, i + 500))}))`);
    for (const row of rows) {
      const shingles = storedShingles.of({ title: row.title, summary: row.summary, lang: row.lang });
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

/**
 * Per probe, the band tail's newest ROWS_PER_KEY rows in its window (flat time, id pairs, newest first; undefined
 * for none), of articles still stored: one deleted since the tail was read is found gone in story_keys,
 * forgotten, and the rows are taken again without it.
 */
async function tailRows(
  db: Executor,
  tail: BandTail,
  probes: ReadonlyArray<{ key: number; lo: number; hi: number }>,
): Promise<Array<number[] | undefined>> {
  await tail.catchUp(db);
  for (;;) {
    const inTail = probes.map(({ key, lo, hi }) => tail.newest(key, lo, hi, ROWS_PER_KEY));
    const ids = new Set<number>();
    for (const pairs of inTail) for (let i = 1; i < (pairs?.length ?? 0); i += 2) ids.add(pairs![i]!);
    if (ids.size === 0) return inTail;
    const alive = await db.all<{ article_id: number }>(sql`
      select article_id from story_keys where article_id in (select value from json_each(${JSON.stringify([...ids])}))`);
    if (alive.length === ids.size) return inTail;
    for (const row of alive) ids.delete(Number(row.article_id));
    tail.forget(ids);
  }
}

/**
 * A probe's ROWS_PER_KEY newest rows (time, then id, descending) out of its index ranges' "time:id" lists (each
 * newest first, newest range first) and its tail rows (newest first). An article in both (a stories rebuild
 * indexes its own articles) counts once.
 */
function newestRows(ranges: readonly string[], tailPairs: readonly number[] | undefined): number[] {
  const ids: number[] = [];
  const fromIndex: number[] = [];
  for (const list of ranges) {
    for (const item of list.split(",")) {
      if (!tailPairs && ids.length === ROWS_PER_KEY) return ids;
      const colon = item.indexOf(":");
      const id = Number(item.slice(colon + 1));
      if (tailPairs) fromIndex.push(Number(item.slice(0, colon)), id);
      else ids.push(id);
    }
  }
  if (!tailPairs) return ids;
  // Two lists newest first: merged, the newest first.
  let a = 0;
  let b = 0;
  while (ids.length < ROWS_PER_KEY && (a < fromIndex.length || b < tailPairs.length)) {
    const takeIndex =
      b >= tailPairs.length ||
      (a < fromIndex.length &&
        (fromIndex[a]! > tailPairs[b]! ||
          (fromIndex[a] === tailPairs[b] && fromIndex[a + 1]! > tailPairs[b + 1]!)));
    const id = takeIndex ? fromIndex[a + 1]! : tailPairs[b + 1]!;
    if (takeIndex) a += 2;
    else b += 2;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
