import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "../app";

// TODO(feeds helper): GET /topics/{slug}/feed.atom
export function topicFeedRoutes(_deps: AppDeps) {
  return new OpenAPIHono();
}
