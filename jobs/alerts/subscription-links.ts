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
  view?: { interval: string; tz: string; from: string; to: string },
): AlertMessage["links"] {
  const base = `${publicUrl.replace(/\/+$/, "")}/api/subscriptions/${subscription.id}`;
  const token = `token=${encodeURIComponent(subscription.token)}`;
  return {
    dashboard: `${publicUrl.replace(/\/+$/, "")}/?${dashboardQuery(topicSlug, view)}`,
    unsubscribe: `${base}/unsubscribe?${token}`,
    ...(subscription.confirmedAt === null ? { confirm: `${base}/confirm?${token}` } : {}),
  };
}

/** The dashboard's URL state (web/state/url-state.ts) for a topic, and the exact view an alert is about. */
function dashboardQuery(
  topicSlug: string,
  view?: { interval: string; tz: string; from: string; to: string },
) {
  const p = new URLSearchParams({ topics: topicSlug });
  if (view) {
    p.set("range", "custom");
    p.set("from", view.from);
    p.set("to", view.to);
    p.set("interval", view.interval);
    p.set("tz", view.tz);
  }
  return p.toString();
}
