import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { labeller } from "../../core/coverage/coverage-request";
import { hasScopeFilter, resolveScope } from "../../core/coverage/coverage-scope";
import { type SpreadGroup, type SpreadKind, topicSpread } from "../../core/spread/topic-spread";
import { calendarRange } from "../../core/time/date-range";
import { planBuckets } from "../../core/time/time-buckets";
import { listFeeds } from "../../db/queries/feeds";
import { type ArticleSummaryRow, articleSummaries } from "../../db/queries/topic-evidence";
import { topicSpreadCells } from "../../db/queries/topic-spread";
import { getTopic } from "../../db/queries/topics";
import { errorResponses, isoTime, json, PUBLIC, ScopeFilterParams, SlugParam } from "../api-shapes";
import type { AppDeps } from "../app";
import { notFound } from "../errors";

/** When a topic's coverage first reached each language, country and region, and how long after its start. */

const DEFAULT_DAYS = 90;

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
    outlets: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(3)
      .openapi({
        param: { name: "outlets", in: "query" },
        description: "N: a group's `outletsReached` is its first day with at least N distinct outlets",
      }),
  })
  .strict();

const Article = z
  .object({
    id: z.number().int(),
    title: z.string(),
    url: z.string().nullable(),
    source: z.object({ id: z.number().int(), name: z.string().nullable() }),
    publishedAt: z.string(),
    sample: z.boolean().openapi({ description: "true for the bundled sample coverage's invented articles" }),
  })
  .openapi("SpreadArticle");

const Group = z
  .object({
    key: z
      .string()
      .openapi({ description: "language code, ISO country code, or global-north / global-south" }),
    label: z.string(),
    firstArticle: Article,
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
    first: Article.nullable().openapi({ description: "the topic's first article of the period" }),
    languages: z.array(Group),
    countries: z.array(Group),
    regions: z.array(Group),
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

export function topicSpreadRoutes({ db }: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const { slug } = c.req.valid("param");
    const q = c.req.valid("query");
    const days = planBuckets({
      ...calendarRange(q, q.tz, { now: Date.now(), days: DEFAULT_DAYS }),
      interval: "day",
      tz: q.tz,
    });
    const filtered = hasScopeFilter(q);
    const scope = resolveScope(q, filtered ? await listFeeds(db) : []);
    const topic = await getTopic(db, slug);
    if (!topic) throw notFound(`no topic '${slug}'`);
    const cells = await topicSpreadCells(db, topic.id, days.edges, scope);
    const spread = topicSpread(cells, days.labels, q.outlets);
    const summaries = await articleSummaries(db, [
      ...new Set([
        ...(spread.first ? [spread.first.articleId] : []),
        ...Object.values(spread.groups).flatMap((groups) => groups.map((g) => g.firstArticleId)),
      ]),
    ]);
    const byId = new Map(summaries.map((a) => [a.id, articleOf(a)]));
    const groupsOf = (kind: SpreadKind, groups: SpreadGroup[]) => {
      const label = labeller(kind);
      return groups.flatMap((g) => {
        const firstArticle = byId.get(g.firstArticleId);
        // An article deleted between the two reads (retention, a removed feed) takes its group out of this answer.
        if (!firstArticle) return [];
        const { lagMinutes, articles, outlets, outletsReached: reached } = g;
        const outletsReached = reached && { ...reached, at: isoTime(reached.at)! };
        return [
          { key: g.key, label: label(g.key), firstArticle, lagMinutes, articles, outlets, outletsReached },
        ];
      });
    };
    const answer = {
      topic: topic.slug,
      tz: days.tz,
      from: days.from,
      to: days.to,
      outlets: q.outlets,
      articles: cells.reduce((sum, cell) => sum + cell.articles, 0),
      first: (spread.first && byId.get(spread.first.articleId)) ?? null,
      languages: groupsOf("lang", spread.groups.lang),
      countries: groupsOf("country", spread.groups.country),
      regions: groupsOf("region", spread.groups.region),
    };
    return c.json(answer, 200);
  });
}

function articleOf(a: ArticleSummaryRow) {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    source: { id: a.feedId, name: a.feedName },
    publishedAt: isoTime(a.publishedAt)!,
    sample: a.isSample,
  };
}
