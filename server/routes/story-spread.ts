import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { storySpread } from "../../core/spread/story-spread";
import { getStory, storyArticles } from "../../db/queries/stories";
import { articleSummaries } from "../../db/queries/topic-evidence";
import { errorResponses, IdParam, json, PUBLIC } from "../api-shapes";
import type { AppDeps } from "../app";
import { notFound } from "../errors";
import { spreadArticleIds, spreadGroups } from "../reads/spread-shape";
import { OutletsParam, SpreadArticle, SpreadGroupSchema } from "./topic-spread";

/**
 * When one story first reached each language, country and region: the topic spread's rule over the story's own
 * copies. A story is at most a few hundred articles, so it is read on the HTTP thread, unlike a topic's spread.
 */

const Query = z
  .object({
    tz: z
      .string()
      .max(64)
      .default("UTC")
      .openapi({
        param: { name: "tz", in: "query" },
        description: "IANA time zone: the days of the N-outlet rule",
        example: "Europe/Berlin",
      }),
    outlets: OutletsParam,
  })
  .strict();

const StorySpread = z
  .object({
    story: z.number().int(),
    tz: z.string(),
    from: z.string().openapi({ description: "the day (YYYY-MM-DD in tz) of the story's first copy" }),
    to: z.string().openapi({ description: "the day (YYYY-MM-DD in tz) of its last copy" }),
    outlets: z.number().int(),
    articles: z.number().int().openapi({ description: "the story's copies" }),
    first: SpreadArticle.nullable().openapi({ description: "the story's first copy" }),
    languages: z.array(SpreadGroupSchema),
    countries: z.array(SpreadGroupSchema),
    regions: z.array(SpreadGroupSchema),
  })
  .openapi("StorySpread");

const route = createRoute({
  method: "get",
  path: "/stories/{id}/spread",
  operationId: "getStorySpread",
  tags: ["stories"],
  security: PUBLIC,
  summary: "When a story first reached each language, country and Global North/South region",
  description:
    "As GET /api/topics/{slug}/spread, over the story's copies: per language, outlet country and region, its " +
    "first copy, its first day with at least N distinct outlets, its copy and outlet counts and the lag of each " +
    "after the story's first copy. Each list is ordered by first arrival. A story that does not exist is a 404.",
  request: { params: IdParam, query: Query },
  responses: {
    200: { description: "The story's spread", ...json(StorySpread) },
    ...errorResponses(400, 404),
  },
});

export function storySpreadRoutes({ db }: Pick<AppDeps, "db">) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const { tz, outlets } = c.req.valid("query");
    const story = await getStory(db, id);
    if (!story) throw notFound(`no story with id ${id}`);
    const copies = await storyArticles(db, id);
    const spread = storySpread(copies, tz, outlets);
    const groups = spreadGroups(spread, await articleSummaries(db, spreadArticleIds(spread)));
    return c.json(
      {
        story: id,
        tz,
        from: spread.from ?? "",
        to: spread.to ?? "",
        outlets,
        articles: copies.length,
        ...groups,
      },
      200,
    );
  });
}
