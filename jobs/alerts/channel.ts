import type { AlertEvent, Subscription } from "../../db/schema";

/**
 * One file per channel (webhook, email), each implementing this. The delivery worker owns retries, leases and
 * the log; a channel only tries once and says how it went.
 */
export interface AlertChannel {
  readonly name: Subscription["channel"];
  deliver(delivery: Delivery): Promise<DeliveryResult>;
}

export interface Delivery {
  event: AlertEvent;
  subscription: Subscription;
  /** The JSON body every channel renders from: the event's payload plus type, ids and links. */
  message: AlertMessage;
}

export interface AlertMessage {
  type: AlertEvent["type"];
  /** Stable per (subscription, event): the `webhook-id`, so a receiver can drop repeats. */
  id: string;
  topic: { slug: string; name: string };
  createdAt: string;
  links: { dashboard: string; unsubscribe: string; confirm?: string };
  [key: string]: unknown;
}

export type DeliveryResult =
  | { ok: true; status?: number }
  | {
      ok: false;
      error: string;
      status?: number;
      /** The receiver said never again (410 Gone, an address that bounces): cancel the subscription. */
      gone?: boolean;
      retryAfterMs?: number;
    };
