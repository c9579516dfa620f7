import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { isTimeBound } from "../../core/time/date-range";
import { MATCH_CAP, MAX_SEARCH_LENGTH } from "../../db/queries/search-query";
import {
  errorResponses,
  json,
  limitParam,
  MatchedTermSchema,
  PUBLIC,
  pageOf,
  ScopeFilterParams,
} from "../api-shapes";
import type { Reads } from "../reads/reads";

/**
 * `from`/`to` take a UTC date (YYYY-MM-DD, whole day) or an ISO 8601 time with an offset. Both bounds are
 * inclusive; a date as `to` includes that whole day.
 */
const timeParam = (name: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || isTimeBound(v), {
      message: "must be a date (YYYY-MM-DD) or an ISO 8601 time with offset (2025-01-27T09:00:00Z)",
    })
    .openapi({ param: { name, in: "query" }, example: name === "from" ? "2025-01-20" : "2025-01-31" });

const Query = z
  .object({
    topic: z
      .string()
      .max(64)
      .optional()
      .openapi({ param: { name: "topic", in: "query" }, description: "topic slug", example: "r1-release" }),
    topics: z
      .string()
      .max(2000)
      .optional()
      .openapi({
        param: { name: "topics", in: "query" },
        description:
          "comma-separated topic slugs: articles tagged with any of them, each listed once (not with `topic`)",
        example: "r1-release,nvidia-valuation",
      }),
    q: z
      .string()
      .max(MAX_SEARCH_LENGTH)
      .optional()
      .openapi({
        param: { name: "q", in: "query" },
        description:
          "Full-text search over title and summary. Terms are split on spaces and all must appear, each as a " +
          'substring ("aktien" finds "Chipaktien", "英伟达" finds "英伟达股价暴跌"). Terms of 3+ characters ignore ' +
          'case and diacritics ("Muller" finds "Müller"); shorter ones ("AI", "华为") ignore the case of ASCII ' +
          'letters only. "Quoted phrases" match as written, spaces included; -term or NOT term excludes. No ' +
          "other character has a special meaning. Results stay newest first (not ranked by relevance), so " +
          `nextCursor pages through them like any other filter. At most ${MAX_SEARCH_LENGTH} characters. A search ` +
          `matching more than ${MATCH_CAP.toLocaleString("en-US")} articles lists the ${MATCH_CAP.toLocaleString("en-US")} ` +
          "most recently stored of them (total=1 still counts them all).",
        example: "英伟达 -华为",
      }),
    ...ScopeFilterParams,
    from: timeParam("from"),
    to: timeParam("to"),
    limit: limitParam,
    cursor: z
      .string()
      .max(100)
      .optional()
      .openapi({ param: { name: "cursor", in: "query" }, description: "nextCursor of the previous page" }),
    total: z
      .enum(["1"])
      .optional()
      .openapi({
        param: { name: "total", in: "query" },
        description: "`1` adds `total`: how many articles the whole selection holds, every page together",
      }),
  })
  .strict();

const ArticleSchema = z
  .object({
    id: z.number().int(),
    url: z.string().nullable(),
    title: z.string(),
    summary: z.string(),
    author: z.string().nullable(),
    source: z.object({ id: z.number().int(), name: z.string().nullable(), country: z.string().nullable() }),
    lang: z.string().nullable(),
    publishedAt: z.string(),
    firstSeenAt: z.string(),
    topics: z.array(z.object({ slug: z.string(), terms: z.array(MatchedTermSchema) })),
    storyId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "the story it reports, with its other copies: GET /api/stories/{storyId}" }),
    sample: z.boolean().openapi({
      description:
        "true for the bundled sample coverage: invented articles, links under .sample.invalid " +
        "(remove them with `npm run cli -- sample remove`)",
    }),
  })
  .openapi("Article");

const route = createRoute({
  method: "get",
  path: "/articles",
  operationId: "listArticles",
  tags: ["articles"],
  summary: "Articles, newest first, keyset-paginated",
  security: PUBLIC,
  request: { query: Query },
  responses: {
    200: {
      description: "A page of articles",
      ...json(
        pageOf(ArticleSchema).extend({
          total: z
            .number()
            .int()
            .optional()
            .openapi({ description: "total=1: the articles of the whole selection, every page together" }),
        }),
      ),
    },
    ...errorResponses(400),
  },
});

export function articleRoutes({ reads }: { reads: Reads }) {
  return new OpenAPIHono().openapi(route, async (c) =>
    c.json(await reads.articles(c.req.valid("query"), c.req.raw.signal), 200),
  );
}
