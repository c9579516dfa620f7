import { hostname } from "node:os";
import type { Logger } from "pino";
import type { Db } from "../../db/client";
import { renewLeases } from "../../db/queries/feed-leases";

/**
 * The ingest side of feed leases (the claims themselves are in db/queries/feed-leases.ts): how long a claim
 * lasts, who holds it, and the timer that keeps a live worker's claims from lapsing.
 */

/**
 * A claim lapses a minute after its holder last renewed it, so the feeds a killed process held are fetched by
 * the next pass within a minute. A live holder renews every LEASE_RENEW_MS, however slow the feed.
 */
export const LEASE_MS = 60_000;

/** Four renewals per lease: a worker must miss three in a row (a stalled event loop, a busy database) to lose one. */
export const LEASE_RENEW_MS = 15_000;

/**
 * How long a pass waits for feeds in its scope that other processes hold before it ends without them (and says
 * so). A dead holder's lease lapses within LEASE_MS; a live one's feed takes at most the 30 s fetch deadline
 * plus parsing and storing.
 */
export const HELD_WAIT_MS = 3 * LEASE_MS;

export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
}

/** Renews every lease `owner` holds on a timer until stopped; a failed renewal is logged and retried next tick. */
export function keepLeases(db: Db, owner: string, now: () => number, log: Logger): { stop(): void } {
  const timer = setInterval(() => {
    renewLeases(db, owner, now() + LEASE_MS).catch((error: unknown) => {
      log.warn({ owner, err: error }, "could not renew feed leases");
    });
  }, LEASE_RENEW_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
