import { type CoverageQuery, getCoverage } from "../api";
import type { DataSpan } from "./data-span";
import { addDays, extentOfInstants, extentOfMonths, presetRange, todayIn } from "./date-range";
import type { DashboardState } from "./url-state";

export interface DateSpan {
  from: string;
  to: string;
}

/**
 * The from/to a state stands for: a preset's last N days, custom dates, or the data's extent for "all". The
 * extent comes from the page's data span (web/state/data-span.ts) when it carries one, with no request;
 * otherwise it is probed once per zone and remembered (a failed probe is forgotten, so the next view asks
 * again). The dashboard and the embed share it, so one link shows the same span in both.
 */
export function createRangeResolver(
  span: DataSpan | null | undefined,
  now: () => number = Date.now,
): (s: DashboardState) => Promise<DateSpan> {
  const extents = new Map<string, Promise<DateSpan | null>>();
  return async (s) => {
    const known = knownRange(span, s, now());
    if (known) return known;
    const today = todayIn(s.tz, now());
    let extent = extents.get(s.tz);
    if (!extent) {
      // One coarse probe (a count per month since 2000) finds where the data is; cheap from the rollups.
      extent = getCoverage({ topics: [], from: "2000-01-01", to: today, interval: "month", tz: s.tz }).then(
        (probe) => extentOfMonths(probe.buckets, probe.totals, today),
      );
      extents.set(s.tz, extent);
      extent.catch(() => extents.delete(s.tz));
    }
    return (await extent) ?? fallback(today);
  };
}

/**
 * The span of a state when it needs no request: custom dates, a preset, or "all" over the page's data span;
 * null when "all" must be probed (a page without the span). Synchronous, so the first chart's request can leave
 * while the page's modules are still being evaluated rather than after them (an await would wait for all of them).
 */
export function knownRange(
  span: DataSpan | null | undefined,
  s: DashboardState,
  now: number = Date.now(),
): DateSpan | null {
  const today = todayIn(s.tz, now);
  if (s.range === "custom" && s.from && s.to) return { from: s.from, to: s.to };
  const preset = presetRange(s.range, today);
  if (preset) return preset;
  if (span !== undefined) return (span && extentOfInstants(span, s.tz, today)) ?? fallback(today);
  return null;
}

/** "All" of an empty store: the last 90 days, where new articles will show. */
const fallback = (today: string): DateSpan => ({ from: addDays(today, -89), to: today });

/** The main chart's coverage request for a state over a span. */
export function coverageQuery(s: DashboardState, range: DateSpan): CoverageQuery {
  return {
    topics: s.topics,
    ...range,
    interval: s.interval,
    tz: s.tz,
    smooth: s.smooth || undefined,
    compare: "previous",
    unit: s.unit === "stories" ? "stories" : undefined,
    ...s.filters,
  };
}
