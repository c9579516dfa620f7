import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { buildOpml, parseOpml } from "../../core/opml";
import { checkFeedUrl } from "../../core/urls/feed-url";
import { addFeed, addFeeds, listFeeds, removeFeed } from "../../db/queries/feeds";
import type { Feed } from "../../db/schema";
import { bearer, errorResponses, IdParam, isoTime, NoQuery, PUBLIC, pageOf } from "../api-shapes";
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
    failingSince: z.string().nullable(),
    nextFetchAt: z.string().nullable(),
    articleCount: z.number().int(),
  })
  .openapi("Feed");

export function feedJson(feed: Feed): z.infer<typeof FeedSchema> {
  return {
    id: feed.id,
    url: feed.url,
    name: feed.name,
    siteUrl: feed.siteUrl,
    lang: feed.lang,
    country: feed.country,
    enabled: feed.enabled,
    sample: feed.isSample,
    lastFetchedAt: isoTime(feed.lastFetchedAt),
    lastStatus: feed.lastStatus,
    lastError: feed.lastError,
    errorCount: feed.errorCount,
    failingSince: isoTime(feed.failingSince),
    nextFetchAt: feed.enabled && !feed.isSample ? isoTime(feed.nextFetchAt) : null,
    articleCount: feed.articleCount,
  };
}

const FeedCreate = z
  .object({
    url: z.string().min(1).max(2048).openapi({ example: "https://www.theguardian.com/technology/rss" }),
    name: z.string().trim().min(1).max(200).optional(),
    lang: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "a BCP 47 language tag such as en or pt-BR")
      .optional(),
    country: z
      .string()
      .regex(/^[a-zA-Z]{2}$/, "an ISO 3166-1 alpha-2 country code such as DE")
      .transform((v) => v.toUpperCase())
      .optional(),
  })
  .openapi("FeedCreate");

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
      description: "How many feeds were new",
      content: {
        "application/json": {
          schema: z.object({
            found: z.number().int(),
            added: z.number().int(),
            rejected: z.array(z.string()),
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
      const feed = await addFeed(db, { url, name: body.name, lang: body.lang, country: body.country });
      return c.json(feedJson(feed), 201);
    })
    .openapi({ ...deleteRoute, middleware: [admin] as const }, async (c) => {
      const { id } = c.req.valid("param");
      if (!(await removeFeed(db, id))) throw notFound(`no feed with id ${id}`);
      return c.body(null, 204);
    })
    .openapi({ ...importRoute, middleware: [admin] as const }, async (c) => {
      const found = await parseOpml(await c.req.text());
      const rejected: string[] = [];
      const accepted = found.flatMap((feed) => {
        try {
          return [{ ...feed, url: checkFeedUrl(feed.url, config.allowPrivateUrls) }];
        } catch (error) {
          rejected.push(`${feed.url}: ${(error as Error).message}`);
          return [];
        }
      });
      const added = await addFeeds(db, accepted);
      return c.json({ found: found.length, added, rejected }, 200);
    })
    .openapi(exportRoute, async (c) => {
      const feeds = await listFeeds(db, { includeSample: false });
      return c.body(buildOpml(feeds), 200, {
        "content-type": "text/x-opml; charset=utf-8",
        "content-disposition": 'attachment; filename="tidemark-feeds.opml"',
      });
    });
}
