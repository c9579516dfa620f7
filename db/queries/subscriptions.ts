import { and, desc, eq, getTableColumns, isNull, lt, sql } from "drizzle-orm";
import { alertPayload } from "../alert-payloads";
import type { Db, Executor } from "../client";
import { type AlertEvent, alertEvents, type Subscription, subscriptions, topics } from "../schema";

export type SubscriptionWithTopic = Subscription & { topicSlug: string; topicName: string };

export type NewSubscription = Pick<Subscription, "topicId" | "channel" | "mode" | "token"> &
  Partial<Pick<Subscription, "url" | "email" | "secret" | "digestHour" | "tz">>;

const withTopic = { ...getTableColumns(subscriptions), topicSlug: topics.slug, topicName: topics.name };

export async function getSubscription(db: Executor, id: number): Promise<SubscriptionWithTopic | undefined> {
  const rows = await db
    .select(withTopic)
    .from(subscriptions)
    .innerJoin(topics, eq(topics.id, subscriptions.topicId))
    .where(eq(subscriptions.id, id))
    .limit(1);
  return rows[0];
}

/**
 * Stores a subscription. A webhook one is active at once (the admin made it). An email one is stored
 * unconfirmed, with its `subscription.confirm` outbox row in the same transaction: the confirmation mail is
 * the only thing ever sent to an address that has not confirmed.
 */
export async function createSubscription(
  db: Db,
  input: NewSubscription,
  topic: { slug: string; name: string },
  now: number,
): Promise<Subscription> {
  return db.transaction(async (tx) => {
    const confirmedAt = input.channel === "webhook" ? now : null;
    const [row] = await tx
      .insert(subscriptions)
      .values({ ...input, createdAt: now, confirmedAt })
      .returning();
    if (!row) throw new Error("subscription insert returned no row");
    if (input.channel === "email") {
      await tx.insert(alertEvents).values({
        subscriptionId: row.id,
        ...alertPayload("subscription.confirm", {
          topic,
          mode: row.mode,
          digestHour: row.digestHour,
          tz: row.tz,
        }),
        dedupeKey: "confirm",
        nextAttemptAt: now,
        createdAt: now,
      });
    }
    return row;
  });
}

/** The live (not cancelled) email subscription to the same topic, mode and address, if there is one. */
export async function findLiveEmailSubscription(
  db: Executor,
  query: { topicId: number; mode: Subscription["mode"]; email: string },
): Promise<Subscription | undefined> {
  const rows = await db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.topicId, query.topicId),
        eq(subscriptions.mode, query.mode),
        eq(subscriptions.channel, "email"),
        sql`lower(${subscriptions.email}) = lower(${query.email})`,
        isNull(subscriptions.cancelledAt),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Marks an email subscription confirmed; a second click changes nothing. */
export async function confirmSubscription(db: Executor, id: number, now: number): Promise<void> {
  await db
    .update(subscriptions)
    .set({ confirmedAt: now })
    .where(
      and(eq(subscriptions.id, id), isNull(subscriptions.confirmedAt), isNull(subscriptions.cancelledAt)),
    );
}

/**
 * Ends a subscription at once: no new event is written for it (every writer checks cancelledAt) and its
 * pending events are cancelled in the same transaction. Cancelling twice keeps the first time and reason.
 */
export async function cancelSubscription(db: Db, id: number, reason: string, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(subscriptions)
      .set({ cancelledAt: now, cancelReason: reason })
      .where(and(eq(subscriptions.id, id), isNull(subscriptions.cancelledAt)));
    await tx
      .update(alertEvents)
      .set({ status: "cancelled", lastError: `subscription cancelled (${reason})` })
      .where(and(eq(alertEvents.subscriptionId, id), eq(alertEvents.status, "pending")));
  });
}

/** Newest first, keyset-paginated by id. */
export async function listSubscriptions(
  db: Executor,
  page: { limit: number; beforeId?: number | undefined },
): Promise<SubscriptionWithTopic[]> {
  return db
    .select(withTopic)
    .from(subscriptions)
    .innerJoin(topics, eq(topics.id, subscriptions.topicId))
    .where(page.beforeId === undefined ? undefined : lt(subscriptions.id, page.beforeId))
    .orderBy(desc(subscriptions.id))
    .limit(page.limit);
}

/** A subscription's outbox rows, newest first: the delivery log. */
export async function listDeliveries(
  db: Executor,
  subscriptionId: number,
  page: { limit: number; beforeId?: number | undefined },
): Promise<AlertEvent[]> {
  const conditions = [eq(alertEvents.subscriptionId, subscriptionId)];
  if (page.beforeId !== undefined) conditions.push(lt(alertEvents.id, page.beforeId));
  return db
    .select()
    .from(alertEvents)
    .where(and(...conditions))
    .orderBy(desc(alertEvents.id))
    .limit(page.limit);
}

/** Confirmed, live subscriptions of one mode, with their topic: the digest and spike jobs' work list. */
export async function activeSubscriptions(
  db: Executor,
  mode: Subscription["mode"],
): Promise<SubscriptionWithTopic[]> {
  return db
    .select(withTopic)
    .from(subscriptions)
    .innerJoin(topics, eq(topics.id, subscriptions.topicId))
    .where(
      and(
        eq(subscriptions.mode, mode),
        isNull(subscriptions.cancelledAt),
        sql`${subscriptions.confirmedAt} is not null`,
      ),
    )
    .orderBy(subscriptions.id);
}
