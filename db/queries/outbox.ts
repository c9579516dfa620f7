import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { alertPayload, type DigestPayload, type SpikePayload } from "../alert-payloads";
import type { Db, Executor } from "../client";
import { type AlertEvent, alertEvents, type Subscription, subscriptions } from "../schema";

/**
 * The outbox: events written in the transaction of what causes them, then claimed with a lease by delivery
 * workers (as feed-leases.ts does for feeds), so two workers (two servers, a CLI run) never send one at the same
 * time, a crashed worker's claim lapses and the event is sent again with the same webhook-id, and every answer
 * is recorded on the row (the delivery log). Instant alerts are written by instant-alerts.ts.
 */

/**
 * Writes one `topic.spike` row per live spike subscription of the topic in the zone the spike day was judged
 * in, made before that day ended; the dedupe key names the day, so a day alerts once however often it is
 * judged, across restarts. Returns the rows written.
 */
export async function enqueueSpikeAlerts(
  db: Executor,
  spike: { topicId: number; payload: SpikePayload; now: number },
): Promise<number> {
  const { topicId, now } = spike;
  const { payload } = alertPayload("topic.spike", spike.payload);
  const dedupeKey = `spike:${spike.payload.topic.slug}:${spike.payload.date}`;
  const dayEnd = Date.parse(spike.payload.window.to);
  const result = await db.run(sql`
    insert into alert_events (subscription_id, type, dedupe_key, payload, next_attempt_at, created_at)
    select s.id, 'topic.spike', ${dedupeKey}, ${JSON.stringify(payload)}, ${now}, ${now}
    from subscriptions s
    where s.topic_id = ${topicId} and s.mode = 'spike' and s.tz = ${spike.payload.tz}
      and s.confirmed_at is not null and s.cancelled_at is null and s.created_at < ${dayEnd}
    on conflict (subscription_id, dedupe_key) do nothing`);
  return result.rowsAffected;
}

/**
 * Writes a subscription's `topic.digest` row for its local date in one transaction with its lastDigestOn, so
 * a digest is written exactly once per local day even with two processes doing this. False when the day was
 * already taken (or the subscription was cancelled).
 */
export async function enqueueDigest(
  db: Db,
  digest: { subscriptionId: number; payload: DigestPayload; now: number },
): Promise<boolean> {
  const { subscriptionId, now } = digest;
  const date = digest.payload.date;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(subscriptions)
      .set({ lastDigestOn: date })
      .where(
        and(
          eq(subscriptions.id, subscriptionId),
          isNull(subscriptions.cancelledAt),
          or(isNull(subscriptions.lastDigestOn), lt(subscriptions.lastDigestOn, date)),
        ),
      );
    if (claimed.rowsAffected === 0) return false;
    await tx
      .insert(alertEvents)
      .values({
        subscriptionId,
        ...alertPayload("topic.digest", digest.payload),
        dedupeKey: `digest:${date}`,
        nextAttemptAt: now,
        createdAt: now,
      })
      .onConflictDoNothing();
    return true;
  });
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
  event: Pick<AlertEvent, "id" | "subscriptionId">,
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
