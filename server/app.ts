import { OpenAPIHono } from "@hono/zod-openapi";
import type { Logger } from "pino";
import type { Config } from "../core/config";
import type { Db } from "../db/client";
import { articleTimeSpan } from "../db/queries/articles";
import { createAddressFailures } from "./address-failures";
import { authenticate, requireAdmin } from "./auth";
import { errorBody, handleError, validationError } from "./errors";
import { createMetrics } from "./metrics";
import { applyMiddleware, type HygieneOptions } from "./middleware";
import { publicAccess } from "./public-access";
import { inProcessReads, type Reads } from "./reads/reads";
import { articleRoutes } from "./routes/articles";
import { conceptRoutes } from "./routes/concepts";
import { coverageRoutes } from "./routes/coverage";
import { docsRoutes } from "./routes/docs";
import { type FetchFeedNow, feedRoutes } from "./routes/feeds";
import { healthRoutes } from "./routes/health";
import { sessionRoutes } from "./routes/session";
import { storyRoutes } from "./routes/stories";
import { storySpreadRoutes } from "./routes/story-spread";
import { streamRoutes } from "./routes/stream";
import { subscriptionRoutes } from "./routes/subscriptions";
import { timelineRoutes } from "./routes/timeline";
import { tokenRoutes } from "./routes/tokens";
import { topicEvidenceRoutes } from "./routes/topic-evidence";
import { topicFeedRoutes } from "./routes/topic-feed";
import { topicSpreadRoutes } from "./routes/topic-spread";
import { type DryRun, topicTestRoutes } from "./routes/topic-test";
import { topicRoutes } from "./routes/topics";
import type { SignInDeps } from "./sign-in";
import { signinRoutes } from "./signin-page";
import { webRoutes } from "./static-web";

export interface AppDeps extends HygieneOptions {
  db: Db;
  config: Config;
  log: Logger;
  /** Where the built dashboard is (default dist/web); tests point it at their own build. */
  webRoot?: string;
  /** The dry run behind POST /api/topics/test (server/index.ts hands in the topic worker's). */
  dryRun?: DryRun;
  /** The fetch behind POST /api/feeds/:id/fetch (server/index.ts hands in a one-feed ingest pass). */
  fetchFeed?: FetchFeedNow;
  /** Who answers coverage and article reads (server/index.ts hands in its read workers); default in-process. */
  reads?: Reads;
}

/** The OpenAPI document's head; the server is the configured public URL (TIDEMARK_PUBLIC_URL). */
const apiDoc = (config: Config) => ({
  openapi: "3.1.0",
  info: {
    title: "Tidemark API",
    version: "0.1.0",
    description: "Media-coverage tracking: feeds, articles, topics and coverage time series.",
    license: { name: "MIT", identifier: "MIT" },
  },
  servers: [{ url: config.publicUrl, description: "This Tidemark server" }],
});

/**
 * Every JSON route, in one place, chained so that its type carries every route: web/ builds its typed client
 * (`hc<Api>`) from it.
 */
function createApi(deps: AppDeps, signInDeps: SignInDeps) {
  const admin = requireAdmin(deps);
  const reads = deps.reads ?? inProcessReads(deps.db, deps.now);
  return new OpenAPIHono()
    .route("/", healthRoutes(deps))
    .route("/", feedRoutes(deps, admin))
    .route("/", articleRoutes({ reads }))
    .route("/", topicTestRoutes(deps, admin))
    .route("/", topicRoutes(deps, admin))
    .route("/", topicEvidenceRoutes({ db: deps.db, reads }))
    .route("/", topicFeedRoutes(deps))
    .route("/", topicSpreadRoutes({ reads }))
    .route("/", conceptRoutes(deps, admin))
    .route("/", coverageRoutes({ reads }))
    .route("/", storyRoutes({ db: deps.db, reads }))
    .route("/", storySpreadRoutes(deps))
    .route("/", timelineRoutes(deps, admin))
    .route("/", streamRoutes(deps))
    .route("/", subscriptionRoutes(deps, admin))
    .route("/", sessionRoutes(deps, signInDeps))
    .route("/", tokenRoutes(deps, admin));
}

export type Api = ReturnType<typeof createApi>;

/** The HTTP app, without a listening socket: tests drive it through `app.request()` or a real server. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono({
    // Every validation failure becomes a 400 in the one error shape, naming the parameter.
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });

  const metrics = createMetrics(deps);
  app.use("*", metrics.middleware);
  applyMiddleware(app, {
    ...deps,
    rateLimits: {
      read: { limit: deps.config.readRateLimit ?? Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
      ...deps.rateLimits,
    },
  });

  // Who the request is (admin token, API token, session), then TIDEMARK_PUBLIC=0's gate, before any route.
  app.use("*", authenticate(deps));
  app.use("*", publicAccess(deps.config.public, deps.config.publicUrl));
  const signInDeps: SignInDeps = {
    db: deps.db,
    addressFailures: createAddressFailures(),
    now: deps.now ?? Date.now,
  };

  const doc = apiDoc(deps.config);
  const api = createApi(deps, signInDeps);
  app.route("/api", api);
  app.route(
    "/api",
    docsRoutes(() => app.getOpenAPI31Document(doc)),
  );
  app.route("/", metrics.routes);
  app.route("/", signinRoutes(signInDeps, deps.config.publicUrl));
  // "All" starts no earlier than 2000, as the dashboard's probe did: a feed's misdated article from 1970 would
  // otherwise stretch the default view over half a century of empty days.
  app.route("/", webRoutes({ ...deps, dataSpan: () => articleTimeSpan(deps.db, Date.UTC(2000, 0, 1)) }));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer" });
  app.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "tidemark_session",
    description: "A signed-in admin's session (POST /api/session); writes also need the X-CSRF-Token header",
  });
  app.doc31("/api/openapi.json", doc);

  app.notFound((c) => c.json(errorBody(c, "not_found", `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => handleError(error, c, deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;
