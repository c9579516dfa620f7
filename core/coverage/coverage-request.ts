import { DomainError } from "../errors";
import { calendarRange } from "../time/date-range";
import { type BucketPlan, type Interval, planBuckets } from "../time/time-buckets";
import {
  type CountSeries,
  type CoverageBy,
  type CoverageResponse,
  smooth,
  topSeries,
  withShares,
} from "./coverage-series";
import { REGION_LABELS, regionOf } from "./regions";

/**
 * What /api/coverage decides before and after it counts: which topics, which buckets, how breakdown series are
 * labelled, and the answer's shape. Counting is db/queries/coverage.ts; the route only wires the two.
 */

const QUARTER_MS = 900_000;
/** Days shown when the request names no `from`. */
const DEFAULT_DAYS = 90;

/** The topics a `topics` parameter names (comma-separated slugs; default every topic), in its order, once each. */
export function chooseTopics<T extends { slug: string }>(all: readonly T[], param: string | undefined): T[] {
  const slugs = param
    ? [
        ...new Set(
          param
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ]
    : all.map((t) => t.slug);
  const unknown = slugs.filter((slug) => !all.some((t) => t.slug === slug));
  if (unknown.length > 0) {
    throw new DomainError("invalid_request", `unknown topic ${unknown.map((s) => `'${s}'`).join(", ")}`, {
      param: "topics",
      details: { unknown },
    });
  }
  return slugs.map((slug) => all.find((t) => t.slug === slug)!);
}

/** The buckets of a request: its days (default: the 90 up to today in tz), checked against what rollups hold. */
export function coveragePlan(
  query: { from?: string; to?: string; interval: Interval; tz: string },
  now: number,
): BucketPlan {
  const days = calendarRange(query, query.tz, { now, days: DEFAULT_DAYS });
  const plan = planBuckets({ ...days, interval: query.interval, tz: query.tz });
  if (plan.edges.some((edge) => edge % QUARTER_MS !== 0)) {
    // Zones kept offsets like -00:44:30 until the 1970s; the rollups count in UTC quarter hours.
    throw new DomainError(
      "invalid_request",
      `${query.tz} was not a whole number of quarter hours from UTC in this range; choose later dates or UTC`,
      { param: "tz" },
    );
  }
  return plan;
}

/**
 * Series keys and readable labels for a breakdown; regions fold countries together. `feedName` names a feed
 * by its id (by=feed only).
 */
export function labelBreakdown(
  by: Exclude<CoverageBy, "topic">,
  split: Map<string, number[]>,
  feedName: (id: string) => string | undefined = () => undefined,
): CountSeries[] {
  if (by === "feed") {
    return [...split].map(([key, counts]) => ({ key, label: feedName(key) ?? `feed ${key}`, counts }));
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

function safeName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Each chosen topic's counts as a series; a topic without rows counts zero everywhere. */
export function topicSeries(
  chosen: ReadonlyArray<{ id: number; slug: string; name: string }>,
  counted: Map<number, number[]>,
  buckets: number,
): CountSeries[] {
  return chosen.map((t) => ({
    key: t.slug,
    label: t.name,
    counts: counted.get(t.id) ?? new Array<number>(buckets).fill(0),
  }));
}

/** The answer: series over one bucket list with their shares of `totals`, smoothed when asked. */
export function coverageResponse(
  plan: BucketPlan,
  by: CoverageBy,
  totals: number[],
  series: CountSeries[],
  options: { top?: number; smooth?: number } = {},
): CoverageResponse {
  const kept = by === "topic" ? series : topSeries(series, options.top ?? 10);
  const body: CoverageResponse = {
    interval: plan.interval,
    tz: plan.tz,
    from: plan.from,
    to: plan.to,
    by,
    buckets: plan.labels,
    totals,
    series: withShares(kept, totals),
  };
  return options.smooth ? smooth(body, options.smooth) : body;
}
