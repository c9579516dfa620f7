import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { topics } from "./topics";

/** The enums of these tables, exported so the API's schemas take them from here instead of restating them. */
export const SUBSCRIPTION_CHANNELS = ["webhook", "email"] as const;
export const SUBSCRIPTION_MODES = ["instant", "digest", "spike"] as const;
export const ALERT_EVENT_TYPES = [
  "article.tagged",
  "article.summary",
  "topic.spike",
  "topic.digest",
  "subscription.confirm",
] as const;
/** `folded`: an instant alert past the hourly cap, never sent alone but counted in an `article.summary`. */
export const ALERT_EVENT_STATUSES = ["pending", "delivered", "failed", "cancelled", "folded"] as const;

/**
 * A subscription ties a topic to a channel (webhook or email) and a mode (instant, digest, spike). Email
 * subscriptions are public and double opt-in: nothing is sent before `confirmedAt`. The token is a capability
 * that confirms and cancels this one subscription; it rides in every message's links, so it is kept as is.
 */
export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: SUBSCRIPTION_CHANNELS }).notNull(),
    mode: text("mode", { enum: SUBSCRIPTION_MODES }).notNull(),
    url: text("url"),
    email: text("email"),
    /** Standard Webhooks signing secret, `whsec_<base64>`; null for email. */
    secret: text("secret"),
    token: text("token").notNull(),
    /** Digest: the local hour (0-23) and IANA zone the daily message goes out at. */
    digestHour: integer("digest_hour").notNull().default(8),
    tz: text("tz").notNull().default("UTC"),
    /** The local date of the last digest written, so each day gets exactly one. */
    lastDigestOn: text("last_digest_on"),
    createdAt: integer("created_at").notNull(),
    confirmedAt: integer("confirmed_at"),
    /** Set when the subscriber or the receiver (410 Gone) ended it: no event is written or sent after. */
    cancelledAt: integer("cancelled_at"),
    cancelReason: text("cancel_reason"),
  },
  (t) => [index("subscriptions_topic_idx").on(t.topicId, t.mode)],
);

/**
 * The outbox: one row per (subscription, event), written in the same transaction as what caused it, so an
 * alert is never lost and never written twice. Its id is the stable `webhook-id`. The delivery worker claims
 * due rows with a lease, like ingest claims feeds, and keeps the row's status as the delivery log.
 */
export const alertEvents = sqliteTable(
  "alert_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subscriptionId: integer("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    type: text("type", { enum: ALERT_EVENT_TYPES }).notNull(),
    /** What the event is about (`article:123`, `spike:2025-01-27`, ...): unique per subscription. */
    dedupeKey: text("dedupe_key").notNull(),
    payload: text("payload", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    status: text("status", { enum: ALERT_EVENT_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    deliveredAt: integer("delivered_at"),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
    createdAt: integer("created_at").notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [
    uniqueIndex("alert_events_dedupe_uq").on(t.subscriptionId, t.dedupeKey),
    index("alert_events_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
export type AlertEvent = typeof alertEvents.$inferSelect;
