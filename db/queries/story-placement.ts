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
import { BAND_SLOTS } from "../schema";
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
const LOOKUP_CHUNK = 200;

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

/** Band rows of newly inserted articles, so later articles find them. */
export async function indexStoryBands(
  db: Executor,
  rows: ReadonlyArray<{ articleId: number; story: ArticleToPlace }>,
): Promise<void> {
  const values = rows.flatMap((r) =>
    r.story.keys
      .slice(0, BAND_SLOTS)
      .map((key, band) => [r.articleId * BAND_SLOTS + band, key, r.story.publishedAt]),
  );
  for (let i = 0; i < values.length; i += 4_000) {
    await db.run(sql`
      insert into story_bands (id, key, published_at)
      select r.value ->> 0, r.value ->> 1, r.value ->> 2 from json_each(${JSON.stringify(values.slice(i, i + 4_000))}) r`);
  }
}

/** New stories that got no article (their insert lost a race to another writer's row): none is left empty. */
export async function dropEmptyNewStories(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.run(sql`
    delete from stories where article_count = 0 and id in (select value from json_each(${JSON.stringify(ids)}))`);
}

type CandidateRow = { i: number; id: number; n: number };
type TextRow = {
  id: number;
  story_id: number;
  published_at: number;
  title: string;
  summary: string;
  lang: string | null;
};

/** Per article: the stored articles sharing a band with it within the window, with their shingles. */
async function storedCandidates(
  db: Executor,
  items: readonly ArticleToPlace[],
  windowMs: number,
): Promise<StoredCandidate[][]> {
  const chosen: number[][] = items.map(() => []);
  for (let start = 0; start < items.length; start += LOOKUP_CHUNK) {
    const probes = items
      .slice(start, start + LOOKUP_CHUNK)
      .flatMap((item, k) =>
        item.keys.map((key) => [start + k, key, item.publishedAt - windowMs, item.publishedAt + windowMs]),
      );
    if (probes.length === 0) continue;
    const rows = await db.all<CandidateRow>(sql`
      with q(i, k, lo, hi) as (
        select value ->> 0, value ->> 1, value ->> 2, value ->> 3 from json_each(${JSON.stringify(probes)}))
      select q.i as i, b.id / ${sql.raw(String(BAND_SLOTS))} as id, count(*) as n
      from q join story_bands b on b.id in (
        select c.id from story_bands c where c.key = q.k and c.published_at between q.lo and q.hi
        order by c.published_at desc limit ${sql.raw(String(ROWS_PER_KEY))})
      group by 1, 2`);
    const byItem = new Map<number, CandidateRow[]>();
    for (const row of rows) {
      const list = byItem.get(Number(row.i)) ?? [];
      list.push({ i: Number(row.i), id: Number(row.id), n: Number(row.n) });
      byItem.set(Number(row.i), list);
    }
    for (const [i, list] of byItem) {
      list.sort((a, b) => b.n - a.n || a.id - b.id);
      chosen[i] = list.slice(0, CANDIDATES_PER_ARTICLE).map((r) => r.id);
    }
  }
  const ids = [...new Set(chosen.flat())];
  if (ids.length === 0) return items.map(() => []);
  const texts = new Map<number, StoredCandidate>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.all<TextRow>(sql`
      select id, story_id, published_at, title, summary, lang from articles
      where story_id is not null and id in (select value from json_each(${JSON.stringify(ids.slice(i, i + 500))}))`);
    for (const row of rows) {
      texts.set(Number(row.id), {
        articleId: Number(row.id),
        storyId: Number(row.story_id),
        publishedAt: Number(row.published_at),
        shingles: storyShingles({ title: row.title, summary: row.summary, lang: row.lang }),
      });
    }
  }
  return chosen.map((list) =>
    list
      .flatMap((id) => texts.get(id) ?? [])
      .sort((a, b) => a.storyId - b.storyId || a.articleId - b.articleId),
  );
}
