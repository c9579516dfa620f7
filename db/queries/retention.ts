import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { articleIdsIn, ROLLUP_TABLES, rollupArticles, rollupTags, rollupTopicSets } from "./rollups";

/**
 * Deletes up to `limit` articles that are past the retention cutoff, in one transaction: their tags' and their
 * own counts are taken out of every rollup first, from the very rows being deleted, so the coverage numbers keep
 * equalling the stored articles (as `coverage rebuild` would compute them). An article goes when both its time
 * (what it is counted under) and when it was first stored are before the cutoff: a feed that still carries an
 * old entry does not get it deleted the day after it was stored and stored again the next pass.
 * Returns how many were deleted; 0 when none are left.
 */
export async function deleteExpiredArticles(db: Db, cutoff: number, limit: number): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.all<{ id: number }>(sql`
      select id from articles where published_at < ${cutoff} and first_seen_at < ${cutoff} order by id limit ${limit}`);
    const ids = rows.map((row) => Number(row.id));
    if (ids.length === 0) return 0;
    await rollupTags(tx, articleIdsIn("t", ids), -1);
    await rollupArticles(tx, articleIdsIn("a", ids), -1);
    await rollupTopicSets(tx, articleIdsIn("a", ids), -1);
    // Tags go by cascade, the full-text rows by trigger.
    await tx.run(sql`delete from articles where id in (select value from json_each(${JSON.stringify(ids)}))`);
    return ids.length;
  });
}

/** Rollup cells brought to zero by deletions: what a rebuild would not have written. */
export async function dropEmptyRollupCells(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of ROLLUP_TABLES) {
      await tx.run(sql`delete from ${sql.raw(table)} where count = 0`);
    }
  });
}
