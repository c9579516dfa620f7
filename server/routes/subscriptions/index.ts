import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "../../app";
import type { AdminGuard } from "../../auth";
import { mailLinkRoutes } from "./mail-links";
import { manageSubscriptionRoutes } from "./manage";

/**
 * /api/subscriptions, one resource in three files: manage.ts (subscribe, list, delivery log, cancel),
 * mail-links.ts (the confirm and unsubscribe links of alert mails, with pages.ts), shapes.ts (what they take
 * and answer).
 */
export function subscriptionRoutes(deps: AppDeps, admin: AdminGuard) {
  return new OpenAPIHono().route("/", manageSubscriptionRoutes(deps, admin)).route("/", mailLinkRoutes(deps));
}
