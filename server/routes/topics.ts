import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { validateQuery } from "../../core/tagging/compile";
import { nextTopicColor, TopicFieldsSchema, TopicSlugSchema } from "../../core/topic-input";
import { type TopicJson, topicJson } from "../../core/topic-json";
import { conceptDefinitions } from "../../db/queries/concepts";
import {
  createTopic,
  deleteTopic,
  getTopic,
  listTopicNames,
  listTopics,
  type TopicWithCount,
  topicArticleCount,
  updateTopic,
} from "../../db/queries/topics";
import { bearer, errorResponses, json, NoQuery, PUBLIC, SlugParam, wholeListOf } from "../api-shapes";
import type { AppDeps } from "../app";
import type { requireAdmin } from "../auth";
import { notFound } from "../errors";

const TopicSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    color: z.string(),
    query: z.string(),
    version: z.number().int(),
    articleCount: z.number().int(),
    retag: z.object({
      state: z.enum(["done", "pending", "running"]),
      done: z.number().int(),
      total: z.number().int(),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Topic") satisfies z.ZodType<TopicJson>;

// Rebuilt with this module's `z` (see FeedCreate in routes/feeds.ts): core/'s schemas may predate `.openapi`.
const TopicFields = z.object({
  ...TopicFieldsSchema.shape,
  query: z.string().min(1).max(20_000).openapi({ example: '(deepseek OR "深度求索") AND (r1 OR reasoning)' }),
});
const TopicCreate = z.object({ ...TopicFields.shape, slug: TopicSlugSchema }).openapi("TopicCreate");
const TopicUpdate = TopicFields.openapi("TopicUpdate");

const routes = {
  list: createRoute({
    method: "get",
    path: "/topics",
    operationId: "listTopics",
    tags: ["topics"],
    summary: "Topics with their query, colour, article count and retag progress",
    security: PUBLIC,
    request: { query: NoQuery },
    responses: {
      ...errorResponses(429),
      200: {
        description: "All topics",
        ...json(wholeListOf(TopicSchema)),
      },
    },
  }),
  one: createRoute({
    method: "get",
    path: "/topics/{slug}",
    operationId: "getTopic",
    tags: ["topics"],
    summary:
      "One topic with its article count and retag progress: poll it after a save to follow the retag (state, done of total)",
    security: PUBLIC,
    request: { params: SlugParam, query: NoQuery },
    responses: {
      200: { description: "The topic", ...json(TopicSchema) },
      ...errorResponses(404, 429),
    },
  }),
  create: createRoute({
    method: "post",
    path: "/topics",
    operationId: "createTopic",
    tags: ["topics"],
    summary: "Create a topic; stored articles are tagged in the background",
    security: bearer,
    request: { body: { ...json(TopicCreate), required: true } },
    responses: {
      201: { description: "Created", ...json(TopicSchema) },
      ...errorResponses(400, 401, 403, 409, 413),
    },
  }),
  update: createRoute({
    method: "put",
    path: "/topics/{slug}",
    operationId: "updateTopic",
    tags: ["topics"],
    summary: "Replace a topic's name, description, colour and query; a new query retags in the background",
    security: bearer,
    request: { params: SlugParam, body: { ...json(TopicUpdate), required: true } },
    responses: {
      200: { description: "Updated", ...json(TopicSchema) },
      ...errorResponses(400, 401, 403, 404, 413),
    },
  }),
  remove: createRoute({
    method: "delete",
    path: "/topics/{slug}",
    operationId: "deleteTopic",
    tags: ["topics"],
    summary: "Delete a topic and its tags",
    security: bearer,
    request: { params: SlugParam },
    responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
  }),
};

export function topicRoutes({ db }: AppDeps, admin: ReturnType<typeof requireAdmin>) {
  return new OpenAPIHono()
    .openapi(routes.list, async (c) => {
      const items = (await listTopics(db)).map((t: TopicWithCount) => topicJson(t, t.articleCount));
      return c.json({ items, nextCursor: null }, 200);
    })
    .openapi(routes.one, async (c) => {
      const { slug } = c.req.valid("param");
      const topic = await getTopic(db, slug);
      if (!topic) throw notFound(`no topic '${slug}'`);
      return c.json(topicJson(topic, await topicArticleCount(db, topic.id)), 200);
    })
    .openapi({ ...routes.create, middleware: [admin] as const }, async (c) => {
      const body = c.req.valid("json");
      // A query that does not compile is a 400 naming the position (QueryError), before anything is saved:
      // what the API accepts always compiles in the ingest. `@name`s must be stored concepts.
      validateQuery(body.query, await conceptDefinitions(db));
      // Counting topics needs names only, not every topic's article count.
      const color = body.color ?? nextTopicColor((await listTopicNames(db)).length);
      const topic = await createTopic(db, { ...body, color, description: body.description ?? "" });
      return c.json(topicJson(topic, 0), 201);
    })
    .openapi({ ...routes.update, middleware: [admin] as const }, async (c) => {
      const { slug } = c.req.valid("param");
      const body = c.req.valid("json");
      validateQuery(body.query, await conceptDefinitions(db));
      const current = await getTopic(db, slug);
      if (!current) throw notFound(`no topic '${slug}'`);
      const topic = await updateTopic(db, slug, { ...body, color: body.color ?? current.color }, Date.now());
      if (!topic) throw notFound(`no topic '${slug}'`);
      return c.json(topicJson(topic, await topicArticleCount(db, topic.id)), 200);
    })
    .openapi({ ...routes.remove, middleware: [admin] as const }, async (c) => {
      const { slug } = c.req.valid("param");
      if (!(await deleteTopic(db, slug))) throw notFound(`no topic '${slug}'`);
      return c.body(null, 204);
    });
}
