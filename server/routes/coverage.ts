import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  COVERAGE_BY,
  type CountSeries,
  type CoverageBy,
  type CoverageResponse,
  smooth,
  toCsv,
  topSeries,
  withShares,
} from "../../core/coverage/coverage-series";
import { REGION_LABELS, regionOf } from "../../core/coverage/regions";
import { calendarRange } from "../../core/time/date-range";
import { INTERVALS, type Interval, planBuckets } from "../../core/time/time-buckets";
import { breakdownCounts, topicCounts } from "../../db/queries/coverage";
import { listFeeds } from "../../db/queries/feeds";
import { listTopicNames } from "../../db/queries/topics";
import { errorResponses, PUBLIC } from "../api-shapes";
import type { AppDeps } from "../app";
import { badRequest } from "../errors";

const QUARTER_MS = 900_000;

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

const Series = z.object({
  key: z.string(),
  label: z.string(),
  color: z.string().optional(),
  counts: z.array(z.number()),
  shares: z.array(z.number()),
  smoothedCounts: z.array(z.number()).optional(),
  smoothedShares: z.array(z.number()).optional(),
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
    const all = await listTopicNames(db);
    const slugs = q.topics
      ? [
          ...new Set(
            q.topics
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ]
      : all.map((t) => t.slug);
    const unknown = slugs.filter((slug) => !all.some((t) => t.slug === slug));
    if (unknown.length > 0)
      throw badRequest(`topics: unknown topic ${unknown.map((s) => `'${s}'`).join(", ")}`, { unknown });
    const chosen = slugs.map((slug) => all.find((t) => t.slug === slug)!);

    const plan = bucketPlan(q.from, q.to, q.interval, q.tz);
    if (plan.edges.some((edge) => edge % QUARTER_MS !== 0)) {
      // Zones kept offsets like -00:44:30 until the 1970s; the rollups count in UTC quarter hours.
      throw badRequest(
        `tz: ${q.tz} was not a whole number of quarter hours from UTC in this range; choose later dates or UTC`,
      );
    }
    const ids = chosen.map((t) => t.id);
    const counted = await topicCounts(db, {
      topicIds: q.by === "topic" ? [0, ...ids] : [0],
      edges: plan.edges,
    });
    const zeros = () => new Array<number>(plan.labels.length).fill(0);
    const totals = counted.get(0) ?? zeros();

    let series: CountSeries[];
    if (q.by === "topic") {
      series = chosen.map((t) => ({ key: t.slug, label: t.name, counts: counted.get(t.id) ?? zeros() }));
    } else {
      const split =
        ids.length === 0
          ? new Map<string, number[]>()
          : await breakdownCounts(db, {
              topicIds: ids,
              edges: plan.edges,
              by: q.by === "region" ? "country" : q.by,
            });
      series = topSeries(await labelled(q.by, split), q.top);
    }
    const colors = new Map(chosen.map((t) => [t.slug, t.color]));
    let body: CoverageResponse = {
      interval: q.interval,
      tz: q.tz,
      from: plan.from,
      to: plan.to,
      by: q.by as CoverageBy,
      buckets: plan.labels,
      totals,
      series: withShares(series, totals),
    };
    if (q.smooth) body = smooth(body, q.smooth);
    if (q.format === "csv") {
      return c.body(toCsv(body), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="tidemark-coverage-${plan.from}-${plan.to}.csv"`,
      });
    }
    const coloured = body.series.map((s) => (q.by === "topic" ? { ...s, color: colors.get(s.key) } : s));
    return c.json({ ...body, series: coloured }, 200);
  });

  /** Series keys and readable labels for a breakdown; regions fold countries together. */
  async function labelled(
    by: Exclude<CoverageBy, "topic">,
    split: Map<string, number[]>,
  ): Promise<CountSeries[]> {
    if (by === "feed") {
      const names = new Map((await listFeeds(db)).map((f) => [String(f.id), f.name ?? f.url]));
      return [...split].map(([key, counts]) => ({ key, label: names.get(key) ?? `feed ${key}`, counts }));
    }
    if (by === "region") {
      const regions = new Map<string, number[]>();
      for (const [country, counts] of split) {
        const region = regionOf(country || null);
        const sum = regions.get(region);
        regions.set(region, sum ? sum.map((v, i) => v + counts[i]!) : [...counts]);
      }
      return [...regions].map(([key, counts]) => ({
        key,
        label: REGION_LABELS[key as keyof typeof REGION_LABELS],
        counts,
      }));
    }
    const names = new Intl.DisplayNames(["en"], {
      type: by === "lang" ? "language" : "region",
      fallback: "code",
    });
    return [...split].map(([key, counts]) => ({
      key: key || "unknown",
      label: key ? safeName(names, key) : "Unknown",
      counts,
    }));
  }
}

function safeName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The bucket plan, with the defaults (the 90 days up to today in tz) and errors naming the parameter. */
function bucketPlan(from: string | undefined, to: string | undefined, interval: Interval, tz: string) {
  const days = calendarRange({ from, to }, tz, { now: Date.now(), days: 90 });
  return planBuckets({ ...days, interval, tz });
}
