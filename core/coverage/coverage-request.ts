import { DomainError } from "../errors";
import { calendarRange } from "../time/date-range";
import { type BucketPlan, type Interval, planBuckets } from "../time/time-buckets";
import {
  type CountSeries,
  type CoverageBy,
  type CoverageResponse,
  foldLike,
  type PreviousPeriod,
  type ShareOf,
  shares,
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
  return countablePlan(planBuckets({ ...days, interval: query.interval, tz: query.tz }));
}

/** The plan itself, if the rollups can count its buckets: every edge on a UTC quarter hour. */
export function countablePlan(plan: BucketPlan): BucketPlan {
  if (plan.edges.some((edge) => edge % QUARTER_MS !== 0)) {
    // Zones kept offsets like -00:44:30 until the 1970s; the rollups count in UTC quarter hours.
    throw new DomainError(
      "invalid_request",
      `${plan.tz} was not a whole number of quarter hours from UTC in this range; choose later dates or UTC`,
      { param: "tz" },
    );
  }
  return plan;
}

/**
 * Series keys and readable labels for a breakdown; regions fold countries together. `groupTotals` (share=group)
 * are attached to their groups, and a group with articles but none of the counted ones gets a series of zeros,
 * so each outlet shows what share of its coverage the topics had, 0 included. `feedName` names a feed by its id
 * (by=feed only). Groups with nothing counted in either are left out.
 */
export function labelBreakdown(
  by: Exclude<CoverageBy, "topic">,
  split: Map<string, number[]>,
  options: { groupTotals?: Map<string, number[]>; feedName?: (id: string) => string | undefined } = {},
): CountSeries[] {
  const { groupTotals } = options;
  const length = [...split.values(), ...(groupTotals?.values() ?? [])][0]?.length ?? 0;
  const keys = [...new Set([...split.keys(), ...(groupTotals?.keys() ?? [])])];
  let groups = keys.map((key) => ({
    key,
    counts: split.get(key) ?? new Array<number>(length).fill(0),
    ...(groupTotals ? { groupTotals: groupTotals.get(key) ?? new Array<number>(length).fill(0) } : {}),
  }));
  if (by === "region") groups = foldGroups(groups, (country) => regionOf(country || null));
  const present = groups.filter((g) => g.counts.some((n) => n !== 0) || g.groupTotals?.some((n) => n !== 0));
  const label = labeller(by, options.feedName);
  // Articles of no known language and outlets of no known country are keyed "" by the stores.
  return present.map((g) => ({ ...g, key: g.key || "unknown", label: label(g.key) }));
}

type Group = { key: string; counts: number[]; groupTotals?: number[] };

/** Sums groups whose keys `into` maps to one key (countries into regions). */
function foldGroups(groups: readonly Group[], into: (key: string) => string): Group[] {
  const folded = new Map<string, Group>();
  for (const g of groups) {
    const key = into(g.key);
    const sum = folded.get(key);
    if (!sum) {
      folded.set(key, {
        key,
        counts: [...g.counts],
        ...(g.groupTotals ? { groupTotals: [...g.groupTotals] } : {}),
      });
      continue;
    }
    g.counts.forEach((n, i) => {
      sum.counts[i]! += n;
    });
    g.groupTotals?.forEach((n, i) => {
      sum.groupTotals![i]! += n;
    });
  }
  return [...folded.values()];
}

/** How a breakdown names its groups: outlets by name, languages and countries in English, regions as M49 reads. */
export function labeller(by: Exclude<CoverageBy, "topic">, feedName?: (id: string) => string | undefined) {
  if (by === "feed") return (key: string) => feedName?.(key) ?? `feed ${key}`;
  if (by === "region") return (key: string) => REGION_LABELS[key as keyof typeof REGION_LABELS];
  const names = new Intl.DisplayNames(["en"], {
    type: by === "lang" ? "language" : "region",
    fallback: "code",
  });
  return (key: string) => (key ? safeName(names, key) : "Unknown");
}

function safeName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export interface CountedSeries {
  totals: number[];
  series: CountSeries[];
}

/**
 * The counted series, keyed and labelled: one per chosen topic (by=topic), or one per group. `counted` is what
 * db/queries/coverage.ts read: series keyed by topic id or group key, group totals for share=group.
 */
export function seriesOf(
  by: CoverageBy,
  chosen: ReadonlyArray<{ id: number; slug: string; name: string }>,
  counted: { totals: number[]; series: Map<string, number[]>; groupTotals?: Map<string, number[]> },
  buckets: number,
  feedName?: (id: string) => string | undefined,
): CountedSeries {
  const series =
    by === "topic"
      ? topicSeries(chosen, counted.series, buckets)
      : labelBreakdown(by, counted.series, { groupTotals: counted.groupTotals, feedName });
  return { totals: counted.totals, series };
}

/** Each chosen topic's counts as a series; a topic without rows counts zero everywhere. */
export function topicSeries(
  chosen: ReadonlyArray<{ id: number; slug: string; name: string }>,
  counted: Map<string, number[]>,
  buckets: number,
): CountSeries[] {
  return chosen.map((t) => ({
    key: t.slug,
    label: t.name,
    counts: counted.get(String(t.id)) ?? new Array<number>(buckets).fill(0),
  }));
}

export interface ShapeOptions {
  top?: number;
  smooth?: number;
  share?: ShareOf;
}

/**
 * The answer: series over one bucket list with their shares of `totals` (or, share=group, of their group
 * totals), smoothed when asked.
 */
export function coverageResponse(
  plan: BucketPlan,
  by: CoverageBy,
  totals: number[],
  series: CountSeries[],
  options: ShapeOptions = {},
): CoverageResponse {
  const share = options.share ?? "all";
  const kept = by === "topic" ? series : topSeries(series, options.top ?? 10);
  const body: CoverageResponse = {
    interval: plan.interval,
    tz: plan.tz,
    from: plan.from,
    to: plan.to,
    by,
    share,
    buckets: plan.labels,
    totals,
    series: withShares(kept, totals, share),
  };
  return options.smooth ? smooth(body, options.smooth) : body;
}

/**
 * A breakdown's groups with, at zero, those only the previous period has: so both periods name or fold the same
 * groups, and the previous period's series add up as the current ones do.
 */
export function withGroupsOf(
  series: readonly CountSeries[],
  previous: readonly CountSeries[],
  buckets: number,
): CountSeries[] {
  const known = new Set(series.map((s) => s.key));
  const zeros = () => new Array<number>(buckets).fill(0);
  const added = previous
    .filter((s) => !known.has(s.key))
    .map((s) => ({
      key: s.key,
      label: s.label,
      counts: zeros(),
      ...(s.groupTotals ? { groupTotals: zeros() } : {}),
    }));
  return [...series, ...added];
}

/** The previous period's series beside `current`'s: the same keys, folded the same way, with their shares. */
export function previousPeriod(
  current: CoverageResponse,
  plan: BucketPlan,
  totals: number[],
  series: CountSeries[],
): PreviousPeriod {
  const folded = current.by === "topic" ? series : foldLike(current.series, series, plan.labels.length);
  return {
    from: plan.from,
    to: plan.to,
    buckets: plan.labels,
    totals,
    series: folded.map((s) =>
      current.share === "group"
        ? {
            key: s.key,
            counts: s.counts,
            groupTotals: s.groupTotals!,
            shares: shares(s.counts, s.groupTotals!),
          }
        : { key: s.key, counts: s.counts, shares: shares(s.counts, totals) },
    ),
  };
}
