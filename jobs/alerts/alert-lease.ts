import { hostname } from "node:os";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type AlertEvent, alertEvents, type Subscription, subscriptions } from "../../db/schema";

/**
 * Leases on outbox rows, as feed-lease.ts does for feeds: a delivery worker claims one due event with an expiry,
 * so two workers (two servers, a CLI run) never send it at the same time, and a crashed worker's claim lapses and
 * the event is sent again, with the same webhook-id.
 */

/** Longer than any channel's single try (webhooks time out at 15 s), with room to spare. */
export const ALERT_LEASE_MS = 2 * 60_000;

export function newDeliveryOwner(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * What a worker may claim: pending, due, unleased, for a live subscription on a channel this process can send
 * on. An unconfirmed subscription gets nothing but its confirmation message (double opt-in).
 */
function claimable(now: number, channels: readonly Subscription["channel"][]) {
  return sql`e.status = 'pending' and e.next_attempt_at <= ${now}
    and (e.lease_until is null or e.lease_until < ${now})
    and s.channel in (select value from json_each(${JSON.stringify(channels)}))
    and s.cancelled_at is null
    and (s.confirmed_at is not null or e.type = 'subscription.confirm')`;
}

/** Whether anything is claimable: a read, so idle workers poll without taking the write lock. */
export async function hasDueAlert(
  db: Db,
  now: number,
  channels: readonly Subscription["channel"][],
): Promise<boolean> {
  const rows = await db.all(sql`
    select 1 from alert_events e join subscriptions s on s.id = e.subscription_id
    where ${claimable(now, channels)} limit 1`);
  return rows.length > 0;
}

/**
 * Claims the next due event, counting the attempt now: an attempt cut short by a crash still counts, so an event
 * that kills its worker cannot be retried forever. One UPDATE ... RETURNING: two workers never win the same row.
 */
export async function claimNextAlert(
  db: Db,
  options: { owner: string; now: number; leaseMs: number; channels: readonly Subscription["channel"][] },
): Promise<AlertEvent | undefined> {
  const { owner, now, leaseMs, channels } = options;
  if (channels.length === 0) return undefined;
  const rows = await db
    .update(alertEvents)
    .set({ leaseOwner: owner, leaseUntil: now + leaseMs, attempts: sql`${alertEvents.attempts} + 1` })
    .where(
      sql`${alertEvents.id} = (
        select e.id from alert_events e join subscriptions s on s.id = e.subscription_id
        where ${claimable(now, channels)}
        order by e.next_attempt_at, e.id
        limit 1
      )`,
    )
    .returning();
  return rows[0];
}

const released = { leaseOwner: null, leaseUntil: null };

/** A receiver acknowledged it. Written even if the lease lapsed meanwhile: the acknowledgement is the truth. */
export async function markDelivered(db: Db, eventId: number, at: number, status: number | null) {
  await db
    .update(alertEvents)
    .set({ status: "delivered", deliveredAt: at, lastStatus: status, lastError: null, ...released })
    .where(and(eq(alertEvents.id, eventId), eq(alertEvents.status, "pending")));
}

/** A failed try: retried at `nextAttemptAt`, or `failed` for good when that is null. Only by the lease holder. */
export async function markAttemptFailed(
  db: Db,
  eventId: number,
  owner: string,
  failure: { status: number | null; error: string; nextAttemptAt: number | null },
) {
  await db
    .update(alertEvents)
    .set({
      lastStatus: failure.status,
      lastError: failure.error,
      ...(failure.nextAttemptAt === null
        ? { status: "failed" as const }
        : { nextAttemptAt: failure.nextAttemptAt }),
      ...released,
    })
    .where(
      and(eq(alertEvents.id, eventId), eq(alertEvents.status, "pending"), eq(alertEvents.leaseOwner, owner)),
    );
}

/** Sent nothing: the subscription is over. Not counted as an attempt. */
export async function markCancelled(db: Db, eventId: number, reason: string) {
  await db
    .update(alertEvents)
    .set({
      status: "cancelled",
      lastError: reason,
      attempts: sql`max(${alertEvents.attempts} - 1, 0)`,
      ...released,
    })
    .where(and(eq(alertEvents.id, eventId), eq(alertEvents.status, "pending")));
}

/**
 * The receiver said never again (410 Gone): the subscription ends, this event keeps its answer, and the other
 * pending events are cancelled unless another worker is sending one right now (it records its own answer).
 */
export async function cancelGoneSubscription(
  db: Db,
  event: AlertEvent,
  at: number,
  failure: { status: number | null; error: string },
) {
  await db.batch([
    db
      .update(subscriptions)
      .set({ cancelledAt: at, cancelReason: failure.error })
      .where(and(eq(subscriptions.id, event.subscriptionId), isNull(subscriptions.cancelledAt))),
    db
      .update(alertEvents)
      .set({ status: "cancelled", lastStatus: failure.status, lastError: failure.error, ...released })
      .where(and(eq(alertEvents.id, event.id), eq(alertEvents.status, "pending"))),
    db
      .update(alertEvents)
      .set({ status: "cancelled", lastError: `subscription cancelled: ${failure.error}` })
      .where(
        and(
          eq(alertEvents.subscriptionId, event.subscriptionId),
          eq(alertEvents.status, "pending"),
          or(isNull(alertEvents.leaseUntil), lt(alertEvents.leaseUntil, at)),
        ),
      ),
  ]);
}

/** Pending events of subscriptions cancelled since they were written become `cancelled`, unsent. */
export async function cancelEventsOfCancelledSubscriptions(db: Db, now: number): Promise<number> {
  const cancelled = db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(sql`${subscriptions.cancelledAt} is not null`);
  const result = await db
    .update(alertEvents)
    .set({ status: "cancelled", lastError: "subscription cancelled", ...released })
    .where(
      and(
        eq(alertEvents.status, "pending"),
        inArray(alertEvents.subscriptionId, cancelled),
        or(isNull(alertEvents.leaseUntil), lt(alertEvents.leaseUntil, now)),
      ),
    );
  return result.rowsAffected;
}
