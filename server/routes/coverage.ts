import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
import { COVERAGE_BY, SHARE_OF } from "../../core/coverage/coverage-series";
import { INTERVALS } from "../../core/time/time-buckets";
import { errorResponses, PUBLIC, ScopeFilterParams } from "../api-shapes";
import type { Reads } from "../reads/reads";

const Query = z
  .object({
    topics: z
      .string()
      .max(2000)
      .optional()
      .openapi({
        param: { name: "topics", in: "query" },
        description:
          "comma-separated slugs; default every topic (by=topic) or every article, tagged or not (any other by)",
        example: "r1-release,nvidia-valuation",
      }),
    from: z
      .string()
      .optional()
      .openapi({
        param: { name: "from", in: "query" },
        description: "first day (YYYY-MM-DD in tz), inclusive; default 90 days before to",
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
    interval: z
      .enum(INTERVALS)
      .default("day")
      .openapi({ param: { name: "interval", in: "query" } }),
    tz: z
      .string()
      .max(64)
      .default("UTC")
      .openapi({
        param: { name: "tz", in: "query" },
        description: "IANA time zone",
        example: "Europe/Berlin",
      }),
    by: z
      .enum(COVERAGE_BY)
      .default("topic")
      .openapi({ param: { name: "by", in: "query" } }),
    smooth: z.coerce
      .number()
      .int()
      .min(1)
      .max(366)
      .optional()
      .openapi({ param: { name: "smooth", in: "query" }, description: "add N-bucket trailing means" }),
    top: z.coerce
      .number()
      .int()
      .min(1)
      .max(50)
      .default(10)
      .openapi({
        param: { name: "top", in: "query" },
        description: "for by≠topic: series kept before the rest is summed into 'other'",
      }),
    format: z
      .enum(["json", "csv"])
      .default("json")
      .openapi({ param: { name: "format", in: "query" } }),
    ...ScopeFilterParams,
    share: z
      .enum(SHARE_OF)
      .default("all")
      .openapi({
        param: { name: "share", in: "query" },
        description:
          "what `shares` divide by: `all`, every article of the bucket (`totals`); `group` (by=feed|lang|country|region " +
          "only), every article of the series' own group in the bucket (`groupTotals`): the share of each outlet's coverage",
      }),
    unit: z
      .enum(["articles", "stories"])
      .default("articles")
      .openapi({
        param: { name: "unit", in: "query" },
        description:
          "what is counted: `articles`, or `stories` (GET /api/stories): a story counts once per bucket and series " +
          "when at least one of its matching articles falls in it; a breakdown counts it once in each group " +
          "(outlet, language, country, region) that ran it, so its series may add up to more than `totals`",
      }),
    compare: z
      .enum(["previous"])
      .optional()
      .openapi({
        param: { name: "compare", in: "query" },
        description:
          "`previous` adds `previous`: the same series over the period just before, bucket for bucket (day: the N days " +
          "before `from`; week/month: the range moved back by its N weeks/months; hour: the N hours before `from`)",
      }),
  })
  .strict();

const groupTotals = z.array(z.number()).optional().openapi({
  description: "share=group: every article of this series' group per bucket, the denominator of `shares`",
});

const Spike = z
  .object({
    bucket: z.string(),
    index: z.number().int(),
    count: z.number(),
    baseline: z.number().openapi({ description: "mean count per bucket of the baseline buckets" }),
    sd: z.number().openapi({ description: "their sample standard deviation" }),
    baselineBuckets: z.number().int(),
    threshold: z.number().openapi({ description: "the smallest count that would have been a spike" }),
    pValue: z.number().openapi({ description: "P(a count at least this high) under the baseline" }),
  })
  .openapi("Spike", {
    description:
      "A bucket the spike rule marks (the rule the spike alerts use): count >= 5 and a negative-binomial tail " +
      "P(X >= count) <= 0.001, with X's mean and variance from the baseline buckets (hour: 168, day: 28, " +
      "week and month: 12) before the 2 buckets just before it, read from before the range when needed.",
  });
const Series = z.object({
  key: z.string(),
  label: z.string(),
  color: z.string().optional(),
  counts: z.array(z.number()),
  shares: z.array(z.number()),
  groupTotals,
  smoothedCounts: z.array(z.number()).optional(),
  smoothedShares: z.array(z.number()).optional(),
  spikes: z.array(Spike),
});
const Previous = z
  .object({
    from: z.string(),
    to: z.string(),
    buckets: z.array(z.string()),
    totals: z.array(z.number()),
    series: z.array(
      z.object({ key: z.string(), counts: z.array(z.number()), shares: z.array(z.number()), groupTotals }),
    ),
  })
  .openapi("CoveragePrevious", {
    description:
      "compare=previous: the period just before, as many buckets long; its series have the keys of `series`, in " +
      "the same order, and `counts[i]` stands beside `counts[i]` of the current period",
  });
const Coverage = z
  .object({
    interval: z.enum(INTERVALS),
    tz: z.string(),
    from: z.string(),
    to: z.string(),
    by: z.enum(COVERAGE_BY),
    share: z.enum(SHARE_OF),
    buckets: z.array(z.string()),
    totals: z.array(z.number()),
    smooth: z.number().optional(),
    smoothedTotals: z.array(z.number()).optional(),
    series: z.array(Series),
    previous: Previous.optional(),
  })
  .openapi("Coverage");

const route = createRoute({
  method: "get",
  path: "/coverage",
  operationId: "getCoverage",
  tags: ["coverage"],
  security: PUBLIC,
  summary: "Coverage over time: dense, zero-filled series on one bucket list",
  description:
    "Counts of tagged articles per bucket. `totals` counts every article in the bucket (the denominator of `shares`). " +
    "With by=feed|lang|country|region the articles carrying at least one selected topic are split by outlet, " +
    "language, country or Global North/South (UN M49 developed regions), each article once; without `topics` every " +
    "article is split, so the series add up to `totals`. The filters feed, folder, lang, country and region narrow every " +
    "number, `totals` included. Unknown parameters are a 400.",
  request: { query: Query },
  responses: {
    200: {
      description: "The series (or CSV with format=csv)",
      content: { "application/json": { schema: Coverage }, "text/csv": { schema: z.string() } },
    },
    ...errorResponses(400),
  },
});

export function coverageRoutes({ reads }: { reads: Reads }) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const answer = await reads.coverage(c.req.valid("query"), c.req.raw.signal);
    c.header("x-tidemark-counted-from", answer.countedFrom);
    if (answer.format === "csv") {
      return c.body(answer.csv, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${answer.filename}"`,
      });
    }
    // The read worker sends the body as text with its ETag (hono/etag then has nothing to hash); typed as the
    // JSON it is, for the dashboard's client (web/api.ts).
    const sent = c.body(answer.json, 200, { "content-type": "application/json", etag: answer.etag });
    return sent as unknown as TypedResponse<z.infer<typeof Coverage>, 200, "json">;
  });
}
