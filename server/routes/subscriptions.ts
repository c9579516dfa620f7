import { randomBytes } from "node:crypto";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { checkWebhookUrl, WebhookUrlError } from "../../core/urls/webhook-url";
import { generateWebhookSecret } from "../../core/webhook-signature";
import {
  cancelSubscription,
  confirmSubscription,
  createSubscription,
  findLiveEmailSubscription,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  type SubscriptionWithTopic,
} from "../../db/queries/subscriptions";
import { getTopic } from "../../db/queries/topics";
import type { AlertEvent } from "../../db/schema";
import type { AppDeps } from "../app";
import type { requireAdmin } from "../auth";
import { ApiError, errorBody, notFound } from "../errors";
import { isoTime } from "../schemas";
import {
  confirmedPage,
  PAGE_CSP,
  problemPage,
  unsubscribedPage,
  unsubscribePage,
} from "../subscription-pages";
import { routes, type SubscriptionJson } from "./subscription-routes";
import { isAdminBearer, tokenMatches } from "./subscription-tokens";

type Admin = ReturnType<typeof requireAdmin>;

function subscriptionJson(s: SubscriptionWithTopic): SubscriptionJson {
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

function deliveryJson(e: AlertEvent) {
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

/** A person clicking a link from a mail gets a page; a program asking for JSON gets JSON. */
function wantsHtml(c: Context): boolean {
  const accept = c.req.header("accept") ?? "";
  return !(accept.includes("application/json") && !accept.includes("text/html"));
}

function html(c: Context, body: string, status: 200 | 403 | 404 | 410) {
  return c.html(body, status, { "Content-Security-Policy": PAGE_CSP });
}

function pageOrJson(c: Context, page: string, body: object): Response {
  return wantsHtml(c) ? html(c, page, 200) : c.json(body, 200);
}

function pageOrError(c: Context, error: ApiError) {
  if (!wantsHtml(c)) return c.json(errorBody(error.code, error.message), error.status);
  return html(c, problemPage("Link not valid", error.message), error.status as 403 | 404 | 410);
}

async function subscriptionFor(db: AppDeps["db"], id: number, token: string | undefined) {
  const sub = await getSubscription(db, id);
  if (!sub) return new ApiError(404, "not_found", "no such subscription");
  if (!token || !tokenMatches(token, sub.token)) {
    return new ApiError(403, "invalid_token", "this link's token does not belong to the subscription");
  }
  return sub;
}

const beforeId = (cursor: string | undefined) => (cursor === undefined ? undefined : Number(cursor));

export function subscriptionRoutes({ db, config }: AppDeps, admin: Admin) {
  return new OpenAPIHono()
    .openapi(routes.create, async (c) => {
      const body = c.req.valid("json");
      if (body.channel === "webhook") await admin(c, async () => {});
      if (body.channel === "email" && !config.smtpUrl) {
        throw new ApiError(
          503,
          "email_unavailable",
          "email alerts are not configured on this server: set SMTP_URL (smtp://user:pass@host:587 or smtps://...) and TIDEMARK_MAIL_FROM, then restart",
        );
      }
      const topic = await getTopic(db, body.topic);
      if (!topic)
        throw new ApiError(400, "invalid_request", `topic: no topic '${body.topic}'`, [{ path: "topic" }]);
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
        let url: string;
        try {
          url = checkWebhookUrl(body.url ?? "", config.allowPrivateUrls);
        } catch (error) {
          if (!(error instanceof WebhookUrlError)) throw error;
          throw new ApiError(400, "invalid_request", `url: ${error.message}`, [
            { path: "url", message: error.message },
          ]);
        }
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
      // The same address asking again gets the same answer and no second mail, whether or not it confirmed:
      // the answer must not tell a stranger which addresses follow which topics.
      const existing = await findLiveEmailSubscription(db, { topicId: topic.id, mode: body.mode, email });
      const row =
        existing ?? (await createSubscription(db, { ...fields, channel: "email", email, token }, named, now));
      return c.json({ id: row.id, status: "pending-confirmation" as const }, 201);
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
      const bearer = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? "")?.[1];
      const asAdmin = bearer !== undefined && isAdminBearer(bearer, config.adminToken);
      const sub = await getSubscription(db, id);
      if (!asAdmin) {
        const given = bearer ?? token;
        if (given === undefined) {
          throw new ApiError(
            401,
            "unauthorized",
            "send 'Authorization: Bearer <admin token or the subscription's token>' or ?token=",
          );
        }
        if (!sub || !tokenMatches(given, sub.token))
          throw new ApiError(401, "unauthorized", "wrong token for this subscription");
      }
      if (!sub) throw notFound("no such subscription");
      await cancelSubscription(db, id, asAdmin ? "cancelled by admin" : "unsubscribed", Date.now());
      return c.body(null, 204);
    })
    .openapi(routes.confirm, async (c) => {
      const { id } = c.req.valid("param");
      const found = await subscriptionFor(db, id, c.req.valid("query").token);
      if (found instanceof ApiError) return pageOrError(c, found);
      if (found.cancelledAt !== null)
        return pageOrError(c, new ApiError(410, "gone", "this subscription was cancelled"));
      await confirmSubscription(db, id, Date.now());
      return pageOrJson(c, confirmedPage(found.topicName, found.mode), { id, status: "active" });
    })
    .openapi(routes.unsubscribePage, async (c) => {
      const { id } = c.req.valid("param");
      const { token } = c.req.valid("query");
      const found = await subscriptionFor(db, id, token);
      if (found instanceof ApiError) return pageOrError(c, found);
      if (found.cancelledAt !== null) return html(c, unsubscribedPage(found.topicName), 200);
      const action = `/api/subscriptions/${id}/unsubscribe?token=${encodeURIComponent(token ?? "")}`;
      return html(c, unsubscribePage(found.topicName, action), 200);
    })
    .openapi(routes.unsubscribe, async (c) => {
      const { id } = c.req.valid("param");
      const token = c.req.valid("query").token ?? (await formToken(c));
      const found = await subscriptionFor(db, id, token);
      if (found instanceof ApiError) return pageOrError(c, found);
      await cancelSubscription(db, id, "unsubscribed", Date.now());
      return pageOrJson(c, unsubscribedPage(found.topicName), { id, status: "cancelled" });
    });
}

/** The token of a form post (the unsubscribe page's button); RFC 8058 one-click posts carry it in the URL. */
async function formToken(c: Context): Promise<string | undefined> {
  if (!(c.req.header("content-type") ?? "").includes("application/x-www-form-urlencoded")) return undefined;
  const form = await c.req.parseBody();
  return typeof form.token === "string" ? form.token : undefined;
}

/** Mail systems treat the domain case-insensitively; the local part is the receiving server's business. */
function normalizeEmail(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf("@");
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}
