import { randomBytes } from "node:crypto";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { DomainError } from "../../../core/errors";
import { checkWebhookUrl } from "../../../core/urls/webhook-url";
import { generateWebhookSecret } from "../../../core/webhook-signature";
import {
  cancelSubscription,
  createSubscription,
  findLiveEmailSubscription,
  getSubscription,
  listDeliveries,
  listSubscriptions,
} from "../../../db/queries/subscriptions";
import { getTopic } from "../../../db/queries/topics";
import { bearer, errorResponse, errorResponses, IdParam, json, limitParam, pageOf } from "../../api-shapes";
import type { AppDeps } from "../../app";
import { type AdminGuard, adminBearer, bearerToken, requireWrite, tokenMatches } from "../../auth";
import { badRequest, notFound } from "../../errors";
import {
  DeliverySchema,
  deliveryJson,
  EmailPending,
  SubscriptionCreate,
  SubscriptionSchema,
  subscriptionJson,
  TokenQuery,
  WebhookCreated,
} from "./shapes";

/** Subscribing, and the admin's view of subscriptions: create, list, delivery log, cancel. */

const PageQuery = z
  .object({
    limit: limitParam,
    cursor: z
      .string()
      .regex(/^\d{1,15}$/, "nextCursor of the previous page")
      .optional()
      .openapi({ param: { name: "cursor", in: "query" } }),
  })
  .strict();

const tags = ["subscriptions"];

const routes = {
  create: createRoute({
    method: "post",
    path: "/subscriptions",
    operationId: "createSubscription",
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
      429: errorResponse("Too many subscriptions from this client"),
      503: errorResponse("Email alerts are not configured (SMTP_URL)"),
    },
  }),
  list: createRoute({
    method: "get",
    path: "/subscriptions",
    operationId: "listSubscriptions",
    tags,
    summary: "Every subscription, newest first, without secrets or tokens",
    security: bearer,
    request: { query: PageQuery },
    responses: {
      200: {
        description: "Subscriptions",
        ...json(pageOf(SubscriptionSchema)),
      },
      ...errorResponses(400, 401, 403),
    },
  }),
  deliveries: createRoute({
    method: "get",
    path: "/subscriptions/{id}/deliveries",
    operationId: "listSubscriptionDeliveries",
    tags,
    summary: "The delivery log: the subscription's alert events, newest first",
    security: bearer,
    request: { params: IdParam, query: PageQuery },
    responses: {
      200: {
        description: "Deliveries",
        ...json(pageOf(DeliverySchema)),
      },
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  remove: createRoute({
    method: "delete",
    path: "/subscriptions/{id}",
    operationId: "cancelSubscription",
    tags,
    summary: "Cancel a subscription (admin token, or the subscription's own token as bearer or ?token=)",
    security: bearer,
    request: { params: IdParam, query: TokenQuery },
    responses: {
      204: { description: "Cancelled; pending deliveries are dropped" },
      ...errorResponses(400, 401, 404),
    },
  }),
};

const beforeId = (cursor: string | undefined) => (cursor === undefined ? undefined : Number(cursor));

export function manageSubscriptionRoutes({ db, config }: AppDeps, admin: AdminGuard) {
  const isAdmin = adminBearer(config.adminToken);
  return new OpenAPIHono()
    .openapi(routes.create, async (c) => {
      const body = c.req.valid("json");
      if (body.channel === "webhook") await admin(c, async () => {});
      if (body.channel === "email" && !config.smtpUrl) {
        throw new DomainError(
          "email_unavailable",
          "email alerts are not configured on this server: set SMTP_URL (smtp://user:pass@host:587 or smtps://...) and TIDEMARK_MAIL_FROM, then restart",
        );
      }
      const topic = await getTopic(db, body.topic);
      if (!topic) throw badRequest(`topic: no topic '${body.topic}'`, [{ path: "topic" }]);
      const now = Date.now();
      const fields = {
        topicId: topic.id,
        mode: body.mode,
        digestHour: body.digestHour ?? 8,
        tz: body.tz ?? "UTC",
      };
      const named = { slug: topic.slug, name: topic.name };
      const token = randomBytes(24).toString("base64url");
      if (body.channel === "webhook") {
        const url = checkWebhookUrl(body.url ?? "", config.allowPrivateUrls);
        const secret = generateWebhookSecret();
        const row = await createSubscription(
          db,
          { ...fields, channel: "webhook", url, secret, token },
          named,
          now,
        );
        const sub = { ...row, topicSlug: topic.slug, topicName: topic.name };
        return c.json({ ...subscriptionJson(sub), secret, token }, 201);
      }
      const email = normalizeEmail(body.email ?? "");
      // Every address gets the same answer, known or new, confirmed or not, and a known one no second mail:
      // the answer must not tell a stranger which addresses follow which topics (hence no id in it either).
      const existing = await findLiveEmailSubscription(db, { topicId: topic.id, mode: body.mode, email });
      if (!existing) await createSubscription(db, { ...fields, channel: "email", email, token }, named, now);
      return c.json({ status: "pending-confirmation" as const }, 201);
    })
    .openapi({ ...routes.list, middleware: [admin] as const }, async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const rows = await listSubscriptions(db, { limit: limit + 1, beforeId: beforeId(cursor) });
      const page = rows.slice(0, limit);
      const nextCursor = rows.length > limit ? String(page[page.length - 1]!.id) : null;
      return c.json({ items: page.map(subscriptionJson), nextCursor }, 200);
    })
    .openapi({ ...routes.deliveries, middleware: [admin] as const }, async (c) => {
      const { id } = c.req.valid("param");
      const { limit, cursor } = c.req.valid("query");
      if (!(await getSubscription(db, id))) throw notFound("no such subscription");
      const rows = await listDeliveries(db, id, { limit: limit + 1, beforeId: beforeId(cursor) });
      const page = rows.slice(0, limit);
      const nextCursor = rows.length > limit ? String(page[page.length - 1]!.id) : null;
      return c.json({ items: page.map(deliveryJson), nextCursor }, 200);
    })
    .openapi(routes.remove, async (c) => {
      const { id } = c.req.valid("param");
      const { token } = c.req.valid("query");
      const header = c.req.header("authorization");
      const principal = c.get("principal");
      const asAdmin = isAdmin(header) || principal?.canWrite === true;
      if (asAdmin && principal) requireWrite(c, principal, config.publicUrl);
      const sub = await getSubscription(db, id);
      if (!asAdmin) {
        const given = bearerToken(header) ?? token;
        if (given === undefined) {
          throw new DomainError(
            "unauthorized",
            "send 'Authorization: Bearer <admin token or the subscription's token>' or ?token=",
          );
        }
        if (!sub || !tokenMatches(given, sub.token))
          throw new DomainError("unauthorized", "wrong token for this subscription");
      }
      if (!sub) throw notFound("no such subscription");
      await cancelSubscription(db, id, asAdmin ? "cancelled by admin" : "unsubscribed", Date.now());
      return c.body(null, 204);
    });
}

/** Mail systems treat the domain case-insensitively; the local part is the receiving server's business. */
function normalizeEmail(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf("@");
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}
