import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ScopeParams } from "../../core/coverage/coverage-scope";
import { evidenceScope, missItems } from "../../core/tagging/evidence-answer";
import {
  EVIDENCE_DEFAULT_DAYS,
  MISS_MIN_Z,
  MISS_TERMS,
  TopicEvidence,
} from "../../core/tagging/topic-evidence";
import { isTimeBound } from "../../core/time/date-range";
import { resolveScopeIn } from "../../db/queries/feeds";
import { articleSummaries, readEvidenceTexts } from "../../db/queries/topic-evidence";
import { getTopic } from "../../db/queries/topics";
import { errorResponses, json, PUBLIC, ScopeFilterParams, SlugParam } from "../api-shapes";
import type { AppDeps } from "../app";
import { notFound } from "../errors";
import type { Reads } from "../reads/reads";

/**
 * Evidence for growing a topic's query: its distinctive terms (weighted log-odds against the rest of the
 * coverage) and the untagged articles that use them most. Users grow a query from these and try it with the
 * dry run before saving it.
 */

const timeParam = (name: "from" | "to") =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || isTimeBound(v), {
      message: "must be a date (YYYY-MM-DD) or an ISO 8601 time with offset (2025-01-27T09:00:00Z)",
    })
    .openapi({
      param: { name, in: "query" },
      description:
        name === "from"
          ? `Inclusive start; default ${EVIDENCE_DEFAULT_DAYS} days before \`to\``
          : "Inclusive end (a date includes its whole day); default the newest stored article",
      example: name === "from" ? "2025-01-01" : "2025-03-31",
    });

const limitParam = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(fallback)
    .openapi({ param: { name: "limit", in: "query" } });

/** The filters of /api/coverage: both sides are read under them, so the rest is the rest of those outlets. */
const evidenceQuery = (defaultLimit: number) =>
  z
    .object({
      from: timeParam("from"),
      to: timeParam("to"),
      feed: ScopeFilterParams.feed,
      folder: ScopeFilterParams.folder,
      lang: ScopeFilterParams.lang,
      country: ScopeFilterParams.country,
      region: ScopeFilterParams.region,
      limit: limitParam(defaultLimit),
    })
    .strict();

const EvidenceScope = {
  topic: z.string().openapi({ example: "ascend-chips" }),
  from: z.string().openapi({ description: "First instant of the period read" }),
  to: z.string().openapi({ description: "Last instant of the period read" }),
  lang: z.string().nullable().openapi({
    description: "The languages read (the `lang` filter), comma-separated; null: every language",
  }),
  articles: z
    .object({
      topic: z.number().int().openapi({ description: "Tagged articles read" }),
      rest: z.number().int().openapi({ description: "Other articles of the period read" }),
      cap: z
        .number()
        .int()
        .openapi({ description: "At most this many articles are read per side, newest first" }),
      topicCapped: z.boolean(),
      restCapped: z.boolean(),
    })
    .openapi({ description: "What the statistics were computed on" }),
  nextCursor: z.null(),
};

const TermSchema = z
  .object({
    term: z.string().openapi({ description: "The form the topic's articles use most", example: "Ascend" }),
    kind: z.enum(["word", "phrase"]).openapi({
      description: "word: one word (in Chinese and Japanese, two characters); phrase: two adjacent words",
    }),
    topicCount: z.number().int().openapi({ description: "Tagged articles that use it" }),
    restCount: z.number().int().openapi({ description: "Other articles that use it" }),
    logOdds: z.number(),
    z: z.number().openapi({ description: "The log-odds over its standard error: the rank" }),
  })
  .openapi("DistinctiveTerm");

const MissSchema = z
  .object({
    id: z.number().int(),
    url: z.string().nullable(),
    title: z.string(),
    source: z.object({ id: z.number().int(), name: z.string().nullable() }),
    lang: z.string().nullable(),
    publishedAt: z.string(),
    score: z.number().openapi({ description: "The sum of the z-scores of the terms below" }),
    terms: z.array(z.object({ term: z.string(), z: z.number() })).openapi({
      description: "The topic's distinctive terms this article uses (its strongest), as it writes them",
    }),
    sample: z.boolean().openapi({ description: "true for the bundled sample coverage's invented articles" }),
  })
  .openapi("TopicMiss");

const routes = {
  terms: createRoute({
    method: "get",
    path: "/topics/{slug}/terms",
    operationId: "listTopicTerms",
    tags: ["topics"],
    summary: "The words and phrases most distinctive of a topic's articles against the rest of the coverage",
    description:
      "Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), ranked by " +
      "z-score, over unigrams and bigrams analysed as the tagger does (folded, stemmed in the article's language; " +
      "Chinese and Japanese as character bigrams). Counts are articles. The other articles are weighted to the " +
      "topic's mix of languages.",
    security: PUBLIC,
    request: { params: SlugParam, query: evidenceQuery(50) },
    responses: {
      200: {
        description: "Distinctive terms, highest z first",
        ...json(z.object({ items: z.array(TermSchema), ...EvidenceScope }).openapi("TopicTerms")),
      },
      ...errorResponses(400, 404, 429),
    },
  }),
  misses: createRoute({
    method: "get",
    path: "/topics/{slug}/misses",
    operationId: "listTopicMisses",
    tags: ["topics"],
    summary: "Untagged articles that look most like a topic's: candidates for a wider query",
    description:
      "Each article of the period that does not carry the topic is scored by the sum of the z-scores of the " +
      `${MISS_TERMS} strongest of the topic's distinctive terms it uses (z at least ${MISS_MIN_Z}, used by two ` +
      "or more tagged articles).",
    security: PUBLIC,
    request: { params: SlugParam, query: evidenceQuery(20) },
    responses: {
      200: {
        description: "Untagged articles, most topic-like first",
        ...json(z.object({ items: z.array(MissSchema), ...EvidenceScope }).openapi("TopicMisses")),
      },
      ...errorResponses(400, 404, 429),
    },
  }),
};

export function topicEvidenceRoutes({ db, reads }: Pick<AppDeps, "db"> & { reads: Reads }) {
  const read = async (slug: string, query: ScopeParams & { from?: string; to?: string }) => {
    const topic = await getTopic(db, slug);
    if (!topic) throw notFound(`no topic '${slug}'`);
    const scope = await resolveScopeIn(db, query);
    const texts = await readEvidenceTexts(db, topic.id, query, scope, { now: Date.now() });
    return { texts, scope };
  };
  return (
    new OpenAPIHono()
      // The terms read and analyse thousands of articles: a read worker's job (server/reads/terms-answer.ts).
      .openapi(routes.terms, async (c) =>
        c.json(
          await reads.terms({ ...c.req.valid("query"), slug: c.req.valid("param").slug }, c.req.raw.signal),
          200,
        ),
      )
      .openapi(routes.misses, async (c) => {
        const { slug } = c.req.valid("param");
        const { limit, ...query } = c.req.valid("query");
        const { texts, scope } = await read(slug, query);
        const misses = new TopicEvidence(texts.topic, texts.rest).misses(limit);
        const items = missItems(
          misses,
          await articleSummaries(
            db,
            misses.map((m) => m.article.id),
          ),
        );
        return c.json({ items, ...evidenceScope(slug, scope.langs, texts) }, 200);
      })
  );
}
