import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { isTimeBound } from "../../core/time/date-range";
import { getStory, storyArticles } from "../../db/queries/stories";
import {
  errorResponses,
  IdParam,
  isoTime,
  json,
  limitParam,
  NoQuery,
  PUBLIC,
  pageOf,
  ScopeFilterParams,
} from "../api-shapes";
import type { AppDeps } from "../app";
import { notFound } from "../errors";
import type { Reads } from "../reads/reads";
import { storyShape } from "../reads/stories-answer";

/**
 * Stories: the groups of syndicated and near-identical copies that ingest finds (core/stories/). A story is in
 * a selection when one of its articles matches every filter; its numbers are always the whole story's.
 */

const timeParam = (name: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || isTimeBound(v), {
      message: "must be a date (YYYY-MM-DD) or an ISO 8601 time with offset (2025-01-27T09:00:00Z)",
    })
    .openapi({
      param: { name, in: "query" },
      description: `${name === "from" ? "first" : "last"} day (UTC date) or time, inclusive: stories with an article then`,
      example: name === "from" ? "2025-01-20" : "2025-01-31",
    });

const Query = z
  .object({
    topic: z
      .string()
      .max(64)
      .optional()
      .openapi({
        param: { name: "topic", in: "query" },
        description: "topic slug: stories with an article tagged with it (in the range, if one is given)",
        example: "r1-release",
      }),
    topics: z
      .string()
      .max(2000)
      .optional()
      .openapi({
        param: { name: "topics", in: "query" },
        description:
          "topic slugs, comma-separated: stories with an article tagged with any of them (with `topic`, any of all)",
        example: "r1-release,nvidia-valuation",
      }),
    feed: ScopeFilterParams.feed,
    folder: ScopeFilterParams.folder,
    country: ScopeFilterParams.country,
    region: ScopeFilterParams.region,
    lang: z
      .string()
      .max(2000)
      .optional()
      .openapi({
        param: { name: "lang", in: "query" },
        description: "story language codes (ISO 639), comma-separated; `unknown` for no known language",
        example: "en,zh",
      }),
    from: timeParam("from"),
    to: timeParam("to"),
    sort: z
      .enum(["newest", "size"])
      .default("newest")
      .openapi({
        param: { name: "sort", in: "query" },
        description: "`newest`: by when the story first appeared, newest first; `size`: most articles first",
      }),
    limit: limitParam,
    cursor: z
      .string()
      .max(100)
      .optional()
      .openapi({ param: { name: "cursor", in: "query" }, description: "nextCursor of the previous page" }),
  })
  .strict();

const Source = z.object({ id: z.number().int(), name: z.string().nullable() });

const StorySchema = z
  .object({
    id: z.number().int(),
    title: z.string().openapi({ description: "the headline of the article that appeared first" }),
    lang: z.string().nullable().openapi({ description: "every article of a story has this language" }),
    articles: z.number().int().openapi({ description: "how many articles (copies) it has" }),
    outlets: z.number().int().openapi({ description: "how many outlets (feeds) ran it" }),
    countries: z
      .number()
      .int()
      .openapi({ description: "how many countries those outlets are in (known ones)" }),
    firstSeenAt: z.string().openapi({ description: "the time of its first article" }),
    firstSource: Source.openapi({ description: "the outlet of its first article" }),
    lastSeenAt: z.string().openapi({ description: "the time of its latest article" }),
    spark: z
      .object({
        stepMinutes: z
          .number()
          .int()
          .openapi({ description: "the length of a step, a multiple of 10 minutes" }),
        counts: z.array(z.number().int()).openapi({ description: "its articles per step, from the first's" }),
      })
      .openapi({
        description:
          "its articles over its life, in at most 24 equal steps from its first article to its last",
      }),
  })
  .openapi("Story");

const StoryArticle = z.object({
  id: z.number().int(),
  url: z.string().nullable(),
  title: z.string(),
  source: Source,
  country: z.string().nullable().openapi({ description: "the outlet's country (ISO 3166-1 alpha-2)" }),
  lang: z.string().nullable(),
  publishedAt: z.string(),
  minutesAfterFirst: z
    .number()
    .int()
    .openapi({ description: "whole minutes after the story's first article" }),
});

const StoryWithItems = StorySchema.extend({
  items: z.array(StoryArticle).openapi({ description: "its articles in the order they appeared" }),
}).openapi("StoryWithArticles");

const listRoute = createRoute({
  method: "get",
  path: "/stories",
  operationId: "listStories",
  tags: ["stories"],
  summary: "Stories: groups of syndicated and near-identical copies, newest or largest first",
  description:
    "Each new article joins the story of its nearest near-duplicate (same language, published within 3 days, " +
    "title-and-lead shingles with Jaccard similarity >= 0.3) or starts one. A story is listed when one of its " +
    "articles matches every filter (topics, outlet filters as /api/coverage, range); its numbers are the whole " +
    "story's. Unknown parameters are a 400.",
  security: PUBLIC,
  request: { query: Query },
  responses: {
    200: { description: "A page of stories", ...json(pageOf(StorySchema)) },
    ...errorResponses(400),
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/stories/{id}",
  operationId: "getStory",
  tags: ["stories"],
  summary: "One story with its articles in the order they appeared",
  security: PUBLIC,
  request: { params: IdParam, query: NoQuery },
  responses: {
    200: { description: "The story", ...json(StoryWithItems) },
    ...errorResponses(400, 404),
  },
});

export function storyRoutes({ db, reads }: Pick<AppDeps, "db"> & { reads: Reads }) {
  return (
    new OpenAPIHono()
      // A selection can match the stories of many thousand articles: a read worker's job (reads/stories-answer.ts).
      .openapi(listRoute, async (c) =>
        c.json(await reads.stories(c.req.valid("query"), c.req.raw.signal), 200),
      )
      .openapi(oneRoute, async (c) => {
        const { id } = c.req.valid("param");
        const story = await getStory(db, id);
        if (!story) throw notFound(`no story with id ${id}`);
        const articles = await storyArticles(db, id);
        return c.json(
          {
            ...storyShape(story),
            items: articles.map((a) => ({
              id: a.id,
              url: a.url,
              title: a.title,
              source: { id: a.feedId, name: a.feedName },
              country: a.country,
              lang: a.lang,
              publishedAt: isoTime(a.publishedAt)!,
              minutesAfterFirst: Math.floor((a.publishedAt - story.firstPublishedAt) / 60_000),
            })),
          },
          200,
        );
      })
  );
}
