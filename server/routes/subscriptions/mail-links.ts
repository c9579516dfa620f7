import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { DomainError } from "../../../core/errors";
import { cancelSubscription, confirmSubscription, getSubscription } from "../../../db/queries/subscriptions";
import { errorResponse, IdParam, PUBLIC } from "../../api-shapes";
import type { AppDeps } from "../../app";
import { tokenMatches } from "../../auth";
import { domainErrorBody } from "../../errors";
import {
  confirmedPage,
  confirmPage,
  PAGE_CSP,
  problemPage,
  unsubscribedPage,
  unsubscribePage,
} from "./pages";
import { RequiredToken, TokenQuery } from "./shapes";

/**
 * The links in alert mails: confirm an email subscription, unsubscribe. A person clicking one gets a page whose
 * button does the deed with a POST (GET and HEAD change nothing, since mail scanners open every link); a
 * program asking for JSON gets JSON. The subscription's token in the link is the credential.
 */

const tags = ["subscriptions"];
const page = { content: { "text/html": { schema: z.string() } } };
/** A page for people, JSON for programs that ask for it (Accept: application/json). */
const pageOrJsonContent = <T extends z.ZodType>(schema: T) => ({
  content: { "text/html": { schema: z.string() }, "application/json": { schema } },
});

const routes = {
  confirmPage: createRoute({
    method: "get",
    path: "/subscriptions/{id}/confirm",
    operationId: "showConfirmPage",
    tags,
    summary: "The confirmation link: a page whose button posts to the same URL (link scanners only look)",
    security: PUBLIC,
    request: { params: IdParam, query: RequiredToken },
    responses: {
      200: {
        description: "A page with a Confirm button, or the subscription's status as JSON when asked for",
        ...pageOrJsonContent(
          z.object({ id: z.number().int(), status: z.enum(["pending-confirmation", "active"]) }),
        ),
      },
      400: errorResponse("No token"),
      403: errorResponse("Wrong token"),
      404: errorResponse("No such subscription"),
      410: errorResponse("The subscription was cancelled"),
    },
  }),
  confirm: createRoute({
    method: "post",
    path: "/subscriptions/{id}/confirm",
    operationId: "confirmSubscription",
    tags,
    summary: "Confirm an email subscription by its token (the confirmation page's button)",
    security: PUBLIC,
    request: { params: IdParam, query: TokenQuery },
    responses: {
      200: {
        description: "Confirmed: a page, or JSON when asked for",
        ...pageOrJsonContent(z.object({ id: z.number().int(), status: z.literal("active") })),
      },
      403: errorResponse("Wrong or missing token"),
      404: errorResponse("No such subscription"),
      410: errorResponse("The subscription was cancelled"),
    },
  }),
  unsubscribePage: createRoute({
    method: "get",
    path: "/subscriptions/{id}/unsubscribe",
    operationId: "showUnsubscribePage",
    tags,
    summary: "The unsubscribe link: a page whose button posts to the same URL (link scanners only look)",
    security: PUBLIC,
    request: { params: IdParam, query: RequiredToken },
    responses: {
      200: { description: "A page with an Unsubscribe button", ...page },
      400: errorResponse("No token"),
      403: errorResponse("Wrong token"),
      404: errorResponse("No such subscription"),
    },
  }),
  unsubscribe: createRoute({
    method: "post",
    path: "/subscriptions/{id}/unsubscribe",
    operationId: "unsubscribe",
    tags,
    summary:
      "Cancel by the subscription's token (the page's button, or RFC 8058 one-click from the mail client)",
    security: PUBLIC,
    request: { params: IdParam, query: TokenQuery },
    responses: {
      200: {
        description: "Cancelled",
        ...pageOrJsonContent(z.object({ id: z.number().int(), status: z.literal("cancelled") })),
      },
      403: errorResponse("Wrong or missing token"),
      404: errorResponse("No such subscription"),
    },
  }),
};

export function mailLinkRoutes({ db }: AppDeps) {
  /** The subscription a link names, or the error to show when the link is not valid. */
  async function subscriptionFor(id: number, token: string | undefined) {
    const sub = await getSubscription(db, id);
    if (!sub) return new DomainError("not_found", "no such subscription");
    if (!token || !tokenMatches(token, sub.token)) {
      return new DomainError("invalid_token", "this link's token does not belong to the subscription");
    }
    return sub;
  }

  return new OpenAPIHono()
    .openapi(routes.confirmPage, async (c) => {
      const { id } = c.req.valid("param");
      const { token } = c.req.valid("query");
      const found = await subscriptionFor(id, token);
      if (found instanceof DomainError) return pageOrError(c, found);
      if (found.cancelledAt !== null)
        return pageOrError(c, new DomainError("gone", "this subscription was cancelled"));
      if (found.confirmedAt !== null)
        return pageOrJson(c, confirmedPage(found.topicName, found.mode), { id, status: "active" });
      const action = `/api/subscriptions/${id}/confirm?token=${encodeURIComponent(token)}`;
      return pageOrJson(c, confirmPage(found.topicName, found.mode, action), {
        id,
        status: "pending-confirmation",
      });
    })
    .openapi(routes.confirm, async (c) => {
      const { id } = c.req.valid("param");
      const token = c.req.valid("query").token ?? (await formToken(c));
      const found = await subscriptionFor(id, token);
      if (found instanceof DomainError) return pageOrError(c, found);
      if (found.cancelledAt !== null)
        return pageOrError(c, new DomainError("gone", "this subscription was cancelled"));
      await confirmSubscription(db, id, Date.now());
      return pageOrJson(c, confirmedPage(found.topicName, found.mode), { id, status: "active" });
    })
    .openapi(routes.unsubscribePage, async (c) => {
      const { id } = c.req.valid("param");
      const { token } = c.req.valid("query");
      const found = await subscriptionFor(id, token);
      if (found instanceof DomainError) return pageOrError(c, found);
      if (found.cancelledAt !== null) return html(c, unsubscribedPage(found.topicName), 200);
      const action = `/api/subscriptions/${id}/unsubscribe?token=${encodeURIComponent(token ?? "")}`;
      return html(c, unsubscribePage(found.topicName, action), 200);
    })
    .openapi(routes.unsubscribe, async (c) => {
      const { id } = c.req.valid("param");
      const token = c.req.valid("query").token ?? (await formToken(c));
      const found = await subscriptionFor(id, token);
      if (found instanceof DomainError) return pageOrError(c, found);
      await cancelSubscription(db, id, "unsubscribed", Date.now());
      return pageOrJson(c, unsubscribedPage(found.topicName), { id, status: "cancelled" });
    });
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

function pageOrError(c: Context, error: DomainError) {
  if (!wantsHtml(c)) return c.json(domainErrorBody(c, error), error.status);
  return html(c, problemPage("Link not valid", error.message), error.status as 403 | 404 | 410);
}

/** The token of a form post (the unsubscribe page's button); RFC 8058 one-click posts carry it in the URL. */
async function formToken(c: Context): Promise<string | undefined> {
  if (!(c.req.header("content-type") ?? "").includes("application/x-www-form-urlencoded")) return undefined;
  const form = await c.req.parseBody();
  return typeof form.token === "string" ? form.token : undefined;
}
