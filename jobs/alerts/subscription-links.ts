import type { Subscription } from "../../db/schema";
import type { AlertMessage } from "./channel";

/**
 * The links every message carries, from TIDEMARK_PUBLIC_URL. The subscription's token rides in the confirm and
 * unsubscribe links: it is the capability that acts on this one subscription, so whoever holds the message can
 * use them and nobody else can.
 */
export function subscriptionLinks(
  publicUrl: string,
  subscription: Pick<Subscription, "id" | "token" | "confirmedAt">,
  topicSlug: string,
): AlertMessage["links"] {
  const base = `${publicUrl.replace(/\/+$/, "")}/api/subscriptions/${subscription.id}`;
  const token = `token=${encodeURIComponent(subscription.token)}`;
  return {
    dashboard: `${publicUrl.replace(/\/+$/, "")}/?topics=${encodeURIComponent(topicSlug)}`,
    unsubscribe: `${base}/unsubscribe?${token}`,
    ...(subscription.confirmedAt === null ? { confirm: `${base}/confirm?${token}` } : {}),
  };
}
