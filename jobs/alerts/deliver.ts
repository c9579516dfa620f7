import type { Logger } from "pino";
import type { Db } from "../../db/client";
import {
  cancelEventsOfCancelledSubscriptions,
  cancelGoneSubscription,
  claimNextAlert,
  markAttemptFailed,
  markCancelled,
  markDelivered,
} from "../../db/queries/outbox";
import { getSubscription } from "../../db/queries/subscriptions";
import type { AlertEvent } from "../../db/schema";
import { ALERT_LEASE_MS, newDeliveryOwner } from "./alert-lease";
import { buildAlertMessage } from "./alert-message";
import type { DeliveryResult } from "./channel";
import type { ChannelRegistry } from "./channel-registry";
import { MAX_ATTEMPTS, nextRetryDelay } from "./retry-schedule";

export interface DeliveryContext {
  db: Db;
  log: Logger;
  /** config.publicUrl: the base of the dashboard and unsubscribe links. */
  publicUrl: string;
  channels: ChannelRegistry;
  now?: () => number;
  /** Uniform in [0, 1), for retry jitter. */
  random?: () => number;
}

export interface DeliverOptions {
  /** Who holds the leases; one per worker. */
  owner?: string;
  leaseMs?: number;
  /** Events sent at once. */
  concurrency?: number;
}

export const DELIVERY_CONCURRENCY = 4;

export type DeliveryOutcome = "delivered" | "retrying" | "failed" | "cancelled";

export interface DeliverSummary {
  delivered: number;
  retrying: number;
  failed: number;
  cancelled: number;
}

/**
 * Sends every alert that is due, `concurrency` at a time, until none is left, and returns what happened. Each
 * lane claims one event, sends it and records the answer before it claims the next.
 */
export async function deliverDueAlerts(
  ctx: DeliveryContext,
  options: DeliverOptions = {},
): Promise<DeliverSummary> {
  const now = ctx.now ?? Date.now;
  const owner = options.owner ?? newDeliveryOwner();
  const summary: DeliverSummary = { delivered: 0, retrying: 0, failed: 0, cancelled: 0 };
  summary.cancelled += await cancelEventsOfCancelledSubscriptions(ctx.db, now());
  const lane = async () => {
    for (;;) {
      const outcome = await deliverNextAlert(ctx, { ...options, owner });
      if (outcome === null) return;
      summary[outcome]++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? DELIVERY_CONCURRENCY }, lane));
  return summary;
}

/** Claims, sends and records one due event; null when nothing was due. */
export async function deliverNextAlert(
  ctx: DeliveryContext,
  options: DeliverOptions & { owner: string },
): Promise<DeliveryOutcome | null> {
  const now = ctx.now ?? Date.now;
  const event = await claimNextAlert(ctx.db, {
    owner: options.owner,
    now: now(),
    leaseMs: options.leaseMs ?? ALERT_LEASE_MS,
    channels: [...ctx.channels.keys()],
  });
  if (!event) return null;
  const subscription = await getSubscription(ctx.db, event.subscriptionId);
  if (!subscription || subscription.cancelledAt !== null) {
    await markCancelled(ctx.db, event.id, "subscription cancelled");
    return "cancelled";
  }
  const channel = ctx.channels.get(subscription.channel);
  if (event.attempts > MAX_ATTEMPTS || !channel) {
    // Only a worker that died mid-delivery leaves an attempt unrecorded; after the last one, stop.
    return recordFailure(ctx, event, options.owner, {
      ok: false,
      error: channel ? lastAttemptLost(event) : "no channel",
    });
  }
  const message = buildAlertMessage(event, subscription, ctx.publicUrl);
  let result: DeliveryResult;
  try {
    result = await channel.deliver({ event, subscription, message });
  } catch (error) {
    result = { ok: false, error: `${channel.name} channel failed: ${String(error)}` };
  }
  const log = ctx.log.child({ alert: event.id, subscription: event.subscriptionId, attempt: event.attempts });
  if (result.ok) {
    await markDelivered(ctx.db, event.id, now(), result.status ?? null);
    log.info({ status: result.status }, "alert delivered");
    return "delivered";
  }
  log.warn({ status: result.status, error: result.error }, "alert delivery failed");
  if (result.gone) {
    await cancelGoneSubscription(ctx.db, event, now(), {
      status: result.status ?? null,
      error: result.error,
    });
    return "cancelled";
  }
  return recordFailure(ctx, event, options.owner, result);
}

async function recordFailure(
  ctx: DeliveryContext,
  event: AlertEvent,
  owner: string,
  result: Extract<DeliveryResult, { ok: false }>,
): Promise<DeliveryOutcome> {
  const now = ctx.now ?? Date.now;
  const delay = nextRetryDelay({
    attempts: event.attempts,
    retryAfterMs: result.retryAfterMs,
    random: ctx.random ?? Math.random,
  });
  await markAttemptFailed(ctx.db, event.id, owner, {
    status: result.status ?? event.lastStatus ?? null,
    error: result.error,
    nextAttemptAt: delay === null ? null : now() + delay,
  });
  return delay === null ? "failed" : "retrying";
}

function lastAttemptLost(event: AlertEvent): string {
  const previous = event.lastError ? ` (last error: ${event.lastError})` : "";
  return `gave up after ${MAX_ATTEMPTS} attempts; the last one was cut short${previous}`;
}
