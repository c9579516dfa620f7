import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { errorResponses, PUBLIC } from "./api-shapes";
import type { AppDeps } from "./app";
import { deliveryMetrics } from "./metrics/delivery-metrics";
import { EXPOSITION_CONTENT_TYPE, type MetricFamily, renderExposition } from "./metrics/exposition";
import { HttpMetrics } from "./metrics/http-metrics";
import { processMetrics } from "./metrics/process-metrics";
import { storeMetrics } from "./metrics/store-metrics";

export interface Metrics {
  /** Counts every request by route and status. */
  middleware: MiddlewareHandler;
  /** GET /metrics in Prometheus text format. */
  routes: OpenAPIHono;
}

/** Everything /metrics reports is one of these. */
type Collector = () => MetricFamily[] | Promise<MetricFamily[]>;

const route = createRoute({
  method: "get",
  path: "/metrics",
  operationId: "getMetrics",
  tags: ["health"],
  security: PUBLIC,
  summary: "Prometheus metrics (text format 0.0.4), names prefixed tidemark_",
  responses: {
    200: { description: "Exposition", content: { "text/plain": { schema: z.string() } } },
    ...errorResponses(429),
  },
});

/** Requests, durations, what the database holds and the process itself, for Prometheus. */
export function createMetrics({ db, log }: AppDeps): Metrics {
  const http = new HttpMetrics();
  const collectors: Collector[] = [
    () => http.families(),
    databaseCollector(storeMetrics(db), log),
    deliveryMetrics(db, log),
    processMetrics,
  ];

  const middleware: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    await next();
    http.record(c.req.method, routeLabel(c), c.res.status, (performance.now() - started) / 1000);
  };

  const routes = new OpenAPIHono();
  routes.openapi(route, async (c) => {
    const families = (await Promise.all(collectors.map((collect) => collect()))).flat();
    return c.text(renderExposition(families), 200, { "content-type": EXPOSITION_CONTENT_TYPE });
  });
  return { middleware, routes };
}

/**
 * The pattern of the route that answered ("/api/feeds/:id"), never the raw path: one series per route, not per
 * URL a client makes up. Middleware is registered for every method ("ALL"); the last route with a method is
 * the handler. Requests no route matched share one label.
 */
function routeLabel(c: Context): string {
  const handler = matchedRoutes(c).findLast((r) => r.method !== "ALL");
  return handler?.path ?? "unmatched";
}

/** A database that cannot be read still leaves the process's own metrics scrapeable, with tidemark_db_up 0. */
function databaseCollector(read: () => Promise<MetricFamily[]>, log: AppDeps["log"]): Collector {
  return async () => {
    let families: MetricFamily[] = [];
    let up = 1;
    try {
      families = await read();
    } catch (err) {
      log.warn({ err }, "metrics: database read failed");
      up = 0;
    }
    const upFamily: MetricFamily = {
      name: "tidemark_db_up",
      help: "Whether the database answered this scrape.",
      type: "gauge",
      samples: [{ value: up }],
    };
    return [upFamily, ...families];
  };
}
