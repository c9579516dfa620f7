import { sql } from "drizzle-orm";
import type { ArticleToPlace } from "../../core/stories/placement";
import type { Db, Executor } from "../client";
import { BAND_WEEK_MS } from "../schema";
import { getSetting, putSetting } from "./settings";
import { bandTailOf } from "./story-band-tail";
import { indexStoryBands, placeInStories } from "./story-placement";

/**
 * `stories rebuild`: every stored article placed again, in publication order, as ingest would have placed it
 * had it met them one after another (jobs/stories/rebuild-stories.ts). The band index is emptied once at the
 * start, so an article is compared only with articles already placed again; then one transaction per batch
 * moves the batch to its stories, indexes its bands and records how far the rebuild got, so a crash loses at
 * most the batch in progress and the next run resumes after the last one committed.
 */

/** Where a rebuild stands: the last article placed again, in (published_at, id) order; null before the first. */
export interface RebuildProgress {
  startedAt: number;
  after: { publishedAt: number; id: number } | null;
  placed: number;
}

export interface ArticleToRebuild {
  id: number;
  publishedAt: number;
  title: string;
  summary: string;
  lang: string | null;
}

const PROGRESS_KEY = "stories.rebuild";

/** The rebuild in progress, if one was started and has not finished. */
export async function rebuildInProgress(db: Executor): Promise<RebuildProgress | undefined> {
  const value = await getSetting(db, PROGRESS_KEY);
  return value ? (JSON.parse(value) as RebuildProgress) : undefined;
}

/** Starts a rebuild: the band index emptied and the progress at the beginning, in one transaction. */
export async function startRebuild(db: Db, now: number): Promise<RebuildProgress> {
  const progress: RebuildProgress = { startedAt: now, after: null, placed: 0 };
  await db.transaction(async (tx) => {
    await tx.run(sql`delete from story_bands`);
    await tx.run(sql`delete from story_keys`);
    await putSetting(tx, PROGRESS_KEY, JSON.stringify(progress));
  });
  return progress;
}

/** The next `limit` articles after the cursor, in publication order (the articles_published_idx order). */
export async function articlesToRebuild(
  db: Executor,
  after: RebuildProgress["after"],
  limit: number,
): Promise<ArticleToRebuild[]> {
  const rows = await db.all<{
    id: number;
    published_at: number;
    title: string;
    summary: string | null;
    lang: string | null;
  }>(sql`
    select id, published_at, title, summary, lang from articles
    where (published_at, id) > (${after?.publishedAt ?? Number.MIN_SAFE_INTEGER}, ${after?.id ?? 0})
    order by published_at, id limit ${limit}`);
  return rows.map((r) => ({
    id: Number(r.id),
    publishedAt: Number(r.published_at),
    title: r.title,
    summary: r.summary ?? "",
    lang: r.lang,
  }));
}

export class RebuildConflict extends Error {
  override name = "RebuildConflict";
}

/**
 * Places one batch (in publication order, each with its fingerprint) and moves the cursor past it, in one
 * transaction. `progress` is what the caller last saw: if the stored progress moved on meanwhile, another rebuild
 * is running and this one stops (RebuildConflict) rather than place the same articles twice.
 */
export async function rebuildBatch(
  db: Db,
  progress: RebuildProgress,
  batch: ReadonlyArray<{ article: ArticleToRebuild; story: ArticleToPlace }>,
): Promise<RebuildProgress> {
  const last = batch.at(-1);
  if (!last) return progress;
  const next: RebuildProgress = {
    ...progress,
    after: { publishedAt: last.article.publishedAt, id: last.article.id },
    placed: progress.placed + batch.length,
  };
  await db.transaction(async (tx) => {
    const stored = await getSetting(tx, PROGRESS_KEY);
    if (stored !== JSON.stringify(progress))
      throw new RebuildConflict("another stories rebuild moved on (or finished) meanwhile");
    const ids = JSON.stringify(batch.map((b) => b.article.id));
    // An article stored since the rebuild began has band rows already: without them it cannot find itself.
    await tx.run(sql`
      delete from story_bands where (week, key, published_at, article_id) in (
        select s.published_at / ${BAND_WEEK_MS}, k.value, s.published_at, s.article_id
        from story_keys s, json_each(s.keys) k where s.article_id in (select value from json_each(${ids})))`);
    await tx.run(sql`delete from story_keys where article_id in (select value from json_each(${ids}))`);
    const oldStories = await tx.all<{ story_id: number }>(sql`
      select distinct story_id from articles
      where story_id is not null and id in (select value from json_each(${ids}))`);
    const placed = await placeInStories(
      tx,
      batch.map((b) => ({ story: b.story, lang: b.article.lang })),
      bandTailOf(db),
    );
    const moves = batch.map((b, i) => [b.article.id, placed.storyIds[i]!]);
    await tx.run(sql`
      update articles set story_id = m.value ->> 1
      from json_each(${JSON.stringify(moves)}) m where articles.id = m.value ->> 0`);
    await recountStories(tx, [...oldStories.map((r) => Number(r.story_id)), ...placed.storyIds]);
    // Band rows written now, not left to the band tail (story-band-tail.ts): the batch's story_keys rows come back
    // under ids that every process's tail copy has already read past, so only the index can find them.
    await indexStoryBands(
      tx,
      batch.map((b) => ({ articleId: b.article.id, story: b.story })),
    );
    await putSetting(tx, PROGRESS_KEY, JSON.stringify(next));
  });
  return next;
}

/**
 * The stories' counts and times from their articles (the insert and delete triggers do this for rows that come
 * and go; a rebuild moves rows), and the stories left without an article dropped.
 */
async function recountStories(db: Executor, storyIds: readonly number[]): Promise<void> {
  const ids = JSON.stringify([...new Set(storyIds)]);
  await db.run(sql`
    update stories set
      article_count = (select count(*) from articles a where a.story_id = stories.id),
      first_article_id = coalesce((select a.id from articles a where a.story_id = stories.id
        order by a.published_at, a.id limit 1), 0),
      first_published_at = coalesce((select min(a.published_at) from articles a where a.story_id = stories.id),
        first_published_at),
      last_published_at = coalesce((select max(a.published_at) from articles a where a.story_id = stories.id),
        last_published_at)
    where id in (select value from json_each(${ids}))`);
  await db.run(sql`
    delete from stories where article_count = 0 and id in (select value from json_each(${ids}))`);
}

/** Ends the rebuild: nothing left to resume. */
export async function finishRebuild(db: Executor, progress: RebuildProgress): Promise<void> {
  await db.run(sql`delete from settings where key = ${PROGRESS_KEY} and value = ${JSON.stringify(progress)}`);
}

/** How many stories there are. */
export async function countStories(db: Executor): Promise<number> {
  const rows = await db.all<{ n: number }>(sql`select count(*) as n from stories`);
  return Number(rows[0]?.n ?? 0);
}
