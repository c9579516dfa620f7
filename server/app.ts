import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import type { Db } from "../db/client";
import { requireAdmin } from "./auth";
import type { Config } from "./config";
import { ApiError, describeZodError, errorBody, handleError, zodDetails } from "./errors";
import { articleRoutes } from "./routes/articles";
import { feedRoutes } from "./routes/feeds";
import { healthRoutes } from "./routes/health";
import { topicRoutes } from "./routes/topics";

export interface AppDeps {
  db: Db;
  config: Config;
  log: Logger;
}

const JSON_BODY_LIMIT = 1024 * 1024;
const OPML_BODY_LIMIT = 5 * 1024 * 1024;

/** The HTTP app, without a listening socket: tests drive it through `app.request()` or a real server. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono({
    // Every validation failure becomes a 400 in the one error shape, naming the parameter.
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError(400, "invalid_request", describeZodError(result.error), zodDetails(result.error));
      }
    },
  });

  app.use("*", requestId());
  app.use("*", async (c, next) => {
    const started = performance.now();
    await next();
    deps.log.info(
      {
        reqId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  app.use("*", secureHeaders());
  app.use("/api/*", cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"] }));
  app.use("/api/*", etag());
  app.use("/api/feeds/import", bodyLimit({ maxSize: OPML_BODY_LIMIT, onError: tooLarge(OPML_BODY_LIMIT) }));
  app.use("/api/*", async (c, next) => {
    if (c.req.path === "/api/feeds/import") return next();
    return bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge(JSON_BODY_LIMIT) })(c, next);
  });

  const admin = requireAdmin(deps.config.adminToken);
  app.route("/api", healthRoutes(deps));
  app.route("/api", feedRoutes(deps, admin));
  app.route("/api", articleRoutes(deps));
  app.route("/api", topicRoutes(deps, admin));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer" });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Tidemark API",
      version: "0.1.0",
      description: "Media-coverage tracking: feeds, articles, topics and coverage time series.",
    },
  });

  app.notFound((c) => c.json(errorBody("not_found", `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => handleError(error, c, deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;

function tooLarge(limit: number) {
  return () => {
    throw new ApiError(413, "payload_too_large", `request body is larger than ${limit} bytes`);
  };
}
