import { readAlertPayload } from "../../db/alert-payloads";
import type { SubscriptionWithTopic } from "../../db/queries/subscriptions";
import type { AlertEvent } from "../../db/schema";
import type { AlertMessage } from "./channel";
import { subscriptionLinks } from "./subscription-links";

/** Stable per outbox row, and each row is one (subscription, event) pair: the `webhook-id` receivers dedupe on. */
export function messageId(eventId: number): string {
  return `msg_${eventId}`;
}

/**
 * The message every channel renders: the event's payload (the article, the digest's counts, the spike's
 * explanation) with the type, the stable id and the links a reader needs. Pure.
 */
export function buildAlertMessage(
  event: AlertEvent,
  subscription: SubscriptionWithTopic,
  publicUrl: string,
): AlertMessage {
  const alert = readAlertPayload(event);
  // No payload type has links, but a row is data on disk: links it carries are kept under ours.
  const { links: payloadLinks, ...payload }: { links?: unknown } & typeof alert.payload = alert.payload;
  const topic = { slug: subscription.topicSlug, name: subscription.topicName };
  // A spike's link opens the chart on the view whose mark the alert reports.
  const view = alert.type === "topic.spike" && isRecord(alert.payload.view) ? alert.payload.view : undefined;
  const links = subscriptionLinks(publicUrl, subscription, topic.slug, view);
  return {
    ...payload,
    type: alert.type,
    id: messageId(event.id),
    // The payload's topic is a snapshot from when the event was written; the row is the fallback.
    topic: isTopic(payload.topic) ? payload.topic : topic,
    createdAt: new Date(event.createdAt).toISOString(),
    links: { ...(isRecord(payloadLinks) ? payloadLinks : {}), ...links },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isTopic(value: unknown): value is { slug: string; name: string } {
  return isRecord(value) && typeof value.slug === "string" && typeof value.name === "string";
}
