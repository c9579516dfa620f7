import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "../app";

// TODO(stream helper): GET /stream, server-sent events of newly tagged articles
export function streamRoutes(_deps: AppDeps) {
  return new OpenAPIHono();
}
