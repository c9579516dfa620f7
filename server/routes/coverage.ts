import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "../app";

export function coverageRoutes(_deps: AppDeps) {
  return new OpenAPIHono();
}
