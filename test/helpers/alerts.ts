import pino from "pino";
import type { Db } from "../../db/client";
import { createTopic } from "../../db/queries/topics";
import { type AlertEvent, alertEvents, type Subscription, subscriptions } from "../../db/schema";
import { channelRegistry } from "../../jobs/alerts/channel-registry";
import { createWebhookChannel } from "../../jobs/alerts/channels/webhook";
import type { DeliveryContext } from "../../jobs/alerts/deliver";

export const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const PUBLIC_URL = "https://tidemark.example";

let topics = 0;

/** A topic and a confirmed instant webhook subscription to `url`. */
export async function makeWebhookSubscription(
  db: Db,
  url: string,
  overrides: Partial<Subscription> = {},
): Promise<Subscription> {
  topics++;
  const topic = await createTopic(db, {
    slug: `nvidia-${topics}`,
    name: `Nvidia ${topics}`,
    color: "#76b900",
    query: "nvidia",
  });
  const [row] = await db
    .insert(subscriptions)
    .values({
      topicId: topic.id,
      channel: "webhook",
      mode: "instant",
      url,
      secret: SECRET,
      token: `tok-${topics}`,
      createdAt: 0,
      confirmedAt: 0,
      ...overrides,
    })
    .returning();
  return row!;
}

/** `count` pending article.tagged events for the subscription, due at `at`. */
export async function makeAlertEvents(
  db: Db,
  subscription: Subscription,
  count: number,
  at = 0,
): Promise<AlertEvent[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    subscriptionId: subscription.id,
    type: "article.tagged" as const,
    dedupeKey: `article:${i + 1}`,
    payload: {
      topic: { slug: "nvidia", name: "Nvidia" },
      article: { id: i + 1, title: `Nvidia story ${i + 1}`, url: `https://news.example/${i + 1}` },
    },
    nextAttemptAt: at,
    createdAt: at,
  }));
  return db.insert(alertEvents).values(rows).returning();
}

/** A delivery context with the real webhook channel, private addresses allowed (receivers are on 127.0.0.1). */
export function webhookDeliveryContext(
  db: Db,
  overrides: Partial<DeliveryContext> & { timeoutMs?: number } = {},
): DeliveryContext {
  const { timeoutMs, ...rest } = overrides;
  return {
    db,
    log: pino({ level: "silent" }),
    publicUrl: PUBLIC_URL,
    channels: channelRegistry([
      createWebhookChannel({ allowPrivateUrls: true, now: overrides.now, timeoutMs }),
    ]),
    ...rest,
  };
}
