import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storyFingerprint } from "../../core/stories/fingerprint";
import { type ArticleToPlace, PLACEMENT } from "../../core/stories/placement";
import { type Database, openDatabase } from "../../db/client";
import { readStoreEpoch, StoreLog } from "../../db/queries/store-epoch";
import { readCandidateSnapshot, storedCandidates } from "../../db/queries/story-candidates";
import type { NormalizedArticle } from "../../jobs/ingest/normalize";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { composeSampleArticles } from "../../jobs/sample/compose";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";

// Story candidates read ahead of a store (the document worker's snapshot) against those the store reads in its
// own transaction: with the store's log of its own stores since, the two must agree article for article, and
// without a clean log (another writer) the snapshot must not be used at all.

const state = { lastStatus: 200, lastFetchedAt: Date.UTC(2025, 0, 28), errorCount: 0 };

/** The bundled sample's articles, which carry syndicated copies across outlets, as normalized entries. */
function sampleEntries(): NormalizedArticle[] {
  return composeSampleArticles().map((a, i) =>
    makeArticle({
      url: `${a.link}#${i}`,
      title: a.title,
      summary: a.summary,
      lang: a.outlet.lang,
      publishedAt: a.publishedAt,
    }),
  );
}

/** The sample's entries dealt into `n` parts in turn, so each part has copies of the others' stories. */
const dealt = (n: number): NormalizedArticle[][] => {
  const entries = sampleEntries();
  return Array.from({ length: n }, (_, k) => entries.filter((_, i) => i % n === k));
};

const fingerprint = (a: NormalizedArticle): ArticleToPlace =>
  storyFingerprint({
    title: a.title,
    summary: a.summary ?? "",
    lang: a.lang ?? null,
    publishedAt: a.publishedAt,
  });

describe("story candidates read ahead of the store", () => {
  let t: TestDatabase;
  let reader: Database;
  beforeEach(async () => {
    t = await createTestDatabase();
    reader = await openDatabase({ url: `file:${t.path}` });
  });
  afterEach(() => {
    reader.close();
    t.destroy();
  });

  /** A feed's entries through the ingest's store, logged in `storeLog` when given (this thread's stores). */
  const store = (feedId: number, articles: NormalizedArticle[], storeLog?: StoreLog) =>
    storeFeedArticles(t.db, { feedId, articles, state, now: state.lastFetchedAt, storeLog });

  /** Both lookups in one transaction of the store's connection, and what the log says was written since. */
  const bothWays = (
    log: StoreLog,
    items: ArticleToPlace[],
    snapshot: Awaited<ReturnType<typeof readCandidateSnapshot>>,
  ) =>
    t.db.transaction(async (tx) => {
      const since = log.since(snapshot.epoch, await readStoreEpoch(tx));
      const ahead = await storedCandidates(tx, items, PLACEMENT.windowMs, { snapshot, since });
      const fresh = await storedCandidates(tx, items, PLACEMENT.windowMs);
      return { since, ahead, fresh };
    });

  it("agrees with the store's own lookup after this thread's stores inserted copies and updated a candidate", async () => {
    const [first, second, last] = dealt(3) as [NormalizedArticle[], NormalizedArticle[], NormalizedArticle[]];
    const feedA = await makeFeed(t.db);
    const feedB = await makeFeed(t.db);
    const log = new StoreLog();
    await store(feedA.id, first, log);
    const items = last.map(fingerprint);
    const snapshot = await readCandidateSnapshot(reader.db, items, PLACEMENT.windowMs);
    expect(snapshot.texts.size).toBeGreaterThan(0);

    // This thread stores on: new copies (their band keys meet the snapshot's probes), and a candidate of the
    // snapshot rewritten by its own feed (its text, so its shingles, changed).
    await store(feedB.id, second, log);
    const candidateId = [...snapshot.texts.keys()][0]!;
    const url = String(
      (await t.client.execute({ sql: "select url from articles where id = ?", args: [candidateId] }))
        .rows[0]![0],
    );
    const rewritten = first.map((a) =>
      a.url === url ? { ...a, title: "A different headline altogether", contentHash: "changed" } : a,
    );
    const again = await store(feedA.id, rewritten, log);
    expect(again.updated).toBe(1);

    const { since, ahead, fresh } = await bothWays(log, items, snapshot);
    expect(since).toBeDefined();
    expect(since!.updated.has(candidateId)).toBe(true);
    expect(items.some((item) => item.keys.some((key) => since!.keys.has(key)))).toBe(true);
    expect(ahead).toEqual(fresh);
    // The stores since did change the answer: the snapshot alone would not have given it.
    const secondIds = new Set(
      (
        await t.client.execute({ sql: "select id from articles where feed_id = ?", args: [feedB.id] })
      ).rows.map((r) => Number(r[0])),
    );
    expect(fresh.flat().some((c) => secondIds.has(c.articleId))).toBe(true);
  });

  it("is not used once anything but this thread's own stores wrote: another store, a deletion", async () => {
    const [stored, toStore] = dealt(2) as [NormalizedArticle[], NormalizedArticle[]];
    const feed = await makeFeed(t.db);
    const other = await makeFeed(t.db);
    const log = new StoreLog();
    await store(feed.id, stored, log);
    const items = toStore.map(fingerprint);

    const before = await readCandidateSnapshot(reader.db, items, PLACEMENT.windowMs);
    // Another process's store: no entry in this thread's log.
    await store(other.id, [makeArticle()]);
    expect(before.texts.size).toBeGreaterThan(0);
    expect((await bothWays(log, items, before)).since).toBeUndefined();

    const next = await readCandidateSnapshot(reader.db, items, PLACEMENT.windowMs);
    expect((await bothWays(log, items, next)).since).toBeDefined();
    // Retention, a feed removed: an article deleted, which may have been among the newest of a probe.
    await reader.db.run(sql`delete from articles where id = (select min(id) from articles)`);
    const { since, ahead, fresh } = await bothWays(log, items, next);
    expect(since).toBeUndefined();
    expect(ahead).toEqual(fresh);
  });
});

describe("StoreLog", () => {
  it("tells what own stores wrote when they alone moved the epoch, and nothing when there is a gap", () => {
    const log = new StoreLog();
    log.record({ before: 3, after: 4, keys: [1, 2], updated: [] });
    log.record({ before: 4, after: 6, keys: [3], updated: [9] });
    expect(log.since(4, 4)).toBeUndefined(); // the epoch read (4) is older than the last store's end (6)
    expect(log.since(6, 6)).toEqual({ keys: new Set(), updated: new Set() });
    expect(log.since(4, 6)).toEqual({ keys: new Set([3]), updated: new Set([9]) });
    expect(log.since(3, 6)).toEqual({ keys: new Set([1, 2, 3]), updated: new Set([9]) });
    expect(log.since(2, 6)).toBeUndefined(); // someone wrote between 2 and 3
    expect(log.since(3, 7)).toBeUndefined(); // and after 6
  });
});
