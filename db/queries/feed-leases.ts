import { eq, sql } from "drizzle-orm";
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
  /** every enabled feed not yet attempted since the pass started */
  | { kind: "all"; passStartedAt: number }
  /** one feed, due or not (it must still be enabled and unleased) */
  | { kind: "feed"; feedId: number };

/**
 * Atomically claims the next feed in scope, or returns undefined when none is left. One UPDATE ... RETURNING,
 * so two processes can never both win the same row. `lastAttemptAt` is stamped at claim time: that is what
 * keeps an `--all` pass from claiming a feed twice, even after its lease was released.
 */
export async function claimNextFeed(
  db: Db,
  options: { owner: string; now: number; leaseMs: number; scope: ClaimScope },
): Promise<Feed | undefined> {
  const { owner, now, leaseMs, scope } = options;
  const inScope =
    scope.kind === "due"
      ? sql`${feeds.nextFetchAt} <= ${now}`
      : scope.kind === "all"
        ? sql`(${feeds.lastAttemptAt} is null or ${feeds.lastAttemptAt} < ${scope.passStartedAt})`
        : sql`${feeds.id} = ${scope.feedId}`;
  const rows = await db
    .update(feeds)
    .set({ leaseOwner: owner, leaseUntil: now + leaseMs, lastAttemptAt: now })
    .where(
      sql`${feeds.id} = (
        select ${feeds.id} from ${feeds}
        where ${feeds.enabled} = 1 and ${feeds.isSample} = 0 and ${inScope}
          and (${feeds.leaseUntil} is null or ${feeds.leaseUntil} < ${now})
        order by ${feeds.nextFetchAt}, ${feeds.id}
        limit 1
      )`,
    )
    .returning();
  return rows[0];
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
