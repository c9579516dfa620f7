import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { DomainError } from "../../core/errors";
import { checkImportedFeeds } from "../../core/feed-import";
import { FeedInputSchema, FeedPatchSchema } from "../../core/feed-input";
import { type FeedJson, feedJson } from "../../core/feed-json";
import { buildOpml, parseOpml } from "../../core/opml";
import { checkFeedUrl } from "../../core/urls/feed-url";
import { addFeed, addFeeds, getFeed, listFeeds, removeFeed, updateFeed } from "../../db/queries/feeds";
import { bearer, errorResponses, IdParam, json, NoQuery, PUBLIC, pageOf } from "../api-shapes";
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
    folder: z
      .string()
      .nullable()
      .openapi({ description: "The collection it is filed under (an OPML folder)" }),
    enabled: z.boolean().openapi({ description: "false: paused, never fetched until resumed" }),
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
const FeedPatch = z.object(FeedPatchSchema.shape).strict().openapi("FeedPatch");

/** What one feed's fetch did: the counts of a one-feed ingest pass, as jobs/ingest reports them. */
export interface FeedFetchOutcome {
  stored: number;
  notModified: number;
  failed: number;
  /** Another process held the feed past the pass's wait: not fetched by this request. */
  skipped: number;
  articlesAdded: number;
  articlesUpdated: number;
  durationMs: number;
}

/**
 * Fetches one feed now, as `ingest --once --feed ID` does (a lease on the row, so no other process fetches it at
 * the same time). The composition root (server/index.ts) hands in the ingest job with the server's document worker.
 */
export type FetchFeedNow = (feedId: number) => Promise<FeedFetchOutcome>;

const FeedListQuery = z
  .object({
    folder: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({
        param: { name: "folder", in: "query" },
        description: "only the feeds filed under it",
        example: "Tech",
      }),
  })
  .strict();

const FetchResultSchema = z
  .object({
    result: z.enum(["stored", "not-modified", "failed", "busy"]).openapi({
      description:
        "stored: read and stored; not-modified: the server answered 304; failed: see the feed's lastError; busy: another process was fetching it",
    }),
    articlesAdded: z.number().int(),
    articlesUpdated: z.number().int(),
    durationMs: z.number().int(),
    feed: FeedSchema,
  })
  .openapi("FeedFetch");
const SkippedFeedSchema = z.object({ url: z.string(), reason: z.string() }).openapi("SkippedFeed");

const FeedList = pageOf(FeedSchema).openapi("FeedList");

const listRoute = createRoute({
  method: "get",
  path: "/feeds",
  operationId: "listFeeds",
  tags: ["feeds"],
  summary: "Sources with their health",
  security: PUBLIC,
  request: { query: FeedListQuery },
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

const patchRoute = createRoute({
  method: "patch",
  path: "/feeds/{id}",
  operationId: "updateFeed",
  tags: ["feeds"],
  summary:
    "Change a feed's name, language, country or folder (null clears one), or pause and resume it (enabled); each value is checked as POST checks it",
  security: bearer,
  request: { params: IdParam, body: { ...json(FeedPatch), required: true } },
  responses: {
    200: { description: "The feed as it now is", ...json(FeedSchema) },
    ...errorResponses(400, 401, 403, 404, 413),
  },
});

const fetchRoute = createRoute({
  method: "post",
  path: "/feeds/{id}/fetch",
  operationId: "fetchFeed",
  tags: ["feeds"],
  summary:
    "Fetch a feed now and answer with what happened and its new health (at most about 30 s: the fetch's deadline); 409 for a paused or sample feed",
  security: bearer,
  request: { params: IdParam },
  responses: {
    200: { description: "The fetch's outcome and the feed after it", ...json(FetchResultSchema) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
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

export function feedRoutes({ db, config, fetchFeed }: AppDeps, admin: ReturnType<typeof requireAdmin>) {
  return new OpenAPIHono()
    .openapi(listRoute, async (c) => {
      const { folder } = c.req.valid("query");
      const feeds = await listFeeds(db, { folder });
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
    .openapi({ ...patchRoute, middleware: [admin] as const }, async (c) => {
      const { id } = c.req.valid("param");
      const feed = await updateFeed(db, id, c.req.valid("json"));
      if (!feed) throw notFound(`no feed with id ${id}`);
      return c.json(feedJson(feed), 200);
    })
    .openapi({ ...fetchRoute, middleware: [admin] as const }, async (c) => {
      if (!fetchFeed) throw new Error("no feed fetcher was given to the app (AppDeps.fetchFeed)");
      const { id } = c.req.valid("param");
      const before = await getFeed(db, id);
      if (!before) throw notFound(`no feed with id ${id}`);
      if (before.isSample) {
        throw new DomainError("conflict", `feed ${id} holds bundled sample data and is never fetched`);
      }
      if (!before.enabled) throw new DomainError("conflict", `feed ${id} is paused: resume it first`);
      const outcome = await fetchFeed(id);
      const feed = (await getFeed(db, id)) ?? before;
      return c.json({ result: fetchResult(outcome), ...counts(outcome), feed: feedJson(feed) }, 200);
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

function fetchResult(o: FeedFetchOutcome): "stored" | "not-modified" | "failed" | "busy" {
  if (o.skipped > 0) return "busy";
  if (o.failed > 0) return "failed";
  return o.notModified > 0 ? "not-modified" : "stored";
}

const counts = (o: FeedFetchOutcome) => ({
  articlesAdded: o.articlesAdded,
  articlesUpdated: o.articlesUpdated,
  durationMs: Math.round(o.durationMs),
});
