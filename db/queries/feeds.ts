import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import {
  hasScopeFilter,
  resolveScope,
  type Scope,
  type ScopeParams,
} from "../../core/coverage/coverage-scope";
import { DomainError } from "../../core/errors";
import type { Db, Executor } from "../client";
import { type Feed, feeds, type NewFeed } from "../schema";
import { deleteFeedsWithRollups } from "./rollups";

export type FeedInput = Pick<NewFeed, "url"> &
  Partial<Pick<NewFeed, "name" | "lang" | "country" | "siteUrl" | "folder">>;

/** A change to a feed: a field left out stays, null clears it. */
export type FeedChange = Partial<Pick<NewFeed, "name" | "lang" | "country" | "folder" | "enabled">>;

export class DuplicateFeedError extends DomainError {
  override name = "DuplicateFeedError";
  constructor(readonly url: string) {
    super("conflict", `a feed with the URL ${url} already exists`, { details: { url } });
  }
}

/** Every feed in id order; `folder` keeps those filed under it. */
export async function listFeeds(
  db: Executor,
  options: { includeSample?: boolean; folder?: string } = {},
): Promise<Feed[]> {
  return db
    .select()
    .from(feeds)
    .where(
      and(
        options.includeSample === false ? eq(feeds.isSample, false) : undefined,
        options.folder === undefined ? undefined : eq(feeds.folder, options.folder),
      ),
    )
    .orderBy(asc(feeds.id));
}

/** A request's filters (feed, folder, lang, country, region) resolved against the feeds, read only when filtered. */
export async function resolveScopeIn(db: Executor, params: ScopeParams): Promise<Scope> {
  return resolveScope(params, hasScopeFilter(params) ? await listFeeds(db) : []);
}

/** The folders feeds are filed under, by name. */
export async function listFeedFolders(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ folder: feeds.folder })
    .from(feeds)
    .where(isNotNull(feeds.folder))
    .orderBy(asc(feeds.folder));
  return rows.map((r) => r.folder!);
}

/**
 * Changes a feed's description or pauses/resumes it; returns the feed as it now is, or undefined for no such
 * feed. Resuming makes the feed due at once, so the next pass fetches it rather than one a backoff set long ago.
 */
export async function updateFeed(db: Executor, id: number, change: FeedChange): Promise<Feed | undefined> {
  const set = { ...change, ...(change.enabled === true ? { nextFetchAt: 0 } : {}) };
  if (Object.keys(set).length === 0) return getFeed(db, id);
  const rows = await db.update(feeds).set(set).where(eq(feeds.id, id)).returning();
  return rows[0];
}

export async function getFeed(db: Executor, id: number): Promise<Feed | undefined> {
  const rows = await db.select().from(feeds).where(eq(feeds.id, id)).limit(1);
  return rows[0];
}

export async function getFeedByUrl(db: Executor, url: string): Promise<Feed | undefined> {
  const rows = await db.select().from(feeds).where(eq(feeds.url, url)).limit(1);
  return rows[0];
}

/** Adds a feed, due at once so the next pass fetches it. Throws DuplicateFeedError for a URL already stored. */
export async function addFeed(db: Executor, input: FeedInput & { isSample?: boolean }): Promise<Feed> {
  const rows = await db
    .insert(feeds)
    .values({ ...input, nextFetchAt: 0 })
    .onConflictDoNothing({ target: feeds.url })
    .returning();
  if (!rows[0]) throw new DuplicateFeedError(input.url);
  return rows[0];
}

/**
 * Rows per INSERT: one statement for a whole OPML list ran past SQLite's 32,766 bound variables at about 3,300
 * feeds and overflowed the stack building its SQL at 20,000.
 */
const FEEDS_PER_INSERT = 500;

/**
 * Adds the feeds whose URL is new, `FEEDS_PER_INSERT` at a time with a turn of the event loop between, so a
 * long list neither fails nor holds the server; returns how many were added. Each chunk stands alone: a list
 * cut short by a crash is finished by importing it again, since known URLs are skipped.
 */
export async function addFeeds(db: Executor, inputs: readonly FeedInput[]): Promise<number> {
  let added = 0;
  for (let start = 0; start < inputs.length; start += FEEDS_PER_INSERT) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const rows = await db
      .insert(feeds)
      .values(inputs.slice(start, start + FEEDS_PER_INSERT).map((input) => ({ ...input, nextFetchAt: 0 })))
      .onConflictDoNothing({ target: feeds.url })
      .returning({ id: feeds.id });
    added += rows.length;
  }
  return added;
}

/** Deletes a feed and, through the foreign keys' cascades, its articles and tags, keeping rollups exact. */
export async function removeFeed(db: Db, id: number): Promise<boolean> {
  return (await db.transaction((tx) => deleteFeedsWithRollups(tx, eq(feeds.id, id)))) > 0;
}

/** Removes every sample feed and, by cascade, its articles, keeping rollups exact; returns how many. */
export async function removeSampleFeeds(db: Db): Promise<number> {
  return db.transaction((tx) => deleteFeedsWithRollups(tx, eq(feeds.isSample, true)));
}

export async function countFeeds(db: Executor): Promise<{ total: number; failing: number }> {
  const rows = await db
    .select({
      total: sql<number>`count(*)`,
      failing: sql<number>`coalesce(sum(case when ${feeds.errorCount} > 0 and ${feeds.enabled} = 1 then 1 else 0 end), 0)`,
    })
    .from(feeds)
    .where(eq(feeds.isSample, false));
  return { total: Number(rows[0]?.total ?? 0), failing: Number(rows[0]?.failing ?? 0) };
}

export async function isEmptyDatabase(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: feeds.id }).from(feeds).limit(1);
  return rows.length === 0;
}
