import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { checkImportedFeeds } from "../../core/feed-import";
import { FeedInputSchema } from "../../core/feed-input";
import { type FeedJson, feedJson } from "../../core/feed-json";
import { buildOpml, parseOpml } from "../../core/opml";
import { checkFeedUrl } from "../../core/urls/feed-url";
import { addFeed, addFeeds, listFeeds, removeFeed } from "../../db/queries/feeds";
import { bearer, errorResponses, IdParam, NoQuery, PUBLIC, pageOf } from "../api-shapes";
import type { AppDeps } from "../app";
import type { requireAdmin } from "../auth";
import { notFound } from "../errors";

export const FeedSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    name: z.string().nullable(),
    siteUrl: z.string().nullable(),
    lang: z.string().nullable(),
    country: z.string().nullable(),
    enabled: z.boolean(),
    sample: z.boolean(),
    lastFetchedAt: z.string().nullable(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    errorCount: z.number().int(),
    parseWarning: z.string().nullable().openapi({
      description:
        "Set when the last document was not clean but was read leniently (feedparser's bozo): what was wrong and what was done",
    }),
    failingSince: z.string().nullable(),
    nextFetchAt: z.string().nullable(),
    articleCount: z.number().int(),
  })
  .openapi("Feed") satisfies z.ZodType<FeedJson>;

// Rebuilt with this module's `z`: a schema made before @hono/zod-openapi extends zod (core/ is loaded first in
// a worker that runs several test files) has no `.openapi`, as zod 4 sets methods on each instance.
const FeedCreate = z.object(FeedInputSchema.shape).openapi("FeedCreate");

const SkippedFeedSchema = z.object({ url: z.string(), reason: z.string() }).openapi("SkippedFeed");

const FeedList = pageOf(FeedSchema).openapi("FeedList");

const listRoute = createRoute({
  method: "get",
  path: "/feeds",
  operationId: "listFeeds",
  tags: ["feeds"],
  summary: "Sources with their health",
  security: PUBLIC,
  request: { query: NoQuery },
  responses: {
    200: { description: "All feeds", content: { "application/json": { schema: FeedList } } },
    ...errorResponses(429),
  },
});

const createFeedRoute = createRoute({
  method: "post",
  path: "/feeds",
  operationId: "createFeed",
  tags: ["feeds"],
  summary: "Add a feed; the next pass fetches it",
  security: bearer,
  request: { body: { content: { "application/json": { schema: FeedCreate } }, required: true } },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: FeedSchema } } },
    ...errorResponses(400, 401, 403, 409, 413),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/feeds/{id}",
  operationId: "deleteFeed",
  tags: ["feeds"],
  summary: "Remove a feed and its articles",
  security: bearer,
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...errorResponses(400, 401, 403, 404) },
});

const importRoute = createRoute({
  method: "post",
  path: "/feeds/import",
  operationId: "importFeeds",
  tags: ["feeds"],
  summary: "Import an OPML subscription list",
  security: bearer,
  request: {
    body: { content: { "text/x-opml": { schema: z.string() }, "application/xml": { schema: z.string() } } },
  },
  responses: {
    200: {
      description: "What was added, and each entry skipped with the reason",
      content: {
        "application/json": {
          schema: z.object({
            found: z.number().int().openapi({ description: "feed entries in the file" }),
            added: z.number().int().openapi({ description: "new feeds stored" }),
            alreadyTracked: z.number().int().openapi({ description: "valid entries whose URL was known" }),
            skipped: z.array(SkippedFeedSchema).openapi({
              description: "entries refused by the rules of POST /api/feeds, each with the reason",
            }),
          }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 413),
  },
});

const exportRoute = createRoute({
  method: "get",
  path: "/feeds/export",
  operationId: "exportFeeds",
  tags: ["feeds"],
  summary: "Every feed as OPML",
  security: PUBLIC,
  request: { query: NoQuery },
  responses: {
    200: { description: "OPML 2.0", content: { "text/x-opml": { schema: z.string() } } },
    ...errorResponses(429),
  },
});

export function feedRoutes({ db, config }: AppDeps, admin: ReturnType<typeof requireAdmin>) {
  return new OpenAPIHono()
    .openapi(listRoute, async (c) => {
      const feeds = await listFeeds(db);
      return c.json({ items: feeds.map(feedJson), nextCursor: null }, 200);
    })
    .openapi({ ...createFeedRoute, middleware: [admin] as const }, async (c) => {
      const body = c.req.valid("json");
      const url = checkFeedUrl(body.url, config.allowPrivateUrls);
      const feed = await addFeed(db, { ...body, url });
      return c.json(feedJson(feed), 201);
    })
    .openapi({ ...deleteRoute, middleware: [admin] as const }, async (c) => {
      const { id } = c.req.valid("param");
      if (!(await removeFeed(db, id))) throw notFound(`no feed with id ${id}`);
      return c.body(null, 204);
    })
    .openapi({ ...importRoute, middleware: [admin] as const }, async (c) => {
      const found = await parseOpml(await c.req.text());
      const { accepted, skipped } = checkImportedFeeds(found, config.allowPrivateUrls);
      const added = await addFeeds(db, accepted);
      return c.json({ found: found.length, added, alreadyTracked: accepted.length - added, skipped }, 200);
    })
    .openapi(exportRoute, async (c) => {
      const feeds = await listFeeds(db, { includeSample: false });
      return c.body(buildOpml(feeds), 200, {
        "content-type": "text/x-opml; charset=utf-8",
        "content-disposition": 'attachment; filename="tidemark-feeds.opml"',
      });
    });
}
