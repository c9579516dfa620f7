import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/**
 * The store epoch: a counter that moves with every write that can change a story lookup's answer. Each feed
 * store that inserts or updates articles moves it once (writeFeedPlan); triggers move it for every article
 * deleted and every story, time, language or text changed (migration 0019: retention, feed removal, a stories
 * rebuild moving articles); a stories rebuild also moves it when it empties the band index. So a lookup read
 * ahead at epoch E is still the answer if nothing wrote since, and a store that knows what its own thread wrote
 * between E and now knows what to read again (story-candidates.ts).
 */

export async function readStoreEpoch(db: Executor): Promise<number> {
  const rows = await db.all<{ value: number }>(sql`select value from store_epoch where id = 1`);
  return Number(rows[0]?.value ?? 0);
}

/** Moves the epoch on; its new value. */
export async function bumpStoreEpoch(db: Executor): Promise<number> {
  const rows = await db.all<{ value: number }>(
    sql`update store_epoch set value = value + 1 where id = 1 returning value`,
  );
  return Number(rows[0]?.value ?? 0);
}

/** What this thread's own stores wrote between two epochs: band keys of the articles inserted, ids updated. */
export interface StoresSince {
  keys: ReadonlySet<number>;
  updated: ReadonlySet<number>;
}

/** One committed store of this thread: the epochs at its start and end, and what it wrote. */
interface OwnStore {
  before: number;
  after: number;
  keys: readonly number[];
  updated: readonly number[];
}

/** Stores kept: a snapshot is read one or two stores ahead; one older than this is read again in full. */
const KEPT = 64;

/**
 * The stores this thread committed, so a store can tell whether its own stores are ALL that wrote since a
 * snapshot's epoch: they must chain from that epoch to the epoch its transaction read, each starting where the
 * one before ended. Any other writer leaves a gap, and the snapshot is then not used.
 */
export class StoreLog {
  readonly #stores: OwnStore[] = [];

  record(store: OwnStore): void {
    this.#stores.push(store);
    if (this.#stores.length > KEPT) this.#stores.shift();
  }

  /** What own stores wrote from epoch `from` to `to`, or undefined when something else wrote in between. */
  since(from: number, to: number): StoresSince | undefined {
    const keys = new Set<number>();
    const updated = new Set<number>();
    let at = from;
    for (const store of this.#stores) {
      if (store.after <= from) continue;
      if (store.before !== at) return undefined;
      for (const key of store.keys) keys.add(key);
      for (const id of store.updated) updated.add(id);
      at = store.after;
    }
    return at === to ? { keys, updated } : undefined;
  }
}
