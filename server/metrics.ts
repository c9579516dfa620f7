import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppDeps } from "./app";

export interface Metrics {
  /** Counts every request by route and status. */
  middleware: MiddlewareHandler;
  /** GET /metrics in Prometheus text format. */
  routes: OpenAPIHono;
}

// TODO(metrics helper): Prometheus metrics prefixed tidemark_.
export function createMetrics(_deps: AppDeps): Metrics {
  return { middleware: async (_c, next) => next(), routes: new OpenAPIHono() };
}
