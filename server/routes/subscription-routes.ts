import { createRoute, z } from "@hono/zod-openapi";
import { isTimeZone } from "../../core/time/time-zone";
import { ErrorSchema, errorResponses, IdParam } from "../schemas";

/** The OpenAPI description and validation of /api/subscriptions; the handlers are in subscriptions.ts. */

const SubscriptionSchema = z
  .object({
    id: z.number().int(),
    topic: z.string(),
    channel: z.enum(["webhook", "email"]),
    mode: z.enum(["instant", "digest", "spike"]),
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
export type SubscriptionJson = z.infer<typeof SubscriptionSchema>;

const WebhookCreated = SubscriptionSchema.extend({
  secret: z
    .string()
    .openapi({ description: "Standard Webhooks signing secret, whsec_<base64>; shown only once" }),
  token: z
    .string()
    .openapi({ description: "Cancels this subscription: DELETE with Authorization: Bearer <token>" }),
}).openapi("WebhookSubscriptionCreated");
const EmailPending = z
  .object({ id: z.number().int(), status: z.literal("pending-confirmation") })
  .openapi("EmailSubscriptionPending");

const SubscriptionCreate = z
  .object({
    topic: z.string().min(1).max(64).openapi({ example: "r1-release" }),
    channel: z.enum(["webhook", "email"]),
    url: z.string().max(2048).optional().openapi({ description: "webhook: the http(s) URL to POST to" }),
    email: z.email().max(254).optional().openapi({ description: "email: the address, which must confirm" }),
    mode: z.enum(["instant", "digest", "spike"]).default("instant"),
    digestHour: z
      .number()
      .int()
      .min(0)
      .max(23)
      .optional()
      .openapi({ description: "digest: local hour, 8 by default" }),
    tz: z
      .string()
      .max(64)
      .refine(isTimeZone, "an IANA time zone such as Europe/Berlin")
      .optional()
      .openapi({ description: "digest: IANA zone of digestHour, UTC by default" }),
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

const TokenQuery = z.object({
  token: z
    .string()
    .max(200)
    .optional()
    .openapi({
      param: { name: "token", in: "query" },
      description: "the subscription's token (from its links)",
    }),
});
const RequiredToken = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "token", in: "query" } }),
});
const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: "limit", in: "query" } }),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, "nextCursor of the previous page")
    .optional()
    .openapi({ param: { name: "cursor", in: "query" } }),
});

const DeliverySchema = z
  .object({
    id: z.string().openapi({ description: "the webhook-id" }),
    type: z.enum(["article.tagged", "topic.spike", "topic.digest", "subscription.confirm"]),
    dedupeKey: z.string(),
    status: z.enum(["pending", "delivered", "failed", "cancelled"]),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  })
  .openapi("Delivery");

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const page = { content: { "text/html": { schema: z.string() } } };
/** A page for people, JSON for programs that ask for it (Accept: application/json). */
const pageOrJson = <T extends z.ZodType>(schema: T) => ({
  content: { "text/html": { schema: z.string() }, "application/json": { schema } },
});
const bearer = [{ bearerAuth: [] }];
const tags = ["subscriptions"];
const error = (description: string) => ({ description, ...json(ErrorSchema) });

export const routes = {
  create: createRoute({
    method: "post",
    path: "/subscriptions",
    tags,
    summary: "Subscribe to a topic's alerts: webhook (admin token) or email (public, double opt-in)",
    security: [{}, ...bearer],
    request: { body: { ...json(SubscriptionCreate), required: true } },
    responses: {
      201: {
        description: "Webhook: active, with its secret; email: waiting for the address to confirm",
        ...json(z.union([WebhookCreated, EmailPending])),
      },
      ...errorResponses(400, 401, 403, 413),
      429: error("Too many subscriptions from this client"),
      503: error("Email alerts are not configured (SMTP_URL)"),
    },
  }),
  list: createRoute({
    method: "get",
    path: "/subscriptions",
    tags,
    summary: "Every subscription, newest first, without secrets or tokens",
    security: bearer,
    request: { query: PageQuery },
    responses: {
      200: {
        description: "Subscriptions",
        ...json(z.object({ items: z.array(SubscriptionSchema), nextCursor: z.string().nullable() })),
      },
      ...errorResponses(400, 401, 403),
    },
  }),
  deliveries: createRoute({
    method: "get",
    path: "/subscriptions/{id}/deliveries",
    tags,
    summary: "The delivery log: the subscription's alert events, newest first",
    security: bearer,
    request: { params: IdParam, query: PageQuery },
    responses: {
      200: {
        description: "Deliveries",
        ...json(z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() })),
      },
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  remove: createRoute({
    method: "delete",
    path: "/subscriptions/{id}",
    tags,
    summary: "Cancel a subscription (admin token, or the subscription's own token as bearer or ?token=)",
    security: bearer,
    request: { params: IdParam, query: TokenQuery },
    responses: {
      204: { description: "Cancelled; pending deliveries are dropped" },
      ...errorResponses(400, 401, 404),
    },
  }),
  confirm: createRoute({
    method: "get",
    path: "/subscriptions/{id}/confirm",
    tags,
    summary: "Confirm an email subscription (the link in the confirmation mail)",
    request: { params: IdParam, query: RequiredToken },
    responses: {
      200: {
        description: "Confirmed: a page, or JSON when asked for",
        ...pageOrJson(z.object({ id: z.number().int(), status: z.literal("active") })),
      },
      400: error("No token"),
      403: error("Wrong token"),
      404: error("No such subscription"),
      410: error("The subscription was cancelled"),
    },
  }),
  unsubscribePage: createRoute({
    method: "get",
    path: "/subscriptions/{id}/unsubscribe",
    tags,
    summary: "The unsubscribe link: a page whose button posts to the same URL (link scanners only look)",
    request: { params: IdParam, query: RequiredToken },
    responses: {
      200: { description: "A page with an Unsubscribe button", ...page },
      400: error("No token"),
      403: error("Wrong token"),
      404: error("No such subscription"),
    },
  }),
  unsubscribe: createRoute({
    method: "post",
    path: "/subscriptions/{id}/unsubscribe",
    tags,
    summary:
      "Cancel by the subscription's token (the page's button, or RFC 8058 one-click from the mail client)",
    request: { params: IdParam, query: TokenQuery },
    responses: {
      200: {
        description: "Cancelled",
        ...pageOrJson(z.object({ id: z.number().int(), status: z.literal("cancelled") })),
      },
      403: error("Wrong or missing token"),
      404: error("No such subscription"),
    },
  }),
};
