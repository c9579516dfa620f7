import { sql } from "drizzle-orm";
import { storyFingerprint } from "../../core/stories/fingerprint";
import {
  type ArticleToPlace,
  PLACEMENT,
  type PlacementOptions,
  placeArticles,
} from "../../core/stories/placement";
import type { Executor } from "../client";
import { jsonParam } from "./json-param";
import { type CandidatesAhead, storedCandidates, weekOf } from "./story-candidates";

/**
 * Story placement inside the ingest transaction: the stored articles that share a band key with each new one
 * (story-candidates.ts), the placement (core/stories/placement.ts), and the new stories' rows. The index is the
 * story_bands table; a lookup read ahead of the transaction (`ahead`) is used for what has not changed since.
 */

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
  ahead?: CandidatesAhead,
): Promise<PlacedArticles> {
  if (articles.length === 0) return { storyIds: [], newStoryIds: [] };
  const candidates = await storedCandidates(
    db,
    articles.map((a) => a.story),
    options.windowMs,
    ahead,
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
