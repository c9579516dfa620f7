import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { MatchedTerm } from "../../core/tagging/types";
import { bearer, errorResponses, isoTime, json, MatchedTermSchema } from "../api-shapes";
import type { AppDeps } from "../app";
import type { requireAdmin } from "../auth";

/** What a dry run answers, as the jobs' dry run (jobs/topics/dry-run.ts) returns it. */
export interface DryRunAnswer {
  scanned: number;
  matched: number;
  examples: Array<{ id: number; title: string; publishedAt: number; terms: MatchedTerm[] }>;
}

/**
 * Runs a dry run of a draft query over every stored article. The composition root (server/index.ts) hands in
 * the topic worker's, so the scan runs off the HTTP event loop; it throws QueryError for a bad query.
 */
export type DryRun = (query: string, exampleCount: number) => Promise<DryRunAnswer>;

const DryRunRequest = z
  .object({
    query: z
      .string()
      .min(1)
      .max(20_000)
      .openapi({ example: '(deepseek OR "深度求索") AND (r1 OR reasoning)' }),
    examples: z.number().int().min(0).max(50).default(10),
  })
  .openapi("DryRunRequest");

const DryRunSchema = z
  .object({
    scanned: z.number().int(),
    matched: z.number().int(),
    examples: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        publishedAt: z.string(),
        terms: z.array(MatchedTermSchema),
      }),
    ),
  })
  .openapi("DryRun");

const route = createRoute({
  method: "post",
  path: "/topics/test",
  operationId: "testTopicQuery",
  tags: ["topics"],
  summary: "Dry run of a draft query: how many stored articles it would tag, with the newest examples",
  security: bearer,
  request: { body: { ...json(DryRunRequest), required: true } },
  responses: {
    200: { description: "What the query would tag", ...json(DryRunSchema) },
    ...errorResponses(400, 401, 403, 413),
  },
});

export function topicTestRoutes({ dryRun }: AppDeps, admin: ReturnType<typeof requireAdmin>) {
  return new OpenAPIHono().openapi({ ...route, middleware: [admin] as const }, async (c) => {
    if (!dryRun) throw new Error("no dry run was given to the app (AppDeps.dryRun)");
    const body = c.req.valid("json");
    const result = await dryRun(body.query, body.examples);
    const examples = result.examples.map((e) => ({ ...e, publishedAt: isoTime(e.publishedAt)! }));
    return c.json({ scanned: result.scanned, matched: result.matched, examples }, 200);
  });
}
