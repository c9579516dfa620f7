import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { countFeeds } from "../../db/queries/feeds";
import { pingDatabase } from "../../db/queries/health";
import { lastFinishedRun } from "../../db/queries/job-runs";
import { errorResponses, isoTime, NoQuery, PUBLIC } from "../api-shapes";
import type { AppDeps } from "../app";

const Health = z
  .object({
    status: z.enum(["ok", "degraded"]),
    db: z.enum(["ok", "error"]),
    lastIngestAt: z.string().nullable(),
    feeds: z.object({ total: z.number().int(), failing: z.number().int() }),
  })
  .openapi("Health");

const route = createRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  tags: ["health"],
  security: PUBLIC,
  summary: "Liveness and ingest health",
  request: { query: NoQuery },
  responses: {
    200: { description: "Up", content: { "application/json": { schema: Health } } },
    ...errorResponses(429),
    503: { description: "Database unreachable", content: { "application/json": { schema: Health } } },
  },
});

export function healthRoutes({ db }: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    try {
      await pingDatabase(db);
      const [feeds, lastIngest] = await Promise.all([countFeeds(db), lastFinishedRun(db, "ingest")]);
      const status = feeds.total > 0 && feeds.failing === feeds.total ? "degraded" : "ok";
      return c.json({ status, db: "ok" as const, lastIngestAt: isoTime(lastIngest?.finishedAt), feeds }, 200);
    } catch {
      return c.json(
        {
          status: "degraded" as const,
          db: "error" as const,
          lastIngestAt: null,
          feeds: { total: 0, failing: 0 },
        },
        503,
      );
    }
  });
}
