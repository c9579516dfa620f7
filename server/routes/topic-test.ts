import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { MatchedTerm } from "../../core/tagging/types";
import { bearer, errorResponses, isoTime, json, MatchedTermSchema } from "../api-shapes";
import type { AppDeps } from "../app";
import type { requireAdmin } from "../auth";

type DryRunExample = { id: number; title: string; publishedAt: number; terms: MatchedTerm[] };

/** What a dry run answers, as the jobs' dry run (jobs/topics/dry-run.ts) returns it. */
export interface DryRunAnswer {
  scanned: number;
  matched: number;
  examples: DryRunExample[];
  changes?: {
    slug: string;
    added: number;
    removed: number;
    addedExamples: DryRunExample[];
    removedExamples: DryRunExample[];
    retagPending: boolean;
  };
}

/**
 * Runs a dry run of a draft query over every stored article, compared with the saved tags of topic `slug` when
 * given. The composition root (server/index.ts) hands in the topic worker's, so the scan runs off the HTTP
 * event loop; it throws QueryError for a bad query and a not_found DomainError for an unknown slug.
 */
export type DryRun = (query: string, exampleCount: number, slug?: string) => Promise<DryRunAnswer>;

const DryRunRequest = z
  .object({
    query: z
      .string()
      .min(1)
      .max(20_000)
      .openapi({ example: '(deepseek OR "深度求索") AND (r1 OR reasoning)' }),
    examples: z.number().int().min(0).max(50).default(10),
    slug: z.string().min(1).max(64).optional().openapi({
      description:
        "A topic to compare with: the answer then says what the draft would add to and remove from its saved tags",
      example: "r1-release",
    }),
  })
  .openapi("DryRunRequest");

const DryRunExampleSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    publishedAt: z.string(),
    terms: z.array(MatchedTermSchema),
  })
  .openapi("DryRunExample");

const DryRunChangesSchema = z
  .object({
    slug: z.string(),
    added: z
      .number()
      .int()
      .openapi({ description: "Stored articles the draft would tag that the topic has no tag on" }),
    removed: z
      .number()
      .int()
      .openapi({ description: "Stored articles the topic has a tag on that the draft would not tag" }),
    addedExamples: z
      .array(DryRunExampleSchema)
      .openapi({ description: "The newest added articles, with the draft's matched terms" }),
    removedExamples: z
      .array(DryRunExampleSchema)
      .openapi({ description: "The newest removed articles, with the terms of their saved tag" }),
    retagPending: z.boolean().openapi({
      description: "The topic's retag has not finished, so its saved tags are partly from its previous query",
    }),
  })
  .openapi("DryRunChanges");

const DryRunSchema = z
  .object({
    scanned: z.number().int(),
    matched: z.number().int(),
    examples: z.array(DryRunExampleSchema),
    changes: DryRunChangesSchema.optional().openapi({ description: "Only when the request names a `slug`" }),
  })
  .openapi("DryRun");

const route = createRoute({
  method: "post",
  path: "/topics/test",
  operationId: "testTopicQuery",
  tags: ["topics"],
  summary:
    "Dry run of a draft query: how many stored articles it would tag, with the newest examples, and with `slug` the changes against that topic's saved tags",
  security: bearer,
  request: { body: { ...json(DryRunRequest), required: true } },
  responses: {
    200: { description: "What the query would tag", ...json(DryRunSchema) },
    ...errorResponses(400, 401, 403, 404, 413),
  },
});

export function topicTestRoutes({ dryRun }: AppDeps, admin: ReturnType<typeof requireAdmin>) {
  return new OpenAPIHono().openapi({ ...route, middleware: [admin] as const }, async (c) => {
    if (!dryRun) throw new Error("no dry run was given to the app (AppDeps.dryRun)");
    const body = c.req.valid("json");
    const result = await dryRun(body.query, body.examples, body.slug);
    const answer = {
      scanned: result.scanned,
      matched: result.matched,
      examples: exampleJson(result.examples),
    };
    const changes = result.changes;
    if (!changes) return c.json(answer, 200);
    return c.json(
      {
        ...answer,
        changes: {
          ...changes,
          addedExamples: exampleJson(changes.addedExamples),
          removedExamples: exampleJson(changes.removedExamples),
        },
      },
      200,
    );
  });
}

const exampleJson = (examples: DryRunExample[]) =>
  examples.map((e) => ({ ...e, publishedAt: isoTime(e.publishedAt)! }));
