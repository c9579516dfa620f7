import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { chooseTopics } from "../../core/coverage/coverage-request";
import { NO_SCOPE, resolveScope } from "../../core/coverage/coverage-scope";
import { instantRange, isTimeBound } from "../../core/time/date-range";
import {
  countSelectedArticles,
  decodeCursor,
  encodeCursor,
  listArticles,
  tagsOfArticles,
} from "../../db/queries/articles";
import { listFeeds } from "../../db/queries/feeds";
import { MAX_SEARCH_LENGTH, planSearch } from "../../db/queries/search-query";
import { getTopic, listTopicNames } from "../../db/queries/topics";
import {
  errorResponses,
  isoTime,
  json,
  limitParam,
  MatchedTermSchema,
  PUBLIC,
  pageOf,
  ScopeFilterParams,
} from "../api-shapes";
import type { AppDeps } from "../app";
import { badRequest } from "../errors";

/**
 * `from`/`to` take a UTC date (YYYY-MM-DD, whole day) or an ISO 8601 time with an offset. Both bounds are
 * inclusive; a date as `to` includes that whole day.
 */
const timeParam = (name: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || isTimeBound(v), {
      message: `${name} must be a date (YYYY-MM-DD) or an ISO 8601 time with offset (2025-01-27T09:00:00Z)`,
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
          `nextCursor pages through them like any other filter. At most ${MAX_SEARCH_LENGTH} characters.`,
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

type TopicTag = { slug: string; terms: Array<z.infer<typeof MatchedTermSchema>> };

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

export function articleRoutes({ db }: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const q = c.req.valid("query");
    const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (q.cursor !== undefined && !cursor) throw badRequest("cursor: not a cursor from this API");
    const { from, toExclusive: to } = instantRange(q);
    if (q.topic !== undefined && q.topics !== undefined)
      throw badRequest("topics: give topic or topics, not both");
    const topic = q.topic === undefined ? undefined : await getTopic(db, q.topic);
    if (q.topic !== undefined && !topic) throw badRequest(`topic: no topic '${q.topic}'`);
    const anyOf = q.topics?.trim()
      ? chooseTopics(await listTopicNames(db), q.topics).map((t) => t.id)
      : undefined;
    const search = q.q === undefined ? undefined : planSearch(q.q);
    if (search && !search.ok) throw badRequest(`q: ${search.message}`);
    const filtered = q.feed ?? q.lang ?? q.country ?? q.region;
    const scope = filtered === undefined ? NO_SCOPE : resolveScope(q, await listFeeds(db));
    const selected = {
      topicId: topic?.id,
      topicIds: anyOf,
      feedIds: scope.feedIds,
      langs: scope.langs,
      from,
      to,
      search: search?.plan,
    };
    const { rows, next } = await listArticles(db, { ...selected, limit: q.limit, cursor });
    const total = q.total === "1" ? await countSelectedArticles(db, selected) : undefined;
    const tags = await tagsOfArticles(
      db,
      rows.map((r) => r.id),
    );
    const topicsOf = new Map<number, TopicTag[]>();
    for (const tag of tags) {
      const list = topicsOf.get(tag.articleId) ?? [];
      list.push({ slug: tag.slug, terms: tag.terms });
      topicsOf.set(tag.articleId, list);
    }
    return c.json(
      {
        items: rows.map((row) => ({
          id: row.id,
          url: row.url,
          title: row.title,
          summary: row.summary,
          author: row.author,
          source: { id: row.feedId, name: row.feedName, country: row.feedCountry },
          lang: row.lang,
          publishedAt: isoTime(row.publishedAt)!,
          firstSeenAt: isoTime(row.firstSeenAt)!,
          topics: topicsOf.get(row.id) ?? [],
          storyId: row.storyId,
          sample: row.isSample,
        })),
        nextCursor: next ? encodeCursor(next) : null,
        ...(total === undefined ? {} : { total }),
      },
      200,
    );
  });
}
