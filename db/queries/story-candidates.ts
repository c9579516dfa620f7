import { sql } from "drizzle-orm";
import type { ArticleToPlace, StoredCandidate } from "../../core/stories/placement";
import { storyShingles } from "../../core/stories/shingles";
import type { Executor } from "../client";
import { BAND_WEEK_MS } from "../schema";
import { readStoreEpoch, type StoresSince } from "./store-epoch";

/**
 * The stored articles a new article is compared with (its story candidates): those sharing a band key with it
 * within the time window, the newest ROWS_PER_KEY per key, the CANDIDATES_PER_ARTICLE sharing the most bands,
 * with their shingles.
 *
 * Two ways to the same answer. The store reads them in its transaction (`storedCandidates` without `ahead`).
 * Or a reader reads them before (`readCandidateSnapshot`: the document worker does, on its own connection,
 * while the store's thread stores the feed before), and the store's transaction reads again only what changed
 * since: the probes whose keys its own stores have written since, and the texts of articles they updated
 * (store-epoch.ts tells it whether anything else wrote). Both take the newest rows of the same index ranges
 * and choose with the same rule, so they agree article for article.
 */

/** Stored candidates per new article, at most this many, those sharing the most bands first. */
const CANDIDATES_PER_ARTICLE = 4;
/**
 * Band rows read per band key, the newest in the window first. A story copied a thousand times (or a feed's
 * boilerplate entry) shares every band with each new copy: without a cap each lookup would read them all, and
 * storing n copies would cost n^2. A handful of the story's copies are enough to join it.
 */
const ROWS_PER_KEY = 8;

/** What a reader found ahead of the store, as of the store epoch it read first. */
export interface CandidateSnapshot {
  epoch: number;
  /** Per probe (`key:lo:hi`): the ids of the newest band rows in its window, newest first. */
  found: Map<string, number[]>;
  /** The candidates the snapshot chose, with their texts' shingles, by article id. */
  texts: Map<number, StoredCandidate>;
}

/** A snapshot, and what this thread's own stores wrote since it was read (undefined: anything else wrote). */
export interface CandidatesAhead {
  snapshot: CandidateSnapshot;
  since: StoresSince | undefined;
}

/** One band key's window: a feed's copies of one story share their keys and times, so they share probes. */
interface Probe {
  id: string;
  key: number;
  lo: number;
  hi: number;
}

interface ProbePlan {
  probes: Probe[];
  /** Per item, the indexes of its probes. */
  itemProbes: number[][];
}

function probePlan(items: readonly ArticleToPlace[], windowMs: number): ProbePlan {
  const probeOf = new Map<string, number>();
  const probes: Probe[] = [];
  const itemProbes = items.map((item) =>
    item.keys.map((key) => {
      const lo = item.publishedAt - windowMs;
      const hi = item.publishedAt + windowMs;
      const id = `${key}:${lo}:${hi}`;
      let p = probeOf.get(id);
      if (p === undefined) {
        p = probes.length;
        probes.push({ id, key, lo, hi });
        probeOf.set(id, p);
      }
      return p;
    }),
  );
  return { probes, itemProbes };
}

/** story_bands' `week` of a time: truncated, as SQLite's integer division (the migrations and trigger) truncates. */
export const weekOf = (ms: number) => Math.trunc(ms / BAND_WEEK_MS);

type RangeRow = { r: number; ids: string };

/**
 * The newest ROWS_PER_KEY ids of each probe's window, newest first. All the probes go in ONE query, each answering
 * one row with its articles as a list, one range of the primary key per week the window touches.
 */
async function readProbes(db: Executor, probes: readonly Probe[]): Promise<number[][]> {
  if (probes.length === 0) return [];
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
  return found;
}

/** Per item, the stored articles sharing the most of its probes' rows, then the lowest ids. */
function chooseCandidates(itemProbes: readonly number[][], found: readonly number[][]): number[][] {
  return itemProbes.map((list) => {
    const shared = new Map<number, number>();
    for (const p of list) for (const id of found[p]!) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES_PER_ARTICLE)
      .map(([id]) => id);
  });
}

type TextRow = {
  id: number;
  story_id: number;
  published_at: number;
  title: string;
  summary: string;
  lang: string | null;
};

/** The stored candidates with these ids, each text's shingles computed once (wire copies share one text). */
async function readCandidateTexts(
  db: Executor,
  ids: readonly number[],
  into: Map<number, StoredCandidate>,
): Promise<void> {
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
      into.set(Number(row.id), {
        articleId: Number(row.id),
        storyId: Number(row.story_id),
        publishedAt: Number(row.published_at),
        shingles,
      });
    }
  }
}

const candidatesOf = (chosen: readonly number[][], texts: ReadonlyMap<number, StoredCandidate>) =>
  chosen.map((list) =>
    list
      .flatMap((id) => texts.get(id) ?? [])
      .sort((a, b) => a.storyId - b.storyId || a.articleId - b.articleId),
  );

/**
 * Per article: the stored articles sharing a band with it within the window, with their shingles. With `ahead`
 * (a snapshot and the own stores since it), only the probes those stores wrote keys of are read again, and only
 * the texts the snapshot lacks or those stores updated.
 */
export async function storedCandidates(
  db: Executor,
  items: readonly ArticleToPlace[],
  windowMs: number,
  ahead?: CandidatesAhead,
): Promise<StoredCandidate[][]> {
  const { probes, itemProbes } = probePlan(items, windowMs);
  if (probes.length === 0) return items.map(() => []);
  const texts = new Map<number, StoredCandidate>();
  let found: number[][];
  const since = ahead?.since;
  if (ahead && since) {
    const held = probes.map((probe) =>
      since.keys.has(probe.key) ? undefined : ahead.snapshot.found.get(probe.id),
    );
    const read = await readProbes(
      db,
      probes.filter((_, p) => held[p] === undefined),
    );
    let next = 0;
    found = held.map((ids) => ids ?? read[next++]!);
    for (const [id, text] of ahead.snapshot.texts) if (!since.updated.has(id)) texts.set(id, text);
  } else {
    found = await readProbes(db, probes);
  }
  const chosen = chooseCandidates(itemProbes, found);
  const missing = [...new Set(chosen.flat())].filter((id) => !texts.has(id));
  if (missing.length > 0) await readCandidateTexts(db, missing, texts);
  return candidatesOf(chosen, texts);
}

/**
 * The candidates of a feed's articles as of now, read ahead of the store on a connection of the reader's own
 * (the document worker's). The store epoch is read first and no transaction is needed: whatever is read after
 * it is at least as new, and the store reads again whatever was written since (store-epoch.ts), so a store that
 * commits in between makes some of this read again, never wrong.
 */
export async function readCandidateSnapshot(
  db: Executor,
  items: readonly ArticleToPlace[],
  windowMs: number,
): Promise<CandidateSnapshot> {
  const epoch = await readStoreEpoch(db);
  const { probes, itemProbes } = probePlan(items, windowMs);
  const found = await readProbes(db, probes);
  const texts = new Map<number, StoredCandidate>();
  await readCandidateTexts(db, [...new Set(chooseCandidates(itemProbes, found).flat())], texts);
  return { epoch, found: new Map(probes.map((probe, p) => [probe.id, found[p]!])), texts };
}
