import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  chooseTopics,
  coveragePlan,
  coverageResponse,
  labelBreakdown,
  topicSeries,
} from "../../core/coverage/coverage-request";
import { COVERAGE_BY, type CountSeries, type CoverageBy, toCsv } from "../../core/coverage/coverage-series";
import { leadInPlan, withSpikes } from "../../core/coverage/series-spikes";
import { SPIKE_RULES } from "../../core/spike-rule";
import { type BucketPlan, INTERVALS } from "../../core/time/time-buckets";
import { breakdownCounts, topicCounts } from "../../db/queries/coverage";
import { listFeeds } from "../../db/queries/feeds";
import { listTopicNames } from "../../db/queries/topics";
import { errorResponses, PUBLIC } from "../api-shapes";
import type { AppDeps } from "../app";

const Query = z.object({
  topics: z
    .string()
    .max(2000)
    .optional()
    .openapi({
      param: { name: "topics", in: "query" },
      description: "comma-separated slugs; default every topic",
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
    .openapi({ param: { name: "tz", in: "query" }, description: "IANA time zone", example: "Europe/Berlin" }),
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
  smoothedCounts: z.array(z.number()).optional(),
  smoothedShares: z.array(z.number()).optional(),
  spikes: z.array(Spike),
});
const Coverage = z
  .object({
    interval: z.enum(INTERVALS),
    tz: z.string(),
    from: z.string(),
    to: z.string(),
    by: z.enum(COVERAGE_BY),
    buckets: z.array(z.string()),
    totals: z.array(z.number()),
    smooth: z.number().optional(),
    smoothedTotals: z.array(z.number()).optional(),
    series: z.array(Series),
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
    "With by=feed|lang|country|region the selected topics' tags are split by outlet, language, country or " +
    "Global North/South (UN M49 developed regions); an article with two selected topics counts once for each.",
  request: { query: Query },
  responses: {
    200: {
      description: "The series (or CSV with format=csv)",
      content: { "application/json": { schema: Coverage }, "text/csv": { schema: z.string() } },
    },
    ...errorResponses(400),
  },
});

export function coverageRoutes({ db }: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const q = c.req.valid("query");
    const chosen = chooseTopics(await listTopicNames(db), q.topics);
    const plan = coveragePlan(q, Date.now());
    const ids = chosen.map((t) => t.id);
    const counted = await topicCounts(db, {
      topicIds: q.by === "topic" ? [0, ...ids] : [0],
      edges: plan.edges,
    });
    const totals = counted.get(0) ?? new Array<number>(plan.labels.length).fill(0);
    const series =
      q.by === "topic"
        ? topicSeries(chosen, counted, plan.labels.length)
        : labelBreakdown(q.by, await breakdown(q.by, ids, plan.edges), await feedNames(q.by));
    const shaped = coverageResponse(plan, q.by, totals, series, { top: q.top, smooth: q.smooth });
    if (q.format === "csv") {
      return c.body(toCsv(shaped), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="tidemark-coverage-${plan.from}-${plan.to}.csv"`,
      });
    }
    const rule = SPIKE_RULES[plan.interval];
    const lead = leadInPlan(plan, rule);
    const leadIn = lead ? await leadInSeries(q.by, chosen, lead) : { series: [], totals: [] };
    const stored = { leadIn: leadIn.totals, counts: totals };
    const body = { ...shaped, series: withSpikes(shaped.series, plan.labels, leadIn.series, rule, stored) };
    const colors = new Map(chosen.map((t) => [t.slug, t.color]));
    const coloured = body.series.map((s) => (q.by === "topic" ? { ...s, color: colors.get(s.key) } : s));
    return c.json({ ...body, series: coloured }, 200);
  });

  /** The same series and totals over the buckets before the range, which the first buckets' baselines need. */
  async function leadInSeries(
    by: CoverageBy,
    chosen: ReadonlyArray<{ id: number; slug: string; name: string }>,
    lead: BucketPlan,
  ): Promise<{ series: CountSeries[]; totals: number[] }> {
    const ids = chosen.map((t) => t.id);
    const counted = await topicCounts(db, {
      topicIds: by === "topic" ? [0, ...ids] : [0],
      edges: lead.edges,
    });
    const totals = counted.get(0) ?? new Array<number>(lead.labels.length).fill(0);
    if (by !== "topic") return { series: labelBreakdown(by, await breakdown(by, ids, lead.edges)), totals };
    return { series: topicSeries(chosen, counted, lead.labels.length), totals };
  }

  /** The selected topics' articles split by group; no topic selected, nothing to split. */
  async function breakdown(by: Exclude<CoverageBy, "topic">, topicIds: number[], edges: number[]) {
    if (topicIds.length === 0) return new Map<string, number[]>();
    return breakdownCounts(db, { topicIds, edges, by: by === "region" ? "country" : by });
  }

  /** Feed names by id, read only for by=feed. */
  async function feedNames(by: CoverageBy) {
    if (by !== "feed") return undefined;
    const names = new Map((await listFeeds(db)).map((f) => [String(f.id), f.name ?? f.url]));
    return (id: string) => names.get(id);
  }
}
