import { hostname } from "node:os";

/**
 * The ingest side of feed leases (the claims themselves are in db/queries/feed-leases.ts): how long a claim
 * lasts and who holds it.
 */

/** Longer than a fetch's 30 s deadline plus parsing and storing, with room to spare. */
export const LEASE_MS = 5 * 60_000;

export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
}
