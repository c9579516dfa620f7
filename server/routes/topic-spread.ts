import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { errorResponses, json, PUBLIC, ScopeFilterParams, SlugParam } from "../api-shapes";
import type { Reads } from "../reads/reads";
import { DEFAULT_DAYS } from "../reads/spread-answer";

/** When a topic's coverage first reached each language, country and region, and how long after its start. */

/** The N of the N-outlet rule, shared by a topic's and a story's spread. */
export const OutletsParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(1000)
  .default(3)
  .openapi({
    param: { name: "outlets", in: "query" },
    description: "N: a group's `outletsReached` is its first day with at least N distinct outlets",
  });

const Query = z
  .object({
    from: z
      .string()
      .optional()
      .openapi({
        param: { name: "from", in: "query" },
        description: `first day (YYYY-MM-DD in tz), inclusive; default ${DEFAULT_DAYS} days before to`,
        example: "2025-01-01",
      }),
    to: z
      .string()
      .optional()
      .openapi({
        param: { name: "to", in: "query" },
        description: "last day (YYYY-MM-DD in tz), inclusive; default today",
        example: "2025-03-31",
      }),
    tz: z
      .string()
      .max(64)
      .default("UTC")
      .openapi({
        param: { name: "tz", in: "query" },
        description: "IANA time zone: the days of the range and of the N-outlet rule",
        example: "Asia/Shanghai",
      }),
    ...ScopeFilterParams,
    outlets: OutletsParam,
  })
  .strict();

export const SpreadArticle = z
  .object({
    id: z.number().int(),
    title: z.string(),
    url: z.string().nullable(),
    source: z.object({ id: z.number().int(), name: z.string().nullable() }),
    publishedAt: z.string(),
    sample: z.boolean().openapi({ description: "true for the bundled sample coverage's invented articles" }),
  })
  .openapi("SpreadArticle");

export const SpreadGroupSchema = z
  .object({
    key: z
      .string()
      .openapi({ description: "language code, ISO country code, or global-north / global-south" }),
    label: z.string(),
    firstArticle: SpreadArticle,
    lagMinutes: z.number().int().openapi({ description: "whole minutes after the topic's first article" }),
    articles: z.number().int(),
    outlets: z
      .number()
      .int()
      .openapi({ description: "distinct outlets of the group that carried the topic" }),
    outletsReached: z
      .object({
        day: z.string().openapi({ description: "the first day (YYYY-MM-DD in tz) with at least N outlets" }),
        at: z.string().openapi({ description: "when that day's Nth outlet carried the topic" }),
        articleId: z.number().int(),
        lagMinutes: z.number().int(),
      })
      .nullable()
      .openapi({ description: "null when no day of the period had N outlets of the group" }),
  })
  .openapi("SpreadGroup");

const Spread = z
  .object({
    topic: z.string(),
    tz: z.string(),
    from: z.string(),
    to: z.string(),
    outlets: z.number().int(),
    articles: z.number().int().openapi({ description: "the topic's articles in the period and filters" }),
    first: SpreadArticle.nullable().openapi({ description: "the topic's first article of the period" }),
    languages: z.array(SpreadGroupSchema),
    countries: z.array(SpreadGroupSchema),
    regions: z.array(SpreadGroupSchema),
  })
  .openapi("TopicSpread");

const route = createRoute({
  method: "get",
  path: "/topics/{slug}/spread",
  operationId: "getTopicSpread",
  tags: ["topics"],
  security: PUBLIC,
  summary: "When a topic's coverage first reached each language, country and Global North/South region",
  description:
    "For the topic's articles in the period (filters as /api/coverage): per language, outlet country and region " +
    "(UN M49 developed regions as /api/coverage splits them), its first article, its first day with at least N " +
    "distinct outlets, its article and outlet counts and the lag of each after the topic's first article. Each " +
    "list is ordered by first arrival. Articles of no known language or country start no group. Unknown " +
    "parameters are a 400.",
  request: { params: SlugParam, query: Query },
  responses: {
    200: { description: "The spread", ...json(Spread) },
    ...errorResponses(400, 404, 429),
  },
});

export function topicSpreadRoutes({ reads }: { reads: Reads }) {
  return new OpenAPIHono().openapi(route, async (c) =>
    c.json(
      await reads.spread({ ...c.req.valid("query"), slug: c.req.valid("param").slug }, c.req.raw.signal),
      200,
    ),
  );
}
