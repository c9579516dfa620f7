import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { type Feed, feeds } from "../schema";

/**
 * Leases keep concurrent ingest processes (the server's scheduler, CLI runs, other machines on one libSQL
 * server) from fetching the same feed at once. A lease is a claim with an expiry on the feed row: a crashed
 * worker's lease lapses and the feed becomes claimable again.
 */

export type ClaimScope =
  /** feeds whose nextFetchAt has come */
  | { kind: "due" }
  /** every enabled feed not yet done since the pass started */
  | { kind: "all"; passStartedAt: number }
  /** one feed, due or not (it must still be enabled and unleased) */
  | { kind: "feed"; feedId: number };

/** Enabled, fetched (not sample) feeds in a pass's scope, leased or not. */
function inScope(scope: ClaimScope, now: number) {
  const which =
    scope.kind === "due"
      ? sql`${feeds.nextFetchAt} <= ${now}`
      : scope.kind === "all"
        ? // lastAttemptAt is written when an attempt ends, in the statement that gives the lease back, so a
          // feed whose worker died mid-fetch is still in scope once its lease lapses.
          sql`(${feeds.lastAttemptAt} is null or ${feeds.lastAttemptAt} < ${scope.passStartedAt})`
        : sql`${feeds.id} = ${scope.feedId}`;
  return sql`${feeds.enabled} = 1 and ${feeds.isSample} = 0 and ${which}`;
}

/**
 * Atomically claims the next feed in scope, or returns undefined when none is free. One UPDATE ... RETURNING,
 * so two processes can never both win the same row.
 */
export async function claimNextFeed(
  db: Db,
  options: { owner: string; now: number; leaseMs: number; scope: ClaimScope },
): Promise<Feed | undefined> {
  const { owner, now, leaseMs, scope } = options;
  const rows = await db
    .update(feeds)
    .set({ leaseOwner: owner, leaseUntil: now + leaseMs })
    .where(
      sql`${feeds.id} = (
        select ${feeds.id} from ${feeds}
        where ${inScope(scope, now)}
          and (${feeds.leaseUntil} is null or ${feeds.leaseUntil} < ${now})
        order by ${feeds.nextFetchAt}, ${feeds.id}
        limit 1
      )`,
    )
    .returning();
  return rows[0];
}

/**
 * How many feeds in scope another owner holds a live lease on: a pass waits for those (their holder finishes
 * them, or dies and the lease lapses) rather than end without them.
 */
export async function feedsHeldByOthers(
  db: Db,
  options: { owner: string; now: number; scope: ClaimScope },
): Promise<number> {
  const { owner, now, scope } = options;
  const rows = await db.all<{ n: number }>(sql`
    select count(*) as n from ${feeds}
    where ${inScope(scope, now)} and ${feeds.leaseUntil} >= ${now}
      and (${feeds.leaseOwner} is null or ${feeds.leaseOwner} <> ${owner})`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Extends every lease `owner` still holds to `until`: a live worker keeps its claims while a slow feed is worked
 * on, so leases can be short and a dead worker's claims lapse soon. Returns how many were extended.
 */
export async function renewLeases(db: Db, owner: string, until: number): Promise<number> {
  const rows = await db
    .update(feeds)
    .set({ leaseUntil: until })
    .where(and(eq(feeds.leaseOwner, owner), sql`${feeds.leaseUntil} is not null`))
    .returning({ id: feeds.id });
  return rows.length;
}

/** Columns that give the lease back, but only if `owner` still holds it (it may have lapsed and moved on). */
export function releasedLease(owner: string) {
  const ours = sql`${feeds.leaseOwner} = ${owner}`;
  return {
    leaseOwner: sql`case when ${ours} then null else ${feeds.leaseOwner} end`,
    leaseUntil: sql`case when ${ours} then null else ${feeds.leaseUntil} end`,
  };
}

/** Writes a state change that has no articles with it (a failure) and gives the lease back, in one statement. */
export async function updateFeedAndRelease(
  db: Db,
  feedId: number,
  owner: string,
  state: Partial<Feed>,
): Promise<void> {
  await db
    .update(feeds)
    .set({ ...state, ...releasedLease(owner) })
    .where(eq(feeds.id, feedId));
}
