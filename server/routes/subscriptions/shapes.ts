import { z } from "@hono/zod-openapi";
import { isTimeZone } from "../../../core/time/time-zone";
import type { SubscriptionWithTopic } from "../../../db/queries/subscriptions";
import {
  ALERT_EVENT_STATUSES,
  ALERT_EVENT_TYPES,
  type AlertEvent,
  SUBSCRIPTION_CHANNELS,
  SUBSCRIPTION_MODES,
} from "../../../db/schema";
import { isoTime } from "../../api-shapes";

/** What /api/subscriptions takes and answers. Channels, modes and event kinds come from the tables' enums. */

const channel = z.enum(SUBSCRIPTION_CHANNELS);
const mode = z.enum(SUBSCRIPTION_MODES);

export const SubscriptionSchema = z
  .object({
    id: z.number().int(),
    topic: z.string(),
    channel,
    mode,
    url: z.string().nullable(),
    email: z.string().nullable(),
    digestHour: z.number().int(),
    tz: z.string(),
    status: z.enum(["pending-confirmation", "active", "cancelled"]),
    createdAt: z.string(),
    confirmedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    lastDigestOn: z.string().nullable(),
  })
  .openapi("Subscription");
type SubscriptionJson = z.infer<typeof SubscriptionSchema>;

export function subscriptionJson(s: SubscriptionWithTopic): SubscriptionJson {
  return {
    id: s.id,
    topic: s.topicSlug,
    channel: s.channel,
    mode: s.mode,
    url: s.url,
    email: s.email,
    digestHour: s.digestHour,
    tz: s.tz,
    status: s.cancelledAt !== null ? "cancelled" : s.confirmedAt === null ? "pending-confirmation" : "active",
    createdAt: isoTime(s.createdAt)!,
    confirmedAt: isoTime(s.confirmedAt),
    cancelledAt: isoTime(s.cancelledAt),
    cancelReason: s.cancelReason,
    lastDigestOn: s.lastDigestOn,
  };
}

export const WebhookCreated = SubscriptionSchema.extend({
  secret: z
    .string()
    .openapi({ description: "Standard Webhooks signing secret, whsec_<base64>; shown only once" }),
  token: z
    .string()
    .openapi({ description: "Cancels this subscription: DELETE with Authorization: Bearer <token>" }),
}).openapi("WebhookSubscriptionCreated");

/**
 * No id: a stranger could otherwise tell an address already subscribed (an old id) from a new one (the next id).
 * The id travels only in the confirmation mail's links.
 */
export const EmailPending = z
  .object({ status: z.literal("pending-confirmation") })
  .openapi("EmailSubscriptionPending");

export const SubscriptionCreate = z
  .object({
    topic: z.string().min(1).max(64).openapi({ example: "r1-release" }),
    channel,
    url: z.string().max(2048).optional().openapi({ description: "webhook: the http(s) URL to POST to" }),
    email: z.email().max(254).optional().openapi({ description: "email: the address, which must confirm" }),
    mode: mode.default("instant"),
    digestHour: z
      .number()
      .int()
      .min(0)
      .max(23)
      .optional()
      .openapi({ description: "digest: local hour, 8 by default" }),
    tz: z.string().max(64).refine(isTimeZone, "an IANA time zone such as Europe/Berlin").optional().openapi({
      description: "digest: IANA zone of digestHour; spike: the zone whose days are judged; UTC by default",
    }),
  })
  .superRefine((body, ctx) => {
    const needed = body.channel === "webhook" ? "url" : "email";
    const other = body.channel === "webhook" ? "email" : "url";
    if (body[needed] === undefined)
      ctx.addIssue({ code: "custom", path: [needed], message: `required for ${body.channel}` });
    if (body[other] !== undefined)
      ctx.addIssue({ code: "custom", path: [other], message: `not used by ${body.channel}` });
  })
  .openapi("SubscriptionCreate");

// The two token queries stay lenient about parameters they do not know: they sit behind links in mail, and mail
// systems add tracking parameters (utm_*) to links on their way to the reader.
export const TokenQuery = z.object({
  token: z
    .string()
    .max(200)
    .optional()
    .openapi({
      param: { name: "token", in: "query" },
      description: "the subscription's token (from its links)",
    }),
});

export const RequiredToken = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "token", in: "query" } }),
});

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ description: "the webhook-id" }),
    type: z.enum(ALERT_EVENT_TYPES),
    dedupeKey: z.string(),
    status: z.enum(ALERT_EVENT_STATUSES),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  })
  .openapi("Delivery");

export function deliveryJson(e: AlertEvent): z.infer<typeof DeliverySchema> {
  return {
    id: String(e.id),
    type: e.type,
    dedupeKey: e.dedupeKey,
    status: e.status,
    attempts: e.attempts,
    lastStatus: e.lastStatus,
    lastError: e.lastError,
    createdAt: isoTime(e.createdAt)!,
    nextAttemptAt: e.status === "pending" ? isoTime(e.nextAttemptAt) : null,
    deliveredAt: isoTime(e.deliveredAt),
  };
}
