import { hostname } from "node:os";

/**
 * The delivery side of the outbox's leases (the claims themselves are in db/queries/outbox.ts): how long a
 * claim lasts and who holds it.
 */

/** Longer than any channel's single try (webhooks time out at 15 s), with room to spare. */
export const ALERT_LEASE_MS = 2 * 60_000;

export function newDeliveryOwner(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
}
